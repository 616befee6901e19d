// The stack's Postgres 15 cluster: where it lives, initdb, start/stop, and running SQL
// files through psql (bootstrap, migrations, seed).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DATA_DIR, DB_URL, HOST, PORTS, ROOT } from './config.mjs';
import {
	StackError,
	assertPortFree,
	isAlive,
	pidFile,
	readPidFile,
	runningPid,
	spawnService,
	waitUntilReady
} from './proc.mjs';

export const PG_MAJOR = '15';
const INSTALL_PG = `apt-get install postgresql-${PG_MAJOR}`;

/** Postgres 15 server programs (initdb, pg_ctl, postgres, psql); PG_BINDIR overrides. */
export function pgBinaries() {
	const dir = process.env.PG_BINDIR || `/usr/lib/postgresql/${PG_MAJOR}/bin`;
	const bin = (name) => path.join(dir, name);
	for (const name of ['initdb', 'pg_ctl', 'postgres']) {
		if (!fs.existsSync(bin(name))) {
			throw new StackError(
				`PostgreSQL ${PG_MAJOR} server not found (${bin(name)} is missing).\n` +
					`  Install it with: ${INSTALL_PG}`
			);
		}
	}
	const psql = [bin('psql'), '/usr/bin/psql'].find((file) => fs.existsSync(file));
	if (!psql) throw new StackError(`psql not found. Install it with: ${INSTALL_PG}`);
	return { initdb: bin('initdb'), pgCtl: bin('pg_ctl'), postgres: bin('postgres'), psql };
}

/**
 * The OS account Postgres runs as: null (ourselves) unless we are root, which Postgres
 * refuses; then the `postgres` user that Debian's packages create.
 */
