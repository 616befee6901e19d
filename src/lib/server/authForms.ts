// What the account forms (email sign-in, code, reset, change password, change email) share:
// asking the throttle first and answering its refusal the way the password form does.
import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import * as publicEnv from '$app/env/private';
import { emailOnlySchema } from '#lib/schemas/auth';
import { authErrorKey } from './errors';
import { formValues, parseForm, type EchoOf, type FieldErrors } from './forms';
import * as throttle from './throttle';

export type Throttled<V> =
	| { allowed: true; attempt: string }
	| {
			allowed: false;
			failure: ActionFailure<{ values: V; errors: { form: string }; retryMinutes?: number }>;
	  };

/**
 * Records an attempt of `action`, or the failure to answer with: 429 with "try again in N
 * minutes" (and Retry-After), or 503 with `unavailableKey` when the throttle cannot be asked
 * (the form refuses rather than going unthrottled).
 */
export async function throttled<V>(
	event: Pick<RequestEvent, 'setHeaders' | 'getClientAddress'>,
	action: throttle.ThrottleAction,
	keys: Partial<Record<throttle.ThrottleScope, string>>,
	values: V,
	unavailableKey = 'errors:auth_unavailable'
): Promise<Throttled<V>> {
	let verdict: throttle.ThrottleVerdict;
	try {
		verdict = await throttle.attempt(action, keys);
	} catch (failure) {
		console.error(`${action} refused: the throttle cannot be asked`, failure);
		return { allowed: false, failure: fail(503, { values, errors: { form: unavailableKey } }) };
	}
	if (verdict.allowed) return { allowed: true, attempt: verdict.attempt };
	event.setHeaders({ 'retry-after': String(verdict.retryAfterSeconds) });
	return {
		allowed: false,
		failure: fail(429, {
			values,
			errors: { form: 'errors:too_many_attempts' },
			retryMinutes: verdict.retryMinutes
		})
	};
}

/**
 * A form that names an account by its email: the attempt counts against that account and
 * against the client's address (an unknown address exactly like a known one).
 */
export function throttledByEmail<V>(
	event: Pick<RequestEvent, 'setHeaders' | 'getClientAddress'>,
	action: throttle.ThrottleAction,
	email: string,
	values: V,
	unavailableKey?: string
): Promise<Throttled<V>> {
	const keys = { account: throttle.accountKey(email), address: throttle.clientAddressKey(event) };
	return throttled(event, action, keys, values, unavailableKey);
}

/** Looking the address up, asking Auth and sending take time only for an account: pad to this. */
const EMAIL_ANSWER_MS = 1500;

/**
 * A form that only takes an address and emails it a link if it has an account (email
 * sign-in, forgotten password): parsed and throttled, then `send` is called and the answer
 * comes after the same time either way. A failure to send is logged, never shown: an error
 * only an account can cause must not tell that the address has one. The address when sent,
 * or the failure to answer with.
 */
export async function sendToAccount(
	event: Pick<RequestEvent, 'request' | 'setHeaders' | 'getClientAddress'>,
	action: throttle.ThrottleAction,
	send: (email: string) => Promise<unknown>
): Promise<
	| { sent: true; email: string }
	| {
			sent: false;
			failure: ActionFailure<{
				values: EchoOf<typeof emailOnlySchema>;
				errors: FieldErrors;
				retryMinutes?: number;
			}>;
	  }
> {
	const started = performance.now();
	const form = await event.request.formData();
	const values = formValues(emailOnlySchema, form);
	const parsed = parseForm(emailOnlySchema, form);
	if (!parsed.success)
		return { sent: false, failure: fail(400, { values, errors: parsed.errors }) };
	const { email } = parsed.data;
	// Every request counts, with or without an account (the limit tells nothing either).
	const verdict = await throttledByEmail(event, action, email, values);
	if (!verdict.allowed) return { sent: false, failure: verdict.failure };
	try {
		await send(email);
	} catch (failure) {
		console.error(
			`${action}: the email could not be sent`,
			failure instanceof Error ? failure.message : failure
		);
	}
	await throttle.atLeast(started, EMAIL_ANSWER_MS);
	return { sent: true, email };
}

/**
 * Whether the session was opened by an email link or code (Auth's "otp" method) within
 * `seconds`: the set-password page lets a person choose a password without the current one
 * only then (after a reset or an invitation link). The access token's signature and expiry
 * were verified in hooks.server.ts (getClaims), so its claims can be read here; Auth checks
 * the session again when the password is changed (updateUser).
 */
export async function signedInByEmailWithin(
	supabase: SupabaseClient,
	seconds: number
): Promise<boolean> {
	const { data } = await supabase.auth.getSession();
	const token = data.session?.access_token;
	if (!token) return false;
	try {
		const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
			amr?: { method?: string; timestamp?: number }[];
		};
		const now = Date.now() / 1000;
		return (payload.amr ?? []).some(
			(entry) =>
				entry.method === 'otp' &&
				typeof entry.timestamp === 'number' &&
				now - entry.timestamp <= seconds
		);
	} catch {
		return false;
	}
}

/**
 * Whether `password` is the account's current password, asked of Auth itself (a password
 * sign-in on a client of its own, whose session is ended at once; the person's session is
 * untouched). 'unavailable' when Auth cannot answer.
 */
export async function isCurrentPassword(
	email: string,
	password: string
): Promise<boolean | 'unavailable'> {
	const url = publicEnv.PUBLIC_SUPABASE_URL;
	const key = publicEnv.PUBLIC_SUPABASE_PUBLISHABLE_KEY;
	if (!url || !key) return 'unavailable';
	const probe = createClient(url, key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
	});
	const { error } = await probe.auth.signInWithPassword({ email, password });
	if (!error) {
		await probe.auth.signOut({ scope: 'local' });
		return true;
	}
	return authErrorKey(error) === 'errors:invalid_credentials' ? false : 'unavailable';
}
