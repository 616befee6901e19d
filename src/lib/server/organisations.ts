import type { Client } from './supabase';
import type { Database, Json } from '#lib/database.types';
import { titlesFor, type TitledItem } from '#lib/i18n/content';
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

const PROFILE_COLUMNS =
	`${DIRECTORY_COLUMNS}, names, website, description, original_locale, logo_path, created_at` as const;

/** One organisation's public profile, or null when it does not exist or is hidden by RLS. */
export async function getBySlug(supabase: Client, slug: string) {
	const { data, error } = await supabase
		.from('organisations')
		.select(PROFILE_COLUMNS)
		.eq('slug', slug)
		.maybeSingle();
	if (error) throw error;
	return data;
}

/** How many items of each kind an organisation's page shows: public.recent_work's. */
const WORK_SHOWN = 5;

/**
 * An organisation's page in one request, the same for every reader: its profile, what it leads
 * or takes part in (computed field recent_work, public.organisation_work), its members as far
 * as RLS lets the caller see them (public.reader_members: fellow members and coordinators; none
 * for a visitor) and whether the caller may manage it (public.reader_can_manage: its admin or a
 * coordinator, as organisationAdmin.managementRights says; false for a visitor). Null when
 * absent or hidden by RLS.
 */
export async function getPage(supabase: Client, slug: string, reader: string) {
	const { data, error } = await supabase
		.from('organisations')
		.select(`${PROFILE_COLUMNS}, recent_work, can_manage:reader_can_manage, members:reader_members`)
		.eq('slug', slug)
		.maybeSingle();
	if (error) throw error;
	if (!data) return null;
	const { can_manage, members, recent_work, ...organisation } = data;
	return {
		organisation,
		members: (members ?? []) as unknown as Member[],
		canManage: can_manage === true,
		work: workOf(recent_work, reader)
	};
}

/** A member as public.reader_members gives it. */
interface Member {
	role: Database['public']['Enums']['membership_role'];
	profile: { id: string; display_name: string };
}

/** The kinds of item an organisation page lists, by their path. */
const WORK_KINDS = { joint_action: 'actions', event: 'events', paper: 'papers' } as const;

/** A row of public.organisation_work as recent_work gives it. */
interface WorkRow {
	item_id: string;
	kind: keyof typeof WORK_KINDS;
	original_locale: string;
	titles: Record<string, string>;
	place: number;
}

/**
 * recent_work as the page shows it: per kind, the items as a list of titles shows them, each
 * with the title its reader is shown, and whether there are more than WORK_SHOWN.
 */
function workOf(recentWork: Json | null, reader: string) {
	const lists = {
		actions: { rows: [] as TitledItem[], more: false },
		events: { rows: [] as TitledItem[], more: false },
		papers: { rows: [] as TitledItem[], more: false }
	};
	for (const row of (recentWork ?? []) as unknown as WorkRow[]) {
		const list = lists[WORK_KINDS[row.kind]];
		if (row.place > WORK_SHOWN) list.more = true;
		else
			list.rows.push({
				id: row.item_id,
				original_locale: row.original_locale,
				translations: Object.entries(row.titles).map(([locale, title]) => ({ locale, title }))
			});
	}
	for (const list of Object.values(lists)) list.rows = titlesFor(list.rows, reader);
	return lists;
}

/** Organisations offered when a typed name matches several (the list filters' field). */
export const NAME_MATCHES = 8;

/**
 * The list filters' organisation field: a name typed (`org`) is looked up among the
 * organisations the caller may see (their name contains it, whatever the case); one match,
 * or one with exactly that name, filters the list, several are offered to choose from, none
 * is said. An organisation chosen by id (`organisation`, from a match or a link) shows its name.
 */
export async function filterByName(
	supabase: Client,
	filters: { org?: string; organisation?: string }
): Promise<{ id: string | undefined; name: string; matches: { id: string; name: string }[] }> {
	if (filters.org) {
		// `%`, `_` and `*` are wildcards to PostgREST's ilike; a backslash escapes.
		const words = filters.org.replace(/[%_*\\]/g, ' ').trim();
		const { data, error } = await supabase
			.from('organisations')
			.select('id, name')
			.ilike('name', `%${words}%`)
			.order('name')
			.limit(NAME_MATCHES + 1);
		if (error) throw error;
		const exact = data.filter((o) => o.name.toLowerCase() === filters.org!.toLowerCase());
		const [only] = data.length === 1 ? data : exact.length === 1 ? exact : [];
		if (only) return { id: only.id, name: only.name, matches: [] };
		return { id: undefined, name: filters.org, matches: data.slice(0, NAME_MATCHES) };
	}
	if (filters.organisation) {
		const { data, error } = await supabase
			.from('organisations')
			.select('name')
			.eq('id', filters.organisation)
			.maybeSingle();
		if (error) throw error;
		return { id: filters.organisation, name: data?.name ?? '', matches: [] };
	}
	return { id: undefined, name: '', matches: [] };
}
