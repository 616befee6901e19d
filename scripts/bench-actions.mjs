#!/usr/bin/env node
// Joint-actions list benchmark (not a test; issue 5): the list page under load. Loads the
// access benchmark's data set (scripts/bench-access/generate.sql: ~300 organisations,
// 10,000 people, 100,000 items) plus the content of its ~40,000 joint actions
// (scripts/bench-actions/generate.sql), serves the built app, and runs autocannon on
// loopback against
//   1. the server-rendered list page /en/actions (plain, filtered + page 3, search), and
//   2. the PostgREST requests that page makes, through the gateway, as a member (access
//      token signed with the local JWT secret), as the secret key (service_role, no RLS)
//      and as an anonymous visitor,
// then times the same queries inside the database (EXPLAIN ANALYZE), restores the demo
// database (stack reset) and writes the "Joint actions list under load" section of
// docs/benchmarks.md. Slow numbers are reported, not failed: the exit code is 0 unless the
// benchmark itself cannot run.
//
//   npm run bench:actions                  (node scripts/bench-actions.mjs)
//   node scripts/bench-actions.mjs --keep  leave the data set loaded (no reset)
//   BENCH_SKIP_BUILD=1                      serve the existing build/ as it is
//   BENCH_PORT=4192  BENCH_PAGE_SECONDS=20  BENCH_API_SECONDS=8  BENCH_CONNECTIONS=10
//
// The page is measured as an anonymous visitor and, when the stack runs Supabase Auth,
// signed in as a typical member (the issue's reader): the member gets a password for the
// run and signs in through the app's own sign-in form, and the session cookie it receives
// goes with every request (so each page view also asks Auth who the cookie belongs to,
// as hooks.server.ts does). Without Auth (it cannot be built where the Go module proxy
// refuses it) the signed-in page is left out and the member's PostgREST token is signed
// with the local JWT secret, with the claims Auth would issue.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { reset, start, stop } from './stack.mjs';
import { API_URL, DB_URL, RUN_DIR, anonKey, serviceRoleKey, signJwt } from './stack/config.mjs';
import { isAlive, readPidFile } from './stack/proc.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACCESS_GENERATOR = path.join(ROOT, 'scripts', 'bench-access', 'generate.sql');
const ACTIONS_GENERATOR = path.join(ROOT, 'scripts', 'bench-actions', 'generate.sql');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const SECTION = '## Joint actions list under load (npm run bench:actions)';
const KEEP = process.argv.includes('--keep');

const PORT = Number(process.env.BENCH_PORT ?? 4192);
const APP = `http://localhost:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 20);
const API_SECONDS = Number(process.env.BENCH_API_SECONDS ?? 8);
const WARMUP_SECONDS = 3;
const PAGE_P95_LIMIT_MS = 200;
const RATIO_LIMIT = 1.5;
const BENCH_ITEMS = 100_000;
const SEARCH_WORD = 'Kinshasa';
/** The previous run's headline numbers (before the list's order, count, search and facets changed). */
const PREVIOUS = {
	date: '2026-11-28T02:40:00Z',
	change: 'before the changes listed under Findings',
	pageP95: '3858 / 3656 / 1439 ms',
	memberList: 5665,
	serviceList: 3495
};
/** The member's password for the run (bench data only; set in the database, never stored). */
const MEMBER_PASSWORD = `bench-${randomUUID()}`;

/** As the page asks: jointActions.PAGE_SIZE and listing.SEARCH_LIMIT (src/lib/server). */
const PAGE_SIZE = 12;
const SEARCH_LIMIT = 300;
/** The lists' count (jointActions.list: `count: 'estimated'`) and PostgREST's max-rows. */
const COUNT_PREFER = 'count=estimated';
const MAX_ROWS = 1000;
// Select strings copied from src/lib/server/jointActions.ts (LIST_COLUMNS) and
// src/lib/server/organisations.ts (DIRECTORY_COLUMNS); whitespace dropped as postgrest-js does.
const LIST_COLUMNS = `id, original_locale, original_revision, areas, crc_articles, countries, phase, starts_on, ends_on,
	item:items!inner(status, visibility, published_at, owner:organisations!items_owner_organisation_id_fkey(slug, name)),
	translations:joint_action_translations(locale, title, summary, source_revision)`;
const DIRECTORY_COLUMNS = 'id, slug, name, kind, status, is_coordinating, country, languages';

const select = (columns) => columns.replace(/\s+/g, '');
const query = (params) => new URLSearchParams(params).toString();

/**
 * The PostgREST requests of the list page, as postgrest-js builds them from
 * jointActions.list/facets, listing.searchRanks and organisations.list (checked by
 * capturing its fetch): newest first by publication (`order=published_at.desc.nullslast,id.asc`,
 * the item's date copied onto joint_actions and indexed), with
 * `Prefer: count=estimated`; a search lists its hits by id, unordered and unpaged (the
 * page sorts them by rank).
 */
const listPath = ({ area, page = 1, ids } = {}) => {
	const params = { select: select(LIST_COLUMNS) };
	if (ids) params.id = `in.(${ids.join(',')})`;
	if (area) params.areas = `cs.{${area}}`;
	if (!ids) {
		params.order = 'published_at.desc.nullslast,id.asc';
		params.offset = String((page - 1) * PAGE_SIZE);
		params.limit = String(PAGE_SIZE);
	}
	return `/rest/v1/joint_actions?${query(params)}`;
};
const API_QUERIES = [
	{
		name: 'list',
		label: 'list, page 1 (embeds + count=estimated)',
		path: () => listPath(),
		count: true
	},
	{
		name: 'filtered',
		label: 'list, area=legal_actions, page 3',
		path: () => listPath({ area: 'legal_actions', page: 3 }),
		count: true
	},
	{
		name: 'facets',
		label: 'facets (rpc joint_action_countries)',
		path: () => '/rest/v1/rpc/joint_action_countries',
		method: 'POST',
		body: '{}'
	},
	{
		name: 'organisations',
		label: 'organisations directory',
		path: () =>
			`/rest/v1/organisations?${query({ select: select(DIRECTORY_COLUMNS), order: 'name.asc' })}`
	},
	{
		name: 'search',
		label: `search rpc ("${SEARCH_WORD}", order=rank.desc, limit ${SEARCH_LIMIT})`,
		path: () => `/rest/v1/rpc/search_items?${query({ order: 'rank.desc', limit: SEARCH_LIMIT })}`,
		method: 'POST',
		body: JSON.stringify({ query: SEARCH_WORD, kind: 'joint_action' })
	},
	{
		name: 'searchList',
		label: `list of the search hits (id=in.(≤ ${SEARCH_LIMIT} ids) + count=estimated)`,
		path: (caller) => listPath({ ids: caller.searchIds }),
		count: true
	}
];

const PAGES = [
	{ name: 'list', path: '/en/actions' },
	{ name: 'filtered', path: '/en/actions?area=legal_actions&page=3' },
	{ name: 'search', path: `/en/actions?q=${SEARCH_WORD}` }
];
// What a browser sends (the server compresses the HTML: scripts/serve.mjs).
const BROWSER_HEADERS = {
	accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
	'accept-encoding': 'gzip, deflate, br',
	'accept-language': 'en'
};

// --- small utilities ---------------------------------------------------------------

function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

const ms = (value) =>
	Number.isNaN(value) ? '–' : value >= 10 ? value.toFixed(0) : value.toFixed(1);
const thousands = (n) => Number(n).toLocaleString('en-GB');
const kb = (bytes) => (bytes / 1024).toFixed(1);

function table(header, rows) {
	const widths = header.map((h, i) =>
		Math.max(h.length, ...rows.map((row) => String(row[i]).length))
	);
	const line = (cells) =>
		cells
			.map((cell, i) => String(cell).padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function markdownTable(header, rows) {
	const line = (cells) =>
		`| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

