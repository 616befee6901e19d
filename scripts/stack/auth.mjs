// Supabase Auth (GoTrue), the version the Supabase CLI ships, built from source with the
// Go toolchain into a cache keyed by the pinned commit. When the build is refused (the
// Go module proxy answers 403 for this module on some networks) the refusal is recorded
// and Auth is reported `unavailable`; the rest of the stack runs without it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { API_URL, CACHE_DIR, HOST, JWT_SECRET, LOG_DIR, PORTS, ROOT } from './config.mjs';

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

/**
 * Whether Auth can run: { available: true, bin } or { available: false, reason }.
 * With `build`, a missing binary is built (a recorded refusal is retried at most once an
 * hour, or when `force`); without it, nothing is attempted (for `status`).
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

	log(
		`Building Supabase Auth ${AUTH_VERSION} (once; cached in ${path.relative(ROOT, AUTH_CACHE_DIR)}) ...`
	);
	fs.mkdirSync(AUTH_CACHE_DIR, { recursive: true });
	const result = spawnSync('go', ['install', `${AUTH_MODULE}@${AUTH_COMMIT}`], {
		encoding: 'utf8',
		cwd: AUTH_CACHE_DIR, // outside the app's module tree
		env: { ...process.env, CGO_ENABLED: '0', GOBIN: AUTH_CACHE_DIR },
		timeout: 20 * 60 * 1000,
		maxBuffer: 16 * 1024 * 1024
	});
	if (result.status === 0 && binaryPresent()) {
		fs.rmSync(AUTH_BUILD_ERROR, { force: true });
		return { available: true, bin: AUTH_BIN };
	}
	recordFailure(
		`${result.stderr ?? ''}${result.stdout ?? ''}`.trim() ||
			String(result.error ?? `go install exited with ${result.status}`)
	);
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
		GOTRUE_JWT_SECRET: JWT_SECRET,
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
		// Local use and tests send many mails and sign-ins from one IP.
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
