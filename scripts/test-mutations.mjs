#!/usr/bin/env node
/**
 * Mutation tests of the access rules: loosens one rule at a time in a throwaway copy of
 * the database, runs the pgTAP files against it and reports each loosening that no test
 * notices. A rule no test can break is a rule no test proves (issue 19, item 3).
 *
 * The rules are read from the catalog, not from a list, so a new policy, helper or guard
 * is covered the day it is migrated:
 *   - every RLS policy in public: its `using` and its `with check`, each replaced by true;
 *     each role threshold in it (`user_organisation_ids('admin')` …) lowered to 'member';
 *   - every function in private/public: each `raise exception` turned into `null;` (the
 *     refusal does not happen); each role threshold lowered;
 *   - the reading helpers (stable, security definer): those returning ids answer "every id
 *     in public", those returning a boolean answer true, those returning rows skip each
 *     early `then return;` (their "not an organiser: no rows" refusal);
 *   - every trigger whose function refuses something (contains `raise exception`): disabled.
 *
 * How: a template database is made once from the stack's database (schema only, so rows
 * left by earlier API or browser runs do not count) plus supabase/seed.sql; each mutation
 * gets `create database … template …`, one altered rule, then the pgTAP files, the most
 * relevant first (those naming the rule's message, function or table), stopping at the
 * first file that fails. The verdicts are kept in .data/test-mutations.json, and the table
 * of all mutations goes into docs/testing.md (a run with --only updates its own rows).
 *
 * Usage: node scripts/test-mutations.mjs [--only <regex>] [--resume] [--report] [--jobs <n>]
 *                                      [--api] [--list]
 *   --only    run the mutations whose id matches (e.g. --only 'policy:memberships')
 *   --resume  run only the mutations the last runs did not catch or never ran
 *   --report  run nothing: write the table again from the kept verdicts (after editing
 *             EQUIVALENT)
 *   --jobs    mutations at once (default 2; the machine is shared)
 *   --api     also run the API tests (tests/api) for each mutation pgTAP does not catch: the
 *             mutation is applied to the stack's own database (PostgREST and Auth use it),
 *             then the stack is reset (`stack:reset`) after each one
 *   --list    print the mutations and exit
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DATA_DIR, DB_URL, ROOT } from './stack/config.mjs';
import { migrationFiles, SEED_FILE } from './stack/migrations.mjs';
import { pgBinaries } from './stack/postgres.mjs';
import { reset as resetStack, start as startStack, stop as stopStack } from './stack.mjs';

const TESTS_DIR = path.join(ROOT, 'supabase/tests/database');
const DOC_FILE = path.join(ROOT, 'docs/testing.md');
// Per process, so that two runs (a full one and an --only one) never drop each other's.
const TEMPLATE = `mutations_template_${process.pid}`;
// The verdict of every mutation at its last run (git-ignored, like the rest of .data).
const CACHE_FILE = path.join(DATA_DIR, 'test-mutations.json');
// A file that runs longer than this under a mutation counts as failing (a loop, a lock).
const FILE_TIMEOUT_MS = 120_000;

/**
 * Mutations no test can catch because another rule already enforces the same thing, so
 * the loosened rule is redundant. Keyed by mutation id; the reason goes into the table.
 * Keep each entry honest: if a test catches one later, the table says so anyway.
 */
const IDENTITY_FIXED =
	'an UPDATE cannot change the columns this check reads (the guard trigger refuses it), so ' +
	'every new row passes it when the old row passed `using`';
const REQUEST_FIXED =
	`${IDENTITY_FIXED}: translation_requests_guard keeps item_id and organisation_id (TR007, 044), ` +
	'and the column grant lets only status, due_on and message change';
