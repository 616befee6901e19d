import {
	createPrivateKey,
	generateKeyPairSync,
	sign,
	createHmac,
	type KeyObject
} from 'node:crypto';
import { signingKey } from '../../scripts/stack/config.mjs';
import { signIn as signInByForm } from '../../scripts/built-app.mjs';
import { DEMO_PASSWORD, expect, hubCounting, PEOPLE, test } from './fixtures';

/**
 * The hub verifies a session's access token itself (hooks.server.ts, getClaims(): Auth's
 * ES256 public key, fetched once), so a signed-in page makes no round trip to Auth, and
 * anything but a token Auth signed, unexpired, is no session: a protected page sends it to
 * sign in. Each test runs its own copy of the hub behind a counting proxy (hubCounting), so
 * its numbers are its own whatever the other tests do.
 */

type Hub = Awaited<ReturnType<typeof hubCounting>>;
type Session = { access_token: string; refresh_token: string; expires_at: number };

let hub: Hub;
test.beforeAll(async () => {
	hub = await hubCounting();
});
test.afterAll(() => hub?.stop());

const PROTECTED = '/en/invitations';

/** Signs a demo person in through the hub's sign-in form: the session cookie's name and session. */
async function signIn(email: string): Promise<{ name: string; session: Session }> {
	const cookies: string[] = (await signInByForm(hub.baseURL, email, DEMO_PASSWORD)).split('; ');
	// @supabase/ssr: `sb-<ref>-auth-token`, the session's JSON percent-encoded (cookieEncoding
	// 'raw', src/lib/server/supabase.ts), maybe in chunks .0, .1…
	const parts = cookies
		.map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as const)
		.filter(([name]) => /^sb-.+-auth-token(\.\d+)?$/.test(name))
		.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
	expect(parts.length).toBeGreaterThan(0);
	const value = parts.map(([, v]) => v).join('');
	const session = JSON.parse(decodeURIComponent(value));
	return { name: (parts[0]?.[0] ?? '').replace(/\.\d+$/, ''), session };
}

/** A session cookie in @supabase/ssr's default form, "base64-" + base64url(JSON), which the hub still reads. */
const cookieOf = (name: string, session: Session) =>
	`${name}=base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`;

async function view(path: string, cookie: string) {
	const response = await fetch(`${hub.baseURL}${path}`, {
		redirect: 'manual',
		headers: { cookie, accept: 'text/html' }
	});
	await response.arrayBuffer();
	return { status: response.status, location: response.headers.get('location') ?? '' };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (token: string) => {
	const [header = '', payload = ''] = token.split('.');
	return {
		header: JSON.parse(Buffer.from(header, 'base64url').toString()),
		payload: JSON.parse(Buffer.from(payload, 'base64url').toString())
	};
};
function es256(header: object, payload: object, key: KeyObject): string {
	const unsigned = `${b64(header)}.${b64(payload)}`;
	const signature = sign('sha256', Buffer.from(unsigned), { key, dsaEncoding: 'ieee-p1363' });
	return `${unsigned}.${signature.toString('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);

test('a signed-in member sees protected and public pages without a single request to Auth', async () => {
	const { name, session } = await signIn(PEOPLE.admin.email);
	expect(decode(session.access_token).header).toMatchObject({ alg: 'ES256' });
	const cookie = cookieOf(name, session);
	// The first view may fetch Auth's public key (cached for the process from then on).
	expect((await view(PROTECTED, cookie)).status).toBe(200);
	const before = { ...hub.counts };
	for (const path of [PROTECTED, '/en/actions', '/fr/organisations/dei-belgique', '/nl/events']) {
		expect((await view(path, cookie)).status, path).toBe(200);
	}
	// The admin's organisation page offers its admin pages: the member's rights came through.
	const page = await fetch(`${hub.baseURL}/en/organisations/dei-belgique`, { headers: { cookie } });
	expect(await page.text()).toContain('/en/organisations/dei-belgique/members');
	expect(hub.counts.auth - before.auth).toBe(0);
	expect(hub.counts.rest - before.rest).toBeGreaterThan(0);
});

test('a tampered access token is no session: the protected page asks to sign in', async () => {
	const { name, session } = await signIn(PEOPLE.member.email);
	const [header, , signature] = session.access_token.split('.');
	// Someone else's id under the member's signature.
	const payload = { ...decode(session.access_token).payload, sub: PEOPLE.coordinator.id };
	const tampered = { ...session, access_token: `${header}.${b64(payload)}.${signature}` };
	const answer = await view(PROTECTED, cookieOf(name, tampered));
	expect(answer.status).toBe(303);
	expect(answer.location).toContain('/en/sign-in');
	// The untouched session still works.
	expect((await view(PROTECTED, cookieOf(name, session))).status).toBe(200);
});

test('a token signed by another key is no session, under the real key id or another one', async () => {
	const { name, session } = await signIn(PEOPLE.member.email);
	const { header, payload } = decode(session.access_token);
	const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const forged = [
		es256(header, payload, privateKey),
		es256({ ...header, kid: crypto.randomUUID() }, payload, privateKey),
		// HS256 without a kid, with a guessed secret (the hub then asks Auth, which refuses).
		(() => {
			const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
			const mac = createHmac('sha256', 'a-guessed-secret-of-at-least-32-chars!').update(unsigned);
			return `${unsigned}.${mac.digest('base64url')}`;
		})()
	];
	for (const access_token of forged) {
		const answer = await view(PROTECTED, cookieOf(name, { ...session, access_token }));
		expect(answer.status, decode(access_token).header.alg).toBe(303);
		expect(answer.location).toContain('/en/sign-in');
	}
});

test('an expired token is refreshed through the cookie, and without a valid refresh token it is no session', async () => {
	const { name, session } = await signIn(PEOPLE.member.email);
	const { header, payload } = decode(session.access_token);
	// Signed with the stack's own key (a local-only value in .data/): only the expiry differs.
	const key = createPrivateKey({ key: signingKey(), format: 'jwk' });
	const exp = now() - 120;
	const expired = {
		...session,
		access_token: es256(header, { ...payload, iat: exp - 3600, exp }, key),
		expires_at: exp
	};
	const stale = await view(PROTECTED, cookieOf(name, { ...expired, refresh_token: 'not-a-token' }));
	expect(stale.status).toBe(303);
	expect(stale.location).toContain('/en/sign-in');

	const response = await fetch(`${hub.baseURL}${PROTECTED}`, {
		redirect: 'manual',
		headers: { cookie: cookieOf(name, expired), accept: 'text/html' }
	});
	expect(response.status).toBe(200);
	// A new session (a new access token) goes back in the cookie.
	expect(response.headers.getSetCookie().some((c) => c.startsWith(`${name}`))).toBe(true);
});
