import { createHash, randomBytes } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';

/**
 * The secret token of a person's personal iCal feed (public.calendar_tokens, one row per
 * person, RLS: each person their own). Only the sha256 hex of the token is stored, so the
 * feed address can be shown once, when it is issued. The table's trigger
 * (private.guard_calendar_token_change) makes a new token_hash start valid and makes
 * revoking final for that token; there is no delete.
 */

/** Where a person's feed stands: no token yet, a working one, or a revoked one. */
export type CalendarTokenStatus =
	| { state: 'none' }
	| { state: 'active'; createdAt: string }
	| { state: 'revoked'; createdAt: string; revokedAt: string };

/** sha256 hex of a token, as personal_calendar() computes it in the database. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The state of the person's feed token (RLS: a person reads only their own row). */
export async function status(
	supabase: SupabaseClient<Database>,
	userId: string
): Promise<CalendarTokenStatus> {
	const { data, error } = await supabase
		.from('calendar_tokens')
		.select('created_at, revoked_at')
		.eq('user_id', userId)
		.maybeSingle();
	if (error) throw error;
	if (!data) return { state: 'none' };
	if (data.revoked_at) {
		return { state: 'revoked', createdAt: data.created_at, revokedAt: data.revoked_at };
	}
	return { state: 'active', createdAt: data.created_at };
}

/** Issues a new random token for the person, replacing any previous one; returns the token. */
export async function issue(supabase: SupabaseClient<Database>, userId: string): Promise<string> {
	// 256 bits of randomness, URL-safe without escaping (RFC 4648 §5).
	const token = randomBytes(32).toString('base64url');
	// One statement for "first token" and "replace the token": the trigger resets created_at
	// and revoked_at for a new token_hash, so a revoked feed comes back only with a new address.
	const { error } = await supabase
		.from('calendar_tokens')
		.upsert({ user_id: userId, token_hash: hashToken(token) }, { onConflict: 'user_id' });
	if (error) throw error;
	return token;
}

/** Revokes the person's current token; true when a working token was revoked. */
export async function revoke(supabase: SupabaseClient<Database>, userId: string): Promise<boolean> {
	// The database stamps revoked_at itself; the value sent only asks for it.
	const { data, error } = await supabase
		.from('calendar_tokens')
		.update({ revoked_at: new Date().toISOString() })
		.eq('user_id', userId)
		.is('revoked_at', null)
		.select('user_id');
	if (error) throw error;
	return data.length > 0;
}

/**
 * The events of the person a feed token stands for (public.personal_calendar): exactly the
 * events that person may read, nothing once the token is revoked or for an unknown token.
 */
export async function feed(supabase: SupabaseClient<Database>, token: string) {
	const { data, error } = await supabase.rpc('personal_calendar', { token });
	if (error) throw error;
	return data;
}
