// Rate limits of the hub's own forms (sign-in today; email sign-in, password reset,
// invitations and applications later), kept in Postgres so that several app servers share
// them: supabase/migrations/20261130000300_sign_in_throttle.sql. A form asks `attempt` before
// doing anything, answers 429 with the wait when refused, and calls `forgive` when the
// attempt should not count (see each form for which outcomes count).
import { isIPv4, isIPv6 } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';
import { secretClient } from './secretClient';

/** Throttled forms; each has rules per scope in private.throttle_rules. */
export type ThrottleAction =
	| 'sign_in'
	| 'email_sign_in'
	| 'email_code'
	| 'password_reset'
	| 'password_change'
	| 'email_change'
	| 'invite'
	| 'apply';

/** What an attempt is counted against: the account it names and the client's address. */
export type ThrottleScope = 'account' | 'address';

export type ThrottleVerdict =
	| { allowed: true; attempt: string }
	| { allowed: false; retryAfterSeconds: number; retryMinutes: number };

/** The throttle cannot be asked (no secret key, or the database is down): the form must refuse. */
export class ThrottleUnavailableError extends Error {}

/** An email as an account key: trimmed and lower-cased (the schemas do the same). */
export function accountKey(email: string): string {
	return email.trim().toLowerCase();
}

/** The 8 groups of an IPv6 address, or null. */
function ipv6Groups(address: string): number[] | null {
	if (!isIPv6(address)) return null;
	let text = address.split('%')[0]!;
	// A trailing IPv4 part (::ffff:192.0.2.1) becomes two groups.
	const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (v4) {
		const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
		text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const missing = tail === undefined ? 0 : 8 - left.length - right.length;
	return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => parseInt(g, 16));
}

/**
 * A client address as an address key. IPv4 as it is (also when written as IPv4-mapped
 * IPv6); IPv6 by its /64 prefix, since one home or server usually holds a whole /64 and
 * could otherwise try each of its addresses in turn.
 */
export function addressKey(address: string): string {
	const trimmed = address.trim();
	if (isIPv4(trimmed)) return trimmed;
	const groups = ipv6Groups(trimmed);
	if (!groups) return trimmed.toLowerCase() || 'unknown';
	const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
	if (mapped) {
		return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
	}
	return `${groups
		.slice(0, 4)
		.map((g) => g.toString(16))
		.join(':')}::/64`;
}

/**
 * The request's client address as a key. Behind a proxy, adapter-node reads it from
 * ADDRESS_HEADER / XFF_DEPTH (README, production); when that header is missing the
 * request still counts, under 'unknown'.
 */
export function clientAddressKey(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return addressKey(event.getClientAddress());
	} catch {
		return 'unknown';
	}
}

/**
 * Records an attempt of `action` for each key, or says how long to wait when one of them
 * is at its limit (a refused attempt is not recorded). Throws ThrottleUnavailableError when
 * the throttle cannot be asked: a form then refuses rather than going unthrottled.
 */
export async function attempt(
	action: ThrottleAction,
	keys: Partial<Record<ThrottleScope, string>>
): Promise<ThrottleVerdict> {
	const client = secretClient();
	if (!client) {
		throw new ThrottleUnavailableError(
			'SUPABASE_SECRET_KEY is not set: the forms cannot be throttled, so they refuse'
		);
	}
	const { data, error } = await client.rpc('throttle_attempt', { action, keys }).single();
	if (error) throw new ThrottleUnavailableError(`throttle_attempt: ${error.message}`);
	if (data.allowed) return { allowed: true, attempt: data.attempt_id };
	const retryAfterSeconds = Math.max(1, data.retry_after_seconds);
	return { allowed: false, retryAfterSeconds, retryMinutes: Math.ceil(retryAfterSeconds / 60) };
}

/**
 * Takes an allowed attempt back (it does not count), and clears every earlier attempt of
 * its keys in `clear` (e.g. the account's failures after a successful sign-in). Never
 * throws: the worst case is one attempt too many counted.
 */
export async function forgive(attemptId: string, clear: ThrottleScope[] = []): Promise<void> {
	const client = secretClient();
	if (!client) return;
	const { error } = await client.rpc('throttle_forgive', {
		attempt: attemptId,
		clear_scopes: clear
	});
	if (error) console.error('throttle: an attempt could not be taken back', error.message);
}

/**
 * Waits until `minimumMs` have passed since `startedAt` (performance.now()), so that an
 * answer takes as long whether or not the address has an account (Auth checks a password
 * hash only for existing accounts, which takes measurably longer).
 */
export async function atLeast(startedAt: number, minimumMs: number): Promise<void> {
	const left = startedAt + minimumMs - performance.now();
	if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
