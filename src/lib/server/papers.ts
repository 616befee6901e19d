import { given, once, pageJson } from './rpc';
import type { Client } from './supabase';
import type { QueryData } from '@supabase/supabase-js';
import { LANGUAGE_STATE_COLUMNS } from './translationRequests';
import { narrowed, onePage, searchPage } from './listing';
import type { PaperFilters } from '#lib/schemas/papers';

export const PAGE_SIZE = 12;

const LIST_COLUMNS = `id, original_locale, paper_kind, areas, signature_version_id, signature_deadline,
	item:items(status, visibility, published_at, owner:organisations!items_owner_organisation_id_fkey(slug, name)),
	translations:paper_translations(locale, title, abstract)`;

/**
 * Papers the caller may see (RLS decides), newest first, one page, and whether a next page
 * exists (one row more than a page, no count); ranked when searching, found by the
 * organisation's attachments when listing one organisation's (`search`).
 */
export async function list(supabase: Client, filters: PaperFilters, size = PAGE_SIZE) {
	if (filters.q || filters.organisation) return search(supabase, filters, size);
	let query = narrowed(supabase.from('papers').select(LIST_COLUMNS), {
		areas: filters.area,
		crc_articles: filters.article,
		countries: filters.country
	});
	if (filters.kind) query = query.eq('paper_kind', filters.kind);
	return onePage(
		query.order('published_at', { ascending: false, nullsFirst: false }).order('id'),
		filters.page,
		size
	);
}

/**
 * One page of the papers a search finds (best first) or an organisation leads, co-signed or
 * takes part in (newest first), RLS deciding, with the list's filters.
 */
async function search(supabase: Client, filters: PaperFilters, size: number) {
	const { q, page, kind, ...rest } = filters;
	return searchPage((args) => supabase.rpc('search_papers', args).select(LIST_COLUMNS), {
		q,
		page,
		size,
		filters: { ...rest, paper_kind: kind }
	});
}

/**
 * What a paper's page reads, as a PostgREST select: the type of the JSON that
 * public.paper_page builds in one call (PostgREST parsed this select for 4.5-8.6 ms of CPU a view;
 * docs/benchmarks.md), and the reference tests/api/item-pages.test.ts compares it with for
 * every demo account.
 */
export function pageSelect(supabase: Client, id: string) {
	return supabase
		.from('papers')
		.select(
			`id, original_locale, original_revision, paper_kind, areas, crc_articles, countries, joint_action_id,
			signature_version_id, signature_deadline,
			item:items!inner(status, visibility, published_at, owner_organisation_id,
				attachments:item_organisations(role, state, organisation:organisations(id, slug, name)),
				${LANGUAGE_STATE_COLUMNS}, reader_rights),
			translations:paper_translations(locale, title, abstract, source_revision),
			versions:paper_versions!paper_versions_paper_id_fkey(id, number, note, created_at),
			files:paper_files(id, version_id, locale, filename, size_bytes),
			signatures:paper_signatures(id, version_id, state, decided_at, organisation:organisations(slug, name)),
			action:joint_actions(id, original_locale, translations:joint_action_translations(locale, title))` as const
		)
		.eq('id', id)
		.maybeSingle();
}

export type PaperPage = QueryData<ReturnType<typeof pageSelect>>;

/** A paper with what its page shows (public.paper_page), or null when absent or not readable. */
export async function getById(supabase: Client, id: string): Promise<PaperPage | null> {
	return pageJson<PaperPage>(await supabase.rpc('paper_page', { paper_id: id }, { get: true }));
}

type PaperInput = import('#lib/schemas/papers').PaperForm;
type PaperText = import('#lib/schemas/papers').PaperText;

/**
 * Creates a paper with its original text and an empty version 1 to upload PDFs into (its
 * owner attachment is the database's), published when asked: one database call.
 */
export async function create(supabase: Client, input: PaperInput, submission?: string) {
	const { data, error } = await once(
		supabase.rpc(
			'create_paper',
			given({
				organisation_id: input.organisation_id,
				visibility: input.visibility,
				original_locale: input.original_locale,
				title: input.title,
				abstract: input.abstract,
				paper_kind: input.paper_kind,
				areas: input.areas,
				crc_articles: input.crc_articles,
				countries: input.countries,
				joint_action_id: input.joint_action_id,
				publish: input.intent === 'publish'
			})
		),
		submission
	);
	if (error) throw error;
	return data;
}

/** Joint actions of the given organisations (owned), to link a paper to; newest first. */
export async function linkableActions(supabase: Client, organisationIds: string[], locale: string) {
	if (organisationIds.length === 0) return [];
	const { data, error } = await supabase
		.from('joint_actions')
		.select(
			'id, original_locale, item:items!inner(owner_organisation_id, created_at), translations:joint_action_translations(locale, title)'
		)
		.in('item.owner_organisation_id', organisationIds)
		.order('item(created_at)' as 'id', { ascending: false })
		.limit(200);
	if (error) throw error;
	return data.map((action) => {
		const byLocale = new Map(action.translations.map((t) => [t.locale, t.title]));
		return {
			id: action.id,
			title: byLocale.get(locale) ?? byLocale.get(action.original_locale) ?? action.id
		};
	});
}

