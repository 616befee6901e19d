// Shared settings of the local Supabase stack (scripts/stack.mjs). The app, the test
// orchestrator and the stack scripts all read ports, URLs and keys from here, so a port
// change in one place (or an env var) reaches everything.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
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

/** The port `key` from its STACK_PORT_… variable, else `fallback` (the stack's default). */
export function readPort(key, fallback = DEFAULT_PORTS[key]) {
	const raw = process.env[portEnvVar(key)];
	if (raw === undefined || raw === '') return fallback;
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

/**
 * Where the stack keeps the private key Auth signs access tokens with (ES256, as new hosted
 * projects use): generated once per data folder, git-ignored, never leaves this machine.
 */
export const SIGNING_KEY_FILE = path.join(DATA_DIR, 'jwt-signing-key.json');

/**
 * The ES256 private key (a JWK with its kid) Auth signs user access tokens with, created
 * on first use. A stack whose key file is removed gets a new key: sessions signed with the
 * old one are then refused everywhere (sign in again).
 */
export function signingKey() {
	try {
		return JSON.parse(fs.readFileSync(SIGNING_KEY_FILE, 'utf8'));
	} catch (error) {
		if (error.code !== 'ENOENT') throw error;
	}
	const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	// The shape `supabase gen signing-key --algorithm ES256` writes (signing_keys.json).
	const jwk = {
		...privateKey.export({ format: 'jwk' }),
		kid: randomUUID(),
		use: 'sig',
		key_ops: ['sign', 'verify'],
		alg: 'ES256',
		ext: true
	};
	fs.mkdirSync(DATA_DIR, { recursive: true });
	fs.writeFileSync(SIGNING_KEY_FILE, `${JSON.stringify(jwk, null, '\t')}\n`, { mode: 0o600 });
	return jwk;
}

/** The public half of a private JWK, as Auth serves it at /.well-known/jwks.json. */
export function publicJwk({ d: _private, ...jwk }) {
	return { ...jwk, key_ops: ['verify'] };
}

/**
 * What PostgREST verifies tokens with (PGRST_JWT_SECRET may be a JWKS): the public ES256
 * key of the users' access tokens and the legacy HS256 secret of the anon and service_role
 * keys, as the Supabase CLI configures its local PostgREST (ResolveJWKS).
 */
export function restJwks() {
	return JSON.stringify({
		keys: [
			publicJwk(signingKey()),
			{ kty: 'oct', k: Buffer.from(JWT_SECRET).toString('base64url') }
		]
	});
}

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
