// Checks the README's promise that supabase/ is a folder the real Supabase CLI accepts: builds
// the CLI once (scripts/stack/supabase-cli.mjs), makes a fresh database in the running local
// stack's cluster with what a hosted project has before our migrations (scripts/stack/
// bootstrap.sql, then Auth's own migrations), runs
//   supabase db push --db-url <that database> --include-seed --yes
// and compares the result with the stack's database, which scripts/stack.mjs made from the
// same folder: every migration recorded, the schema snapshot (supabase/schema.md) identical,
// and the same number of rows in every table of the demo seed. Then drops the database.
//   node scripts/check-cli.mjs           the check (the stack must be running, freshly reset)
//   node scripts/check-cli.mjs --build   only build the CLI (.ci/run does this first)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DB_URL, HOST, PORTS, ROOT } from './stack/config.mjs';
import { AUTH_BIN, authMigrate } from './stack/auth.mjs';
import { BOOTSTRAP_FILE, migrationFiles } from './stack/migrations.mjs';
import { psql, psqlRows } from './stack/postgres.mjs';
import { tableCounts } from './backup.mjs';
import { CLI_VERSION, cliAvailability } from './stack/supabase-cli.mjs';

const DATABASE = 'hub_cli_check';
// The local cluster speaks no TLS (psql and pg_dump read sslmode here; the CLI, PGSSLMODE).
const CHECK_URL = `postgresql://postgres:postgres@${HOST}:${PORTS.db}/${DATABASE}?sslmode=disable`;

function fail(message) {
	console.error(`check-cli: ${message}`);
	process.exit(1);
}

const cli = cliAvailability({ build: true, log: (line) => console.log(line) });
if (!cli.available) fail(cli.reason);
if (process.argv.includes('--build')) {
	console.log(`The Supabase CLI ${CLI_VERSION} is built: ${path.relative(ROOT, cli.bin)}`);
	process.exit(0);
}

/** Result rows of a script on one database (stops the check with psql's error). */
function sql(url, script) {
	try {
		return psqlRows(script, url);
	} catch (error) {
		fail(error.message);
	}
}

// The migrations recorded: the same as the folder's.
const VERSIONS = 'select version from supabase_migrations.schema_migrations order by 1;';

function drop() {
	sql(DB_URL, `drop database if exists ${DATABASE} with (force);`);
}

const started = Date.now();
drop();
sql(DB_URL, `create database ${DATABASE};`);
try {
	const bootstrap = psql(['-d', CHECK_URL, '-1', '-f', BOOTSTRAP_FILE]);
	if (!bootstrap.ok) fail(`bootstrap failed:\n${bootstrap.output}`);
	const migrated = authMigrate(AUTH_BIN, DATABASE);
	if (!migrated.ok) fail(`Auth's migrations failed:\n${migrated.output}`);
	// The bootstrap's record table is the stack's; the CLI makes and fills its own.
	sql(CHECK_URL, 'drop schema supabase_migrations cascade;');

	const push = spawnSync(
		cli.bin,
		['db', 'push', '--db-url', CHECK_URL, '--include-seed', '--yes', '--workdir', ROOT],
		{
			cwd: ROOT,
			encoding: 'utf8',
			timeout: 5 * 60 * 1000,
			maxBuffer: 64 * 1024 * 1024,
			// The local cluster speaks no TLS: the CLI rebuilds the URL (dropping sslmode) and, for a
			// database it takes for remote, refuses to fall back to plain TCP unless libpq's variable says so.
			env: {
				...process.env,
				PGSSLMODE: 'disable',
				SUPABASE_TELEMETRY_DISABLED: '1',
				DO_NOT_TRACK: '1'
			}
		}
	);
	const pushOutput = `${push.stdout ?? ''}${push.stderr ?? ''}`.trim();
	if (push.status !== 0) {
		fail(`supabase db push exited with ${push.status ?? push.error}:\n${pushOutput}`);
	}

	const problems = [];
	const expected = migrationFiles().map((m) => m.version);
	const recorded = sql(CHECK_URL, VERSIONS);
	if (recorded.join() !== expected.join()) {
		problems.push(
			`migrations recorded by the CLI: ${recorded.join(', ') || 'none'}; in supabase/migrations: ${expected.join(', ')}`
		);
	}

	const snapshot = spawnSync(process.execPath, ['scripts/db-schema.mjs', '--check'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: CHECK_URL }
	});
	if (snapshot.status !== 0) {
		problems.push(
			`the schema the CLI made differs from supabase/schema.md:\n${`${snapshot.stdout}${snapshot.stderr}`.trim()}`
		);
	}

	const ours = tableCounts(DB_URL);
	const theirs = tableCounts(CHECK_URL);
	const differing = Object.keys(ours).filter((table) => ours[table] !== theirs[table]);
	if (differing.length > 0) {
		problems.push(
			`rows per table differ from the stack's database (is the stack freshly reset?): ${differing
				.map((table) => `${table} ${ours[table]} ≠ ${theirs[table]}`)
				.join(', ')}`
		);
	}

	if (problems.length > 0) fail(problems.join('\n'));
	const tables = Object.values(ours).filter((rows) => rows > 0).length;
	console.log(
		`The Supabase CLI ${CLI_VERSION} pushed supabase/ with its seed: ${recorded.length} migrations ` +
			`recorded, schema as supabase/schema.md, the same rows as the stack's database in all ` +
			`${Object.keys(ours).length} tables (${tables} seeded) — ${((Date.now() - started) / 1000).toFixed(1)} s`
	);
} finally {
	drop();
}
