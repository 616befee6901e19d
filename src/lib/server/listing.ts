import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';

/** Search hits considered at most (ranked); a more precise query narrows them down. */
export const SEARCH_LIMIT = 300;

type SearchFunction = 'search_joint_actions' | 'search_events' | 'search_papers';

/**
 * Runs a language-aware search function (RLS applies: it only finds what the caller may
 * read) and returns each hit's rank by item id.
 */
export async function searchRanks(
	supabase: SupabaseClient<Database>,
	fn: SearchFunction,
	query: string
): Promise<Map<string, number>> {
	// The best hits first, so the limit keeps the most relevant ones.
	const { data, error } = await supabase
		.rpc(fn, { query })
		.order('rank', { ascending: false })
		.limit(SEARCH_LIMIT);
	if (error) throw error;
	return new Map(
		(data as Record<string, unknown>[]).map((hit) => [
			String(hit.action_id ?? hit.event_id ?? hit.paper_id),
			Number(hit.rank)
		])
	);
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

/*
 * Lists count with `count: 'estimated'`: PostgREST counts exactly up to its max-rows (1000)
 * and uses the planner's estimate beyond, so a long list does not count tens of thousands
 * of rows, each checked by RLS, on every page view (docs/benchmarks.md, joint actions).
 */

/** PostgREST's answer to a page past the last one (416, PGRST103): shown as an empty page. */
export function isPastLastPage(error: { code?: string }): boolean {
	return error.code === 'PGRST103';
}
