import { forReader, type Translated } from '#lib/i18n/content';
import * as organisations from './organisations';

/** A list's filters as `public.search_page` takes them (absent: not filtered). */
export type SearchFilters = Partial<Record<string, string | number | null>>;

/** The arguments of a list's search function (public.search_joint_actions, …). */
export interface SearchArgs {
	query: string;
	filters: Record<string, string | number>;
	page_limit: number;
	page_offset: number;
}

/**
 * One page of a list's search, or of a list by organisation: the kind's search function
 * (public.search_joint_actions, search_events, search_papers over public.search_page) ranks and
 * paginates the hits the caller may read (RLS decides) with the list's filters in SQL and
 * returns the page's rows in that order, one more than the page to know whether a next page
 * exists; PostgREST embeds the rows' texts and owner in the same request. One round trip
 * whatever the number of hits. Without a query the hits are the filtered organisation's items,
 * found by its attachments' index (a filter on the table's rows may not use an index under
 * RLS), newest first unless the list orders them itself (events, by date).
 */
export async function searchPage<R extends { data: unknown[] | null; error: unknown }>(
	call: (args: SearchArgs) => PromiseLike<R>,
	search: { q?: string; page: number; size: number; filters: SearchFilters }
): Promise<{ rows: NonNullable<R['data']>; hasMore: boolean }> {
	const ordered: SearchFilters = { order: search.q ? null : 'newest', ...search.filters };
	const filters = Object.fromEntries(
		Object.entries(ordered).filter(
			(entry): entry is [string, string | number] => entry[1] != null && entry[1] !== ''
		)
	);
	const { data, error } = await call({
		query: search.q ?? '',
		filters,
		page_limit: search.size + 1,
		page_offset: (search.page - 1) * search.size
	});
	if (error) throw error;
	const rows = (data ?? []) as NonNullable<R['data']>;
	return {
		rows: rows.slice(0, search.size) as NonNullable<R['data']>,
		hasMore: rows.length > search.size
	};
}

/** A list query narrowed by the array filters every content type shares. */
interface Filterable<Q> {
	contains(column: string, value: (string | number)[]): Q;
}

/**
 * Narrows a list query by its array columns (`{ areas: 'education' }`: rows whose `areas`
 * hold it; an absent value does not filter). A list by organisation is a `searchPage`.
 */
export function narrowed<Q extends Filterable<Q>>(
	query: Q,
	arrays: Record<string, string | number | undefined>
): Q {
	for (const [column, value] of Object.entries(arrays)) {
		if (value) query = query.contains(column, [value]);
	}
	return query;
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
 * root layout's reader summary (`canCreateItems`), not from a request of the page's own. The
 * rows keep only the text their reader is shown (`forReader`).
 */
export async function listPage<
	F extends { org?: string; organisation?: string },
	R extends { rows: Translated[]; hasMore: boolean }
>(
	locals: Pick<App.Locals, 'supabase' | 'locale'>,
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
	return {
		filters,
		...result,
		rows: forReader(result.rows, locals.locale) as R['rows'],
		pageSize,
		organisation
	};
}
