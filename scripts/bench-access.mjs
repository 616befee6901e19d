#!/usr/bin/env node
// Access benchmark (not a test): loads a network-sized data set into the local stack's
// database (scripts/bench-access/generate.sql: ~300 organisations, 10,000 people, 100,000
// items, ~300,000 attachments), then times the item listings a typical member runs through
// PostgREST (RLS) against the same requests with the secret key (service_role, no RLS).
// Also measures the same queries inside the database (EXPLAIN ANALYZE) to separate the
// HTTP cost, checks that the RLS numbers are about real RLS, restores the demo database
// and writes the "Access" section of docs/benchmarks.md.
// Targets (issue 3): RLS/no-RLS ratio ≤ 1.5 and RLS p95 < 50 ms. Missed targets are
// reported, not failed: the exit code is 0 unless the benchmark itself cannot run.
//
//   npm run bench:access            (node scripts/bench-access.mjs)
//   node scripts/bench-access.mjs --keep    leave the benchmark data loaded (no reset)
//
// Members are authenticated with access tokens signed with the local JWT secret, carrying the claims Auth issues (sub, role,
// aud, email, iat, exp, session_id); PostgREST checks them exactly as it checks Auth's.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { start } from './stack.mjs';
import { API_URL, DB_URL, anonKey, serviceRoleKey, signJwt } from './stack/config.mjs';
import {
	DOC,
	ROOT,
	SanityError,
	asCaller as asRole,
	check,
	explainTime,
	holdStackLock,
	machineLine,
	markdownTable,
	mix,
	percentile,
	restoreDemo,
	table,
	thousands,
	writeDoc
} from './bench/lib.mjs';

const GENERATOR = path.join(ROOT, 'scripts', 'bench-access', 'generate.sql');
const SECTION = '## Access (npm run bench:access)';
const KEEP = process.argv.includes('--keep');

const MEMBERS = 8;
const WARMUP = 5;
const ITERATIONS = 50;
const DB_ITERATIONS = 25;
const RATIO_TARGET = 1.5;
const P95_TARGET_MS = 50;
const BENCH_ITEMS = 100_000;

const COLUMNS = 'id,kind,status,visibility,owner_organisation_id,published_at';
const SQL_COLUMNS = 'i.id, i.kind, i.status, i.visibility, i.owner_organisation_id, i.published_at';
const ORDER = 'order by i.published_at desc nulls last limit 20';
/** The requests the app would make, and their SQL (as PostgREST builds it, simplified). */
const QUERIES = [
	{
		name: 'list',
		label: 'latest 20 items',
		path: `/rest/v1/items?select=${COLUMNS}&order=published_at.desc.nullslast&limit=20`,
		sql: `select ${SQL_COLUMNS} from public.items i ${ORDER}`
	},
	{
		name: 'embed',
		label: 'latest 20 + attachments embedded',
		path: `/rest/v1/items?select=${COLUMNS},item_organisations(organisation_id,role,state)&order=published_at.desc.nullslast&limit=20`,
		sql:
			`select ${SQL_COLUMNS}, coalesce(a.list, '[]') as item_organisations from public.items i ` +
			'left join lateral (select json_agg(json_build_object(' +
			"'organisation_id', io.organisation_id, 'role', io.role, 'state', io.state)) as list " +
			`from public.item_organisations io where io.item_id = i.id) a on true ${ORDER}`
	},
	{
		name: 'events',
		label: 'latest 20 events (kind=eq.event)',
		path: `/rest/v1/items?select=${COLUMNS}&kind=eq.event&order=published_at.desc.nullslast&limit=20`,
		sql: `select ${SQL_COLUMNS} from public.items i where i.kind = 'event' ${ORDER}`
	}
];

// What a member may read, straight from the rules in docs/access-model.md, computed from
// memberships and item_organisations — not from the derived arrays the policy uses.
const ORACLE_VISIBLE = `
  with mine as (
    select m.organisation_id, m.role
    from public.memberships m
    join public.organisations o on o.id = m.organisation_id
    where m.user_id = $1 and o.status = 'active'
  )
  select i.id
  from public.items i
  where (i.status <> 'draft' and i.visibility = 'public')
     or (i.status <> 'draft' and i.visibility = 'network' and exists (select 1 from mine))
     or (i.status <> 'draft' and i.visibility = 'participants' and exists (
          select 1 from public.item_organisations io join mine using (organisation_id)
          where io.item_id = i.id
            and (io.state = 'accepted' or (io.role = 'signatory' and io.state = 'invited'))))
     or exists (
          select 1 from public.item_organisations io join mine using (organisation_id)
          where io.item_id = i.id and mine.role >= 'editor'
            and io.role in ('owner', 'co_lead') and io.state = 'accepted')`;