const EQUIVALENT = {
	'function:private.item_search_hits:skip-return#1':
		'a blank query parses to an empty text-search query, which matches no text: the early ' +
		'return only spares five parses and their NOTICE (pgTAP 009 and 010 check that a blank query finds nothing)',
	'function:private.set_up_content_type:role#1':
		'runs only while migrating: the policies it wrote are in the catalog and mutated there ' +
		'(the joint_actions, events and papers policies above); changing its body afterwards changes no rule',
	'policy:calendar_tokens:People renew or revoke their own calendar token:check': `${IDENTITY_FIXED}: calendar_tokens_guard_change keeps user_id (019)`,
	'policy:event_translations:Lead editors and translators edit texts of events:check': `${IDENTITY_FIXED}: event_translations_guard_change keeps event_id and locale`,
	'policy:events:Editors of the owner and co-lead organisations edit events:check': `${IDENTITY_FIXED}: events_guard_change keeps id`,
	'policy:invitations:Admins revoke or re-send, the invited person accepts:check': `${IDENTITY_FIXED}: invitations_guard_change keeps organisation_id and email`,
	'policy:invitations:Admins revoke or re-send, the invited person accepts:check:role#1': `${IDENTITY_FIXED}: invitations_guard_change keeps organisation_id and email`,
	'policy:item_organisations:Admins of the attached organisation answer its invitation:check': `${IDENTITY_FIXED}: item_organisations_guard_change lets only state change`,
	'policy:item_organisations:Admins of the attached organisation answer its invitation:check:role#1': `${IDENTITY_FIXED}: item_organisations_guard_change lets only state change`,
	'policy:items:Editors of the owner and co-lead organisations update items:check': `${IDENTITY_FIXED}: lead_organisation_ids follow the attachments (items_guard_update)`,
	'policy:items:Editors of the owner and co-lead organisations update items:check:role#1': `${IDENTITY_FIXED}: lead_organisation_ids follow the attachments (items_guard_update)`,
	'policy:joint_action_translations:Lead editors and translators edit texts of joint actions:check': `${IDENTITY_FIXED}: joint_action_translations_guard_change keeps action_id and locale`,
	'policy:joint_actions:Editors of the owner and co-lead organisations edit joint actio:check': `${IDENTITY_FIXED}: joint_actions_guard_change keeps id`,
	'policy:joint_action_updates:Authors edit their own updates while their organisation is atta:check': `${IDENTITY_FIXED}: joint_action_updates_guard_change lets only the text and language change`,
	'policy:joint_action_updates:Authors edit their own updates while their organisation is atta:check:role#1': `${IDENTITY_FIXED}: joint_action_updates_guard_change lets only the text and language change`,
	'policy:memberships:Admins change roles in their organisation:check': `${IDENTITY_FIXED}: memberships_guard_change keeps user_id and organisation_id`,
	'policy:memberships:Admins change roles in their organisation:check:role#1': `${IDENTITY_FIXED}: memberships_guard_change keeps user_id and organisation_id`,
	'policy:organisations:Admins edit their organisation, coordinators edit any:check': `${IDENTITY_FIXED}: organisations_guard_update keeps id`,
	'policy:organisations:Admins edit their organisation, coordinators edit any:check:role#1': `${IDENTITY_FIXED}: organisations_guard_update keeps id`,
	'policy:paper_translations:Lead editors and translators edit texts of papers:check': `${IDENTITY_FIXED}: paper_translations_guard_change keeps paper_id and locale`,
	"policy:paper_versions:Lead editors edit the notes of their papers' versions:check": `${IDENTITY_FIXED}: paper_versions_guard_change lets only the note change`,
	'policy:review_cycles:Coordinators and admins in the country edit review cycles:check': `${IDENTITY_FIXED}: review_cycles_guard keeps country (RC002)`,
	'policy:review_stages:Cycle editors edit stages:check': `${IDENTITY_FIXED}: review_stages_guard keeps cycle_id (RC001)`,
	'function:private.guard_translation_request:raise#10':
		'the column grant lets API callers write status, due_on and message only: who answered and when ' +
		"change only through this trigger's own stamp, which comes with a change of status (044)",
	'function:private.personal_review_stages:skip-return#1':
		'an unknown or revoked token has no owner (null): the query that follows matches no membership of ' +
		'null, so the feed is empty either way (043 checks an unknown token)',
	'function:private.joint_action_ids_matching:all':
		'it only says where to look: public.list_joint_actions reads those ids as the caller, under RLS, ' +
		'and applies the same filters again, so a list of every id gives the same page (040 and 048 check ' +
		'the filtered list)',
	'policy:translation_requests:Asked editors answer and lead editors change or cancel requests:check':
		REQUEST_FIXED,
	'policy:translation_requests:Asked editors answer and lead editors change or cancel requests:check:role#1':
		REQUEST_FIXED,
	'policy:notifications:People mark their own notifications read:check':
		'an UPDATE cannot change the column this check reads: the column grant lets API callers write ' +
		'read_at only, so the new row keeps the recipient the old row passed `using` with (041)',
	'policy:papers:Editors of the owner and co-lead organisations edit papers:check': `${IDENTITY_FIXED}: papers_guard_change keeps id`,
	'function:private.guard_item_organisation_change:raise#2':
		'the DELETE policy "Owner editors detach organisations from their items" already excludes ' +
		'the owner row (role <> owner); 019 checks that the owner row stays',
	'function:private.adminless_organisation_ids:role#1':
		'private.guard_invitation_change refuses a coordinator any invitation to an organisation ' +
		'that has an admin (private.organisation_has_admin), whatever this list holds (018)',
	'function:public.register_for_event:raise#1':
		'private.register_for_event, which it calls next, refuses the same callers with the same ' +
		'code and message (can_read_item, proven equal to the items RLS by 009–011, and an event row)',
	'policy:profiles:People update their own profile:check':
		'the new row of an own-profile update can only carry another id that is a person (the key references auth.users) ' +
		'without a profile, and every person has one (handle_new_user): the primary key refuses it first'
};

