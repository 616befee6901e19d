// Supabase Auth (GoTrue), the version the Supabase CLI ships, built from source with the
// Go toolchain into a cache keyed by the pinned commit: by `go install` where the module
// proxy serves the module, otherwise from the unmodified source archive of the pinned tag
// named by SUPABASE_AUTH_SOURCE (some proxies answer 403 for this module while serving
// its dependencies). When neither works the attempts are recorded and Auth is reported
// `unavailable`; `npm test` then fails, since every test runs against real Auth.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	API_URL,
	CACHE_DIR,
	HOST,
	JWT_SECRET,
	LOG_DIR,
	PORTS,
	ROOT,
	signingKey
} from './config.mjs';

export const AUTH_VERSION = 'v2.189.0';
// v2.x tags are not installable with `go install` (module path lacks /v2); the commit is.
export const AUTH_COMMIT = '4fa66ba71d8c55b5c95cd5635766ed8bbae6d96a';
export const AUTH_MODULE = 'github.com/supabase/auth';
const MIN_GO = [1, 25, 8];
const RETRY_AFTER_MS = 60 * 60 * 1000;

export const AUTH_CACHE_DIR = path.join(CACHE_DIR, 'auth', AUTH_COMMIT);
export const AUTH_BIN = path.join(AUTH_CACHE_DIR, 'auth');
export const AUTH_BUILD_ERROR = path.join(AUTH_CACHE_DIR, 'build-error.txt');

const installCommand = `CGO_ENABLED=0 GOBIN=${path.relative(ROOT, AUTH_CACHE_DIR)} go install ${AUTH_MODULE}@${AUTH_COMMIT}`;

