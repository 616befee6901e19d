import { managementRights } from './organisationAdmin';
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

/**
 * For a signed-in reader of an organisation's page, in one request: its members as far as
 * RLS lets the caller see them (its own members; coordinators) and whether the caller may
 * manage it (its admin or a coordinator, as organisationAdmin.management says). The caller's
 * own memberships, with the state of their organisations, come in the same read (`or`).
 */
export async function membersForReader(supabase: Client, organisationId: string, userId: string) {
	const { data, error } = await supabase
		.from('memberships')
		.select(
			'user_id, organisation_id, role, profile:profiles!memberships_user_id_fkey(id, display_name), organisation:organisations(id, status, is_coordinating)'
		)
		.or(`organisation_id.eq.${organisationId},user_id.eq.${userId}`)
		.order('role');
	if (error) throw error;
	const rights = managementRights(
		data.filter((m) => m.user_id === userId),
		organisationId
	);
	return {
		members: data
			.filter((m) => m.organisation_id === organisationId)
			.map(({ role, profile }) => ({ role, profile })),
		canManage: rights.isAdmin || rights.isCoordinator
	};
}