// Arguments -------------------------------------------------------------------------------
const args = process.argv.slice(2);
function option(name) {
	const i = args.indexOf(name);
	return i === -1 ? undefined : args[i + 1];
}
const onlyPattern = option('--only');
const only = onlyPattern ? new RegExp(onlyPattern) : null;
const resume = args.includes('--resume');
const reportOnly = args.includes('--report');
const partialRun = Boolean(only || resume || reportOnly);
const jobs = Math.max(1, Number(option('--jobs') ?? 2));
const withApi = args.includes('--api');
const listOnly = args.includes('--list');

// Databases -----------------------------------------------------------------------------
const urlFor = (database) => {
	const url = new URL(DB_URL);
	url.pathname = `/${database}`;
	return url.toString();
};
const mainDatabase = new URL(DB_URL).pathname.slice(1);

async function withClient(database, fn) {
	const client = new pg.Client({ connectionString: urlFor(database) });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}
const adminQuery = (sql, params) => withClient(mainDatabase, (c) => c.query(sql, params));
const ident = (name) => `"${name.replaceAll('"', '""')}"`;
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

/** Runs a program; resolves { code, out } (stdout and stderr together). */
function run(command, argv, { env = {}, input, timeoutMs } = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, argv, { cwd: ROOT, env: { ...process.env, ...env } });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const timer = timeoutMs
			? setTimeout(() => {
					out += `\n(timed out after ${timeoutMs / 1000} s)`;
					child.kill('SIGKILL');
				}, timeoutMs)
			: null;
		child.on('error', (error) => resolve({ code: 127, out: String(error) }));
		child.on('close', (code) => {
			if (timer) clearTimeout(timer);
			resolve({ code: code ?? 1, out });
		});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
	});
}

function libpqEnv(database) {
	const url = new URL(DB_URL);
	return {
		PGHOST: url.hostname,
		PGPORT: url.port,
		PGUSER: decodeURIComponent(url.username),
		PGPASSWORD: decodeURIComponent(url.password),
		PGDATABASE: database
	};
}

let databaseSettings = [];

async function applySettings(database) {
	for (const setting of databaseSettings) {
		const [name, ...rest] = setting.split('=');
		const value = rest.join('=');
		const alter = `alter database ${ident(database)} set ${ident(name)} = `;
		// List settings (search_path) are stored ready to paste; a quoted literal would make
		// them one element. Scalars (8s) need the quotes.
		await adminQuery(alter + value).catch(() => adminQuery(alter + literal(value)));
	}
}

/** A fresh copy of the template, with the main database's settings. */
async function copyDatabase(database) {
	await adminQuery(`create database ${ident(database)} template ${ident(TEMPLATE)}`);
	await applySettings(database);
}

/**
 * The template: the stack's schema (its migrations, checked below to be the files of this
 * checkout) without its rows, plus the demo seed, as `stack:reset` would leave it.
 */