class SanityError extends Error {}

function check(condition, message, checks) {
	checks.push(`${condition ? 'ok' : 'FAILED'}: ${message}`);
	if (!condition) throw new SanityError(message);
}

// --- holding off other stack commands (as scripts/bench-access.mjs) -------------------

// scripts/stack.mjs serialises start/stop/reset across processes with this lock file. Holding
// it while the data set is loaded makes another session's `stack reset` wait instead of
// wiping the data half-way; our own reset() at the end is re-entrant (same pid).
const LOCK_FILE = path.join(RUN_DIR, 'stack.lock');

async function acquireStackLock() {
	fs.mkdirSync(RUN_DIR, { recursive: true });
	const deadline = Date.now() + 180_000;
	for (;;) {
		try {
			fs.writeFileSync(LOCK_FILE, `${process.pid}\n`, { flag: 'wx' });
			return;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const holder = readPidFile(LOCK_FILE);
			if (holder === null || !isAlive(holder)) {
				fs.rmSync(LOCK_FILE, { force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`stack command ${holder} holds ${LOCK_FILE}`);
			await sleep(200);
		}
	}
}

function releaseStackLock() {
	if (readPidFile(LOCK_FILE) === process.pid) fs.rmSync(LOCK_FILE, { force: true });
}

// --- build and serve (as scripts/bench-pages.mjs) -------------------------------------

function build() {
	console.log('Building (vite build)…');
	const began = Date.now();
	execFileSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
		cwd: ROOT,
		stdio: 'inherit'
	});
	console.log(`Built in ${((Date.now() - began) / 1000).toFixed(1)} s`);
}

function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setTimeout(1000);
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('timeout', () => (socket.destroy(), resolve(false)));
		socket.once('error', () => resolve(false));
	});
}

/** Starts scripts/serve.mjs on PORT; resolves the child once /en answers 200. */
async function serve() {
	if (await portInUse(PORT)) {
		throw new Error(`Port ${PORT} is already in use (ss -ltnp 'sport = :${PORT}').`);
	}
	const child = spawn(
		process.execPath,
		[path.join(ROOT, 'scripts', 'serve.mjs'), '--port', String(PORT)],
		{ cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
	);
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	child.stderrTail = () => stderr;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (exited) {
			throw new Error(`scripts/serve.mjs exited (${exited.code ?? exited.signal}):\n${stderr}`);
		}
		try {
			const response = await fetch(`${APP}/en`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return child;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`The server did not answer ${APP}/en within 30 s:\n${stderr}`);
		}
		await sleep(250);
	}
}

async function kill(child) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	if ((await Promise.race([exited.then(() => true), sleep(5000).then(() => false)])) === false) {
		child.kill('SIGKILL');
		await exited;
	}
}

// --- data set ------------------------------------------------------------------------

async function loadDataSet(db) {
	const { rows } = await db.query(`
		select exists (select 1 from public.organisations where slug = 'bench-org-1') as access,
			(select count(*) from public.joint_actions)::int as actions`);
	if (rows[0].access && rows[0].actions > 1000) {
		console.log('Benchmark data already loaded (an earlier --keep run): reusing it.');
		return { seconds: null, reused: true };
	}
	console.log(
		rows[0].access
			? 'Access data set already loaded: adding the joint actions…'
			: 'Generating the data set (access benchmark + joint actions, one transaction, every trigger on)…'
	);
	const began = performance.now();
	await db.query('begin');
	try {
		// The access generator sets enable_seqscan off for the transaction; without it (a
		// reused access data set) the joint-action triggers need the same.
		if (rows[0].access) await db.query('set local enable_seqscan = off');
		else await db.query(fs.readFileSync(ACCESS_GENERATOR, 'utf8'));
		const accessDone = performance.now();
		await db.query(fs.readFileSync(ACTIONS_GENERATOR, 'utf8'));
		await db.query('commit');
		console.log(
			`  access data ${((accessDone - began) / 1000).toFixed(1)} s, joint actions ${((performance.now() - accessDone) / 1000).toFixed(1)} s`
		);
	} catch (error) {
		await db.query('rollback').catch(() => {});
		throw error;
	}
	// The access arrays are refreshed row by row, leaving dead item versions: vacuum them and
	// analyze everything the page reads.
	await db.query(
		'vacuum (analyze) public.organisations, public.profiles, public.memberships, ' +
			'public.items, public.item_organisations, public.audit_events, auth.users, ' +
			'public.joint_actions, public.joint_action_translations'
	);
	const seconds = (performance.now() - began) / 1000;
	console.log(`  loaded, vacuumed and analyzed in ${seconds.toFixed(1)} s`);
	return { seconds, reused: false };
}

async function dataSetSizes(db) {
	const { rows } = await db.query(`
		select
			(select count(*) from public.organisations)::int as organisations,
			(select count(*) from public.profiles)::int as people,
			(select count(*) from public.memberships)::int as memberships,
			(select count(*) from public.items)::int as items,
			(select count(*) from public.item_organisations)::int as attachments,
			(select count(*) from public.joint_actions)::int as actions,
			(select count(*) from public.joint_action_translations)::int as translations,
			(select json_object_agg(k, n) from (
				select i.status || '/' || i.visibility as k, count(*)::int n
				from public.joint_actions ja join public.items i on i.id = ja.id group by 1 order by 1) s
			) as action_mix,
			(select count(*) from public.joint_actions where 'legal_actions' = any (areas))::int as legal,
			(select count(*) from public.joint_action_translations where title like '%${SEARCH_WORD}%')::int as word
	`);
	return rows[0];
}

