#!/usr/bin/env node
// Scale benchmark (not a test; issue 14): every page kind a reader waits for, measured in the
// same run at demo size and at 100,000 items, for an anonymous visitor and for a signed-in
// member (a real Auth session made through the app's sign-in form). Starts from the demo
// seed (stack reset), serves the production build, measures, loads the data set
// (scripts/bench-access/generate.sql: ~300 organisations, 10,000 people, 100,000 items with
// their attachments; scripts/bench-scale/content.sql: the content of each joint action, event
// and paper), measures again, checks that each page at 100k shows what the access rules
// allow, restores the demo (stack reset) and writes the "Scale" section of
// docs/benchmarks.md. Numbers that miss a target are reported, not failed: the exit code is 0
// unless the benchmark itself cannot run.
//
//   npm run bench:scale                 (node scripts/bench-scale.mjs)
//   node scripts/bench-scale.mjs --keep leave the 100k data set loaded (no reset at the end)
//   BENCH_SKIP_BUILD=1                   serve the existing build/ as it is
//   BENCH_PORT=4193  BENCH_SECONDS=8  BENCH_WARMUP_SECONDS=2  BENCH_CONNECTIONS=10
//   BENCH_ONLY=actions,search-fr         measure only the pages whose names are listed (printed; the
//                                        docs are left as they are)
//   BENCH_BODIES=1                       the 100k set's joint actions get bodies of 200–1,500 words
//                                        (scripts/bench-scale/bodies.sql), as long as real texts
//
// Per page, reader and size: autocannon (10 connections, loopback) gives req/s, p50 and p95,
// and /proc the CPU time each process spent per request during that run (the app, the
// stack's gateway, PostgREST, Postgres with all its backends); five sequential views give
// the HTML size and the PostgREST and Auth requests one view makes (the stack's gateway
// counts what it proxies: GET /__counts).
import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { signIn } from './built-app.mjs';
import { reset, start } from './stack.mjs';
import { API_URL, DB_URL, anonKey } from './stack/config.mjs';
import { runningPid } from './stack/proc.mjs';
import {
	DOC,
	ROOT,
	SanityError,
	asCaller,
	build,
	cpuSeconds,
	holdStackLock,
	kill,
	machineLine,
	markdownTable,
	mix,
	percentile,
	restoreDemo,
	serve,
	table,
	writeDoc
} from './bench/lib.mjs';
import { DEMO_PASSWORD, ITEM, ORG, PEOPLE } from '../tests/seed.ts';

const SECTION = '## Scale: every page at demo size and at 100,000 items (npm run bench:scale)';
const KEEP = process.argv.includes('--keep');
const PORT = Number(process.env.BENCH_PORT ?? 4193);
const APP = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const PROBES = 5;
const BODIES = process.env.BENCH_BODIES === '1';
const GENERATORS = [
	path.join(ROOT, 'scripts', 'bench-access', 'generate.sql'),
	path.join(ROOT, 'scripts', 'bench-scale', 'content.sql'),
	...(BODIES ? [path.join(ROOT, 'scripts', 'bench-scale', 'bodies.sql')] : [])
];
const BENCH_ITEMS = 100_000;

// Targets (issue 14): at 100k ≥ 80 % of the page's own throughput at demo size; a member
// ≥ 80 % of a visitor's throughput on the same page; p95 ≤ 150 ms at 10 connections.
const SIZE_RATIO = 0.8;
const READER_RATIO = 0.8;
const P95_LIMIT_MS = 150;

/** The reader the issue names: a member of a Belgian organisation, signed in (editor rights). */
const MEMBER = PEOPLE.editor;
const LOCALE = 'fr';
const BROWSER_HEADERS = {
	accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
	'accept-encoding': 'br, gzip'
};

/**
 * The pages, built from ids read in the database at demo size (each exists at both sizes:
 * the data set is added to the demo seed). `member: true` pages exist only signed in;
 * `token: true` is the personal feed, read with its secret token and no cookie.
 */