async function buildTemplate() {
	const recorded = new Map(
		(
			await adminQuery(
				'select version, statements[1] as text from supabase_migrations.schema_migrations'
			)
		).rows.map((row) => [row.version, row.text])
	);
	const files = migrationFiles();
	const stale = files.filter((m) => recorded.get(m.version) !== readFileSync(m.file, 'utf8'));
	const unknown = [...recorded.keys()].filter((v) => !files.some((m) => m.version === v));
	if (stale.length || unknown.length) {
		throw new Error(
			`The stack's database does not match supabase/migrations (${[...stale.map((m) => path.basename(m.file)), ...unknown].join(', ')}).\n` +
				'Run `npm run stack:reset` first.'
		);
	}
	const { psql } = pgBinaries();
	const pgDump = path.join(path.dirname(psql), 'pg_dump');
	await adminQuery(`drop database if exists ${ident(TEMPLATE)} with (force)`);
	await adminQuery(`create database ${ident(TEMPLATE)} template template0`);
	const dump = await run(pgDump, ['--schema-only'], {
		env: libpqEnv(mainDatabase)
	});
	if (dump.code !== 0) throw new Error(`pg_dump failed:\n${dump.out}`);
	const restore = await run(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1'], {
		env: libpqEnv(TEMPLATE),
		input: dump.out
	});
	if (restore.code !== 0) throw new Error(`restoring the schema failed:\n${restore.out}`);
	// Rows that migrations themselves insert (settings such as private.throttle_rules) are
	// part of the schema as the tests know it; the attempts log is run-time state, not copied.
	const rows = await run(
		pgDump,
		['--data-only', '--schema=private', '--exclude-table-data=private.throttle_attempts'],
		{ env: libpqEnv(mainDatabase) }
	);
	if (rows.code !== 0) throw new Error(`pg_dump of the migrations' rows failed:\n${rows.out}`);
	const copied = await run(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1'], {
		env: libpqEnv(TEMPLATE),
		input: rows.out
	});
	if (copied.code !== 0) throw new Error(`copying the migrations' rows failed:\n${copied.out}`);
	// Database-level settings (the bootstrap's search_path) are neither in a dump nor
	// copied by `create database … template`: each copy gets them (copyDatabase).
	databaseSettings = (
		await adminQuery(
			`select unnest(setconfig) as setting from pg_db_role_setting
			 where setrole = 0 and setdatabase = (select oid from pg_database where datname = $1)`,
			[mainDatabase]
		)
	).rows.map((row) => row.setting);
	await applySettings(TEMPLATE);
	const seed = await run(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-f', SEED_FILE], {
		env: libpqEnv(TEMPLATE)
	});
	if (seed.code !== 0) throw new Error(`supabase/seed.sql failed on the template:\n${seed.out}`);
	// Autovacuum off on every table of the template (the copies inherit it): a table it
	// measured mid-run plans differently (a scan of a few pages instead of a probe), so a
	// file could fail on a late copy and pass on the baseline copied at the start, and be
	// taken for a catch. Every copy keeps the statistics the template had after the seed.
	await withClient(TEMPLATE, (client) =>
		client.query(`do $$
			declare t regclass;
			begin
				for t in select c.oid::regclass from pg_catalog.pg_class c
				         join pg_catalog.pg_namespace n on n.oid = c.relnamespace
				         where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
				loop
					execute format('alter table %s set (autovacuum_enabled = false)', t);
				end loop;
			end $$`)
	);
}

// Enumerating the rules ------------------------------------------------------------------

/** Position just after the `;` ending the statement that starts at `from` (skips strings). */
function statementEnd(text, from) {
	let i = from;
	while (i < text.length) {
		const c = text[i];
		if (c === "'") {
			i += 1;
			while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) {
				i += text[i] === "'" ? 2 : 1;
			}
		} else if (c === ';') return i + 1;
		i += 1;
	}
	return -1;
}

/** Matches of `re` in `text` that are not inside a `--` comment. */
function codeMatches(text, re) {
	return [...text.matchAll(re)].filter((m) => {
		const lineStart = text.lastIndexOf('\n', m.index) + 1;
		return !text.slice(lineStart, m.index).includes('--');
	});
}

const splice = (text, start, end, replacement) =>
	text.slice(0, start) + replacement + text.slice(end);

// A role threshold: the membership helpers called with 'admin'/'editor' (in policies the
// deparsed form adds ::membership_role), and role comparisons in function bodies.
const ROLE_THRESHOLD =
	/(user_organisation_ids|user_organisation_id_array)\('(admin|editor)'(::membership_role)?\)|\brole\s*(>=|=)\s*'(admin|editor)'/g;

function lowerRole(match) {
	return match[0].replace(/'(admin|editor)'/, "'member'");
}

/** First words of the message of a `raise exception '…'`, to find the test asserting it. */
function raiseMessage(statement) {
	const m = /raise\s+exception\s+'((?:[^']|'')*)'/i.exec(statement);
	return m ? m[1].replaceAll("''", "'").split('%')[0].trim().slice(0, 40) : null;
}

