import type { Client } from './supabase';
import type { DirectoryFilters } from '#lib/schemas/organisations';

const DIRECTORY_COLUMNS =
	'id, slug, name, kind, status, is_coordinating, country, languages' as const;

/** The organisations the caller may see (RLS: active ones; coordinators see all), filtered. */
export async function list(supabase: Client, filters: Omit<DirectoryFilters, 'page'>) {
	let query = supabase.from('organisations').select(DIRECTORY_COLUMNS).order('name');
	if (filters.kind) query = query.eq('kind', filters.kind);
	if (filters.country) query = query.eq('country', filters.country);
	if (filters.language) query = query.contains('languages', [filters.language]);
	const { data, error } = await query;
	if (error) throw error;
	return data;
}

export const DIRECTORY_PAGE_SIZE = 24;

/**
 * One page of the directory (the organisations the caller may see, filtered, by name) and
 * whether a next page exists: one row more than a page, so that the page costs the same
 * however large the network grows.
 */
export async function directory(supabase: Client, filters: DirectoryFilters) {
	const from = (filters.page - 1) * DIRECTORY_PAGE_SIZE;
	let query = supabase
		.from('organisations')
		.select(DIRECTORY_COLUMNS)
		.order('name')
		.order('id')
		.range(from, from + DIRECTORY_PAGE_SIZE);
	if (filters.kind) query = query.eq('kind', filters.kind);
	if (filters.country) query = query.eq('country', filters.country);
	if (filters.language) query = query.contains('languages', [filters.language]);
	const { data, error } = await query;
	if (error) throw error;
	return {
		rows: data.slice(0, DIRECTORY_PAGE_SIZE),
		hasMore: data.length > DIRECTORY_PAGE_SIZE
	};
}

/** Countries and languages present among visible organisations, for the filter menus. */
export async function facets(supabase: Client) {
	const { data, error } = await supabase.from('organisations').select('country, languages');
	if (error) throw error;
	const countries = [...new Set(data.map((o) => o.country))];
	const languages = [...new Set(data.flatMap((o) => o.languages))];
	return { countries, languages };
}

/** One organisation's public profile, or null when it does not exist or is hidden by RLS. */
export async function getBySlug(supabase: Client, slug: string) {
	const { data, error } = await supabase
		.from('organisations')
		.select(
			`${DIRECTORY_COLUMNS}, names, website, description, original_locale, logo_path, created_at`
		)
		.eq('slug', slug)
		.maybeSingle();
	if (error) throw error;
	return data;
}

/** Members of an organisation, as far as RLS lets the caller see them (its own members only). */
export async function members(supabase: Client, organisationId: string) {
	const { data, error } = await supabase
		.from('memberships')
		.select('role, profile:profiles!memberships_user_id_fkey(id, display_name)')
		.eq('organisation_id', organisationId)
		.order('role');
	if (error) throw error;
	return data;
}
