// Supabase Auth (GoTrue), the version the Supabase CLI ships, built from source with the
// Go toolchain into a cache keyed by the pinned commit: by `go install` where the module
// proxy serves the module, otherwise from the unmodified source archive of the pinned tag
// named by SUPABASE_AUTH_SOURCE (some proxies answer 403 for this module while serving
// its dependencies). When neither works the attempts are recorded and Auth is reported
// `unavailable`; `npm test` then fails, since every test runs against real Auth.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { API_URL, HOST, JWT_SECRET, LOG_DIR, PORTS, signingKey } from './config.mjs';
import { goTool } from './gobuild.mjs';

export const AUTH_VERSION = 'v2.189.0';
export const AUTH_COMMIT = '4fa66ba71d8c55b5c95cd5635766ed8bbae6d96a';
export const AUTH_MODULE = 'github.com/supabase/auth';

const auth = goTool({
	title: 'Supabase Auth',
	version: AUTH_VERSION,
	commit: AUTH_COMMIT,
	module: AUTH_MODULE,
	binary: 'auth',
	sourceEnv: 'SUPABASE_AUTH_SOURCE',
	/** sha256 of the upstream `git archive` of AUTH_VERSION (tag at AUTH_COMMIT). */
	sourceSha256: '1bea2a967da8836fd9e822bdc0b972f0c0a6b2f5cf66b9ab35b3d25ccfa73aa3',
	archiveUrl: `https://github.com/supabase/auth/archive/refs/tags/${AUTH_VERSION}.tar.gz`,
	buildMinutes: 2,
	buildHint: 'npm run stack:start builds it'
});

export const AUTH_BIN = auth.bin;

/**
 * Whether Auth can run: { available: true, bin } or { available: false, reason }.
 * With `build`, a missing binary is made, in this order: `go install` of the pinned
 * commit, then `go build` from SUPABASE_AUTH_SOURCE when it is set (a recorded failure
 * is retried at most once an hour, or when `force`). Without `build`, nothing is tried.
 */
export const authAvailability = (options) => auth.availability(options);

/**
 * Auth's configuration: invitation-only, mail to the local catcher, Supabase's URLs.
 * Mirrors [auth] in supabase/config.toml. `database`: the stack's own unless another is named.
 */
export function authEnv(database = 'postgres') {
	const verify = '/auth/v1/verify';
	return {
		...process.env,
		GOTRUE_DB_DRIVER: 'postgres',
		GOTRUE_DB_DATABASE_URL: `postgres://supabase_auth_admin:postgres@${HOST}:${PORTS.db}/${database}`,
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

/** Runs Auth's own migrations (`auth migrate`) on the stack's database or the one named. */
export function authMigrate(bin, database = 'postgres') {
	const result = spawnSync(bin, ['migrate'], {
		encoding: 'utf8',
		env: authEnv(database),
		timeout: 120_000,
		maxBuffer: 16 * 1024 * 1024
	});
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	fs.mkdirSync(LOG_DIR, { recursive: true });
	fs.writeFileSync(path.join(LOG_DIR, 'auth-migrate.log'), output);
	return { ok: result.status === 0, output: output.trim() || String(result.error ?? '') };
}