function pagesFor(ids) {
	const l = `/${LOCALE}`;
	return [
		{ name: 'actions', path: `${l}/actions`, kind: 'actions' },
		{
			name: 'actions-filtered',
			path: `${l}/actions?area=legal_actions&country=BE&page=3`,
			kind: 'actions'
		},
		// An organisation's own list: where its page's "see all" leads.
		{
			name: 'actions-by-organisation',
			path: `${l}/actions?organisation=${ORG.deiBelgique}`,
			kind: 'actions'
		},
		{ name: 'search-fr', path: `/fr/actions?q=justice`, kind: 'actions' },
		{ name: 'search-nl', path: `/nl/actions?q=kinderen`, kind: 'actions' },
		{ name: 'events', path: `${l}/events`, kind: 'events' },
		{ name: 'events-past', path: `${l}/events?scope=past`, kind: 'events' },
		{ name: 'events-month', path: `${l}/events?view=month&month=${ids.month}`, kind: 'events' },
		{ name: 'papers', path: `${l}/papers`, kind: 'papers' },
		{ name: 'organisations', path: `${l}/organisations` },
		{ name: 'action', path: `${l}/actions/${ITEM.publicAction}` },
		{ name: 'event', path: `${l}/events/${ITEM.publicWebinar}` },
		{ name: 'paper', path: `${l}/papers/${ids.paper}` },
		{ name: 'organisation', path: `${l}/organisations/${ids.organisationSlug}` },
		{ name: 'invitations', path: `${l}/invitations`, member: true },
		{ name: 'feed.ics', path: `${l}/events/feed.ics` },
		{ name: 'personal.ics', path: `${l}/calendar/${ids.calendarToken}.ics`, token: true }
	].filter((page) => !ONLY || ONLY.includes(page.name));
}

// --- the demo reader ------------------------------------------------------------------

async function demoIds(db) {
	const paper = await db.query(`
		select p.id from public.papers p join public.items i on i.id = p.id
		where i.status = 'published' and i.visibility = 'public'
		order by i.published_at desc, p.id limit 1`);
	const organisation = await db.query('select slug from public.organisations where id = $1', [
		ORG.deiBelgique
	]);
	// The personal feed's token: issued for the member as the account page does (only its
	// sha256 is stored).
	const calendarToken = randomBytes(32).toString('base64url');
	await db.query(
		`insert into public.calendar_tokens (user_id, token_hash) values ($1, $2)
		on conflict (user_id) do update set token_hash = excluded.token_hash`,
		[MEMBER.id, createHash('sha256').update(calendarToken).digest('hex')]
	);
	return {
		paper: paper.rows[0].id,
		organisationSlug: organisation.rows[0].slug,
		calendarToken,
		month: new Date().toISOString().slice(0, 7)
	};
}

/** The two readers: a visitor, and the member signed in through the app's sign-in form. */
const readers = async () => [
	{ who: 'anonymous', headers: {} },
	{ who: 'member', headers: { cookie: await signIn(APP, MEMBER.email, DEMO_PASSWORD) } }
];

const applies = (page, reader) =>
	page.token ? reader.who === 'member' : !page.member || reader.who === 'member';
const headersFor = (page, reader) => ({
	...BROWSER_HEADERS,
	...(page.token ? {} : reader.headers)
});

// --- measuring ------------------------------------------------------------------------

let idleDb = null;
/** Waits until PostgREST has finished the queries a run started (autocannon does not wait). */
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

/** The processes whose CPU time a load run reads: the app's server and the stack's. */
const CPU_PROCESSES = ['app', 'gateway', 'rest', 'postgres'];
let appPid = null;
const cpuRoots = () => ({
	app: appPid,
	gateway: runningPid('gateway'),
	rest: runningPid('rest'),
	postgres: runningPid('postgres')
});

async function cannon(url, headers, seconds) {
	const latencies = [];
	const cpuBefore = cpuSeconds(cpuRoots());
	const instance = autocannon({
		url,
		headers,
		connections: CONNECTIONS,
		duration: seconds,
		timeout: 30
	});
	instance.on('response', (_client, _status, _size, time) => latencies.push(time));
	const result = await instance;
	await waitForIdle();
	const cpuAfter = cpuSeconds(cpuRoots());
	const cpuMs = Object.fromEntries(
		CPU_PROCESSES.map((name) => [
			name,
			cpuAfter[name] == null || cpuBefore[name] == null || latencies.length === 0
				? null
				: ((cpuAfter[name] - cpuBefore[name]) * 1000) / latencies.length
		])
	);
	return {
		rps: latencies.length / result.duration,
		cpuMs,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		requests: latencies.length,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts
	};
}

