import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';

/** The caller's memberships with their organisations (RLS: a person always reads their own). */
export async function mine(supabase: SupabaseClient<Database>, userId: string) {
	const { data, error } = await supabase
		.from('memberships')
		.select('role, organisation:organisations(id, slug, name, status)')
		.eq('user_id', userId);
	if (error) throw error;
	return data;
}
