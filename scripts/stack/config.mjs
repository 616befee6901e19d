// Shared settings of the local Supabase stack (scripts/stack.mjs). The app, the test
// orchestrator and the stack scripts all read ports, URLs and keys from here, so a port
// change in one place (or an env var) reaches everything.
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (the folder holding package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Local, git-ignored state: logs, pid files, the Postgres cluster when reachable. */
export const DATA_DIR = path.join(ROOT, '.data');
export const LOG_DIR = path.join(DATA_DIR, 'logs');
export const RUN_DIR = path.join(DATA_DIR, 'run');
export const STATE_FILE = path.join(DATA_DIR, 'stack.json');

/** Build cache (git-ignored): the Auth binary, keyed by its pinned commit. */
export const CACHE_DIR = path.join(ROOT, '.cache');

const DEFAULT_PORTS = {
	gateway: 54321,
	db: 54322,
	mailWeb: 54324,
	smtp: 54325,
	rest: 54331,
	auth: 54332,
	restAdmin: 54333
};

/** camelCase key → STACK_PORT_UPPER_SNAKE env var (mailWeb → STACK_PORT_MAIL_WEB). */
export const portEnvVar = (key) =>
	`STACK_PORT_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function readPort(key) {
	const raw = process.env[portEnvVar(key)];
	if (raw === undefined || raw === '') return DEFAULT_PORTS[key];
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new Error(`${portEnvVar(key)}=${raw} is not a TCP port`);
	}
	return port;
}

/** Supabase's local ports (54321 API, 54322 DB, 54324 mail), each overridable by env var. */
export const PORTS = Object.freeze(
	Object.fromEntries(Object.keys(DEFAULT_PORTS).map((key) => [key, readPort(key)]))
);

export const HOST = '127.0.0.1';

/** Supabase's well-known local-only demo secret; never used outside this machine. */
export const JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

// Expiry of Supabase's demo keys (2032-11-12), so the keys below are byte-for-byte the
// anon/service_role keys the Supabase CLI prints for a local stack.
const DEMO_KEY_EXP = 1983812996;

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs a payload as an HS256 JWT with JWT_SECRET. */
export function signJwt(payload, secret = JWT_SECRET) {
	const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
	const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
	return `${unsigned}.${signature}`;
}

/** Legacy-style publishable key: PostgREST runs requests carrying it as role anon. */
export const anonKey = signJwt({ iss: 'supabase-demo', role: 'anon', exp: DEMO_KEY_EXP });
/** Legacy-style secret key: role service_role (bypasses RLS). Server-side only. */
export const serviceRoleKey = signJwt({
	iss: 'supabase-demo',
	role: 'service_role',
	exp: DEMO_KEY_EXP
});

export const DB_URL = `postgresql://postgres:postgres@${HOST}:${PORTS.db}/postgres`;
export const API_URL = `http://${HOST}:${PORTS.gateway}`;
export const REST_URL = `http://${HOST}:${PORTS.rest}`;
export const REST_ADMIN_URL = `http://${HOST}:${PORTS.restAdmin}`;
export const AUTH_URL = `http://${HOST}:${PORTS.auth}`;
export const MAIL_URL = `http://${HOST}:${PORTS.mailWeb}`;

/** The environment the app (and its tests) need to talk to this stack. */
export function appEnv() {
	return {
		PUBLIC_SUPABASE_URL: API_URL,
		PUBLIC_SUPABASE_PUBLISHABLE_KEY: anonKey,
		SUPABASE_SECRET_KEY: serviceRoleKey,
		MAIL_API_URL: MAIL_URL,
		// The app's notification emails go to maildev's SMTP (src/lib/server/mail).
		SMTP_HOST: HOST,
		SMTP_PORT: String(PORTS.smtp)
	};
}