const HELPERS = [
	'private.is_network_member()',
	"private.user_organisation_id_array('member')",
	"private.user_organisation_id_array('editor')"
];

// --- small utilities ---------------------------------------------------------------

const ms = (value) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (a, b) => (a / b).toFixed(2);
const yes = (ok) => (ok ? 'yes' : 'NO');

// --- data set ------------------------------------------------------------------------

async function loadDataSet(db) {
	const { rows } = await db.query(
		"select exists (select 1 from public.organisations where slug = 'bench-org-1') as loaded"
	);
	if (rows[0].loaded) {
		console.log('Benchmark data already loaded (an earlier --keep run): reusing it.');
		return { seconds: null, reused: true };
	}
	console.log('Generating the data set (one transaction, every trigger on)…');
	const began = performance.now();
	await db.query('begin');
	try {
		await db.query(fs.readFileSync(GENERATOR, 'utf8'));
		await db.query('commit');
	} catch (error) {
		await db.query('rollback').catch(() => {});
		throw error;
	}
	const loaded = (performance.now() - began) / 1000;
	// The access arrays are refreshed row by row, leaving dead item versions: vacuum them
	// (as autovacuum would soon) and analyze.
	await db.query(
		'vacuum (analyze) public.organisations, public.profiles, public.memberships, ' +
			'public.items, public.item_organisations, public.audit_events, auth.users'
	);
	const seconds = (performance.now() - began) / 1000;
	console.log(`  loaded in ${loaded.toFixed(1)} s, vacuum analyze done at ${seconds.toFixed(1)} s`);
	return { seconds, loadSeconds: loaded, reused: false };
}

async function dataSetSizes(db) {
	const { rows } = await db.query(`
		select
			(select count(*) from public.organisations)::int as organisations,
			(select count(*) from public.organisations where status = 'active')::int as active,
			(select count(*) from public.organisations where status = 'suspended')::int as suspended,
			(select count(*) from public.organisations where status = 'pending')::int as pending,
			(select count(*) from public.profiles)::int as people,
			(select count(*) from public.memberships)::int as memberships,
			(select count(*) from public.items)::int as items,
			(select json_object_agg(status, n) from (select status, count(*)::int n from public.items group by 1) s) as by_status,
			(select json_object_agg(visibility, n) from (select visibility, count(*)::int n from public.items group by 1) s) as by_visibility,
			(select json_object_agg(kind, n) from (select kind, count(*)::int n from public.items group by 1) s) as by_kind,
			(select count(*) from public.item_organisations)::int as attachments,
			(select json_object_agg(state, n) from (select state, count(*)::int n from public.item_organisations group by 1) s) as by_state,
			(select json_object_agg(role, n) from (select role, count(*)::int n from public.item_organisations group by 1) s) as by_role,
			(select count(*) from public.audit_events)::int as audit_events
	`);
	return rows[0];
}

/** Typical members: people in the active organisations with the most attachments. */
async function pickMembers(db) {
	const { rows } = await db.query(
		`
		with busy as (
			select io.organisation_id, o.name, count(*)::int as attachments,
				row_number() over (order by count(*) desc, io.organisation_id) as rank
			from public.item_organisations io
			join public.organisations o on o.id = io.organisation_id
			where o.status = 'active' and o.slug like 'bench-org-%'
			group by io.organisation_id, o.name
			order by attachments desc, io.organisation_id
			limit $1
		)
		select b.rank::int, b.name as organisation, b.attachments, p.id, u.email, p.role,
			(select count(*)::int from public.memberships x where x.user_id = p.id) as memberships
		from busy b
		cross join lateral (
			-- ranks 1–6: a plain member; 7–8: an editor (drafts and the lead branch of the policy)
			select m.user_id as id, m.role
			from public.memberships m
			where m.organisation_id = b.organisation_id
				and m.role = (case when b.rank <= $1 - 2 then 'member' else 'editor' end)::public.membership_role
				and not exists (
					select 1 from public.memberships s join public.organisations so on so.id = s.organisation_id
					where s.user_id = m.user_id and so.status <> 'active')
			order by (select count(*) from public.memberships x where x.user_id = m.user_id) desc, m.user_id
			limit 1
		) p
		join auth.users u on u.id = p.id
		order by b.rank
		`,
		[MEMBERS]
	);
	const now = Math.floor(Date.now() / 1000);
	return rows.map((row) => ({
		...row,
		// The claims Supabase Auth puts in an access token (the stack cannot run Auth here).
		token: signJwt({
			sub: row.id,
			role: 'authenticated',
			aud: 'authenticated',
			email: row.email,
			iat: now,
			exp: now + 3600,
			session_id: randomUUID()
		})
	}));
}

