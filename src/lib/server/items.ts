import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';

type Client = SupabaseClient<Database>;

/**
 * Invitations of the organisations the caller administers to co-lead or take part in an
 * item (public.pending_item_invitations filters on the caller's admin roles).
 */
export async function pendingInvitations(supabase: Client) {
	const { data, error } = await supabase.rpc('pending_item_invitations');
	if (error) throw error;
	return data;
}