async function enumerate() {
	return withClient(TEMPLATE, async (client) => {
		const mutations = [];

		// Policies.
		const policies = await client.query(
			`select tablename, policyname, cmd, qual, with_check from pg_policies
			 where schemaname = 'public' order by tablename, policyname`
		);
		for (const p of policies.rows) {
			const target = `${ident(p.policyname)} on public.${ident(p.tablename)}`;
			const base = {
				kind: 'policy',
				rule: `policy "${p.policyname}" (${p.tablename}, ${p.cmd.toLowerCase()})`,
				keywords: [p.tablename, p.policyname]
			};
			for (const [clause, expr] of [
				['using', p.qual],
				['with check', p.with_check]
			]) {
				if (expr === null) continue;
				const key = clause === 'using' ? 'using' : 'check';
				mutations.push({
					...base,
					id: `policy:${p.tablename}:${p.policyname}:${key}`,
					mutation: `${clause} (true)`,
					sql: `alter policy ${target} ${clause} (true)`
				});
				codeMatches(expr, ROLE_THRESHOLD).forEach((m, n) => {
					mutations.push({
						...base,
						id: `policy:${p.tablename}:${p.policyname}:${key}:role#${n + 1}`,
						mutation: `${clause}: ${m[0]} → 'member'`,
						sql: `alter policy ${target} ${clause} (${splice(expr, m.index, m.index + m[0].length, lowerRole(m))})`
					});
				});
			}
		}

		// Functions.
		const idTables = (
			await client.query(
				`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 join pg_attribute a on a.attrelid = c.oid and a.attname = 'id' and not a.attisdropped
				 where n.nspname = 'public' and c.relkind = 'r' and a.atttypid = 'uuid'::regtype
				 order by c.relname`
			)
		).rows.map((r) => r.relname);
		const allIds = idTables.map((t) => `select id from public.${ident(t)}`).join(' union ');
		const functions = await client.query(
			`select p.oid::regprocedure::text as signature, p.proname, n.nspname, p.prosecdef,
			        p.provolatile, p.proretset, p.prorettype::regtype::text as returns, l.lanname,
			        pg_get_functiondef(p.oid) as def
			 from pg_proc p
			 join pg_namespace n on n.oid = p.pronamespace
			 join pg_language l on l.oid = p.prolang
			 where n.nspname in ('private', 'public') and p.prokind = 'f'
			   and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
			 order by n.nspname, p.proname, signature`
		);
		const overloaded = new Set(
			functions.rows
				.map((f) => `${f.nspname}.${f.proname}`)
				.filter((name, i, names) => names.indexOf(name) !== i)
		);
		for (const f of functions.rows) {
			// An overloaded name is told apart by its arguments, so that each keeps its own verdict.
			const name = overloaded.has(`${f.nspname}.${f.proname}`)
				? f.signature
				: `${f.nspname}.${f.proname}`;
			const base = {
				kind: 'function',
				rule: `${f.signature}${f.prosecdef ? ' (security definer)' : ''}`,
				keywords: [f.proname]
			};
			const bodyStart = f.def.indexOf('AS $function$');
			if (bodyStart === -1) continue; // a body with its own dollar tag: none so far
			const header = f.def.slice(0, bodyStart);
			const body = f.def.slice(bodyStart);
			const plpgsql = f.lanname === 'plpgsql';

			codeMatches(body, /raise\s+exception/gi).forEach((m, n) => {
				const end = statementEnd(body, m.index);
				if (end === -1) return;
				const statement = body.slice(m.index, end);
				const message = raiseMessage(statement);
				mutations.push({
					...base,
					id: `function:${name}:raise#${n + 1}`,
					mutation: `no-op instead of: ${statement.replace(/\s+/g, ' ').slice(0, 90)}`,
					sql: header + splice(body, m.index, end, 'null;'),
					keywords: [...(message ? [message] : []), f.proname]
				});
			});
			// An early `return;` of a reading helper is its refusal ("not an organiser: no
			// rows"); in triggers and acting functions it is flow, not access.
			if (plpgsql && f.prosecdef && f.provolatile !== 'v' && f.proretset) {
				codeMatches(body, /\bthen\s+return\s*(null|false)?\s*;/gi).forEach((m, n) => {
					mutations.push({
						...base,
						id: `function:${name}:skip-return#${n + 1}`,
						mutation: `early exit skipped: ${m[0].replace(/\s+/g, ' ')} → then null;`,
						sql: header + splice(body, m.index, m.index + m[0].length, 'then null;')
					});
				});
			}
			codeMatches(body, ROLE_THRESHOLD).forEach((m, n) => {
				mutations.push({
					...base,
					id: `function:${name}:role#${n + 1}`,
					mutation: `${m[0]} → 'member'`,
					sql: header + splice(body, m.index, m.index + m[0].length, lowerRole(m))
				});
			});
			// The access helpers: stable security-definer functions answering "which ids" or
			// "may they". Volatile ones act (register, decide …) and are mutated by their raises.
			if (f.prosecdef && f.provolatile !== 'v') {
				let replacement = null;
				let what = 'returns every id in public';
				if (f.returns === 'uuid' && f.proretset) {
					replacement = plpgsql ? `begin return query ${allIds}; end;` : allIds;
				} else if (f.returns === 'uuid[]' && !f.proretset) {
					replacement = plpgsql ? `begin return array(${allIds}); end;` : `select array(${allIds})`;
				} else if (f.returns === 'boolean' && !f.proretset) {
					replacement = plpgsql ? 'begin return true; end;' : 'select true';
					what = 'returns true';
				}
				if (replacement) {
					mutations.push({
						...base,
						id: `function:${name}:all`,
						mutation: what,
						sql: `${header}AS $function$ ${replacement} $function$`
					});
				}
			}
		}

		// Guard triggers: those whose function refuses something.
		const triggers = await client.query(
			`select c.relname, t.tgname, p.proname
			 from pg_trigger t
			 join pg_class c on c.oid = t.tgrelid
			 join pg_namespace n on n.oid = c.relnamespace
			 join pg_proc p on p.oid = t.tgfoid
			 where not t.tgisinternal and n.nspname = 'public' and p.prosrc ~* 'raise\\s+exception'
			 order by c.relname, t.tgname`
		);
		for (const t of triggers.rows) {
			mutations.push({
				kind: 'trigger',
				id: `trigger:${t.relname}:${t.tgname}`,
				rule: `trigger ${t.tgname} on ${t.relname} (${t.proname})`,
				mutation: 'trigger disabled',
				sql: `alter table public.${ident(t.relname)} disable trigger ${ident(t.tgname)}`,
				keywords: [t.proname, t.relname]
			});
		}
		return mutations;
	});
}