// --- HTTP ----------------------------------------------------------------------------

const headersFor = (token) =>
	token
		? { apikey: anonKey, authorization: `Bearer ${token}`, accept: 'application/json' }
		: {
				apikey: serviceRoleKey,
				authorization: `Bearer ${serviceRoleKey}`,
				accept: 'application/json'
			};

async function request(urlPath, headers) {
	const began = performance.now();
	const response = await fetch(`${API_URL}${urlPath}`, { headers });
	const body = await response.text();
	const elapsed = performance.now() - began;
	if (!response.ok) throw new Error(`GET ${urlPath} → ${response.status}: ${body.slice(0, 300)}`);
	return { elapsed, body, response };
}

async function restCount(urlPath, headers) {
	const { response } = await request(urlPath, { ...headers, prefer: 'count=exact' });
	const total = Number((response.headers.get('content-range') ?? '').split('/')[1]);
	if (!Number.isFinite(total)) throw new Error(`no count in Content-Range for ${urlPath}`);
	return total;
}

async function sanityChecks(db, members) {
	const checks = [];
	const service = headersFor(null);
	const total = await restCount('/rest/v1/items?select=id&limit=1', service);
	check(total >= BENCH_ITEMS, `service role counts every item (${thousands(total)})`, checks);

	for (const member of members) {
		const headers = headersFor(member.token);
		const rls = await restCount('/rest/v1/items?select=id&limit=1', headers);
		const { rows } = await db.query(`select count(*)::int as n from (${ORACLE_VISIBLE}) v`, [
			member.id
		]);
		member.visible = rls;
		check(
			rls === rows[0].n && rls < total,
			`member ${member.rank} (${member.role}) sees ${thousands(rls)} of ${thousands(total)} items; the access rules, computed from memberships and attachments, give ${thousands(rows[0].n)}`,
			checks
		);
		for (const query of QUERIES) {
			const page = JSON.parse((await request(query.path, headers)).body);
			const ids = page.map((item) => item.id);
			const inside = await db.query(
				`select count(*)::int as n from (${ORACLE_VISIBLE}) v where v.id = any($2::uuid[])`,
				[member.id, ids]
			);
			check(
				ids.length === 20 && inside.rows[0].n === ids.length,
				`member ${member.rank}: the ${query.name} page has 20 rows, all readable by the rules`,
				checks
			);
		}
	}

	const anon = { apikey: anonKey, accept: 'application/json' };
	const anonCount = await restCount('/rest/v1/items?select=id&limit=1', anon);
	const { rows } = await db.query(
		"select count(*)::int as n from public.items where status <> 'draft' and visibility = 'public'"
	);
	const anonPage = JSON.parse(
		(await request(`${QUERIES[0].path.replace('limit=20', 'limit=1000')}`, anon)).body
	);
	check(
		anonCount === rows[0].n &&
			anonCount < total &&
			anonPage.every((item) => item.status !== 'draft' && item.visibility === 'public'),
		`anon sees the ${thousands(anonCount)} published or archived public items only (of ${thousands(total)})`,
		checks
	);
	return checks;
}

async function measureHttp(members) {
	const samples = Object.fromEntries(
		QUERIES.map((q) => [q.name, { rls: [], service: [], perMember: members.map(() => []) }])
	);
	const service = headersFor(null);
	const round = async (iteration, record) => {
		for (const [m, member] of members.entries()) {
			const headers = headersFor(member.token);
			for (const query of QUERIES) {
				// Interleaved, alternating which variant goes first.
				const order = (iteration + m) % 2 ? ['service', 'rls'] : ['rls', 'service'];
				for (const variant of order) {
					const { elapsed } = await request(query.path, variant === 'rls' ? headers : service);
					if (record) {
						samples[query.name][variant].push(elapsed);
						if (variant === 'rls') samples[query.name].perMember[m].push(elapsed);
					}
				}
			}
		}
	};
	for (let i = 0; i < WARMUP; i++) await round(i, false);
	for (let i = 0; i < ITERATIONS; i++) await round(i, true);
	return samples;
}

