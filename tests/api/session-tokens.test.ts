import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types';
import { anonKey, API_URL, serviceRoleKey, signingKey } from '../../scripts/stack/config.mjs';
import { anonymous, db, ORG, PEOPLE, signedIn } from './actors';

/**
 * Asymmetric JWT signing keys in the local stack (scripts/stack/config.mjs): Auth signs
 * people's access tokens with an ES256 key and publishes only its public half; PostgREST
 * verifies those tokens with that public key and the publishable and secret keys (legacy
 * HS256) with the JWT secret; anything else is refused.
 */
afterAll(() => db.end());

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (token: string) => {
	const [header = '', payload = ''] = token.split('.');
	return {
		header: JSON.parse(Buffer.from(header, 'base64url').toString()),
		payload: JSON.parse(Buffer.from(payload, 'base64url').toString())
	};
};

async function accessToken(email: string): Promise<string> {
	const client = await signedIn(email);
	const { data } = await client.auth.getSession();
	return data.session!.access_token;
}

/** The member's own memberships read through PostgREST with `token`: status, rows, error code. */
async function membershipsWith(token: string) {
	const response = await fetch(
		`${API_URL}/rest/v1/memberships?select=organisation_id&user_id=eq.${PEOPLE.member.id}`,
		{ headers: { apikey: anonKey, authorization: `Bearer ${token}` } }
	);
	const body = (await response.json()) as unknown[] | { code: string };
	return Array.isArray(body)
		? { status: response.status, rows: body, code: null }
		: { status: response.status, rows: [], code: body.code };
}

describe('JWT signing keys', () => {
	it('Auth publishes the ES256 public key it signs with, and nothing secret', async () => {
		const response = await fetch(`${API_URL}/auth/v1/.well-known/jwks.json`, {
			headers: { apikey: anonKey }
		});
		expect(response.status).toBe(200);
		const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
		expect(keys).toEqual([
			expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: signingKey().kid })
		]);
		// Neither the private part of the key nor the HS256 secret (an `oct` key).
		for (const key of keys) expect(Object.keys(key)).not.toEqual(expect.arrayContaining(['d']));
		expect(keys.some((key) => key.kty === 'oct' || 'k' in key)).toBe(false);

		const token = await accessToken(PEOPLE.member.email);
		expect(decode(token).header).toMatchObject({ alg: 'ES256', kid: signingKey().kid });
	});

	it("PostgREST runs a member's ES256 token as that member, and still the HS256 keys", async () => {
		const member = await membershipsWith(await accessToken(PEOPLE.member.email));
		expect(member.status).toBe(200);
		expect(member.rows.length).toBeGreaterThan(0);
		const visitor = await anonymous().from('organisations').select('id').eq('id', ORG.deiBelgique);
		expect(visitor.error).toBeNull();
		expect(visitor.data).toHaveLength(1);
		// The secret key bypasses RLS: it reads a pending organisation that visitors cannot.
		const server = createClient<Database>(API_URL, serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
			realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
		});
		const pending = await server.from('organisations').select('id').eq('id', ORG.pending);
		expect(pending.error).toBeNull();
		expect(pending.data).toHaveLength(1);
		expect(
			(await anonymous().from('organisations').select('id').eq('id', ORG.pending)).data
		).toEqual([]);
	});

	it('PostgREST refuses a tampered token, one signed by another key and an expired one', async () => {
		const token = await accessToken(PEOPLE.member.email);
		const [header, , signature] = token.split('.');
		const { payload } = decode(token);
		const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const es256 = (claims: object, key = privateKey) => {
			const unsigned = `${header}.${b64(claims)}`;
			const mac = sign('sha256', Buffer.from(unsigned), { key, dsaEncoding: 'ieee-p1363' });
			return `${unsigned}.${mac.toString('base64url')}`;
		};
		// The stack's own key (a local-only value in .data/): what it signs is accepted.
		const stackKey = createPrivateKey({ key: signingKey(), format: 'jwk' });
		expect((await membershipsWith(es256(payload, stackKey))).status).toBe(200);
		const forged = {
			tampered: `${header}.${b64({ ...payload, sub: PEOPLE.coordinator.id })}.${signature}`,
			'another key': es256(payload),
			expired: es256({ ...payload, exp: Math.floor(Date.now() / 1000) - 60 }, stackKey)
		};
		for (const [what, bad] of Object.entries(forged)) {
			// PGRST301: the JWT is refused (not a role without rights on the table).
			expect(await membershipsWith(bad), what).toMatchObject({ status: 401, code: 'PGRST301' });
		}
	});
});
