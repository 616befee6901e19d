#!/usr/bin/env node
/**
 * Database tests: pgTAP files (supabase/tests/database/*.test.sql, run with pg_prove)
 * and the security lints (supabase/tests/lints/*.sql: every returned row is a finding).
 * Runs against the local stack's Postgres, which must already be running
 * (`npm run stack:start`). Exits non-zero on any failed test or lint finding.
 *
 * Usage: node scripts/test-db.mjs [--verbose] [file.test.sql …]
 * Env:   SUPABASE_DB_URL (default: the local stack's database, port STACK_PORT_DB or 54322)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DB_URL } from './stack/config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testsDir = path.join(root, 'supabase/tests/database');
const lintsDir = path.join(root, 'supabase/tests/lints');
// The stack's own port (STACK_PORT_DB), so that a second checkout never tests another's database.
const dbUrl = process.env.SUPABASE_DB_URL ?? DB_URL;

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.filter((a) => !a.startsWith('--'));

/** Prints the summary line every caller (npm test, CI) looks for, and exits. */
function finish(passed, failed, detail) {
	if (detail) console.log(detail);
	console.log(`db: ${passed} passed, ${failed} failed`);
	// npm test (scripts/test.mjs) adds these counts to its own summary.
	if (process.env.TEST_DB_REPORT) {
		writeFileSync(process.env.TEST_DB_REPORT, JSON.stringify({ passed, failed }));
	}
	process.exit(failed > 0 ? 1 : 0);
}

/** libpq environment for psql/pg_prove, from the connection URL. */
function libpqEnv(url) {
	const u = new URL(url);
	return {
		...process.env,
		PGHOST: u.hostname,
		PGPORT: u.port || '5432',
		PGUSER: decodeURIComponent(u.username || 'postgres'),
		PGPASSWORD: decodeURIComponent(u.password || ''),
		PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '') || 'postgres')
	};
}

const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 3000 });
try {
	await client.connect();
} catch (err) {
	const where = new URL(dbUrl);
	console.error(
		`test:db: cannot connect to Postgres at ${where.hostname}:${where.port} (${err.code ?? err.message}).\n` +
			'The local stack is not running: start it with `npm run stack:start` (or set SUPABASE_DB_URL).'
	);
	finish(0, 1);
}

const schemaReady = await client.query(
	"select to_regclass('public.organisations') is not null as ok"
);
if (!schemaReady.rows[0].ok) {
	console.error(
		'test:db: the database has no project schema (public.organisations is missing).\n' +
			'Apply the migrations: `npm run stack:reset`.'
	);
	await client.end();
	finish(0, 1);
}

// pgTAP ---------------------------------------------------------------------------
let passed = 0;
let failed = 0;

const files = (
	only.length
		? only
		: readdirSync(testsDir)
				.filter((f) => f.endsWith('.test.sql'))
				.sort()
).map((f) => (path.isAbsolute(f) || f.includes('/') ? path.resolve(f) : path.join(testsDir, f)));
if (files.length === 0) {
	console.error(`test:db: no *.test.sql files in ${path.relative(root, testsDir)}`);
	failed += 1;
} else {
	// --ext .sql matters: given a folder without it, pg_prove finds nothing and passes.
	const prove = spawnSync(
		'pg_prove',
		['--verbose', '--ext', '.sql', ...files.map((f) => path.relative(root, f))],
		{
			cwd: root,
			env: libpqEnv(dbUrl),
			encoding: 'utf8'
		}
	);
	if (prove.error) {
		console.error(
			`test:db: cannot run pg_prove (${prove.error.code}). Install it: ` +
				'apt-get install -y postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl'
		);
		failed += 1;
	} else {
		const out = `${prove.stdout}${prove.stderr}`;
		let fileFailures = 0;
		for (const line of out.split('\n')) {
			const t = line.trim();
			if (/^ok \d+/.test(t)) {
				passed += 1;
				if (verbose) console.log(line);
			} else if (/^not ok \d+/.test(t)) {
				failed += 1;
				fileFailures += 1;
				console.log(line);
			} else if (t !== '') {
				const badPlan = /You planned (\d+) tests? but ran (\d+)/.exec(t);
				if (badPlan && Number(badPlan[1]) > Number(badPlan[2])) {
					// Tests that never ran (the file stopped on an error) count as failures.
					failed += Number(badPlan[1]) - Number(badPlan[2]);
					fileFailures += 1;
				}
				if (verbose || !/^(ok|\d+\.\.\d+)$/.test(t)) console.log(line);
			}
		}
		if (prove.status !== 0 && fileFailures === 0) failed += 1;
	}
}
const tapSummary = `pgTAP: ${passed} passed, ${failed} failed in ${files.length} files`;

// Lints -------------------------------------------------------------------------------
let lintPassed = 0;
let lintFailed = 0;
const lints = readdirSync(lintsDir)
	.filter((f) => f.endsWith('.sql'))
	.sort();
for (const lint of lints) {
	const name = lint.replace(/\.sql$/, '');
	try {
		const { rows } = await client.query(readFileSync(path.join(lintsDir, lint), 'utf8'));
		if (rows.length === 0) {
			lintPassed += 1;
			console.log(`lint ${name}: ok`);
		} else {
			lintFailed += 1;
			console.log(`lint ${name}: ${rows.length} finding(s)`);
			for (const row of rows) console.log(`  - ${row.object}: ${row.detail}`);
		}
	} catch (err) {
		lintFailed += 1;
		console.log(`lint ${name}: error ${err.message}`);
	}
}
await client.end();

finish(
	passed + lintPassed,
	failed + lintFailed,
	`${tapSummary}; lints: ${lintPassed} clean, ${lintFailed} with findings`
);
