import type { Json, Tables } from '#lib/database.types';
import type { CycleInput, StageInput } from '#lib/schemas/reviewCycles';
import { notAllowed } from './errors';
import type { Client } from './supabase';

/** A {locale: text} object as stored (names of cycles and stages). */
export type Names = Record<string, string>;

function asNames(value: Json): Names {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
	return Object.fromEntries(
		Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
	);
}

/** Names with one language's text set (or removed when empty). */
function withName(names: Json, locale: string, name: string): Names {
	const next = { ...asNames(names) };
	if (name) next[locale] = name;
	else delete next[locale];
	return next;
}

/** The countries index: per country, what the caller may see there (public.country_overview). */
export async function overview(supabase: Client) {
	const { data, error } = await supabase.rpc('country_overview');
	if (error) throw error;
	return data;
}

const CYCLE_COLUMNS =
	'id, country, mechanism, names, is_public, is_demo, updated_at, stages:review_stages(id, kind, starts_on, ends_on, status, names, document_url)';

/** The review cycles of a country the caller may read, with their stages by date. */
export async function forCountry(supabase: Client, country: string) {
	const { data, error } = await supabase
		.from('review_cycles')
		.select(CYCLE_COLUMNS)
		.eq('country', country)
		.order('created_at')
		.order('starts_on', { referencedTable: 'review_stages' });
	if (error) throw error;
	return data;
}

/** One cycle with its stages by date, or null when absent or not readable. */
export async function getById(supabase: Client, id: string) {
	const { data, error } = await supabase
		.from('review_cycles')
		.select(CYCLE_COLUMNS)
		.eq('id', id)
		.order('starts_on', { referencedTable: 'review_stages' })
		.maybeSingle();
	if (error) throw error;
	return data;
}

/** An item linked to a stage, with what its link shows (public.item_titles under the reader's RLS). */
export interface LinkedItem {
	stageId: string;
	itemId: string;
	kind: Tables<'items'>['kind'];
	originalLocale: string;
	titles: Json;
}

/** The items linked to these stages that the caller may read. */
export async function links(supabase: Client, stageIds: string[]): Promise<LinkedItem[]> {
	if (stageIds.length === 0) return [];
	const { data, error } = await supabase
		.from('review_stage_items')
		.select('stage_id, item_id')
		.in('stage_id', stageIds)
		.order('created_at');
	if (error) throw error;
	const titles = await itemTitles(
		supabase,
		data.map((link) => link.item_id)
	);
	return data.flatMap((link) => {
		const item = titles.get(link.item_id);
		return item ? [{ stageId: link.stage_id, itemId: link.item_id, ...item }] : [];
	});
}

async function itemTitles(supabase: Client, ids: string[]) {
	const found = new Map<string, Omit<LinkedItem, 'stageId' | 'itemId'>>();
	if (ids.length === 0) return found;
	const { data, error } = await supabase.rpc('item_titles', { item_ids: [...new Set(ids)] });
	if (error) throw error;
	for (const row of data) {
		found.set(row.item_id, {
			kind: row.kind,
			originalLocale: row.original_locale,
			titles: row.titles
		});
	}
	return found;
}

/** The items the caller may link to a country's stages (they edit them; public.linkable_items). */
export async function linkable(supabase: Client, country: string) {
	const { data, error } = await supabase.rpc('linkable_items', { country });
	if (error) throw error;
	const titles = await itemTitles(
		supabase,
		data.map((row) => row.item_id)
	);
	return data.flatMap((row) => {
		const item = titles.get(row.item_id);
		return item ? [{ itemId: row.item_id, ...item }] : [];
	});
}

/**
 * Whether the caller may edit the cycles of a country (display only: RLS decides every write):
 * a coordinator, or an admin of an active organisation located there.
 */
export async function canEdit(supabase: Client, userId: string | undefined, country: string) {
	if (!userId) return false;
	const { data, error } = await supabase
		.from('memberships')
		.select('organisation:organisations!inner(country, is_coordinating, status)')
		.eq('user_id', userId)
		.eq('role', 'admin');
	if (error) throw error;
	return data.some(
		({ organisation }) =>
			organisation.status === 'active' &&
			(organisation.is_coordinating || organisation.country === country)
	);
}

/** Creates a cycle of a country; its id. */
export async function createCycle(supabase: Client, country: string, input: CycleInput) {
	const { data, error } = await supabase
		.from('review_cycles')
		.insert({
			country,
			mechanism: input.mechanism,
			names: { [input.name_locale]: input.name },
			is_public: input.is_public
		})
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

/** Changes a cycle's mechanism, its name in one language and whether it is public. */
export async function updateCycle(
	supabase: Client,
	cycle: { id: string; names: Json },
	input: CycleInput
) {
	const { data, error } = await supabase
		.from('review_cycles')
		.update({
			mechanism: input.mechanism,
			names: withName(cycle.names, input.name_locale, input.name),
			is_public: input.is_public
		})
		.eq('id', cycle.id)
		.select('id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/** Adds a stage to a cycle, or changes one of its stages (stage_id). */
export async function saveStage(
	supabase: Client,
	cycle: { id: string; stages: { id: string; names: Json }[] },
	input: StageInput
) {
	const current = cycle.stages.find((stage) => stage.id === input.stage_id);
	// A stage of another cycle is not changed from this one's page.
	if (input.stage_id && !current) throw notAllowed();
	const row = {
		kind: input.kind,
		starts_on: input.starts_on,
		ends_on: input.ends_on || null,
		document_url: input.document_url || null,
		status: input.status,
		names: withName(current?.names ?? {}, input.name_locale, input.name)
	};
	const query = current
		? supabase.from('review_stages').update(row).eq('id', current.id).eq('cycle_id', cycle.id)
		: supabase.from('review_stages').insert({ ...row, cycle_id: cycle.id });
	const { data, error } = await query.select('id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/** Deletes a stage of a cycle (its links go with it). */
export async function deleteStage(supabase: Client, cycleId: string, stageId: string) {
	const { data, error } = await supabase
		.from('review_stages')
		.delete()
		.eq('id', stageId)
		.eq('cycle_id', cycleId)
		.select('id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/** Links one of the caller's items to a stage (RLS: they edit the item and read the cycle). */
export async function link(supabase: Client, stageId: string, itemId: string) {
	const { error } = await supabase
		.from('review_stage_items')
		.upsert({ stage_id: stageId, item_id: itemId }, { ignoreDuplicates: true });
	if (error) throw error;
}

/** Removes an item's link to a stage. */
export async function unlink(supabase: Client, stageId: string, itemId: string) {
	const { data, error } = await supabase
		.from('review_stage_items')
		.delete()
		.eq('stage_id', stageId)
		.eq('item_id', itemId)
		.select('item_id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/** The stages of a country or of a cycle for a calendar feed (public.review_stage_feed). */
export async function feed(supabase: Client, filter: { country?: string; cycle?: string }) {
	const { data, error } = await supabase.rpc('review_stage_feed', filter);
	if (error) throw error;
	return data;
}

/** The stages of the countries of a calendar token's owner (public.personal_review_stages). */
export async function personalFeed(supabase: Client, token: string) {
	const { data, error } = await supabase.rpc('personal_review_stages', { token });
	if (error) throw error;
	return data;
}
