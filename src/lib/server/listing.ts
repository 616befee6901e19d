import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';
import * as organisations from './organisations';

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

/** A list query narrowed by the filters every content type shares. */
interface Filterable<Q> {
	contains(column: string, value: (string | number)[]): Q;
	or(filters: string, options: { referencedTable: string }): Q;
	not(column: string, operator: string, value: null): Q;
}

/**
 * Narrows a list query by its array columns (`{ areas: 'education' }`: rows whose `areas`
 * hold it; an absent value does not filter) and by an organisation leading or taking part in
 * the item. The organisation is a null filter on the `item` embed (not `items!inner`, whose
 * EXISTS in PostgREST's count read every readable item; docs/benchmarks.md).
 */
export function narrowed<Q extends Filterable<Q>>(
	query: Q,
	arrays: Record<string, string | number | undefined>,
	organisationId?: string
): Q {
	for (const [column, value] of Object.entries(arrays)) {
		if (value) query = query.contains(column, [value]);
	}
	if (!organisationId) return query;
	const attachedTo = `lead_organisation_ids.cs.{${organisationId}},participant_organisation_ids.cs.{${organisationId}}`;
	return query.or(attachedTo, { referencedTable: 'items' }).not('item', 'is', null);
}

/**
 * One page of an ordered list query and whether a next page exists: one row more than a
 * page is read, and no count.
 */
export async function onePage<T>(
	query: { range(from: number, to: number): PromiseLike<{ data: T[] | null; error: unknown }> },
	page: number,
	size: number
): Promise<{ rows: T[]; hasMore: boolean }> {
	const from = (page - 1) * size;
	const { data, error } = await query.range(from, from + size);
	if (error) throw error;
	const rows = data ?? [];
	return { rows: rows.slice(0, size), hasMore: rows.length > size };
}

/**
 * What a list page of items loads besides its own rows: the organisation filter resolved (a
 * typed name looked up first, since the rows depend on it; an organisation chosen by id
 * shows its name, looked up beside the rows). Whether the reader may create one comes with the
 * root layout's reader summary (`canCreateItems`), not from a request of the page's own.
 */
export async function listPage<
	F extends { org?: string; organisation?: string },
	R extends { rows: unknown[]; hasMore: boolean }
>(
	locals: Pick<App.Locals, 'supabase'>,
	parsed: F,
	pageSize: number,
	rowsOf: (filters: F) => Promise<R>
) {
	const { supabase } = locals;
	const named = parsed.org ? await organisations.filterByName(supabase, parsed) : null;
	const filters = (named ? { ...parsed, organisation: named.id } : parsed) as F;
	const [result, organisation] = await Promise.all([
		rowsOf(filters),
		named ?? organisations.filterByName(supabase, filters)
	]);
	return { filters, ...result, pageSize, organisation };
}