const counts = () => fetch(`${API_URL}/__counts`).then((r) => r.json());

/** Waits until the app has finished the requests of the last load run (counts stand still). */
async function settle() {
	let last = JSON.stringify(await counts());
	for (let i = 0; i < 60; i++) {
		await sleep(500);
		const now = JSON.stringify(await counts());
		if (now === last) return;
		last = now;
	}
}

/** Five sequential views: status, HTML size, requests to PostgREST and Auth. */
async function probe(url, headers) {
	await settle();
	const before = await counts();
	let status = 0;
	let bytes = 0;
	let body = '';
	for (let i = 0; i < PROBES; i++) {
		const response = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' } });
		body = await response.text();
		status = response.status;
		bytes = Buffer.byteLength(body);
	}
	const after = await counts();
	return {
		status,
		bytes,
		body,
		rest: (after.rest - before.rest) / PROBES,
		auth: (after.auth - before.auth) / PROBES
	};
}

async function measureAll(db, size, pages, readers) {
	const results = [];
	for (const page of pages) {
		for (const reader of readers) {
			if (!applies(page, reader)) continue;
			const url = `${APP}${page.path}`;
			const headers = headersFor(page, reader);
			const seen = await probe(url, headers);
			process.stdout.write(`  ${size} · ${reader.who} · ${page.name}: `);
			await cannon(url, headers, WARMUP_SECONDS);
			const load = await cannon(url, headers, SECONDS);
			console.log(
				`${load.rps.toFixed(1)} req/s, p95 ${load.p95.toFixed(0)} ms, ${(seen.bytes / 1024).toFixed(1)} KB, ` +
					`${seen.rest} PostgREST + ${seen.auth} Auth requests, CPU ms/request ${cpuLine(load.cpuMs)}`
			);
			results.push({ page, who: reader.who, size, ...load, ...seen });
		}
	}
	return results;
}

// --- data set -------------------------------------------------------------------------

async function loadDataSet(db) {
	console.log('Loading the 100k data set (one transaction, every trigger on)…');
	const began = performance.now();
	await db.query('begin');
	try {
		for (const file of GENERATORS) await db.query(fs.readFileSync(file, 'utf8'));
		await db.query('commit');
	} catch (error) {
		await db.query('rollback').catch(() => {});
		throw error;
	}
	await db.query('vacuum analyze');
	const seconds = (performance.now() - began) / 1000;
	console.log(`  loaded, vacuumed and analyzed in ${seconds.toFixed(0)} s`);
	return seconds;
}

async function sizes(db) {
	const { rows } = await db.query(`
		select (select count(*) from public.organisations)::int as organisations,
			(select count(*) from public.profiles)::int as people,
			(select count(*) from public.items)::int as items,
			(select count(*) from public.item_organisations)::int as attachments,
			(select count(*) from public.joint_actions)::int as actions,
			(select count(*) from public.events)::int as events,
			(select count(*) from public.papers)::int as papers`);
	return rows[0];
}

// --- sanity: each page shows what the access rules allow ------------------------------

const KIND_TABLE = { actions: 'joint_actions', events: 'events', papers: 'papers' };
const LINK = /\/(?:fr|nl|en|de|es|ar)\/(actions|events|papers)\/([0-9a-f-]{36})/g;

function linkedIds(html, kind) {
	const ids = new Set();
	for (const [, k, id] of html.matchAll(LINK)) if (k === kind) ids.add(id);
	return [...ids];
}

const claimsOf = (who) =>
	who === 'member'
		? {
				role: 'authenticated',
				claims: {
					sub: MEMBER.id,
					role: 'authenticated',
					aud: 'authenticated',
					email: MEMBER.email
				}
			}
		: { role: 'anon', claims: { role: 'anon' } };

