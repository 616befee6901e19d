import { createHash, randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types';
import { API_URL, serviceRoleKey } from '../../scripts/stack/config.mjs';
import { anonymous, db, PEOPLE, signedIn } from './actors';

/**
 * The Auth email foundation (src/lib/server/authLinks.ts) against the real Auth and
 * database: public.account_by_email is the server's only (visitors and members cannot ask
 * who has an account), and Auth's admin generate_link behaves as the hub relies on: a
 * magic link or a reset for an unknown address must be refused by the hub before Auth is
 * asked (Auth would create an account for a magic link), links verify once with the types
 * the confirm page uses, and the 6-digit code verifies with type 'email'.
 */
const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
};
const server = createClient<Database>(API_URL, serviceRoleKey, options);
const MEMBER = PEOPLE.dciNlMember;
const created: string[] = [];

afterAll(async () => {
	for (const id of created) await server.auth.admin.deleteUser(id);
	await db.end();
});

async function throwaway(locale = 'nl') {
	const email = `authmail-${randomUUID().slice(0, 8)}@example.org`;
	const { data, error } = await server.auth.admin.createUser({
		email,
		password: 'a-first-password-1',
		email_confirm: true,
		user_metadata: { display_name: 'Throwaway', locale }
	});
	if (error) throw error;
	created.push(data.user.id);
	return { email, id: data.user.id };
}

describe('public.account_by_email', () => {
	it('answers the server with the account and its language, in any letter case', async () => {
		const { data, error } = await server
			.rpc('account_by_email', { email: `  ${MEMBER.email.toUpperCase()} ` })
			.single();
		expect(error).toBeNull();
		expect(data).toEqual({ user_id: MEMBER.id, preferred_locale: expect.any(String) });
	});

	it('answers the server with no row for an unknown address', async () => {
		const { data, error } = await server.rpc('account_by_email', {
			email: `nobody-${randomUUID().slice(0, 8)}@example.org`
		});
		expect(error).toBeNull();
		expect(data).toEqual([]);
	});

	it('refuses a visitor (publishable key)', async () => {
		const { data, error } = await anonymous().rpc('account_by_email', { email: MEMBER.email });
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});

	it('refuses a signed-in member', async () => {
		const member = await signedIn(PEOPLE.member.email);
		const { data, error } = await member.rpc('account_by_email', { email: MEMBER.email });
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});
});

describe("Auth's admin generate_link, as the hub uses it", () => {
	it('refuses a reset link for an unknown address without creating anything', async () => {
		const email = `nobody-${randomUUID().slice(0, 8)}@example.org`;
		const { error } = await server.auth.admin.generateLink({ type: 'recovery', email });
		expect(error?.code).toBe('user_not_found');
		const { rows } = await db.query('select 1 from auth.users where email = $1', [email]);
		expect(rows).toHaveLength(0);
	});

	it('a magic link verifies once with type magiclink, and a GET of nothing consumed it', async () => {
		const person = await throwaway();
		const { data, error } = await server.auth.admin.generateLink({
			type: 'magiclink',
			email: person.email
		});
		expect(error).toBeNull();
		const token_hash = data.properties!.hashed_token;
		const first = await anonymous().auth.verifyOtp({ token_hash, type: 'magiclink' });
		expect(first.error).toBeNull();
		expect(first.data.user?.id).toBe(person.id);
		const again = await anonymous().auth.verifyOtp({ token_hash, type: 'magiclink' });
		expect(again.error?.code).toBe('otp_expired');
	});

	it("a magic link's 6-digit code verifies once with type email", async () => {
		const person = await throwaway();
		const { data } = await server.auth.admin.generateLink({
			type: 'magiclink',
			email: person.email
		});
		const token = data.properties!.email_otp;
		expect(token).toMatch(/^\d{6}$/);
		const wrong = String((Number(token) + 1) % 1_000_000).padStart(6, '0');
		const bad = await anonymous().auth.verifyOtp({
			email: person.email,
			token: wrong,
			type: 'email'
		});
		expect(bad.error?.code).toBe('otp_expired');
		const good = await anonymous().auth.verifyOtp({ email: person.email, token, type: 'email' });
		expect(good.error).toBeNull();
		expect(good.data.session).not.toBeNull();
		const again = await anonymous().auth.verifyOtp({ email: person.email, token, type: 'email' });
		expect(again.error?.code).toBe('otp_expired');
	});

	it('a new sign-in link replaces a pending reset link (they share Auth’s recovery token)', async () => {
		const person = await throwaway();
		const reset = await server.auth.admin.generateLink({ type: 'recovery', email: person.email });
		await server.auth.admin.generateLink({ type: 'magiclink', email: person.email });
		const { error } = await anonymous().auth.verifyOtp({
			token_hash: reset.data.properties!.hashed_token,
			type: 'recovery'
		});
		expect(error?.code).toBe('otp_expired');
	});

	it('email change: both links are needed (generating the second keeps the first), then the email changes', async () => {
		const person = await throwaway();
		const newEmail = `authmail-new-${randomUUID().slice(0, 8)}@example.org`;
		const current = await server.auth.admin.generateLink({
			type: 'email_change_current',
			email: person.email,
			newEmail
		});
		const next = await server.auth.admin.generateLink({
			type: 'email_change_new',
			email: person.email,
			newEmail
		});
		expect(current.error).toBeNull();
		expect(next.error).toBeNull();
		const first = await anonymous().auth.verifyOtp({
			token_hash: current.data.properties!.hashed_token,
			type: 'email_change'
		});
		expect(first.error).toBeNull();
		expect(first.data.session).toBeNull();
		const before = await db.query('select email from auth.users where id = $1', [person.id]);
		expect(before.rows[0].email).toBe(person.email);
		// Auth answers sha224(current email + code) for email_change_new but stores
		// sha224(new email + code): src/lib/server/authLinks.ts computes the stored one.
		const answered = await anonymous().auth.verifyOtp({
			token_hash: next.data.properties!.hashed_token,
			type: 'email_change'
		});
		expect(answered.error?.code).toBe('otp_expired');
		const stored = createHash('sha224')
			.update(newEmail + next.data.properties!.email_otp)
			.digest('hex');
		const second = await anonymous().auth.verifyOtp({ token_hash: stored, type: 'email_change' });
		expect(second.error).toBeNull();
		expect(second.data.user?.email).toBe(newEmail);
	});

	it('email change to an address another account has is refused with email_exists', async () => {
		const person = await throwaway();
		const { error } = await server.auth.admin.generateLink({
			type: 'email_change_new',
			email: person.email,
			newEmail: MEMBER.email
		});
		expect(error?.code).toBe('email_exists');
	});
});
