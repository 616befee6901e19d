import { given, once, pageJson } from './rpc';
import type { Client } from './supabase';
import type { QueryData } from '@supabase/supabase-js';
import { LANGUAGE_STATE_COLUMNS } from './translationRequests';
import { notAllowed } from './errors';
import { onePage, searchPage } from './listing';
import type { ActionFilters } from '#lib/schemas/jointActions';

export const PAGE_SIZE = 12;

const LIST_COLUMNS = `id, original_locale, original_revision, areas, crc_articles, countries, phase, starts_on, ends_on,
	item:items(status, visibility, published_at, owner:organisations!items_owner_organisation_id_fkey(slug, name)),
	translations:joint_action_translations(locale, title, summary, source_revision)`;

/**
 * The joint actions the caller may see (RLS decides), filtered, newest first, one page.
 * With a search query or of one organisation: the page of hits, by rank or newest first
 * (`search`); filtered by area, article or country: the page the database finds by the path
 * that suits the filter (`filtered`).
 */
export async function list(supabase: Client, filters: ActionFilters, size = PAGE_SIZE) {
	if (filters.q || filters.organisation) return search(supabase, filters, size);
	if (filters.area || filters.article || filters.country) return filtered(supabase, filters, size);

	let query = supabase.from('joint_actions').select(LIST_COLUMNS);
	if (filters.phase) query = query.eq('phase', filters.phase);
	// Actions running at some time in [from, to]: started before `to`, not ended before `from`.
	if (filters.from) query = query.or(`ends_on.is.null,ends_on.gte.${filters.from}`);
	if (filters.to) query = query.or(`starts_on.is.null,starts_on.lte.${filters.to}`);
	// Newest first: the item's publication date, copied onto the row and indexed
	// (20261128000400_joint_actions.sql), so a page is a walk down one index.
	return onePage(
		query.order('published_at', { ascending: false, nullsFirst: false }).order('id'),
		filters.page,
		size
	);
}

/**
 * One page of the joint actions filtered by area, article or country (RLS decides), newest
 * first, and whether a next page exists: public.list_joint_actions reads the matches by id when
 * they are few and walks the date index when they are many, which the planner cannot tell
 * apart under RLS (docs/benchmarks.md, issue 14). One request, the rows' embeds included.
 */
async function filtered(supabase: Client, filters: ActionFilters, size: number) {
	const { area, article, country, phase, from, to } = filters;
	const given = Object.fromEntries(
		Object.entries({ area, article, country, phase, from, to }).filter(
			([, value]) => value != null && value !== ''
		)
	);
	const { data, error } = await supabase
		.rpc('list_joint_actions', {
			filters: given,
			page_limit: size + 1,
			page_offset: (filters.page - 1) * size
		})
		// PostgREST 12 orders a function's rows by the columns it selects: published_at is read
		// for the order (the function returns the page already in it).
		.select(`published_at, ${LIST_COLUMNS}`)
		.order('published_at', { ascending: false, nullsFirst: false })
		.order('id');
	if (error) throw error;
	return { rows: data.slice(0, size), hasMore: data.length > size };
}

/**
 * One page of the joint actions a search finds (best first) or an organisation leads or takes
 * part in (newest first), RLS deciding, with the list's filters.
 */
async function search(supabase: Client, filters: ActionFilters, size: number) {
	const { q, page, ...rest } = filters;
	return searchPage((args) => supabase.rpc('search_joint_actions', args).select(LIST_COLUMNS), {
		q,
		page,
		size,
		filters: rest
	});
}

/**
 * What a joint action's page reads, as a PostgREST select: the type of the JSON that
 * public.joint_action_page builds in one call (PostgREST parsed this select for 4.5-8.6 ms of CPU a view;
 * docs/benchmarks.md), and the reference tests/api/item-pages.test.ts compares it with for
 * every demo account.
 */
