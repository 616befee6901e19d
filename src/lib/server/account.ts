// The signed-in person's own account: profile, organisations, leaving one, the data export
// and deleting the account. Rules in SQL: supabase/migrations/20261201000300_account_console_applications.sql.
import type { Client } from './supabase';
import type { Json } from '#lib/database.types';
import type { ProfileInput } from '#lib/schemas/account';
import { secretClient } from './secretClient';

/** My profile and my memberships (RLS: a person always reads their own rows). */
export async function get(supabase: Client, userId: string) {
	const [profile, memberships] = await Promise.all([
		supabase
			.from('profiles')
			.select('display_name, preferred_locale')
			.eq('id', userId)
			.maybeSingle(),
		supabase
			.from('memberships')
			.select(
				'organisation_id, role, organisation:organisations(slug, name, kind, status, is_coordinating)'
			)
			.eq('user_id', userId)
	]);
	if (profile.error) throw profile.error;
	if (memberships.error) throw memberships.error;
	return { profile: profile.data, memberships: memberships.data };
}

/** Writes my profile row only (RLS: my own row); `updateProfile` also tells Auth. */
export async function saveProfile(supabase: Client, userId: string, input: ProfileInput) {
	const { error } = await supabase
		.from('profiles')
		.update({ display_name: input.display_name, preferred_locale: input.preferred_locale })
		.eq('id', userId);
	if (error) throw error;
}

/** Saves my display name and preferred language (RLS: my own row only). */
export async function updateProfile(supabase: Client, userId: string, input: ProfileInput) {
	await saveProfile(supabase, userId, input);
	// The header greets people by their Auth metadata name: keep it in step (best effort,
	// the profile is what the hub reads everywhere else).
	const { error: authError } = await supabase.auth.updateUser({
		data: { display_name: input.display_name, locale: input.preferred_locale }
	});
	if (authError) console.error('account: the Auth display name was not updated', authError.message);
	// The session's access token carries the metadata the header reads (hooks.server.ts
	// verifies it without asking Auth): a new token shows the new name from the next page.
	else await refreshToken(supabase);
}

/** Replaces the session's access token by a new one with Auth's current claims (best effort). */
export async function refreshToken(supabase: Client): Promise<void> {
	const { error } = await supabase.auth.refreshSession();
	if (error) console.error('account: the session could not be refreshed', error.message);
}

/** Leaves one of my organisations; 23514 when I am its last admin. */
export async function leave(supabase: Client, organisationId: string): Promise<void> {
	const { error } = await supabase.rpc('leave_organisation', { organisation: organisationId });
	if (error) throw error;
}

/** Everything the hub holds about me (public.my_data: only the caller's own data). */
export async function exportData(supabase: Client): Promise<Json> {
	const { data, error } = await supabase.rpc('my_data');
	if (error) throw error;
	return data;
}

/** The organisations of which I am the last admin (they block deleting my account). */
export async function deletionBlockers(supabase: Client) {
	const { data, error } = await supabase.rpc('account_deletion_blockers');
	if (error) throw error;
	return data;
}

export class AccountDeletionError extends Error {}

/**
 * Deletes my account through Auth's admin API (the secret key): Auth deletes the auth.users
 * row, and the database cascades to the profile, memberships, registrations and feeds, while
 * content stays with its organisation (its author columns become null: "a former member").
 * It is one transaction in Auth: when Auth fails, nothing has changed. The database itself
 * refuses to delete a last admin (trigger profiles_guard_delete).
 */
export async function deleteAccount(userId: string): Promise<void> {
	const admin = secretClient();
	if (!admin) throw new AccountDeletionError('SUPABASE_SECRET_KEY is not set');
	const { error } = await admin.auth.admin.deleteUser(userId);
	if (error) throw new AccountDeletionError(`Auth refused the deletion: ${error.message}`);
}