/** A typical member: a plain member of the active organisation with the most attachments. */
async function pickMember(db) {
	const { rows } = await db.query(`
		select m.user_id as id, u.email, o.name as organisation,
			(select count(*)::int from public.memberships x where x.user_id = m.user_id) as memberships
		from public.organisations o
		join public.memberships m on m.organisation_id = o.id and m.role = 'member'
		join auth.users u on u.id = m.user_id
		where o.slug like 'bench-org-%' and o.status = 'active'
			and not exists (
				select 1 from public.memberships s join public.organisations so on so.id = s.organisation_id
				where s.user_id = m.user_id and so.status <> 'active')
		order by (select count(*) from public.item_organisations io where io.organisation_id = o.id) desc,
			(select count(*) from public.memberships x where x.user_id = m.user_id) desc, m.user_id
		limit 1`);
	if (!rows.length) throw new Error('no member found in the benchmark organisations');
	if (await authAvailable()) {
		await db.query(
			`update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf'))
			where id = $1`,
			[rows[0].id, MEMBER_PASSWORD]
		);
		const response = await fetch(`${API_URL}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: rows[0].email, password: MEMBER_PASSWORD })
		});
		const session = await response.json();
		if (!response.ok) throw new Error(`Auth refused the member: ${JSON.stringify(session)}`);
		return { ...rows[0], token: session.access_token, realSession: true };
	}
	const now = Math.floor(Date.now() / 1000);
	// The claims Supabase Auth puts in an access token (Auth is not running).
	const token = signJwt({
		sub: rows[0].id,
		role: 'authenticated',
		aud: 'authenticated',
		email: rows[0].email,
		iat: now,
		exp: now + 3600,
		session_id: randomUUID()
	});
	return { ...rows[0], token, realSession: false };
}

async function authAvailable() {
	try {
		const response = await fetch(`${API_URL}/auth/v1/health`, {
			headers: { apikey: anonKey },
			signal: AbortSignal.timeout(2000)
		});
		return response.ok;
	} catch {
		return false;
	}
}

/** Signs the member in through the app's sign-in form; returns the session cookie header. */
async function signInToApp(member) {
	const response = await fetch(`${APP}/en/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: APP,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email: member.email, password: MEMBER_PASSWORD })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	if (response.status !== 303 || !cookie.includes('sb-')) {
		throw new Error(
			`signing in through the app failed: ${response.status} ${await response.text()}`
		);
	}
	const account = await fetch(`${APP}/en/account`, { redirect: 'manual', headers: { cookie } });
	if (account.status !== 200)
		throw new Error(`the session cookie is not accepted (${account.status})`);
	return cookie;
}

// --- callers and sanity checks -------------------------------------------------------

function callers(member) {
	return [
		{
			name: 'member',
			label: 'member (RLS)',
			headers: { apikey: anonKey, authorization: `Bearer ${member.token}` },
			claims: { sub: member.id, role: 'authenticated', aud: 'authenticated', email: member.email },
			role: 'authenticated'
		},
		{
			name: 'service',
			label: 'secret key (no RLS)',
			headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}` },
			claims: { role: 'service_role' },
			role: 'service_role'
		},
		{
			name: 'anon',
			label: 'anonymous (RLS)',
			headers: { apikey: anonKey },
			claims: { role: 'anon' },
			role: 'anon'
		}
	];
}

async function api(caller, q, extra = {}) {
	const response = await fetch(`${API_URL}${q.path(caller)}`, {
		method: q.method ?? 'GET',
		headers: {
			...caller.headers,
			accept: 'application/json',
			...(q.body ? { 'content-type': 'application/json' } : {}),
			...(q.count ? { prefer: COUNT_PREFER } : {}),
			...extra
		},
		body: q.body
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${q.name} as ${caller.name} → ${response.status}: ${text}`);
	const total = Number((response.headers.get('content-range') ?? '').split('/')[1]);
	return { rows: JSON.parse(text), total, bytes: text.length };
}

async function sanityChecks(db, roles) {
	const checks = [];
	const byName = Object.fromEntries(roles.map((r) => [r.name, r]));
	const totalActions = (await db.query('select count(*)::int n from public.joint_actions')).rows[0]
		.n;
	const visible = {};
	for (const caller of roles) {
		// The readable count exactly (the page itself asks for an estimate: recorded too).
		const { total } = await api(caller, API_QUERIES[0], { prefer: 'count=exact' });
		caller.estimated = (await api(caller, API_QUERIES[0])).total;
		const hits = (await api(caller, API_QUERIES[4])).rows;
		caller.searchIds = hits.map((hit) => hit.item_id);
		caller.searchRanks = hits.map((hit) => Number(hit.rank));
		caller.visible = total;
		visible[caller.name] = total;
		const facets = await api(caller, API_QUERIES[2]);
		caller.countries = facets.rows;
		caller.searchHits = hits.length;
	}
	check(
		visible.service === totalActions,
		`the secret key counts every joint action (${thousands(visible.service)})`,
		checks
	);
	check(
		visible.anon < visible.member && visible.member < visible.service,
		`RLS narrows the list: anonymous ${thousands(visible.anon)} < member ${thousands(visible.member)} < all ${thousands(visible.service)}`,
		checks
	);
	const { rows } = await db.query(`
		select count(*)::int n from public.joint_actions ja join public.items i on i.id = ja.id
		where i.status <> 'draft' and i.visibility = 'public'`);
	check(
		visible.anon === rows[0].n,
		`anonymous visitors count exactly the published or archived public actions (${thousands(rows[0].n)})`,
		checks
	);
	for (const caller of roles) {
		check(
			caller.searchIds.length > 0 &&
				caller.searchRanks.every((rank, i) => i === 0 || caller.searchRanks[i - 1] >= rank),
			`search "${SEARCH_WORD}" as ${caller.name} finds ${caller.searchIds.length} actions (capped at ${SEARCH_LIMIT}), best rank first`,
			checks
		);
	}
	const countries = (
		await db.query(
			'select count(distinct c)::int n from public.joint_actions ja, unnest(ja.countries) c'
		)
	).rows[0].n;
	check(
		byName.service.countries.length === countries &&
			byName.anon.countries.length <= byName.member.countries.length &&
			byName.member.countries.length <= countries,
		`the country menu (rpc joint_action_countries) lists every distinct country: ${countries} with the secret key, ${byName.member.countries.length} for the member, ${byName.anon.countries.length} for the anonymous visitor`,
		checks
	);

	// The page itself, as the anonymous visitor it can only be here.
	for (const page of PAGES) {
		const response = await fetch(`${APP}${page.path}`, { headers: BROWSER_HEADERS });
		const html = await response.text();
		const links = new Set(html.match(/\/en\/actions\/[0-9a-f-]{36}/g) ?? []).size;
		page.bytes = Buffer.byteLength(html);
		page.links = links;
		check(
			response.status === 200 && links > 0 && links <= PAGE_SIZE + 1,
			`${page.path} answers ${response.status} with ${links} action links (${kb(page.bytes)} KB HTML)`,
			checks
		);
	}
	check(
		(await fetch(`${APP}${PAGES[2].path}`).then((r) => r.text())).includes(SEARCH_WORD),
		`the search page shows "${SEARCH_WORD}"`,
		checks
	);

	// Order: newest first by the item's publication (no date last), as the page asks.
	for (const caller of [byName.anon, byName.member]) {
		const first = (await api(caller, API_QUERIES[0])).rows;
		const dates = first.map((row) => row.item?.published_at ?? '');
		const { latest } = (
			await asCaller(db, caller, () =>
				db.query(`select extract(epoch from max(i.published_at))::float8 as latest
					from public.joint_actions ja join public.items i on i.id = ja.id`)
			)
		).rows[0];
		check(
			first.length === PAGE_SIZE &&
				dates.every((d, i) => i === 0 || dates[i - 1] >= d) &&
				Math.abs(Date.parse(dates[0]) / 1000 - latest) < 0.002,
			`page 1 as ${caller.name} is newest first by publication (${dates[0].slice(0, 10)} … ${dates.at(-1).slice(0, 10)}, the latest readable first)`,
			checks
		);
	}
	return checks;
}