async function sanityChecks(db, results) {
	const checks = [];
	// A failed check is reported with the numbers (they are what shows it), not thrown.
	const check = (condition, message) => checks.push(`${condition ? 'ok' : 'FAILED'}: ${message}`);
	for (const r of results.filter((x) => x.size === '100k')) {
		check(r.status === 200, `${r.page.path} as ${r.who} answers 200 at 100k (${r.status})`);
		check(
			r.non2xx === 0 && r.errors === 0,
			`${r.page.path} as ${r.who}: no error under load (${r.requests} requests)`
		);
	}
	// Every item a list links to is readable by that reader (RLS, as PostgREST runs it), and
	// a visitor sees only published or archived public items.
	for (const r of results.filter((x) => x.size === '100k' && x.page.kind)) {
		const ids = linkedIds(r.body, r.page.kind);
		if (!ids.length) continue;
		const { rows } = await asCaller(db, claimsOf(r.who), () =>
			db.query(
				`select count(*)::int n from public.${KIND_TABLE[r.page.kind]} t
				join public.items i on i.id = t.id where t.id = any ($1::uuid[])
				and (current_user <> 'anon' or (i.visibility = 'public' and i.status <> 'draft'))`,
				[ids]
			)
		);
		check(
			rows[0].n === ids.length,
			`${r.page.path} as ${r.who} links ${ids.length} ${r.page.kind}, each readable by the ${r.who === 'member' ? 'member' : 'visitor'}${r.who === 'anonymous' ? ' and public' : ''}`
		);
	}
	// The plain joint-actions list shows exactly the newest readable actions, first page.
	for (const who of ['anonymous', 'member']) {
		const r = results.find((x) => x.size === '100k' && x.page.name === 'actions' && x.who === who);
		if (!r) continue;
		const shown = linkedIds(r.body, 'actions');
		const { rows } = await asCaller(db, claimsOf(who), () =>
			db.query(
				`select ja.id from public.joint_actions ja join public.items i on i.id = ja.id
				order by i.published_at desc nulls last, ja.id limit $1`,
				[shown.length]
			)
		);
		check(
			shown.length > 0 && rows.map((row) => row.id).join() === shown.join(),
			`${r.page.path} as ${who} shows exactly the ${shown.length} newest actions that ${who === 'member' ? 'the member' : 'a visitor'} may read, in order`
		);
	}
	const anon = results.find(
		(x) => x.size === '100k' && x.page.name === 'actions' && x.who === 'anonymous'
	);
	const member = results.find(
		(x) => x.size === '100k' && x.page.name === 'actions' && x.who === 'member'
	);
	if (anon && member) {
		check(
			linkedIds(anon.body, 'actions').join() !== linkedIds(member.body, 'actions').join(),
			'the member’s first page differs from the visitor’s (network items are readable signed in)'
		);
	}
	return checks;
}

// --- report ---------------------------------------------------------------------------

const HEADER = [
	'page',
	'reader',
	'size',
	'req/s',
	'p50 ms',
	'p95 ms',
	'HTML KB',
	'PostgREST/view',
	'Auth/view',
	'CPU ms/req: app',
	'gateway',
	'PostgREST',
	'Postgres',
	'100k/demo',
	'member/visitor'
];

function ratios(results) {
	const find = (page, who, size) =>
		results.find((r) => r.page.name === page && r.who === who && r.size === size);
	for (const r of results) {
		const demo = find(r.page.name, r.who, 'demo');
		const anon = find(r.page.name, 'anonymous', r.size);
		r.sizeRatio = r.size === '100k' && demo ? r.rps / demo.rps : null;
		// The same work at both sizes: the same HTML to the byte, the same PostgREST requests.
		r.sameWork = r.sizeRatio != null && demo.bytes === r.bytes && demo.rest === r.rest;
		r.readerRatio = r.who === 'member' && anon ? r.rps / anon.rps : null;
	}
}

const ms = (value) => (value == null ? '' : value.toFixed(2));
const cpuLine = (cpu) => CPU_PROCESSES.map((name) => `${name} ${ms(cpu[name])}`).join(', ');

const pct = (value) => (value == null ? '' : `${Math.round(value * 100)} %`);