export function pageSelect(supabase: Client, id: string) {
	return supabase
		.from('joint_actions')
		.select(
			`id, original_locale, original_revision, areas, crc_articles, countries, themes, phase, starts_on, ends_on, updated_at,
			item:items!inner(status, visibility, published_at, owner_organisation_id,
				attachments:item_organisations(role, state, organisation:organisations(id, slug, name)),
				${LANGUAGE_STATE_COLUMNS}, reader_rights),
			translations:joint_action_translations(locale, title, summary, body, source_revision, updated_at),
			updates:joint_action_updates(id, locale, body, created_at, author_id, organisation:organisations(slug, name))` as const
		)
		.eq('id', id)
		.order('created_at', { referencedTable: 'joint_action_updates', ascending: false })
		.maybeSingle();
}

export type JointActionPage = QueryData<ReturnType<typeof pageSelect>>;

/** A joint action with what its page shows (public.joint_action_page), or null when absent or not readable. */
export async function getById(supabase: Client, id: string): Promise<JointActionPage | null> {
	return pageJson<JointActionPage>(
		await supabase.rpc('joint_action_page', { action_id: id }, { get: true })
	);
}

/**
 * Countries present among the actions the caller may see, for the filter menu: read from a
 * summary kept by triggers (migration 20261128000800), current and exact for each reader.
 */
export async function facets(supabase: Client) {
	const { data, error } = await supabase.rpc('joint_action_countries');
	if (error) throw error;
	return { countries: data };
}

/**
 * A joint action's link from an event or a paper (embedded in their row as `action`, null
 * when unlinked or not readable): its title in the reader's language, or its original.
 */
export function actionLink(
	action: {
		id: string;
		original_locale: string;
		translations: { locale: string; title: string }[];
	} | null,
	locale: string
) {
	if (!action) return null;
	const byLocale = new Map(action.translations.map((t) => [t.locale, t.title]));
	const title = byLocale.get(locale) ?? byLocale.get(action.original_locale) ?? '';
	return { id: action.id, title };
}

type ActionInput = import('#lib/schemas/jointActions').ActionForm;

/**
 * Creates a joint action with its original text (its owner attachment is the database's),
 * published when asked: one database call, one transaction, so nothing is ever half-saved.
 */
export async function create(supabase: Client, input: ActionInput, submission?: string) {
	const { data, error } = await once(
		supabase.rpc(
			'create_joint_action',
			given({
				organisation_id: input.organisation_id,
				visibility: input.visibility,
				original_locale: input.original_locale,
				title: input.title,
				summary: input.summary,
				body: input.body,
				areas: input.areas,
				crc_articles: input.crc_articles,
				countries: input.countries,
				themes: input.themes,
				phase: input.phase,
				starts_on: input.starts_on,
				ends_on: input.ends_on,
				publish: input.intent === 'publish'
			})
		),
		submission
	);
	if (error) throw error;
	return data;
}

type ActionText = import('#lib/schemas/jointActions').ActionText;
type ActionDetails = import('#lib/schemas/jointActions').ActionDetails;

/** Writes one language's texts (adds it, or replaces it); saving marks the text up to date. */
export async function saveText(supabase: Client, id: string, locale: string, text: ActionText) {
	const { error } = await supabase
		.from('joint_action_translations')
		.upsert({ action_id: id, locale, ...text }, { onConflict: 'action_id,locale' });
	if (error) throw error;
}

/** Changes what the action is about and when it runs (lead editors; RLS decides). */
export async function saveDetails(supabase: Client, id: string, details: ActionDetails) {
	const { data, error } = await supabase
		.from('joint_actions')
		.update(details)
		.eq('id', id)
		.select('id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/** Posts a dated update on the action's timeline in an attached organisation's name. */
export async function postUpdate(
	supabase: Client,
	id: string,
	organisationId: string,
	locale: string,
	body: string
) {
	const { error } = await supabase
		.from('joint_action_updates')
		.insert({ action_id: id, organisation_id: organisationId, locale, body });
	if (error) throw error;
}