// --- load ----------------------------------------------------------------------------

// autocannon closes its sockets at the end of a run, but PostgREST lets the queries it has
// started run to completion: wait until none is active so that a run's leftovers do not
// load the next one (polled on the benchmark's own connection).
let idleDb = null;
async function waitForIdle() {
	const deadline = Date.now() + 120_000;
	while (idleDb && Date.now() < deadline) {
		const { rows } = await idleDb.query(
			"select count(*)::int n from pg_stat_activity where usename = 'authenticator' and state = 'active'"
		);
		if (rows[0].n === 0) return;
		await sleep(100);
	}
}

/** One autocannon run; latencies collected per response for p50/p95/p99. */
async function cannon({ url, method = 'GET', headers, body, seconds }) {
	const latencies = [];
	let bytes = 0;
	const instance = autocannon({
		url,
		method,
		headers,
		body,
		connections: CONNECTIONS,
		duration: seconds,
		timeout: 30
	});
	instance.on('response', (_client, _status, size, time) => {
		latencies.push(time);
		bytes += size;
	});
	const result = await instance;
	await waitForIdle();
	return {
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		max: Math.max(...latencies),
		rps: latencies.length / result.duration,
		requests: latencies.length,
		seconds: result.duration,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		bytes: latencies.length ? bytes / latencies.length : NaN
	};
}

/** Each page for each reader: the anonymous visitor, and the member when signed in. */
async function loadPages(readers) {
	const results = [];
	for (const reader of readers) {
		for (const page of PAGES) {
			const url = `${APP}${page.path}`;
			const headers = { ...BROWSER_HEADERS, ...reader.headers };
			process.stdout.write(`  ${reader.who}: page ${page.path} (${PAGE_SECONDS} s)… `);
			await cannon({ url, headers, seconds: WARMUP_SECONDS });
			const r = await cannon({ url, headers, seconds: PAGE_SECONDS });
			console.log(`p95 ${ms(r.p95)} ms, ${r.rps.toFixed(1)} req/s (${r.requests})`);
			results.push({ ...page, who: reader.who, ...r });
		}
	}
	return results;
}

async function loadApi(roles) {
	const results = [];
	for (const q of API_QUERIES) {
		for (const caller of roles) {
			const headers = {
				...caller.headers,
				accept: 'application/json',
				...(q.body ? { 'content-type': 'application/json' } : {}),
				...(q.count ? { prefer: COUNT_PREFER } : {})
			};
			const url = `${API_URL}${q.path(caller)}`;
			const options = { url, method: q.method ?? 'GET', headers, body: q.body };
			process.stdout.write(`  ${q.name} as ${caller.name} (${API_SECONDS} s)… `);
			for (let i = 0; i < 3; i++) await api(caller, q);
			const r = await cannon({ ...options, seconds: API_SECONDS });
			console.log(`p95 ${ms(r.p95)} ms, ${r.rps.toFixed(1)} req/s (${r.requests})`);
			results.push({ query: q, caller, ...r });
		}
	}
	return results;
}

// --- in the database -----------------------------------------------------------------

// The page's queries as SQL, in the shape PostgREST 12 builds them (simplified): a lateral
// join per embed, RLS applied by the role, the list ordered by the to-one item embed. With
// `count=estimated` PostgREST counts at most max-rows + 1 rows in the same statement and,
// past max-rows, takes the planner's row estimate of the count query (a separate EXPLAIN,
// planning only, not timed here). Used for EXPLAIN ANALYZE only.
const ITEM_EMBED = `inner join lateral (
    select i.status, i.visibility, i.published_at, row_to_json(ow.*)::jsonb as owner
    from public.items i
    left join lateral (select o.slug, o.name from public.organisations o
      where o.id = i.owner_organisation_id) ow on true
    where i.id = ja.id
  ) it on true`;
const TRANSLATIONS_EMBED = `left join lateral (
    select coalesce(json_agg(t), '[]') as list from (
      select tr.locale, tr.title, tr.summary, tr.source_revision
      from public.joint_action_translations tr where tr.action_id = ja.id) t
  ) tr on true`;