const binaryPresent = () => {
	try {
		fs.accessSync(AUTH_BIN, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
};

/** One line summarising a recorded build failure (the file keeps the full text). */
function summarise(text) {
	const lines = text
		.split('\n')
		.filter((line) => line.trim() && !line.startsWith('#') && !line.startsWith('$'))
		.map((line) => line.trim().replaceAll(`${AUTH_MODULE}@${AUTH_COMMIT}: `, ''));
	const line = lines.join(' ').replace(/\s+/g, ' ');
	return line.length > 400 ? `${line.slice(0, 397)}...` : line;
}

function recordFailure(text) {
	fs.mkdirSync(AUTH_CACHE_DIR, { recursive: true });
	fs.writeFileSync(
		AUTH_BUILD_ERROR,
		`# ${new Date().toISOString()} Supabase Auth ${AUTH_VERSION} could not be built\n$ ${installCommand}\n${text.trim()}\n`
	);
}

function recordedFailure() {
	try {
		const stat = fs.statSync(AUTH_BUILD_ERROR);
		return { text: fs.readFileSync(AUTH_BUILD_ERROR, 'utf8'), age: Date.now() - stat.mtimeMs };
	} catch {
		return null;
	}
}

/** The Go toolchain's version as [major, minor, patch], or null when Go is missing. */
function goVersion() {
	const result = spawnSync('go', ['version'], { encoding: 'utf8' });
	if (result.error || result.status !== 0) return null;
	const match = /go(\d+)\.(\d+)(?:\.(\d+))?/.exec(result.stdout);
	return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null;
}

const atLeast = (version, min) => {
	for (let i = 0; i < min.length; i++) {
		if (version[i] !== min[i]) return version[i] > min[i];
	}
	return true;
};

/** sha256 of the upstream `git archive` of AUTH_VERSION (tag at AUTH_COMMIT). */
export const AUTH_SOURCE_SHA256 =
	'1bea2a967da8836fd9e822bdc0b972f0c0a6b2f5cf66b9ab35b3d25ccfa73aa3';
const BUILD_TIMEOUT_MS = 20 * 60 * 1000;

const run = (command, args, options) =>
	spawnSync(command, args, {
		encoding: 'utf8',
		timeout: BUILD_TIMEOUT_MS,
		maxBuffer: 16 * 1024 * 1024,
		...options,
		env: { ...process.env, CGO_ENABLED: '0', ...options.env }
	});

const outputOf = (result, what) =>
	`${result.stderr ?? ''}${result.stdout ?? ''}`.trim() ||
	String(result.error ?? `${what} exited with ${result.status}`);

/** First way: `go install` of the pinned commit (works where the module proxy serves it). */
function goInstall() {
	const result = run('go', ['install', `${AUTH_MODULE}@${AUTH_COMMIT}`], {
		cwd: AUTH_CACHE_DIR, // outside the app's module tree
		env: { GOBIN: AUTH_CACHE_DIR }
	});
	return result.status === 0 && binaryPresent()
		? { ok: true }
		: { ok: false, text: outputOf(result, 'go install') };
}

/** The folder of an extracted archive that holds Auth's go.mod (its single top folder). */
function moduleFolder(dir) {
	if (fs.existsSync(path.join(dir, 'go.mod'))) return dir;
	const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
	return entries.length === 1 ? moduleFolder(path.join(dir, entries[0].name)) : null;
}

/**
 * Second way: `go build` from SUPABASE_AUTH_SOURCE, an unmodified source archive of the
 * pinned tag (checked against AUTH_SOURCE_SHA256) or an extracted folder of it.
 */
function buildFromSource(source) {
	const resolved = path.resolve(ROOT, source);
	let stat;
	try {
		stat = fs.statSync(resolved);
	} catch {
		return { ok: false, text: `SUPABASE_AUTH_SOURCE=${source}: no such file or folder` };
	}
	let folder = resolved;
	let tmp = null;
	try {
		if (stat.isFile()) {
			const digest = createHash('sha256').update(fs.readFileSync(resolved)).digest('hex');
			if (digest !== AUTH_SOURCE_SHA256) {
				return {
					ok: false,
					text:
						`SUPABASE_AUTH_SOURCE=${source} has sha256 ${digest}; the archive of ` +
						`${AUTH_VERSION} has ${AUTH_SOURCE_SHA256}`
				};
			}
			tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'supabase-auth-'));
			const untar = run('tar', ['-xzf', resolved, '-C', tmp], {});
			if (untar.status !== 0) return { ok: false, text: outputOf(untar, 'tar') };
			folder = moduleFolder(tmp);
			if (!folder) return { ok: false, text: `${source}: no go.mod in the archive` };
		}
		const build = run('go', ['build', '-o', AUTH_BIN, '.'], { cwd: folder, env: {} });
		return build.status === 0 && binaryPresent()
			? { ok: true }
			: { ok: false, text: outputOf(build, 'go build') };
	} finally {
		if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/**
 * Whether Auth can run: { available: true, bin } or { available: false, reason }.
 * With `build`, a missing binary is made, in this order: `go install` of the pinned
 * commit, then `go build` from SUPABASE_AUTH_SOURCE when it is set (a recorded failure
 * is retried at most once an hour, or when `force`). Without `build`, nothing is tried.
 */
export function authAvailability({ build = false, force = false, log = () => {} } = {}) {
	if (binaryPresent()) return { available: true, bin: AUTH_BIN };
	const previous = recordedFailure();
	const reasonFrom = (text) =>
		`Supabase Auth ${AUTH_VERSION} could not be built: ${summarise(text)} ` +
		`(full error: ${path.relative(ROOT, AUTH_BUILD_ERROR)})`;
	if (!build || (previous && previous.age < RETRY_AFTER_MS && !force)) {
		if (previous) return { available: false, reason: reasonFrom(previous.text) };
		return {
			available: false,
			reason: `Supabase Auth ${AUTH_VERSION} is not built yet (npm run stack:start builds it)`
		};
	}

	const go = goVersion();
	if (!go || !atLeast(go, MIN_GO)) {
		const found = go ? `Go ${go.join('.')} is too old` : 'Go is not installed';
		recordFailure(
			`${found}; building Supabase Auth needs Go >= ${MIN_GO.join('.')}.\n` +
				'Install it from https://go.dev/doc/install (e.g. tar -C /usr/local -xzf go1.25.8.linux-amd64.tar.gz; export PATH=$PATH:/usr/local/go/bin)'
		);
		return { available: false, reason: reasonFrom(recordedFailure().text) };
	}

	const cache = path.relative(ROOT, AUTH_CACHE_DIR);
	fs.mkdirSync(AUTH_CACHE_DIR, { recursive: true });
	log(`Building Supabase Auth ${AUTH_VERSION} (once; cached in ${cache}) with go install ...`);
	const installed = goInstall();
	if (installed.ok) {
		fs.rmSync(AUTH_BUILD_ERROR, { force: true });
		return { available: true, bin: AUTH_BIN };
	}
	const tried = [`1. go install ${AUTH_MODULE}@${AUTH_COMMIT}:\n${installed.text}`];
	const source = process.env.SUPABASE_AUTH_SOURCE;
	if (source) {
		log(
			`go install was refused; building Auth from SUPABASE_AUTH_SOURCE=${source} (about 2 min) ...`
		);
		const built = buildFromSource(source);
		if (built.ok) {
			fs.rmSync(AUTH_BUILD_ERROR, { force: true });
			return { available: true, bin: AUTH_BIN };
		}
		tried.push(`2. go build from SUPABASE_AUTH_SOURCE=${source}:\n${built.text}`);
	} else {
		tried.push(
			'2. SUPABASE_AUTH_SOURCE is not set: set it to the source archive of ' +
				`${AUTH_VERSION} (https://github.com/supabase/auth/archive/refs/tags/${AUTH_VERSION}.tar.gz ` +
				'or its git archive, see README "Auth") or to an extracted folder of it'
		);
	}
	recordFailure(tried.join('\n'));
	return { available: false, reason: reasonFrom(recordedFailure().text) };
}

/**
 * Auth's configuration: invitation-only, mail to the local catcher, Supabase's URLs.
 * Mirrors [auth] in supabase/config.toml.
 */
export function authEnv() {
	const verify = '/auth/v1/verify';
	return {
		...process.env,
		GOTRUE_DB_DRIVER: 'postgres',
		GOTRUE_DB_DATABASE_URL: `postgres://supabase_auth_admin:postgres@${HOST}:${PORTS.db}/postgres`,
		// Keep connections open between requests: without an idle pool Auth connects to Postgres
		// anew for every call, and the hub asks it about the session on every signed-in page
		// (GET /user: 55 ms without the pool, 3–4 ms with it; docs/benchmarks.md, Scale).
		GOTRUE_DB_MAX_POOL_SIZE: '10',
		GOTRUE_DB_MAX_IDLE_POOL_SIZE: '5',
		// Access tokens are signed with an ES256 key (asymmetric JWT signing keys, as new hosted
		// projects and `supabase start` with signing_keys_path): the app verifies them against
		// the public key (/.well-known/jwks.json) without asking Auth. The legacy HS256 secret
		// still verifies the anon and service_role keys (no kid): hence both valid methods,
		// as the Supabase CLI sets them.
		GOTRUE_JWT_SECRET: JWT_SECRET,
		GOTRUE_JWT_KEYS: JSON.stringify([signingKey()]),
		GOTRUE_JWT_VALID_METHODS: 'HS256,ES256',
		GOTRUE_JWT_EXP: '3600',
		GOTRUE_JWT_AUD: 'authenticated',
		GOTRUE_JWT_DEFAULT_GROUP_NAME: 'authenticated',
		GOTRUE_JWT_ADMIN_ROLES: 'service_role',
		GOTRUE_JWT_ISSUER: `${API_URL}/auth/v1`,
		GOTRUE_SITE_URL: 'http://localhost:3000',
		GOTRUE_URI_ALLOW_LIST: 'http://localhost:*/**,http://127.0.0.1:*/**',
		API_EXTERNAL_URL: `${API_URL}/auth/v1`,
		GOTRUE_API_HOST: HOST,
		GOTRUE_API_PORT: String(PORTS.auth),
		PORT: String(PORTS.auth),
		GOTRUE_DISABLE_SIGNUP: 'true', // people join by invitation
		GOTRUE_EXTERNAL_EMAIL_ENABLED: 'true',
		// Auth's public /magiclink and /otp mail login links to any member's address on request
		// and answer unknown addresses differently (security issue, finding 4). The gateway
		// refuses them already; this also stops the mail if Auth's port is reached directly.
		// The admin API's generate_link (server side, secret key) is not affected.
		GOTRUE_EXTERNAL_EMAIL_MAGIC_LINK_ENABLED: 'false',
		GOTRUE_EXTERNAL_PHONE_ENABLED: 'false',
		GOTRUE_EXTERNAL_ANONYMOUS_USERS_ENABLED: 'false',
		GOTRUE_MAILER_AUTOCONFIRM: 'false',
		GOTRUE_MAILER_SECURE_EMAIL_CHANGE_ENABLED: 'true',
		GOTRUE_MAILER_OTP_LENGTH: '6',
		GOTRUE_MAILER_OTP_EXP: '3600',
		GOTRUE_PASSWORD_MIN_LENGTH: '8',
		GOTRUE_SECURITY_REFRESH_TOKEN_ROTATION_ENABLED: 'true',
		GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL: '10',
		GOTRUE_SMTP_HOST: HOST,
		GOTRUE_SMTP_PORT: String(PORTS.smtp),
		GOTRUE_SMTP_USER: '',
		GOTRUE_SMTP_PASS: '',
		GOTRUE_SMTP_ADMIN_EMAIL: 'hub@dci-network.local',
		GOTRUE_SMTP_SENDER_NAME: 'DCI Network Hub',
		GOTRUE_SMTP_MAX_FREQUENCY: '1s',
		GOTRUE_MAILER_URLPATHS_INVITE: verify,
		GOTRUE_MAILER_URLPATHS_CONFIRMATION: verify,
		GOTRUE_MAILER_URLPATHS_RECOVERY: verify,
		GOTRUE_MAILER_URLPATHS_EMAIL_CHANGE: verify,
		// Local use and tests send many mails and sign-ins from one IP (the API tests sign in
		// hundreds of times through /token), so Auth's own limits stay high here; the hub's
		// sign-in form has its own throttle (src/lib/server/throttle.ts), and the endpoints
		// that send mail on a visitor's request are refused by the gateway.
		GOTRUE_RATE_LIMIT_EMAIL_SENT: '1000',
		GOTRUE_RATE_LIMIT_SMS_SENT: '1000',
		GOTRUE_RATE_LIMIT_VERIFY: '1000',
		GOTRUE_RATE_LIMIT_TOKEN_REFRESH: '1000',
		GOTRUE_RATE_LIMIT_OTP: '1000',
		GOTRUE_RATE_LIMIT_ANONYMOUS_USERS: '1000',
		GOTRUE_LOG_LEVEL: 'info'
	};
}

/** Runs Auth's own migrations (`auth migrate`); throws with its output on failure. */
export function authMigrate(bin) {
	const result = spawnSync(bin, ['migrate'], {
		encoding: 'utf8',
		env: authEnv(),
		timeout: 120_000,
		maxBuffer: 16 * 1024 * 1024
	});
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	fs.mkdirSync(LOG_DIR, { recursive: true });
	fs.writeFileSync(path.join(LOG_DIR, 'auth-migrate.log'), output);
	return { ok: result.status === 0, output: output.trim() || String(result.error ?? '') };
}