// --- in the database -----------------------------------------------------------------

/** As PostgREST runs a member's request (a JWT from Auth), or the secret key's when null. */
const asCaller = (db, member, fn) =>
	asRole(
		db,
		member
			? {
					role: 'authenticated',
					claims: {
						sub: member.id,
						role: 'authenticated',
						aud: 'authenticated',
						email: member.email
					}
				}
			: { role: 'service_role', claims: { role: 'service_role' } },
		fn
	);

async function measureDb(db, members) {
	const samples = Object.fromEntries(QUERIES.map((q) => [q.name, { rls: [], service: [] }]));
	for (const member of members) {
		for (const query of QUERIES) {
			for (let i = 0; i < DB_ITERATIONS + 3; i++) {
				const rls = await asCaller(db, member, () => explainTime(db, query.sql));
				const service = await asCaller(db, null, () => explainTime(db, query.sql));
				if (i >= 3) {
					samples[query.name].rls.push(rls);
					samples[query.name].service.push(service);
				}
			}
		}
	}
	return samples;
}

async function helperTimes(db, member) {
	const times = [];
	for (const helper of HELPERS) {
		const runs = [];
		for (let i = 0; i < 23; i++) {
			runs.push(await asCaller(db, member, () => explainTime(db, `select ${helper}`)));
		}
		times.push({ helper, p50: percentile(runs.slice(3), 50) });
	}
	return times;
}

async function explainPlan(db, member, sql) {
	const { rows } = await asCaller(db, member, () =>
		db.query(`explain (analyze, costs off, timing off) ${sql}`)
	);
	return rows.map((row) => row['QUERY PLAN']);
}

/** The plan, without the per-node noise, at most `max` lines. */
function shortenPlan(lines, max = 24) {
	const kept = lines.filter((line) => line.trim());
	return kept.length > max ? [...kept.slice(0, max - 1), '  …'] : kept;
}

// --- report --------------------------------------------------------------------------

function summarise(samples) {
	return QUERIES.map((query) => {
		const s = samples[query.name];
		const rls = { p50: percentile(s.rls, 50), p95: percentile(s.rls, 95) };
		const service = { p50: percentile(s.service, 50), p95: percentile(s.service, 95) };
		return {
			query,
			rls,
			service,
			ratio50: rls.p50 / service.p50,
			ratio95: rls.p95 / service.p95,
			n: s.rls.length
		};
	});
}

const RESULT_HEADER = [
	'query',
	'RLS p50 / p95 ms',
	'no RLS p50 / p95 ms',
	'ratio p50 / p95',
	`ratio ≤ ${RATIO_TARGET}`,
	`RLS p95 < ${P95_TARGET_MS} ms`
];

const resultRows = (summary, { markdown = false } = {}) =>
	summary.map((r) => [
		markdown ? `${r.query.label}: \`${r.query.path.replace('/rest/v1', '')}\`` : r.query.label,
		`${ms(r.rls.p50)} / ${ms(r.rls.p95)}`,
		`${ms(r.service.p50)} / ${ms(r.service.p95)}`,
		`${ratio(r.rls.p50, r.service.p50)} / ${ratio(r.rls.p95, r.service.p95)}`,
		yes(r.ratio50 <= RATIO_TARGET),
		yes(r.rls.p95 < P95_TARGET_MS)
	]);

const DB_HEADER = ['query', 'RLS p50 / p95 ms', 'no RLS p50 / p95 ms', 'ratio p50 / p95'];
const dbRows = (summary) =>
	summary.map((r) => [
		r.query.label,
		`${ms(r.rls.p50)} / ${ms(r.rls.p95)}`,
		`${ms(r.service.p50)} / ${ms(r.service.p95)}`,
		`${ratio(r.rls.p50, r.service.p50)} / ${ratio(r.rls.p95, r.service.p95)}`
	]);

function missedTargets(http) {
	const missed = [];
	for (const r of http) {
		if (r.ratio50 > RATIO_TARGET) {
			missed.push(
				`${r.query.label}: ratio ${ratio(r.rls.p50, r.service.p50)} (p50) > ${RATIO_TARGET}`
			);
		}
		if (r.rls.p95 >= P95_TARGET_MS) {
			missed.push(`${r.query.label}: RLS p95 ${ms(r.rls.p95)} ms ≥ ${P95_TARGET_MS} ms`);
		}
	}
	return missed;
}

