import type { Client } from './supabase';

/** The caller's memberships with their organisations (RLS: a person always reads their own). */
export async function mine(supabase: Client, userId: string) {
	const { data, error } = await supabase
		.from('memberships')
		.select('role, organisation:organisations(id, slug, name, status)')
		.eq('user_id', userId);
	if (error) throw error;
	return data;
}

/** Organisations the caller may create items for: where they are editor or admin (active). */
export async function editableOrganisations(supabase: Client, userId: string) {
	const { data, error } = await supabase
		.from('memberships')
		.select('role, organisation:organisations(id, name, status)')
		.eq('user_id', userId)
		.in('role', ['editor', 'admin']);
	if (error) throw error;
	return data
		.map((m) => m.organisation)
		.filter((o): o is { id: string; name: string; status: 'active' } => o?.status === 'active');
}