const listSql = (where = 'true', offset = 0, { paged = true } = {}) => `
  with pgrst_source as (
    select ja.id, ja.original_locale, ja.original_revision, ja.areas, ja.crc_articles,
      ja.countries, ja.phase, ja.starts_on, ja.ends_on, row_to_json(it.*)::jsonb as item,
      tr.list as translations
    from public.joint_actions ja
    ${ITEM_EMBED}
    ${TRANSLATIONS_EMBED}
    where ${where}
    ${paged ? `order by ja.published_at desc nulls last, ja.id asc limit ${PAGE_SIZE} offset ${offset}` : `limit ${MAX_ROWS}`}
  ), pgrst_source_count as (
    select 1 from public.joint_actions ja
    inner join lateral (select 1 from public.items i where i.id = ja.id) it on true
    where ${where}
    limit ${MAX_ROWS + 1}
  )
  select (select count(*) from pgrst_source_count) as total,
    coalesce(json_agg(s), '[]') as body from pgrst_source s`;
const DB_QUERIES = [
	{ name: 'list', label: 'list, page 1', sql: () => listSql() },
	{
		name: 'filtered',
		label: 'list, area=legal_actions, page 3',
		sql: () => listSql(`ja.areas @> '{legal_actions}'`, 2 * PAGE_SIZE)
	},
	{
		name: 'facets',
		label: 'facets (joint_action_countries)',
		sql: () =>
			`select coalesce(json_agg(c), '[]') from (select * from public.joint_action_countries() limit ${MAX_ROWS}) c`
	},
	{
		name: 'organisations',
		label: 'organisations directory',
		sql: () =>
			`select coalesce(json_agg(s), '[]') from (select ${DIRECTORY_COLUMNS} from public.organisations order by name limit 1000) s`
	},
	{
		name: 'search',
		label: 'search rpc',
		sql: () =>
			`select coalesce(json_agg(s), '[]') from (select * from public.search_items('${SEARCH_WORD}', 'joint_action') order by rank desc limit ${SEARCH_LIMIT}) s`
	},
	{
		name: 'searchList',
		label: 'list of the search hits',
		sql: (caller) =>
			listSql(`ja.id = any ('{${caller.searchIds.join(',')}}'::uuid[])`, 0, { paged: false })
	}
];

async function asCaller(db, caller, fn) {
	await db.query('begin');
	try {
		await db.query(`set local role ${caller.role}`);
		await db.query("select set_config('request.jwt.claims', $1, true)", [
			JSON.stringify(caller.claims)
		]);
		return await fn();
	} finally {
		await db.query('rollback');
	}
}

async function measureDb(db, roles) {
	const results = [];
	for (const q of DB_QUERIES) {
		for (const caller of roles) {
			const runs = [];
			for (let i = 0; i < 7; i++) {
				const { rows } = await asCaller(db, caller, () =>
					db.query(`explain (analyze, format json) ${q.sql(caller)}`)
				);
				const plan = rows[0]['QUERY PLAN'][0];
				if (i >= 2) runs.push(plan['Planning Time'] + plan['Execution Time']);
			}
			results.push({ query: q, caller, p50: percentile(runs, 50) });
		}
	}
	return results;
}

async function explainPlan(db, caller, sql, max = 45) {
	const text = await asCaller(db, caller, () =>
		db.query(`explain (analyze, costs off, buffers off) ${sql}`)
	);
	const lines = text.rows
		.map((row) => row['QUERY PLAN'])
		.filter((line) => line.trim())
		.map((line) => (line.length > 160 ? `${line.slice(0, 157)}…` : line));
	const json = await asCaller(db, caller, () => db.query(`explain (analyze, format json) ${sql}`));
	return {
		lines: lines.length > max ? [...lines.slice(0, max - 1), '  …'] : lines,
		hot: hotNodes(json.rows[0]['QUERY PLAN'][0])
	};
}

/** The plan nodes that take the most time themselves (total × loops minus their children). */
function hotNodes(plan, top = 4) {
	const nodes = [];
	const walk = (node) => {
		const children = node.Plans ?? [];
		const total = node['Actual Total Time'] * node['Actual Loops'];
		const inChildren = children.reduce(
			(sum, child) => sum + child['Actual Total Time'] * child['Actual Loops'],
			0
		);
		nodes.push({
			type: node['Node Type'],
			relation: node['Relation Name'],
			subplan: node['Subplan Name'],
			filter: node.Filter,
			rows: node['Actual Rows'],
			loops: node['Actual Loops'],
			self: Math.max(0, total - inChildren)
		});
		for (const child of children) walk(child);
	};
	walk(plan.Plan);
	return {
		total: plan['Planning Time'] + plan['Execution Time'],
		nodes: nodes.sort((a, b) => b.self - a.self).slice(0, top)
	};
}

const describeNode = (n) =>
	`${n.type}${n.relation ? ` on ${n.relation}` : ''}${n.subplan ? ` (${n.subplan})` : ''}: ${ms(n.self)} ms, ${thousands(n.rows)} rows × ${thousands(n.loops)} loops${n.filter ? `, filter ${n.filter.length > 140 ? `${n.filter.slice(0, 137)}…` : n.filter}` : ''}`;

// --- report --------------------------------------------------------------------------

const LOAD_HEADER = [
	'reader',
	'page',
	'p50 ms',
	'p95 ms',
	'p99 ms',
	'req/s',
	'requests',
	'non-2xx'
];

const none = (r) => (r.requests ? null : `none done in ${r.seconds} s`);
const pageRows = (pages, { markdown = false } = {}) =>
	pages.map((r) => [
		r.who,
		markdown ? `\`${r.path}\`` : r.path,
		none(r) ?? ms(r.p50),
		ms(r.p95),
		ms(r.p99),
		r.rps.toFixed(1),
		thousands(r.requests),
		r.non2xx + r.errors + r.timeouts
	]);

const API_HEADER = [
	'request',
	'caller',
	'p50 ms',
	'p95 ms',
	'p99 ms',
	'req/s',
	'KB/response',
	'non-2xx'
];
const apiRows = (results) =>
	results.map((r) => [
		r.query.label,
		r.caller.label,
		none(r) ?? ms(r.p50),
		ms(r.p95),
		ms(r.p99),
		r.rps.toFixed(1),
		kb(r.bytes),
		r.non2xx + r.errors + r.timeouts
	]);

const DB_HEADER = ['query', 'member ms', 'no RLS ms', 'anonymous ms'];
const dbRows = (inDb) =>
	DB_QUERIES.map((q) => {
		const cell = (name) => ms(inDb.find((r) => r.query === q && r.caller.name === name).p50);
		return [q.label, cell('member'), cell('service'), cell('anon')];
	});

/**
 * What changed since the previous run, and what it was worth (measured between runs on the
 * same data set, 2026-11-28): kept here so each run's report says why its numbers moved.
 */
