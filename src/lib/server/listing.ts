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

/**
 * A search page as the pager still counts it (`total`): the rows before this page, this
 * page's and one more when a next page exists, so the pager offers the next page and no
 * list of tens of thousands of hits is counted.
 */
export function withTotal<T>(
	page: { rows: T[]; hasMore: boolean },
	pageNumber: number,
	size: number
) {
	const before = (pageNumber - 1) * size;
	return {
		...page,
		total:
			page.rows.length > 0 || page.hasMore ? before + page.rows.length + (page.hasMore ? 1 : 0) : 0
	};
}

/** PostgREST filter on `items`: the organisation leads or takes part in the item. */
export function attachedTo(organisationId: string): string {
	return `lead_organisation_ids.cs.{${organisationId}},participant_organisation_ids.cs.{${organisationId}}`;
}

/*
 * Lists count with `count: 'estimated'`: PostgREST counts exactly up to its max-rows (1000)
 * and uses the planner's estimate beyond, so a long list does not count tens of thousands
 * of rows, each checked by RLS, on every page view (docs/benchmarks.md, joint actions).
 */

/** PostgREST's answer to a page past the last one (416, PGRST103): shown as an empty page. */
export function isPastLastPage(error: { code?: string }): boolean {
	return error.code === 'PGRST103';
}