function findings(http, inDb, helpers) {
	const lines = [];
	for (const [i, r] of http.entries()) {
		const d = inDb[i];
		const httpCost = r.service.p50 - d.service.p50;
		lines.push(
			`${r.query.label}: RLS adds ${ms(r.rls.p50 - r.service.p50)} ms at p50 over HTTP and ` +
				`${ms(d.rls.p50 - d.service.p50)} ms in the database (in-database ratio ` +
				`${ratio(d.rls.p50, d.service.p50)}); the rest of a request (gateway, PostgREST, JWT, ` +
				`JSON) is ≈ ${ms(httpCost)} ms for both.`
		);
	}
	lines.push(
		`Helpers (once per statement, InitPlans), p50 in the database for member 1: ${helpers
			.map((h) => `\`${h.helper}\` ${ms(h.p50)} ms`)
			.join(
				', '
			)}; the three of them account for most of the in-database difference, so the in-database ratio is high only because the no-RLS query takes a few hundredths of a millisecond.`
	);
	return lines;
}

function docSection(report) {
	const { date, machine, sizes, load, members, http, inDb, checks, plan, missed, notes } = report;
	return [
		SECTION,
		'',
		`Run ${date} on ${machine}.`,
		'',
		`Targets (issue 3): listing through PostgREST with RLS at most ${RATIO_TARGET}× the same request with the secret key (ratio of the p50s), and RLS p95 under ${P95_TARGET_MS} ms.`,
		'',
		'### Data set',
		'',
		`\`scripts/bench-access/generate.sql\`, added to the demo seed as the superuser in one transaction with every trigger on (profiles from \`auth.users\`, owner attachments, access arrays, audit trail), then \`vacuum analyze\`${load.reused ? ' (reused from an earlier `--keep` run)' : ` — ${load.seconds.toFixed(0)} s in all`}:`,
		'',
		`- organisations ${thousands(sizes.organisations)} (active ${sizes.active}, suspended ${sizes.suspended}, pending ${sizes.pending}); people ${thousands(sizes.people)}; memberships ${thousands(sizes.memberships)} (1–3 per person, plus one admin seat per benchmark organisation)`,
		`- items ${thousands(sizes.items)}: ${mix(sizes.by_status)}; ${mix(sizes.by_visibility)}; ${mix(sizes.by_kind)}`,
		`- attachments ${thousands(sizes.attachments)}: ${mix(sizes.by_role)}; ${mix(sizes.by_state)}`,
		'',
		'### Members',
		'',
		`${members.length} people of the active organisations with the most attachments (ranks 1–${members.length - 2} members, the others editors). Supabase Auth cannot run on this machine (its Go module is refused by the proxy), so each is authenticated with an access token signed with the local JWT secret carrying the claims Auth issues: \`sub\`, \`role: authenticated\`, \`aud: authenticated\`, \`email\`, \`iat\`, \`exp\`, \`session_id\`. PostgREST verifies it as it verifies Auth's tokens.`,
		'',
		markdownTable(
			['#', 'role', 'memberships', 'organisation attachments', 'items visible (RLS)'],
			members.map((m) => [
				m.rank,
				m.role,
				m.memberships,
				thousands(m.attachments),
				thousands(m.visible)
			])
		),
		'',
		'### Through the API (gateway → PostgREST)',
		'',
		`\`fetch\` with keep-alive, sequential; per member ${WARMUP} warm-up rounds, then ${ITERATIONS} rounds, each running every query with the member's token (RLS) and with the secret key (service_role, no RLS), interleaved, alternating which goes first: ${members.length * ITERATIONS} requests per cell. Time = request sent → body read.`,
		'',
		markdownTable(RESULT_HEADER, resultRows(http, { markdown: true })),
		'',
		'### In the database',
		'',
		`The same queries as SQL (\`explain analyze\`, planning + execution time) on one connection, as \`authenticated\` with the member's claims (\`set local role\`, \`request.jwt.claims\`) vs \`service_role\`: ${members.length} members × ${DB_ITERATIONS} runs.`,
		'',
		markdownTable(DB_HEADER, dbRows(inDb)),
		'',
		'RLS plan of the listing for member 1 (`explain (analyze, costs off, timing off)`):',
		'',
		'```',
		...plan,
		'```',
		'',
		'### Sanity checks',
		'',
		...checks.map((c) => `- ${c}`),
		'',
		'### Findings',
		'',
		...notes.map((n) => `- ${n}`),
		'',
		'### Missed targets',
		'',
		missed.length ? missed.map((m) => `- ${m}`).join('\n') : 'None.',
		'',
		'### Reproduce',
		'',
		'```sh',
		'npm run bench:access          # starts the stack if needed, loads the data set, measures,',
		'                              # then restores the demo database (stack reset)',
		'node scripts/bench-access.mjs --keep   # leave the data set loaded (for EXPLAIN by hand)',
		'npm run stack:reset           # afterwards: back to the demo seed',
		'```',
		'',
		'While the data set is loaded (about 2 minutes) tests against the same stack may fail.'
	].join('\n');
}