const CHANGES = [
	"Order: lists order on `joint_actions.published_at` (the item's date copied by trigger, index `joint_actions_published_at_idx`) instead of the `item(published_at)` embed, for which PostgREST 12 built and sorted every readable action (list page 1 with the secret key: 3495 → ~50 ms p50).",
	'JIT: PostgREST runs prepared statements; their first five executions on a connection get custom plans whose RLS subplans looked expensive enough for LLVM compilation, ~1 s per statement (filtered list as the member: 1,295 ms with JIT, 26 ms without). The API roles now run with `jit = off` (migration 20261128001500); that filtered list request went from ~900 ms to ~25 ms on a fresh connection.',
	"Per-row probes: the content policies' `exists (… items …)` could be planned as a hashed subplan that reads every readable item (73,000 for the member) before returning a page; `offset 0` keeps it one primary-key probe per row (the content read policies of the joint actions, events and papers migrations).",
	"`items!inner`: its EXISTS in PostgREST's count did the same; the lists embed `items` plainly and the organisation filter adds a null filter on the embed.",
	"Search: under the translations' policy (a security barrier) the non-leakproof `@@` could not use the GIN index, so every text was probed and matched; hits now come from the index in a private definer function, then only those the caller may read are kept (private.item_search_hits, public.search_items).",
	'Country menu: one probe per country code instead of every readable action, and remembered for a minute per reader in the app (`readerCache`), so repeated views by the same person or any visitor do not recompute it.'
];

const whereTheTimeGoes = (get) => {
	const list = (caller) => get('list', caller);
	return [
		`Changes behind these numbers: ${CHANGES.join(' ')}`,
		`Now: list page 1 p50 ${ms(list('service').p50)} ms with the secret key, ${ms(list('member').p50)} ms as the member, ${ms(list('anon').p50)} ms anonymous; filtered list member/secret key ${ms(get('filtered', 'member').p50)}/${ms(get('filtered', 'service').p50)} ms, facets ${ms(get('facets', 'member').p50)}/${ms(get('facets', 'service').p50)} ms, search ${ms(get('search', 'member').p50)}/${ms(get('search', 'service').p50)} ms.`
	];
};