/** Writes one language's title and abstract (adds it, or replaces it). */
export async function saveText(supabase: Client, id: string, locale: string, text: PaperText) {
	const { error } = await supabase
		.from('paper_translations')
		.upsert({ paper_id: id, locale, ...text }, { onConflict: 'paper_id,locale' });
	if (error) throw error;
}

/** Adds the next version (numbered by the database); returns its id and number. */
export async function addVersion(supabase: Client, id: string, note: string) {
	const { data, error } = await supabase
		.from('paper_versions')
		.insert({ paper_id: id, number: 1, note })
		.select('id, number')
		.single();
	if (error) throw error;
	return data;
}

/**
 * Opens a version for signature until a deadline; organisations asked to sign an earlier
 * version are asked again (the database does it). Returns how many were asked again.
 */
export async function openSignature(
	supabase: Client,
	id: string,
	versionId: string,
	deadline: string
) {
	const { data, error } = await supabase.rpc('open_paper_signature', {
		paper_id: id,
		version_id: versionId,
		deadline
	});
	if (error) throw error;
	return data;
}

/** Closes signature (unanswered requests stay unanswered). */
export async function closeSignature(supabase: Client, id: string) {
	const { error } = await supabase.rpc('close_paper_signature', { paper_id: id });
	if (error) throw error;
}

/** Asks organisations to co-sign the version open for signature; returns how many were asked. */
export async function inviteSignatories(supabase: Client, id: string, organisationIds: string[]) {
	const { data, error } = await supabase.rpc('invite_paper_signatories', {
		paper_id: id,
		organisation_ids: organisationIds
	});
	if (error) throw error;
	return data;
}

/** An admin of the asked organisation signs or declines in its name. */
export async function decide(
	supabase: Client,
	signatureId: string,
	approve: boolean,
	comment: string
) {
	const { data, error } = await supabase.rpc('decide_paper_signature', {
		signature_id: signatureId,
		approve,
		comment
	});
	if (error) throw error;
	return data;
}

/**
 * Requests to co-sign that the organisations the caller administers still have to answer:
 * for the version open for signature, before its deadline. (Members read their
 * organisation's requests; only admins may answer, so only their organisations are asked.)
 * Each paper's title is in the reader's language when it has one, else its original.
 */
export async function pendingSignatures(
	supabase: Client,
	adminOrganisationIds: string[],
	locale: string
) {
	if (adminOrganisationIds.length === 0) return [];
	const { data, error } = await supabase
		.from('paper_signatures')
		.select(
			`id, version_id, created_at, organisation:organisations(id, name),
			version:paper_versions(number),
			paper:papers!inner(id, original_locale, signature_version_id, signature_deadline,
				item:items!inner(status, owner:organisations!items_owner_organisation_id_fkey(name)),
				translations:paper_translations(locale, title))`
		)
		.eq('state', 'invited')
		.in('organisation_id', adminOrganisationIds)
		.order('created_at', { ascending: false })
		.limit(100);
	if (error) throw error;
	const now = Date.now();
	return data
		.filter(
			(s) =>
				s.paper.signature_version_id === s.version_id &&
				s.paper.signature_deadline !== null &&
				Date.parse(s.paper.signature_deadline) > now &&
				s.paper.item.status !== 'archived'
		)
		.map((s) => {
			const text =
				s.paper.translations.find((t) => t.locale === locale) ??
				s.paper.translations.find((t) => t.locale === s.paper.original_locale);
			return {
				id: s.id,
				paperId: s.paper.id,
				title: text?.title ?? '',
				titleLocale: text?.locale ?? s.paper.original_locale,
				version: s.version?.number ?? null,
				deadline: s.paper.signature_deadline!,
				organisation: s.organisation?.name ?? '',
				owner: s.paper.item.owner?.name ?? '',
				invitedAt: s.created_at
			};
		});
}

/** A paper with what its editors manage: texts, versions, files, every signature request. */
export async function getForEditing(supabase: Client, id: string) {
	const { data, error } = await supabase
		.from('papers')
		.select(
			`id, original_locale, original_revision, paper_kind, signature_version_id, signature_deadline,
			item:items!inner(status, visibility, owner_organisation_id,
				attachments:item_organisations(role, state, organisation:organisations(id, name))),
			translations:paper_translations(locale, title, abstract, source_revision),
			versions:paper_versions!paper_versions_paper_id_fkey(id, number, note, created_at),
			files:paper_files(id, version_id, locale, filename, size_bytes),
			signatures:paper_signatures(id, version_id, state, comment, decided_at, organisation:organisations(id, name))`
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw error;
	return data;
}