// Running the pgTAP layer ---------------------------------------------------------------
const testFiles = readdirSync(TESTS_DIR)
	.filter((f) => f.endsWith('.test.sql'))
	.sort()
	.map((f) => ({ name: f, text: readFileSync(path.join(TESTS_DIR, f), 'utf8').toLowerCase() }));

/** Files in the order most likely to catch the mutation first, then the shortest first. */
function orderFiles(mutation) {
	const score = (file) =>
		mutation.keywords.reduce(
			(sum, keyword, i) =>
				sum + (file.text.includes(keyword.toLowerCase()) ? mutation.keywords.length - i : 0),
			0
		);
	return [...testFiles].sort((a, b) => score(b) - score(a) || a.text.length - b.text.length);
}

/** pg_prove on one file; resolves { ok, seconds, detail }. */
async function proveFile(database, file) {
	const started = Date.now();
	const { code, out } = await run(
		'pg_prove',
		['--ext', '.sql', path.relative(ROOT, path.join(TESTS_DIR, file))],
		{ env: libpqEnv(database), timeoutMs: FILE_TIMEOUT_MS }
	);
	const lines = out
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	// pg_prove names each failed assertion ("# Failed test 53: …"); a file that stopped early
	// says so (an ERROR, a plan not met). Otherwise the end of the output says why.
	const failures = lines.filter((line) =>
		/^# Failed test \d+|^not ok \d+|ERROR:|planned \d+ tests? but ran/.test(line)
	);
	return {
		ok: code === 0,
		seconds: (Date.now() - started) / 1000,
		detail: (failures.length ? failures.slice(0, 2) : lines.slice(-3)).join(' | ')
	};
}

let databaseCounter = 0;
const baselineDatabase = `mutation_${process.pid}_baseline`;
const baselineRuns = new Map();

/**
 * A failure under a mutation means something only if the same file passes on an unmutated
 * copy: checked once per file, when a file first fails (cheaper than running every file
 * up front, which matters for a run with --only).
 */
function passesUnmutated(file) {
	if (!baselineRuns.has(file)) baselineRuns.set(file, proveFile(baselineDatabase, file));
	return baselineRuns.get(file);
}

/** Applies one mutation to a fresh copy and runs files until one fails. */
async function runMutation(mutation) {
	const database = `mutation_${process.pid}_${++databaseCounter}`;
	await copyDatabase(database);
	try {
		try {
			await withClient(database, (client) => client.query(mutation.sql));
		} catch (error) {
			return { caughtBy: null, error: `mutation did not apply: ${error.message}` };
		}
		for (const file of orderFiles(mutation)) {
			const result = await proveFile(database, file.name);
			if (result.ok) continue;
			const unmutated = await passesUnmutated(file.name);
			if (!unmutated.ok) {
				throw new Error(`${file.name} fails without any mutation: ${unmutated.detail}`);
			}
			return { caughtBy: file.name, detail: result.detail };
		}
		return { caughtBy: null };
	} finally {
		await adminQuery(`drop database if exists ${ident(database)} with (force)`);
	}
}

