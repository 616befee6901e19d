import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { attachedTo, isPastLastPage, rankedPage, searchRanks } from './listing';
import type { PaperFilters } from '$lib/schemas/papers';

type Client = SupabaseClient<Database>;

export const PAGE_SIZE = 12;

const LIST_COLUMNS = `id, original_locale, paper_kind, areas, signature_version_id, signature_deadline,
	item:items!inner(status, visibility, published_at, owner:organisations!items_owner_organisation_id_fkey(slug, name)),
	translations:paper_translations(locale, title, abstract)`;

/** Papers the caller may see (RLS decides), newest first, one page; ranked when searching. */
export async function list(supabase: Client, filters: PaperFilters) {
	const rankById = filters.q ? await searchRanks(supabase, 'search_papers', filters.q) : null;
	if (rankById?.size === 0) return { rows: [], total: 0 };
	const build = (head = false) => {
		let query = supabase.from('papers').select(LIST_COLUMNS, { count: 'estimated', head });
		if (rankById) query = query.in('id', [...rankById.keys()]);
		if (filters.kind) query = query.eq('paper_kind', filters.kind);
		if (filters.area) query = query.contains('areas', [filters.area]);
		if (filters.article) query = query.contains('crc_articles', [filters.article]);
		if (filters.organisation) {
			query = query.or(attachedTo(filters.organisation), { referencedTable: 'items' });
		}
		return query;
	};
	if (rankById) {
		const { data, error, count } = await build();
		if (error) throw error;
		return {
			rows: rankedPage(data, rankById, filters.page, PAGE_SIZE),
			total: count ?? data.length
		};
	}
	const from = (filters.page - 1) * PAGE_SIZE;
	const { data, error, count } = await build()
		.order('published_at', { ascending: false, nullsFirst: false })
		.order('id')
		.range(from, from + PAGE_SIZE - 1);
	if (error && isPastLastPage(error)) {
		const head = await build(true);
		return { rows: [], total: head.count ?? 0 };
	}
	if (error) throw error;
	return { rows: data, total: count ?? data.length };
}

/** One paper with its versions, files and signatures as far as the caller may see them. */
export async function getById(supabase: Client, id: string) {
	const { data, error } = await supabase
		.from('papers')
		.select(
			`id, original_locale, original_revision, paper_kind, areas, crc_articles, countries, joint_action_id,
			signature_version_id, signature_deadline,
			item:items!inner(status, visibility, published_at,
				attachments:item_organisations(role, state, organisation:organisations(id, slug, name))),
			translations:paper_translations(locale, title, abstract, source_revision),
			versions:paper_versions!paper_versions_paper_id_fkey(id, number, note, created_at),
			files:paper_files(id, version_id, locale, filename, size_bytes),
			signatures:paper_signatures(id, version_id, state, decided_at, organisation:organisations(slug, name))`
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw error;
	return data;
}