function rows(results) {
	return results.map((r) => [
		r.page.name,
		r.who,
		r.size,
		r.rps.toFixed(1),
		r.p50.toFixed(0),
		r.p95.toFixed(0),
		(r.bytes / 1024).toFixed(1),
		r.rest.toFixed(1),
		r.auth.toFixed(1),
		...CPU_PROCESSES.map((name) => ms(r.cpuMs[name])),
		pct(r.sizeRatio),
		pct(r.readerRatio)
	]);
}

function missedTargets(results) {
	const missed = [];
	for (const r of results) {
		const label = `${r.page.name} (${r.who}, ${r.size})`;
		if (r.p95 > P95_LIMIT_MS)
			missed.push(`${label}: p95 ${r.p95.toFixed(0)} ms > ${P95_LIMIT_MS} ms`);
		if (r.sizeRatio != null && r.sizeRatio < SIZE_RATIO)
			missed.push(
				`${label}: ${pct(r.sizeRatio)} of its throughput at demo size < ${pct(SIZE_RATIO)}`
			);
		if (r.readerRatio != null && r.readerRatio < READER_RATIO)
			missed.push(
				`${label}: ${pct(r.readerRatio)} of a visitor's throughput < ${pct(READER_RATIO)}`
			);
	}
	return missed;
}

/**
 * How far this run's machine drifted: the 100k/demo ratios of the pages that did the same work
 * at both sizes (an item's page, for one). Their data did not grow in any way the page sees, so
 * each should read about 100 %; on a machine shared with other tenants they read from 57 to
 * 181 % in one afternoon (docs/benchmarks.md, "Three runs on a drifting machine"). A page's
 * size ratio inside that band measured the machine as much as the page.
 */
function noiseBand(results) {
	const same = results.filter((r) => r.sameWork);
	if (same.length === 0) return null;
	const ratios = same.map((r) => r.sizeRatio);
	return {
		low: Math.min(...ratios),
		high: Math.max(...ratios),
		pages: same.map((r) => `${r.page.name} (${r.who})`)
	};
}

function noiseLine(results) {
	const band = noiseBand(results);
	return band
		? `The machine's drift in this run: the pages that did the same work at both sizes (the same HTML to the byte and the same PostgREST requests: ${band.pages.join(', ')}) served ${pct(band.low)} to ${pct(band.high)} of their demo-size throughput at 100k, where each should read about 100 %. A size ratio inside that band measured the machine as much as the page; compare runs whose band is narrow.`
		: "No page did the same work at both sizes in this run: the machine's drift is not known.";
}

function docSection({ date, machine, demo, big, loadSeconds, results, checks, missed }) {
	return [
		SECTION,
		'',
		`Run ${date} on ${machine}.`,
		'',
		`Each page of the list below measured at demo size (${mix(demo)}) and, in the same run, after loading the 100k data set (${mix(big)}${BODIES ? '; joint actions with bodies of 200–1,500 words, scripts/bench-scale/bodies.sql' : ''}; ${loadSeconds.toFixed(0)} s to load, vacuum and analyze), by an anonymous visitor and by ${MEMBER.name}, an editor of DEI Belgique signed in through the app's sign-in form against Supabase Auth (every request carries the session cookie). The personal feed is read with its secret token, without a cookie. autocannon ${CONNECTIONS} connections on loopback, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s per page; each run starts once PostgREST is idle. HTML KB is uncompressed; the PostgREST and Auth requests per view are the means of ${PROBES} sequential views (the gateway's counters). CPU ms/req is the CPU time (user + system, from /proc) each process spent during the measured run divided by the requests it answered: the app's server, the stack's gateway (a Node proxy standing in for Supabase's API gateway), PostgREST, and Postgres with all its backends (autovacuum included). On 2 cores their sum bounds the throughput: 2,000 ms ÷ (sum + autocannon's own share) req/s.`,
		'',
		`Targets: at 100k ≥ ${pct(SIZE_RATIO)} of the page's own throughput at demo size, a member ≥ ${pct(READER_RATIO)} of a visitor's, p95 ≤ ${P95_LIMIT_MS} ms.`,
		'',
		markdownTable(HEADER, rows(results)),
		'',
		noiseLine(results),
		'',
		'### Missed targets',
		'',
		missed.length ? missed.map((m) => `- ${m}`).join('\n') : 'None.',
		'',
		'### Sanity checks at 100k',
		'',
		...checks.map((c) => `- ${c}`),
		'',
		'### Reproduce',
		'',
		'```sh',
		`npm run bench:scale            # resets the stack to the demo, builds, serves on :${PORT},`,
		'                               # measures, loads 100k items, measures, restores the demo',
		'BENCH_ONLY=actions,events BENCH_SECONDS=4 npm run bench:scale   # a quick look at some pages (printed only)',
		'```'
	].join('\n');
}