// The API layer ------------------------------------------------------------------------

/** Runs tests/api against the stack; resolves the failing files, or null without a report. */
async function apiFailures() {
	const report = path.join(DATA_DIR, 'test-reports', 'mutation-api.json');
	mkdirSync(path.dirname(report), { recursive: true });
	rmSync(report, { force: true });
	await run(
		path.join(ROOT, 'node_modules/.bin/vitest'),
		['run', '--config', 'vitest.api.config.ts', '--reporter=json', `--outputFile.json=${report}`],
		{ timeoutMs: 15 * 60_000 }
	);
	try {
		const json = JSON.parse(readFileSync(report, 'utf8'));
		return json.testResults
			.filter((r) => r.status !== 'passed')
			.map((r) => path.relative(ROOT, r.name));
	} catch {
		return null; // vitest did not run at all
	}
}

/** Applies the mutation to the stack's database, runs tests/api, resets the stack. */
async function runApi(mutation) {
	try {
		await adminQuery(mutation.sql);
		const failed = await apiFailures();
		if (failed === null) throw new Error('the API tests did not run (no vitest report)');
		return failed.length ? `api: ${failed.join(', ')}` : null;
	} finally {
		await resetStack({ quiet: true });
	}
}

// The report ------------------------------------------------------------------------

const escapeCell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');

function table(results) {
	const lines = ['| # | rule | mutation | caught by |', '|---|---|---|---|'];
	results.forEach((r, i) => {
		lines.push(
			`| ${i + 1} | ${escapeCell(r.rule)} | ${escapeCell(r.mutation)} | ${escapeCell(r.verdict)} |`
		);
	});
	return lines.join('\n');
}

function writeDoc(results, summary) {
	const begin = '<!-- mutations:begin (written by scripts/test-mutations.mjs) -->';
	const end = '<!-- mutations:end -->';
	const doc = readFileSync(DOC_FILE, 'utf8');
	const from = doc.indexOf(begin);
	const to = doc.indexOf(end);
	if (from === -1 || to === -1) throw new Error(`${DOC_FILE} lacks the mutation table markers`);
	const section = [begin, '', summary, '', table(results), '', end].join('\n');
	writeFileSync(DOC_FILE, doc.slice(0, from) + section + doc.slice(to + end.length));
}

// Main -------------------------------------------------------------------------------------
const began = Date.now();
const startedStack = await startStack({ quiet: true });
let exitCode = 0;
try {
	console.log('Building the template database (schema of the stack + seed) …');
	await buildTemplate();
	const mutations = await enumerate();
	if (listOnly) {
		const listed = mutations.filter((m) => !only || only.test(m.id));
		for (const m of listed) console.log(`${m.id}\t${m.mutation}`);
		console.log(`${listed.length} mutations`);
	} else exitCode = await runAll(mutations);
} catch (error) {
	console.error(`test:mutations: ${error.message}`);
	exitCode = 1;
} finally {
	for (const database of [baselineDatabase, TEMPLATE]) {
		await adminQuery(`drop database if exists ${ident(database)} with (force)`).catch(() => {});
	}
	if (startedStack) await stopStack({ quiet: true });
}
process.exit(exitCode);

/** A mutation's kept verdict: the catching file and its first failing lines, or the error. */
function keptVerdict(outcome, at) {
	return {
		caughtBy: outcome.caughtBy ?? null,
		detail: outcome.detail ?? null,
		error: outcome.error ?? null,
		at
	};
}

