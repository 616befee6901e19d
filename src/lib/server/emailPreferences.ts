// The ONE home of a person's notification email choices (issue 15): per type at once, daily,
// weekly or never, their time zone, and the one-click unsubscribe links' two steps. The rules
// are the database's (supabase/migrations/20261205000100_notification_emails.sql): each person
// reads and writes only their own choices (RLS through the caller's client), and an
// unsubscribe token is its own authority (public.unsubscribe, callable without signing in).
import type { Database } from '#lib/database.types';
import type { EmailPreferencesInput } from '#lib/schemas/emailPreferences';
import { NOTIFICATION_TYPES } from '#lib/schemas/emailPreferences';
import { HOME_ZONE } from '#lib/homeZone';
import type { Client } from './supabase';

type Frequency = Database['public']['Enums']['email_frequency'];
type NotificationType = Database['public']['Enums']['notification_type'];

export interface EmailPreferences {
	timeZone: string;
	/** Every type with its frequency (the person's choice or the default). */
	frequencies: { type: NotificationType; frequency: Frequency; isDefault: boolean }[];
}

/** My email choices and time zone. */
export async function get(supabase: Client, userId: string): Promise<EmailPreferences> {
	const [choices, profile] = await Promise.all([
		supabase.rpc('my_email_preferences'),
		supabase.from('profiles').select('time_zone').eq('id', userId).maybeSingle()
	]);
	if (choices.error) throw choices.error;
	if (profile.error) throw profile.error;
	const byType = new Map((choices.data ?? []).map((row) => [row.type, row]));
	return {
		timeZone: profile.data?.time_zone ?? HOME_ZONE,
		frequencies: NOTIFICATION_TYPES.flatMap((type) => {
			const row = byType.get(type);
			return row ? [{ type, frequency: row.frequency, isDefault: row.is_default }] : [];
		})
	};
}

/** Saves my choice for every type and my time zone (RLS: my own rows only). */
export async function save(
	supabase: Client,
	userId: string,
	input: EmailPreferencesInput
): Promise<void> {
	const { time_zone, ...frequencies } = input;
	const rows = NOTIFICATION_TYPES.map((type) => ({
		user_id: userId,
		type,
		frequency: frequencies[type]
	}));
	const [choices, profile] = await Promise.all([
		supabase.from('notification_email_preferences').upsert(rows, { onConflict: 'user_id,type' }),
		supabase.from('profiles').update({ time_zone }).eq('id', userId)
	]);
	if (choices.error) throw choices.error;
	if (profile.error) throw profile.error;
}

export type UnsubscribeState = 'valid' | 'used' | 'unknown' | 'done';

/** What an unsubscribe link is (for the confirm page; a GET changes nothing). */
export async function tokenState(
	supabase: Client,
	token: string
): Promise<{ state: UnsubscribeState; stream: string | null }> {
	const { data, error } = await supabase.rpc('unsubscribe_token_state', { token });
	if (error) throw error;
	const row = data?.[0];
	return { state: (row?.state as UnsubscribeState) ?? 'unknown', stream: row?.stream ?? null };
}

/** Unsubscribes the link's person from its stream (done), or says it was used or is unknown. */
export async function unsubscribe(
	supabase: Client,
	token: string
): Promise<{ state: UnsubscribeState; stream: string | null }> {
	const { data, error } = await supabase.rpc('unsubscribe', { token });
	if (error) throw error;
	const row = data?.[0];
	return { state: (row?.state as UnsubscribeState) ?? 'unknown', stream: row?.stream ?? null };
}