// --- main --------------------------------------------------------------------------

async function main() {
	const startedStack = await start({ quiet: true });
	if (startedStack) console.log('Started the local stack (stopping it at the end).');
	await holdStackLock();
	// Another session may have stopped or reset the stack while we waited for the lock.
	await start({ quiet: true });
	const db = new pg.Client({ connectionString: DB_URL, application_name: 'bench-access' });
	// A stack reset by someone else ends our connection: fail the query, not the process.
	db.on('error', (error) => console.error(`Database connection lost: ${error.message}`));
	await db.connect();
	let loaded = false;
	let failure = null;
	try {
		const load = await loadDataSet(db);
		loaded = true;
		const sizes = await dataSetSizes(db);
		console.log(
			`Data set: ${thousands(sizes.organisations)} organisations, ${thousands(sizes.people)} people, ` +
				`${thousands(sizes.memberships)} memberships, ${thousands(sizes.items)} items, ` +
				`${thousands(sizes.attachments)} attachments`
		);
		const members = await pickMembers(db);
		if (members.length < MEMBERS) throw new Error(`only ${members.length} members found`);

		console.log('\nSanity checks…');
		const checks = await sanityChecks(db, members);
		for (const c of checks) console.log(`  ${c}`);

		console.log(
			`\nThrough the API: ${members.length} members × ${ITERATIONS} rounds × ${QUERIES.length} queries × 2 variants…`
		);
		const httpSamples = await measureHttp(members);
		const http = summarise(httpSamples);
		console.log(`In the database: ${members.length} members × ${DB_ITERATIONS} runs…`);
		const inDb = summarise(await measureDb(db, members));
		const helpers = await helperTimes(db, members[0]);
		const plan = shortenPlan(await explainPlan(db, members[0], QUERIES[0].sql));

		const { rows } = await db.query('select count(*)::int as n from public.items');
		if (rows[0].n < BENCH_ITEMS) {
			throw new Error('the data set disappeared during the run (someone reset the stack?)');
		}

		console.log('\nThrough the API (gateway → PostgREST), ms:');
		console.log(table(RESULT_HEADER, resultRows(http)));
		console.log('\nRLS p50 per member (ms):');
		console.log(
			table(
				['query', ...members.map((m) => `#${m.rank} ${m.role}`)],
				QUERIES.map((q) => [
					q.label,
					...httpSamples[q.name].perMember.map((s) => ms(percentile(s, 50)))
				])
			)
		);
		console.log('\nIn the database (explain analyze, planning + execution), ms:');
		console.log(table(DB_HEADER, dbRows(inDb)));
		console.log(`\nRLS plan of the listing for member 1:\n${plan.join('\n')}`);

		const notes = findings(http, inDb, helpers);
		console.log('\nFindings:');
		for (const n of notes) console.log(`  - ${n}`);
		const missed = missedTargets(http);
		console.log('');
		if (missed.length) {
			console.log(`MISSED TARGETS (${missed.length}):`);
			for (const m of missed) console.log(`  ✗ ${m}`);
		} else {
			console.log(
				`All targets met: ratio ≤ ${RATIO_TARGET} and RLS p95 < ${P95_TARGET_MS} ms for every query.`
			);
		}

		const pgVersion = (await db.query('show server_version')).rows[0].server_version;
		const machine = machineLine(['Postgres ' + pgVersion.split(' ')[0], 'PostgREST 12']);
		writeDoc(
			SECTION,
			docSection({
				date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
				machine,
				sizes,
				load,
				members,
				http,
				inDb,
				checks,
				plan,
				missed,
				notes
			})
		);
		console.log(`\nWrote the Access section of ${path.relative(ROOT, DOC)}`);
	} catch (error) {
		failure = error;
	} finally {
		await db.end().catch(() => {});
		await restoreDemo({ loaded, keep: KEEP, startedStack });
	}
	if (failure) throw failure;
}

main().catch((error) => {
	console.error(error instanceof SanityError ? `Sanity check failed: ${error.message}` : error);
	process.exitCode = 1;
});
