import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';

/** Search hits considered at most (ranked); a more precise query narrows them down. */
export const SEARCH_LIMIT = 300;

type ItemKind = Database['public']['Enums']['item_kind'];

/** The names of the former per-kind search functions, which some callers still pass. */
const KIND_OF = {
	search_joint_actions: 'joint_action',
	search_events: 'event',
	search_papers: 'paper'
} as const satisfies Record<string, ItemKind>;
type SearchFunction = keyof typeof KIND_OF;

function isSearchFunction(name: string): name is SearchFunction {
	return name in KIND_OF;
}

/**
 * Runs the language-aware search over one kind of item (`public.search_items`; RLS applies:
 * it only finds what the caller may read) and returns each hit's rank by item id.
 */
export async function searchRanks(
	supabase: SupabaseClient<Database>,
	search: ItemKind | SearchFunction,
	query: string
): Promise<Map<string, number>> {
	const kind = isSearchFunction(search) ? KIND_OF[search] : search;
	// The best hits first, so the limit keeps the most relevant ones.
	const { data, error } = await supabase
		.rpc('search_items', { query, kind })
		.order('rank', { ascending: false })
		.limit(SEARCH_LIMIT);
	if (error) throw error;
	return new Map(data.map((hit) => [hit.item_id, hit.rank]));
}

/** One page of rows sorted by search rank, best first. */
export function rankedPage<T extends { id: string }>(
	rows: T[],
	ranks: Map<string, number>,
	page: number,
	size: number
): T[] {
	const from = (page - 1) * size;
	return [...rows]
		.sort((a, b) => (ranks.get(b.id) ?? 0) - (ranks.get(a.id) ?? 0))
		.slice(from, from + size);
}

/** PostgREST filter on `items`: the organisation leads or takes part in the item. */
export function attachedTo(organisationId: string): string {
	return `lead_organisation_ids.cs.{${organisationId}},participant_organisation_ids.cs.{${organisationId}}`;
}