export function pgOsUser() {
	if (process.getuid?.() !== 0) return null;
	const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
	const uid = id('-u');
	const gid = id('-g');
	if (uid.status !== 0 || gid.status !== 0) {
		throw new StackError(
			'Running as root, but there is no `postgres` OS user to run Postgres as (it refuses root).\n' +
				`  Installing the server creates it: ${INSTALL_PG}`
		);
	}
	return { name: 'postgres', uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** True when `user` can reach (search) `dir`: it and every parent are traversable. */
function reachableBy(user, dir) {
	if (!user) return true;
	const result = spawnSync('test', ['-x', dir], { uid: user.uid, gid: user.gid, cwd: '/' });
	return result.status === 0;
}

/**
 * Where the cluster lives: `.data/pg` when the Postgres user can reach it; otherwise (a
 * checkout under a private home folder, as in CI) a folder under /var/tmp owned by that
 * user, named after a hash of the repository path so two checkouts never share one.
 */
export function pgLocation() {
	const user = pgOsUser();
	const preferred = path.join(DATA_DIR, 'pg');
	if (!user) return { dir: preferred, owned: null, fallback: false, reason: null };
	fs.mkdirSync(DATA_DIR, { recursive: true });
	// .data is ours: make it traversable in case of a strict umask. Its parents are not ours.
	fs.chmodSync(DATA_DIR, 0o755);
	if (reachableBy(user, DATA_DIR))
		return { dir: preferred, owned: null, fallback: false, reason: null };
	const hash = createHash('sha256').update(ROOT).digest('hex').slice(0, 10);
	const base = process.env.STACK_PG_FALLBACK_DIR || path.join('/var/tmp', `dci-hub-${hash}`);
	return {
		dir: path.join(base, 'pg'),
		owned: base,
		fallback: true,
		reason: `${DATA_DIR} is not reachable by the ${user.name} OS user (a parent folder is private)`
	};
}

function chownIfRoot(file, user) {
	if (user) fs.chownSync(file, user.uid, user.gid);
}

/** Creates the cluster if it does not exist yet. Resolves true when it was just created. */
export function ensureCluster(location = pgLocation()) {
	const { dir, owned } = location;
	const user = pgOsUser();
	const versionFile = path.join(dir, 'PG_VERSION');
	if (fs.existsSync(versionFile)) {
		const version = fs.readFileSync(versionFile, 'utf8').trim();
		if (version !== PG_MAJOR) {
			throw new StackError(
				`The cluster in ${dir} is PostgreSQL ${version}, not ${PG_MAJOR}. ` +
					'Delete it with `npm run stack:reset`.'
			);
		}
		return false;
	}
	const { initdb } = pgBinaries();
	fs.rmSync(dir, { recursive: true, force: true }); // leftovers of an interrupted initdb
	if (owned) {
		fs.mkdirSync(owned, { recursive: true, mode: 0o700 });
		chownIfRoot(owned, user);
	}
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	chownIfRoot(dir, user);
	fs.chmodSync(dir, 0o700);

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dci-hub-initdb-'));
	const pwfile = path.join(tmp, 'pw');
	try {
		fs.writeFileSync(pwfile, 'postgres\n', { mode: 0o600 });
		chownIfRoot(tmp, user);
		chownIfRoot(pwfile, user);
		const result = spawnSync(
			initdb,
			[
				'-D',
				dir,
				'-U',
				'postgres',
				`--pwfile=${pwfile}`,
				'--auth-local=trust',
				'--auth-host=scram-sha-256',
				'--encoding=UTF8',
				'--locale=C.UTF-8',
				'--no-sync' // a throwaway dev cluster: durability is not worth the seconds
			],
			{ encoding: 'utf8', cwd: '/', ...(user ? { uid: user.uid, gid: user.gid } : {}) }
		);
		if (result.status !== 0) {
			throw new StackError(
				`initdb failed for ${dir}:\n${(result.stderr || result.stdout || String(result.error)).trim()}`
			);
		}
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	const socketDir = socketDirFor(dir);
	fs.appendFileSync(
		path.join(dir, 'postgresql.conf'),
		[
			'',
			'# --- DCI Network Hub local stack (scripts/stack/postgres.mjs) ---',
			`listen_addresses = '${HOST}'`,
			`port = ${PORTS.db}`,
			`unix_socket_directories = '${socketDir}'`,
			// Local throwaway data: trade crash safety for fast resets and tests.
			'fsync = off',
			'synchronous_commit = off',
			'full_page_writes = off',
			"timezone = 'UTC'",
			''
		].join('\n')
	);
	return true;
}

// A Unix socket path is limited to 107 bytes; deep checkouts fall back to TCP only.
function socketDirFor(dir) {
	return `${dir}/.s.PGSQL.${PORTS.db}.lock`.length <= 100 ? dir : '';
}

/** The postmaster's pid from the cluster's own postmaster.pid, if that process lives. */
function postmasterPid(dir) {
	const pid = readPidFile(path.join(dir, 'postmaster.pid'));
	return pid !== null && isAlive(pid) ? pid : null;
}

/** Pid of our running postmaster (adopting one whose pid file we lost), or null. */
export function pgRunningPid(location = pgLocation()) {
	const pid = runningPid('postgres', 'postgres');
	if (pid !== null) return pid;
	const adopted = postmasterPid(location.dir);
	if (adopted !== null) fs.writeFileSync(pidFile('postgres'), `${adopted}\n`);
	return adopted;
}

/** Starts the postmaster unless it runs. Resolves { started, fresh, location }. */
export async function startPostgres() {
	const location = pgLocation();
	const fresh = ensureCluster(location);
	if (pgRunningPid(location) !== null) return { started: false, fresh, location };
	await assertPortFree(PORTS.db, 'postgres');
	const { postgres } = pgBinaries();
	const user = pgOsUser();
	const { pid, exit } = await spawnService(
		'postgres',
		postgres,
		[
			'-D',
			location.dir,
			'-p',
			String(PORTS.db),
			'-c',
			`listen_addresses=${HOST}`,
			'-c',
			`unix_socket_directories=${socketDirFor(location.dir)}`
		],
		user ? { uid: user.uid, gid: user.gid } : {}
	);
	try {
		await waitUntilReady('postgres', {
			check: () => query('select 1').then(() => true),
			exit,
			timeoutMs: 30_000,
			what: `no answer on ${HOST}:${PORTS.db}`
		});
	} catch (error) {
		if (isAlive(pid)) await stopPostgres(location);
		throw error;
	}
	return { started: true, fresh, location };
}

/** Fast shutdown (pg_ctl stop -m fast); resolves true if it was running. */
export async function stopPostgres(location = pgLocation()) {
	const pid = pgRunningPid(location);
	if (pid === null) {
		fs.rmSync(pidFile('postgres'), { force: true });
		return false;
	}
	const user = pgOsUser();
	if (fs.existsSync(path.join(location.dir, 'PG_VERSION'))) {
		const { pgCtl } = pgBinaries();
		spawnSync(pgCtl, ['stop', '-D', location.dir, '-m', 'fast', '-w', '-t', '30'], {
			encoding: 'utf8',
			cwd: '/',
			...(user ? { uid: user.uid, gid: user.gid } : {})
		});
	}
	// Without a data folder pg_ctl cannot help: SIGINT is the postmaster's fast shutdown.
	if (isAlive(pid)) {
		try {
			process.kill(pid, 'SIGINT');
		} catch {
			/* gone */
		}
		const deadline = Date.now() + 15_000;
		while (isAlive(pid) && Date.now() < deadline) await sleep(50);
		if (isAlive(pid)) process.kill(pid, 'SIGKILL');
	}
	fs.rmSync(pidFile('postgres'), { force: true });
	return true;
}

/** Deletes the cluster (Postgres must be stopped). */
export function deleteCluster(location = pgLocation()) {
	fs.rmSync(location.dir, { recursive: true, force: true });
}

/** One query through the `pg` module as the superuser. */
export async function query(sql, params) {
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: DB_URL, connectionTimeoutMillis: 2000 });
	await client.connect();
	try {
		return await client.query(sql, params);
	} finally {
		await client.end();
	}
}

/**
 * Runs psql as the superuser with ON_ERROR_STOP; `script` goes to stdin. Resolves
 * { ok, output }: psql's messages, which carry the file and line of an error.
 */
export function psql(args, script) {
	const { psql: bin } = pgBinaries();
	const result = spawnSync(bin, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', DB_URL, ...args], {
		input: script,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, PGCONNECT_TIMEOUT: '5', PGAPPNAME: 'dci-hub-stack' }
	});
	// Query results go to stdout; errors and notices (with file and line) to stderr.
	const output = (result.stderr || result.stdout || '').trim();
	return { ok: result.status === 0, output: output || String(result.error ?? '') };
}

/**
 * Runs `script` with psql as the superuser on the database at `url` (the stack's by default)
 * and returns its result rows as lines (unaligned, tuples only); throws with psql's error.
 */
export function psqlRows(script, url = DB_URL) {
	const { psql: bin } = pgBinaries();
	const result = spawnSync(bin, ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', url], {
		input: script,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, PGCONNECT_TIMEOUT: '5', PGAPPNAME: 'dci-hub-stack' }
	});
	if (result.status !== 0) {
		const where = url.replace(/:[^:@/]+@/, ':***@');
		throw new StackError(
			`psql on ${where} failed: ${(result.stderr || String(result.error)).trim()}`
		);
	}
	return result.stdout.split('\n').filter(Boolean);
}

/** Applies one SQL file in a single transaction (psql -1), or throws with psql's error. */
export function applySqlFile(file, label) {
	const { ok, output } = psql(['-1', '-f', file]);
	if (!ok)
		throw new StackError(
			`${label} failed: ${path.relative(ROOT, file) || file}\n${indent(output)}`
		);
	return output;
}

export const indent = (text) =>
	text
		.split('\n')
		.map((line) => `    ${line}`)
		.join('\n');
