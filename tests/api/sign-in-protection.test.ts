import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types';
import { anonKey, API_URL, MAIL_URL, serviceRoleKey } from '../../scripts/stack/config.mjs';
import { anonymous, db, signedIn } from './actors';

/**
 * Security issue, findings 4 and 5, at the API: the gateway refuses the Auth endpoints the
 * hub does not use (Auth's /otp and /magiclink told members from unknown addresses and
 * mailed login links to anyone's inbox), while the hub's own calls keep working; and the
 * forms' throttle (public.throttle_attempt) is for the server's secret key only and holds
 * under a burst of parallel attempts.
 */
const MEMBER = 'member@dci-nl.demo';
const UNKNOWN = `nobody-${randomUUID().slice(0, 8)}@example.org`;

const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
};
const server = createClient<Database>(API_URL, serviceRoleKey, options);

async function post(path: string, body: object) {
	const response = await fetch(`${API_URL}/auth/v1/${path}`, {
		method: 'POST',
		headers: { apikey: anonKey, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	return { status: response.status, body: await response.text() };
}

/** How many emails maildev holds for an address. */
async function mailsTo(address: string): Promise<number> {
	const mails = (await (await fetch(`${MAIL_URL}/api/email`)).json()) as {
		to: { address: string }[];
	}[];
	return mails.filter((m) => m.to.some((t) => t.address === address)).length;
}

describe('Auth endpoints through the gateway', () => {
	it.each([
		['otp', (email: string) => ({ email, create_user: false })],
		['magiclink', (email: string) => ({ email })],
		['signup', (email: string) => ({ email, password: 'a-long-password-1' })],
		['recover', (email: string) => ({ email })],
		['resend', (email: string) => ({ email, type: 'signup' })]
	])(
		'/auth/v1/%s is refused with the same answer for a member and an unknown address, and sends no mail',
		async (path, body) => {
			const before = await mailsTo(MEMBER);
			const member = await post(path, body(MEMBER));
			const unknown = await post(path, body(UNKNOWN));
			expect(member.status).toBe(404);
			expect(unknown).toEqual(member);
			expect(JSON.parse(member.body)).toMatchObject({ error_code: 'endpoint_not_available' });
			// Auth answers /otp before its mail is handed over: give a mail time to arrive.
			await new Promise((resolve) => setTimeout(resolve, 500));
			expect(await mailsTo(MEMBER)).toBe(before);
			expect(await mailsTo(UNKNOWN)).toBe(0);
		}
	);

	it('a trailing slash or a query string does not get around the refusal', async () => {
		const trailing = await post('otp/', { email: MEMBER });
		expect(trailing.status).toBe(404);
		const query = await fetch(`${API_URL}/auth/v1/magiclink?redirect_to=/x`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: MEMBER })
		});
		expect(query.status).toBe(404);
	});

	it('what the hub uses still works: password sign-in, the user, sign-out, health', async () => {
		const member = await signedIn(MEMBER);
		const { data, error } = await member.auth.getUser();
		expect(error).toBeNull();
		expect(data.user?.email).toBe(MEMBER);
		expect((await member.auth.signOut()).error).toBeNull();
		const health = await fetch(`${API_URL}/auth/v1/health`, { headers: { apikey: anonKey } });
		expect(health.status).toBe(200);
	});

	it('the server (secret key) still reaches Auth’s admin API', async () => {
		const { data, error } = await server.auth.admin.listUsers({ page: 1, perPage: 1 });
		expect(error).toBeNull();
		expect(data.users).toHaveLength(1);
	});
});

describe('the forms’ throttle', () => {
	const account = `burst-${randomUUID().slice(0, 8)}@example.org`;
	afterAll(async () => {
		await db.query(
			`delete from private.throttle_attempts where action = 'sign_in' and scope = 'account'
			   and key_hash = private.throttle_key_hash('sign_in', 'account', $1)`,
			[account]
		);
	});

	it('a visitor cannot call it (neither record, probe nor clear)', async () => {
		const visitor = anonymous();
		const attempt = await visitor.rpc('throttle_attempt', {
			action: 'sign_in',
			keys: { account: MEMBER }
		});
		expect(attempt.error?.code).toBe('42501');
		const forgive = await visitor.rpc('throttle_forgive', {
			attempt: randomUUID(),
			clear_scopes: ['account']
		});
		expect(forgive.error?.code).toBe('42501');
	});

	it('a signed-in member cannot call it either', async () => {
		const member = await signedIn(MEMBER);
		const attempt = await member.rpc('throttle_attempt', {
			action: 'sign_in',
			keys: { account: MEMBER }
		});
		expect(attempt.error?.code).toBe('42501');
		const forgive = await member.rpc('throttle_forgive', { attempt: randomUUID() });
		expect(forgive.error?.code).toBe('42501');
	});

	it('twelve parallel attempts for one account: exactly five are allowed', async () => {
		const answers = await Promise.all(
			Array.from({ length: 12 }, () =>
				server.rpc('throttle_attempt', { action: 'sign_in', keys: { account } }).single()
			)
		);
		expect(answers.map((a) => a.error)).toEqual(Array(12).fill(null));
		expect(answers.filter((a) => a.data?.allowed)).toHaveLength(5);
		const { rows } = await db.query<{ count: number }>(
			`select count(*)::integer as count from private.throttle_attempts
			 where action = 'sign_in' and scope = 'account'
			   and key_hash = private.throttle_key_hash('sign_in', 'account', $1)`,
			[account]
		);
		expect(rows[0]?.count).toBe(5);
	});
});