// --- main -----------------------------------------------------------------------------

async function main() {
	const startedStack = await start({ quiet: true });
	if (startedStack) console.log('Started the local stack (stopping it at the end).');
	let server = null;
	let db = null;
	let loaded = false;
	let failure = null;
	try {
		build();
		await holdStackLock({ onSignal: () => kill(server) });
		console.log('Resetting the stack to the demo seed…');
		await reset({ quiet: true });
		server = await serve(PORT);
		appPid = server.pid;
		console.log(`Serving the build on ${APP}`);
		db = new pg.Client({ connectionString: DB_URL, application_name: 'bench-scale' });
		db.on('error', (error) => console.error(`Database connection lost: ${error.message}`));
		await db.connect();
		idleDb = db;

		const health = await fetch(`${API_URL}/auth/v1/health`, { headers: { apikey: anonKey } }).catch(
			() => null
		);
		if (!health?.ok)
			throw new Error('Supabase Auth is not running in the stack: no signed-in reader');
		const ids = await demoIds(db);
		const pages = pagesFor(ids);
		const demo = await sizes(db);
		console.log(`\nDemo size (${mix(demo)}):`);
		const results = await measureAll(db, 'demo', pages, await readers());

		loaded = true;
		const loadSeconds = await loadDataSet(db);
		const big = await sizes(db);
		if (big.items < BENCH_ITEMS) throw new Error(`only ${big.items} items after loading`);
		console.log(`\n100k (${mix(big)}):`);
		results.push(...(await measureAll(db, '100k', pages, await readers())));
		results.sort(
			(a, b) =>
				pages.indexOf(a.page) - pages.indexOf(b.page) ||
				a.who.localeCompare(b.who) ||
				(a.size === 'demo' ? -1 : 1)
		);
		ratios(results);

		console.log('\nSanity checks at 100k…');
		const checks = await sanityChecks(db, results);
		for (const c of checks) console.log(`  ${c}`);

		console.log('');
		console.log(table(HEADER, rows(results)));
		console.log(`\n${noiseLine(results)}`);
		const missed = missedTargets(results);
		console.log(missed.length ? `\nMISSED TARGETS (${missed.length}):` : '\nAll targets met.');
		for (const m of missed) console.log(`  ✗ ${m}`);

		// A run of some pages only (BENCH_ONLY) is a look, not the section's table of every page.
		if (ONLY) {
			console.log(
				`\nBENCH_ONLY: ${path.relative(ROOT, DOC)} left as it is (a full run writes it).`
			);
		} else {
			const pgVersion = (await db.query('show server_version')).rows[0].server_version;
			writeDoc(
				SECTION,
				docSection({
					date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
					machine: machineLine([
						`Postgres ${pgVersion.split(' ')[0]}`,
						'PostgREST 12.0.2',
						'Supabase Auth v2.189.0',
						'autocannon 9'
					]),
					demo,
					big,
					loadSeconds,
					results,
					checks,
					missed
				})
			);
			console.log(`\nWrote the Scale section of ${path.relative(ROOT, DOC)}`);
		}
	} catch (error) {
		failure = error;
	} finally {
		await kill(server).catch(() => {});
		if (db) await db.end().catch(() => {});
		await restoreDemo({ loaded, keep: KEEP, startedStack });
	}
	if (failure) throw failure;
}

main().catch((error) => {
	console.error(error instanceof SanityError ? `Sanity check failed: ${error.message}` : error);
	process.exitCode = 1;
});