function findings({ pages, apiResults, inDb, roles, plan }) {
	const notes = [];
	const bad = [];
	const get = (name, caller) =>
		apiResults.find((r) => r.query.name === name && r.caller.name === caller);
	for (const page of pages) {
		if (page.p95 > PAGE_P95_LIMIT_MS) {
			bad.push(
				`page \`${page.path}\` (${page.who}): p95 ${ms(page.p95)} ms > ${PAGE_P95_LIMIT_MS} ms at ${CONNECTIONS} connections (${page.rps.toFixed(1)} req/s)`
			);
		}
		if (page.non2xx + page.errors + page.timeouts) {
			bad.push(
				`page \`${page.path}\` (${page.who}): ${page.non2xx} non-2xx, ${page.errors} errors, ${page.timeouts} timeouts`
			);
		}
	}
	for (const q of API_QUERIES) {
		const member = get(q.name, 'member');
		const service = get(q.name, 'service');
		const ratio = member.p50 / service.p50;
		if (ratio > RATIO_LIMIT) {
			bad.push(
				`${q.label}: member p50 ${ms(member.p50)} ms is ${ratio.toFixed(1)}× the secret key's ${ms(service.p50)} ms (> ${RATIO_LIMIT}, issue 3's ratio)`
			);
		}
		for (const r of apiResults.filter((x) => x.query === q && x.non2xx + x.errors + x.timeouts)) {
			bad.push(`${q.label} as ${r.caller.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
		}
	}

	// Where a page's time goes: the sum of its slowest PostgREST requests (run in parallel).
	const byName = Object.fromEntries(roles.map((r) => [r.name, r]));
	const slowest = [...inDb]
		.filter((r) => r.caller.name === 'anon')
		.sort((a, b) => b.p50 - a.p50)[0];
	notes.push(
		`In the database, as the anonymous visitor the page runs as, the slowest of the page's queries is "${slowest.query.label}" (${ms(slowest.p50)} ms p50, planning + execution, on an idle database); as the member: ${ms(inDb.find((r) => r.query === slowest.query && r.caller.name === 'member').p50)} ms, without RLS: ${ms(inDb.find((r) => r.query === slowest.query && r.caller.name === 'service').p50)} ms.`
	);
	if (plan) {
		for (const [who, hot] of Object.entries(plan.hot)) {
			notes.push(
				`EXPLAIN ANALYZE of "list, page 1" as the ${who === 'anon' ? 'anonymous visitor' : 'member'} (${ms(hot.total)} ms): the nodes taking the most time themselves are ${hot.nodes.map((n) => describeNode(n)).join('; ')} (own time = a node's time minus its children's; work EXPLAIN does not place under a child, such as the embeds' JSON, shows on the parent).`
			);
		}
	}
	for (const finding of whereTheTimeGoes(get)) notes.push(finding);
	const list = get('list', 'anon');
	const page = pages.find((p) => p.name === 'list' && p.who === 'anonymous');
	notes.push(
		`The plain page for the visitor (${page.rps.toFixed(1)} req/s, p50 ${ms(page.p50)} ms) makes three PostgREST requests in parallel (list, country facets, organisations); alone, under the same load, the anonymous list request does ${list.rps.toFixed(1)} req/s (p50 ${ms(list.p50)} ms) and the facets request ${get('facets', 'anon').rps.toFixed(1)} req/s (p50 ${ms(get('facets', 'anon').p50)} ms): on 2 cores the page shares the CPU with the gateway, PostgREST, Postgres and autocannon, so its throughput is bounded by the sum of the three.`
	);
	notes.push(
		`Count: \`Prefer: ${COUNT_PREFER}\` counts at most ${thousands(MAX_ROWS + 1)} readable rows in the list's statement and, past max-rows (${thousands(MAX_ROWS)}), reports the planner's row estimate of the count query (one more statement, an EXPLAIN): page 1 reports ${roles.map((r) => `${thousands(r.estimated)} for the ${r.name === 'service' ? 'secret key' : r.name === 'anon' ? 'anonymous visitor' : r.name} (exactly ${thousands(r.visible)} readable)`).join(', ')}. Beyond ${thousands(MAX_ROWS)} results the total the page shows is the planner's guess, here well below the readable count for callers under RLS.`
	);
	notes.push(
		`Search: \`order=rank.desc&limit=${SEARCH_LIMIT}\` keeps the ${SEARCH_LIMIT} best-ranked hits (the anonymous visitor's "${SEARCH_WORD}" gives ${byName.anon.searchHits}, the member's ${byName.member.searchHits}); the page then fetches all of them with embeds (\`id=in.(…)\`, ${kb(get('searchList', 'anon').bytes)} KB for the visitor) to show ${PAGE_SIZE}.`
	);
	return { notes, bad };
}

function writeDoc(section) {
	fs.mkdirSync(path.dirname(DOC), { recursive: true });
	let text = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '# Benchmarks\n';
	const startAt = text.indexOf(`${SECTION}\n`);
	if (startAt >= 0) {
		const rest = text.slice(startAt + SECTION.length + 1);
		const next = rest.search(/^## /m);
		const endAt = next >= 0 ? startAt + SECTION.length + 1 + next : text.length;
		text = `${text.slice(0, startAt)}${section}\n${next >= 0 ? '\n' : ''}${text.slice(endAt)}`;
	} else {
		text = `${text.trimEnd()}\n\n${section}\n`;
	}
	fs.writeFileSync(DOC, text.replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n'));
}

const mix = (object) =>
	Object.entries(object ?? {})
		.map(([key, n]) => `${key} ${thousands(n)}`)
		.join(', ');

function docSection(report) {
	const { date, machine, sizes, load, member, roles, pages, apiResults, inDb, checks } = report;
	// report.window: minutes from the start of the load to the end of the measurements.
	const { notes, bad, plan } = report;
	const byName = Object.fromEntries(roles.map((r) => [r.name, r]));
	const listOf = (caller) =>
		apiResults.find((r) => r.query.name === 'list' && r.caller.name === caller);
	return [
		SECTION,
		'',
		`Run ${date} on ${machine}.`,
		'',
		`Against the previous run (${PREVIOUS.date}: ${PREVIOUS.change}): anonymous page p95 ${PREVIOUS.pageP95} then, ${pages
			.filter((p) => p.who === 'anonymous')
			.map((p) => ms(p.p95))
			.join(
				' / '
			)} ms now (plain / filtered / search); member list request, page 1, p50 ${PREVIOUS.memberList} ms vs the secret key's ${PREVIOUS.serviceList} ms then, ${ms(listOf('member').p50)} ms vs ${ms(listOf('service').p50)} ms now.`,
		'',
		member.realSession
			? `Issue 5: the list page, server-rendered, signed in as a member, under load (autocannon on loopback), p95 and requests/s. The member signed in through the app's sign-in form against Supabase Auth running in the stack; every request carries the session cookie, so each page view also asks Auth for the user (\`hooks.server.ts\`: \`auth.getUser()\`), as in production. Also measured: the same pages for an anonymous visitor, and the page's PostgREST requests themselves through the gateway as the member (the access token of that Auth session), as the secret key (no RLS) and anonymously.`
			: `Issue 5: the list page, server-rendered, signed in as a member. **Not measured in this run**: Supabase Auth was not running in the stack (it cannot be built where the Go module proxy refuses it), and the app checks every session cookie with Auth. Measured instead: the page for an anonymous visitor, and the page's PostgREST requests through the gateway as a member (an access token signed with the local JWT secret with the claims Auth issues), as the secret key (no RLS) and anonymously.`,
		'',
		'### Data set',
		'',
		`The access benchmark's \`scripts/bench-access/generate.sql\` plus \`scripts/bench-actions/generate.sql\` (content of every joint-action item: 1–2 areas, UNCRC articles and countries, phase, dates, one original text in fr/nl/en, "<topic> in <city>"), one transaction as the superuser with every trigger on, then \`vacuum analyze\`${load.reused ? ' (reused from an earlier `--keep` run)' : ` — ${load.seconds.toFixed(0)} s in all`}:`,
		'',
		`- organisations ${thousands(sizes.organisations)}; people ${thousands(sizes.people)}; memberships ${thousands(sizes.memberships)}; items ${thousands(sizes.items)}; attachments ${thousands(sizes.attachments)}`,
		`- joint actions ${thousands(sizes.actions)} (status/visibility: ${mix(sizes.action_mix)}); texts ${thousands(sizes.translations)}; with area legal_actions ${thousands(sizes.legal)}; titles with "${SEARCH_WORD}" ${thousands(sizes.word)}`,
		`- readable joint actions: anonymous ${thousands(byName.anon.visible)}, the member ${thousands(byName.member.visible)}, secret key ${thousands(byName.service.visible)}. The member: a plain member of ${member.organisation} (the active organisation with the most attachments), ${member.memberships} membership(s).`,
		'',
		`### The page, server-rendered${member.realSession ? ': member signed in, and anonymous visitor' : ', anonymous visitor'}`,
		'',
		`\`node scripts/serve.mjs --port ${PORT}\` (the production build behind compression), autocannon ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${PAGE_SECONDS} s per page (each run starts once PostgREST is idle again), browser-like \`accept\`/\`accept-encoding\` headers (the HTML is compressed). Latency = request sent → response read, per response.`,
		'',
		markdownTable(LOAD_HEADER, pageRows(pages, { markdown: true })),
		'',
		'### The page’s PostgREST requests (gateway → PostgREST)',
		'',
		`autocannon ${CONNECTIONS} connections, 3 sequential warm-up requests then ${API_SECONDS} s per request and caller (each run starts once PostgREST has finished the previous run's queries), the URLs postgrest-js builds for the page (from \`src/lib/server/jointActions.ts\`, \`listing.ts\` and \`organisations.ts\`): the lists \`order=published_at.desc.nullslast,id.asc\` with \`Prefer: ${COUNT_PREFER}\`, the search \`rpc/search_items?order=rank.desc&limit=${SEARCH_LIMIT}\`, the country menu \`rpc/joint_action_countries\`. The search list uses each caller's own search hits.`,
		'',
		markdownTable(API_HEADER, apiRows(apiResults)),
		'',
		'### In the database',
		'',
		`The same queries as SQL in the shape PostgREST builds them (simplified; the lists' count limited to ${thousands(MAX_ROWS + 1)} rows as \`${COUNT_PREFER}\` does, without the EXPLAIN that gives the estimate past that), \`explain analyze\` planning + execution, p50 of 5 runs on an idle connection, with the caller’s role and claims (\`set local role\`, \`request.jwt.claims\`):`,
		'',
		markdownTable(DB_HEADER, dbRows(inDb)),
		'',
		...(plan
			? [
					`Plan of ${plan.label} (\`explain (analyze, costs off)\`, long lines cut):`,
					'',
					'```',
					...plan.lines,
					'```',
					''
				]
			: []),
		'### Sanity checks',
		'',
		...checks.map((c) => `- ${c}`),
		'',
		'### Findings',
		'',
		...notes.map((n) => `- ${n}`),
		'',
		'### Numbers that look bad',
		'',
		bad.length ? bad.map((b) => `- ${b}`).join('\n') : 'None.',
		'',
		'### Reproduce',
		'',
		'```sh',
		'npm run bench:actions          # starts the stack if needed, builds, serves on :' + PORT + ',',
		'                               # loads the data set, measures, restores the demo (stack reset)',
		'BENCH_SKIP_BUILD=1 node scripts/bench-actions.mjs --keep   # existing build, data left loaded',
		'npm run stack:reset            # afterwards: back to the demo seed',
		'```',
		'',
		`While the data set is loaded (${report.window} minutes in this run, until the reset) tests against the same stack may fail.`
	].join('\n');
}

// --- main --------------------------------------------------------------------------

async function main() {
	const startedStack = await start({ quiet: true });
	if (startedStack) console.log('Started the local stack (stopping it at the end).');
	let server = null;
	let db = null;
	let loaded = false;
	let failure = null;
	const onSignal = (signal) => {
		if (server && server.exitCode === null) server.kill('SIGTERM');
		releaseStackLock();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	process.once('exit', releaseStackLock);
	try {
		// Build and serve before loading: the data set stays loaded as briefly as possible.
		if (!process.env.BENCH_SKIP_BUILD) build();
		server = await serve();
		console.log(`Serving the build on ${APP}`);

		await acquireStackLock();
		// Another session may have stopped or reset the stack while we waited for the lock.
		await start({ quiet: true });
		db = new pg.Client({ connectionString: DB_URL, application_name: 'bench-actions' });
		// A stack reset by someone else ends our connection: fail the query, not the process.
		db.on('error', (error) => console.error(`Database connection lost: ${error.message}`));
		await db.connect();
		idleDb = db;
		loaded = true;
		const loadStarted = performance.now();
		const load = await loadDataSet(db);
		const sizes = await dataSetSizes(db);
		console.log(
			`Data set: ${thousands(sizes.organisations)} organisations, ${thousands(sizes.people)} people, ` +
				`${thousands(sizes.items)} items, ${thousands(sizes.actions)} joint actions, ${thousands(sizes.translations)} texts`
		);
		const member = await pickMember(db);
		const roles = callers(member);

		console.log('\nSanity checks…');
		const checks = await sanityChecks(db, roles);
		for (const c of checks) console.log(`  ${c}`);

		const readers = [{ who: 'anonymous', headers: {} }];
		if (member.realSession) {
			readers.unshift({ who: 'member', headers: { cookie: await signInToApp(member) } });
		}
		console.log(
			`\nThe page, ${CONNECTIONS} connections, ${readers.map((r) => r.who).join(' and ')}${member.realSession ? '' : ' (Auth is not running: no signed-in page)'}:`
		);
		const pages = await loadPages(readers);
		console.log(`\nThe page's PostgREST requests, ${CONNECTIONS} connections:`);
		const apiResults = await loadApi(roles);
		console.log('\nIn the database (explain analyze)…');
		const inDb = await measureDb(db, roles);
		let plan = null;
		if (pages.some((p) => p.p95 > PAGE_P95_LIMIT_MS)) {
			// The page's main query, as the member (the issue's reader) and as the visitor.
			const byName = Object.fromEntries(roles.map((r) => [r.name, r]));
			const member = await explainPlan(db, byName.member, DB_QUERIES[0].sql());
			const anon = await explainPlan(db, byName.anon, DB_QUERIES[0].sql());
			plan = {
				label: `"${DB_QUERIES[0].label}" as the member`,
				lines: member.lines,
				hot: { member: member.hot, anon: anon.hot }
			};
		}

		const { rows } = await db.query('select count(*)::int as n from public.items');
		if (rows[0].n < BENCH_ITEMS) {
			throw new Error('the data set disappeared during the run (someone reset the stack?)');
		}

		console.log('\nThe page, server-rendered:');
		console.log(table(LOAD_HEADER, pageRows(pages)));
		console.log('\nIts PostgREST requests through the gateway (member token / secret key / anon):');
		console.log(table(API_HEADER, apiRows(apiResults)));
		console.log('\nIn the database, p50 planning + execution (ms):');
		console.log(table(DB_HEADER, dbRows(inDb)));
		if (plan) console.log(`\nPlan of ${plan.label}:\n${plan.lines.join('\n')}`);

		const { notes, bad } = findings({ pages, apiResults, inDb, roles, plan });
		console.log('\nFindings:');
		for (const n of notes) console.log(`  - ${n}`);
		console.log('');
		if (bad.length) {
			console.log(`NUMBERS THAT LOOK BAD (${bad.length}):`);
			for (const b of bad) console.log(`  ✗ ${b}`);
		} else {
			console.log(
				`Nothing looks bad: page p95 ≤ ${PAGE_P95_LIMIT_MS} ms, member/no-RLS ≤ ${RATIO_LIMIT}.`
			);
		}

		const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
		const pgVersion = (await db.query('show server_version')).rows[0].server_version;
		const machine =
			`nproc ${nproc} (${os.cpus()[0]?.model.trim() ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, ` +
			`Node ${process.version}, Postgres ${pgVersion.split(' ')[0]}, PostgREST 12, autocannon 9, ${os.type()} ${os.release()}`;
		writeDoc(
			docSection({
				date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
				machine,
				sizes,
				load,
				member,
				roles,
				pages,
				apiResults,
				inDb,
				checks,
				notes,
				bad,
				plan,
				window: Math.ceil((performance.now() - loadStarted) / 60_000 + 0.5)
			})
		);
		console.log(`\nWrote the joint-actions section of ${path.relative(ROOT, DOC)}`);
	} catch (error) {
		failure = error;
	} finally {
		await kill(server).catch(() => {});
		if (db) await db.end().catch(() => {});
		if (loaded && !KEEP) {
			console.log('\nRestoring the demo database (stack reset)…');
			await reset({ quiet: true });
		} else if (loaded && KEEP) {
			console.log(
				'\n--keep: the benchmark data stays loaded; `npm run stack:reset` restores the demo.'
			);
		}
		if (startedStack) await stop({ quiet: true });
		releaseStackLock();
	}
	if (failure) throw failure;
}

main().catch((error) => {
	console.error(error instanceof SanityError ? `Sanity check failed: ${error.message}` : error);
	process.exitCode = 1;
});