/** Baseline, every mutation, the API layer if asked, the report; resolves the exit code. */
async function runAll(all) {
	const cache = readCache();
	// --resume: what the last runs did not catch (or never ran) and is not declared
	// equivalent, e.g. after adding tests or after an interrupted run.
	const mutations = all.filter(
		(m) =>
			!reportOnly &&
			(!only || only.test(m.id)) &&
			(!resume || !(cache.results[m.id]?.caughtBy || EQUIVALENT[m.id]))
	);
	await copyDatabase(baselineDatabase);
	console.log(`${mutations.length} mutations, ${jobs} at a time`);
	const results = new Array(mutations.length);
	let next = 0;
	let done = 0;
	async function worker() {
		while (next < mutations.length) {
			const index = next++;
			const mutation = mutations[index];
			const started = Date.now();
			const outcome = await runMutation(mutation);
			results[index] = { ...mutation, ...outcome };
			// Kept at once, so that an interrupted run loses nothing (--resume goes on).
			cache.results[mutation.id] = keptVerdict(outcome, new Date().toISOString());
			writeFileSync(CACHE_FILE, `${JSON.stringify(cache, null, 1)}\n`);
			done += 1;
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			const verdict = outcome.error
				? `ERROR ${outcome.error}`
				: outcome.caughtBy
					? `${outcome.caughtBy}: ${outcome.detail}`
					: 'NOT CAUGHT by pgTAP';
			console.log(`[${done}/${mutations.length}] ${mutation.id}: ${verdict} (${seconds} s)`);
		}
	}
	await Promise.all(Array.from({ length: Math.min(jobs, mutations.length) }, worker));

	if (withApi) {
		// The stack's own database: the reset also removes this run's template (same cluster).
		const missed = results.filter((r) => !r.caughtBy && !r.error && !EQUIVALENT[r.id]);
		if (missed.length) {
			console.log(`API layer for ${missed.length} mutations pgTAP missed …`);
			await resetStack({ quiet: true });
			// As for pgTAP: an API failure means something only if the suite passes unmutated.
			const baseline = await apiFailures();
			if (baseline === null || baseline.length) {
				throw new Error(`tests/api fails without any mutation: ${baseline ?? 'no report'}`);
			}
		}
		for (const r of missed) {
			r.caughtBy = await runApi(r);
			console.log(`  ${r.id}: ${r.caughtBy ?? 'NOT CAUGHT by the API tests either'}`);
		}
	}

	// Merge with the results of earlier runs, so that a run with --only (after a fix) updates
	// its rows of the table without running all the others again.
	const now = new Date().toISOString();
	if (!partialRun)
		cache.fullRun = { at: now, minutes: (Date.now() - began) / 60_000, api: withApi };
	for (const r of results) {
		cache.results[r.id] = keptVerdict(r, now);
	}
	writeFileSync(CACHE_FILE, `${JSON.stringify(cache, null, 1)}\n`);

	const rows = all.map((m) => {
		const known = cache.results[m.id];
		let verdict;
		if (!known && EQUIVALENT[m.id]) verdict = `equivalent (not run): ${EQUIVALENT[m.id]}`;
		else if (!known) verdict = 'not run yet';
		else if (known.error) verdict = `ERROR: ${known.error}`;
		else if (known.caughtBy) verdict = known.caughtBy;
		else if (EQUIVALENT[m.id]) verdict = `equivalent: ${EQUIVALENT[m.id]}`;
		else verdict = '**NOT CAUGHT**';
		return { ...m, verdict };
	});
	const count = (test) => rows.filter((r) => test(r.verdict)).length;
	const missed = count((v) => v.startsWith('**NOT') || v.startsWith('ERROR'));
	const equivalent = count((v) => v.startsWith('equivalent'));
	const notRun = count((v) => v === 'not run yet');
	const full = cache.fullRun
		? `last full run ${cache.fullRun.at.slice(0, 16).replace('T', ' ')} UTC, ` +
			`${cache.fullRun.minutes.toFixed(0)} min${cache.fullRun.api ? ' with --api' : ''}`
		: 'assembled from partial runs (--only, --resume), no single full run yet';
	const partial =
		partialRun && results.length
			? `; ${results.length} rows re-run ${now.slice(0, 16).replace('T', ' ')} UTC`
			: '';
	const summary =
		`${rows.length} mutations: ${rows.length - missed - equivalent - notRun} caught, ` +
		`${equivalent} equivalent, ${missed} not caught${notRun ? `, ${notRun} not run yet` : ''} ` +
		`(${full}${partial}).`;

	console.log(`\n${table(rows)}\n`);
	const missedNow = results.filter((r) => !r.caughtBy && !EQUIVALENT[r.id]);
	if (missedNow.length) {
		console.log('Not caught in this run:');
		for (const r of missedNow) console.log(`  ${r.id}  ${r.mutation}`);
	}
	console.log(summary);
	writeDoc(rows, summary);
	return missedNow.length ? 1 : 0;
}

function readCache() {
	try {
		return JSON.parse(readFileSync(CACHE_FILE, 'utf8'));
	} catch {
		return { fullRun: null, results: {} };
	}
}
