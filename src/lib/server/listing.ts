import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';

type ItemKind = Database['public']['Enums']['item_kind'];

/** A list's filters as `public.search_page` takes them (absent: not filtered). */
export type SearchFilters = Partial<Record<string, string | number | null>>;

/**
 * One page of a list's search: `public.search_page` ranks and paginates the hits the caller
 * may read (RLS decides) with the list's filters in SQL and returns one id more than the
 * page, to know whether a next page exists; `rowsOf` then reads only the page's rows, shown
 * in the search's order. Two round trips whatever the number of hits.
 */
export async function searchPage<T extends { id: string }>(
	supabase: SupabaseClient<Database>,
	kind: ItemKind,
	search: { q: string; page: number; size: number; filters: SearchFilters },
	rowsOf: (ids: string[]) => PromiseLike<{ data: T[] | null; error: unknown }>
): Promise<{ rows: T[]; hasMore: boolean }> {
	const filters = Object.fromEntries(
		Object.entries(search.filters).filter(([, value]) => value != null && value !== '')
	);
	const { data: hits, error } = await supabase.rpc('search_page', {
		query: search.q,
		kind,
		filters,
		page_limit: search.size + 1,
		page_offset: (search.page - 1) * search.size
	});
	if (error) throw error;
	const ids = hits.slice(0, search.size).map((hit) => hit.item_id);
	if (ids.length === 0) return { rows: [], hasMore: false };
	const { data, error: rowsError } = await rowsOf(ids);
	if (rowsError) throw rowsError;
	const byId = new Map((data ?? []).map((row) => [row.id, row]));
	return {
		rows: ids.flatMap((id) => byId.get(id) ?? []),
		hasMore: hits.length > search.size
	};
}

/** PostgREST filter on `items`: the organisation leads or takes part in the item. */
export function attachedTo(organisationId: string): string {
	return `lead_organisation_ids.cs.{${organisationId}},participant_organisation_ids.cs.{${organisationId}}`;
}
