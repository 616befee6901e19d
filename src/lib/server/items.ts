import { error } from '@sveltejs/kit';
import { isLocale, LOCALES, type Locale } from '#lib/i18n/config';
import { pickTranslation } from '#lib/i18n/content';
import { notAllowed } from './errors';
import * as events from './events';
import { rights } from './itemRights';
import * as jointActions from './jointActions';
import * as papers from './papers';
import type { Client } from './supabase';
import type { Tables } from '#lib/database.types';

/**
 * What joint actions, events and papers share as items (public.items and
 * public.item_organisations): status, inviting organisations and answering invitations,
 * the caller's rights, and loading one for its edit page. RLS and the item triggers decide
 * every write; these turn the answers into values and refusals.
 */

export { rights, rightsFrom, type ItemRights } from './itemRights';

export type ItemStatus = 'draft' | 'published' | 'archived';

/** The item the caller's form submission with this key created (a form posted twice), or null. */
export async function submittedItem(supabase: Client, submission: string): Promise<string | null> {
	const { data, error } = await supabase.rpc('submitted_item', { submission_key: submission });
	if (error) throw error;
	return data;
}

/** Publishes, archives or restores an item (editors of the owner; the database checks). */
export async function setStatus(supabase: Client, id: string, status: ItemStatus) {
	const { data, error } = await supabase.from('items').update({ status }).eq('id', id).select('id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/** Invites another organisation as co-lead or participant; its admins answer. */
export async function invite(
	supabase: Client,
	id: string,
	organisationId: string,
	role: 'co_lead' | 'participant'
) {
	const { error } = await supabase
		.from('item_organisations')
		.insert({ item_id: id, organisation_id: organisationId, role, state: 'invited' });
	if (error) throw error;
}

/** An organisation's admin accepts or declines its invitation to an item. */
export async function answerInvitation(
	supabase: Client,
	id: string,
	organisationId: string,
	accept: boolean
) {
	const { data, error } = await supabase
		.from('item_organisations')
		.update({ state: accept ? 'accepted' : 'declined' })
		.eq('item_id', id)
		.eq('organisation_id', organisationId)
		.eq('state', 'invited')
		.select('item_id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/**
 * Invitations of the organisations the caller administers to co-lead or take part in an
 * item (public.pending_item_invitations filters on the caller's admin roles).
 */
export async function pendingInvitations(supabase: Client) {
	const { data, error } = await supabase.rpc('pending_item_invitations');
	if (error) throw error;
	return data;
}

const forEditing = {
	joint_action: jointActions.getById,
	event: events.getById,
	paper: papers.getForEditing
};

export type ItemKind = keyof typeof forEditing;

/** Where each language's text stands against the original. */
export type TextState = {
	locale: Locale;
	state: 'missing' | 'up_to_date' | 'outdated';
	isOriginal: boolean;
};

/**
 * An item for its edit page (`[id=uuid]` of the request), for its load and each action: the row, the language being edited (`?locale=`, else the
 * original), the state of every language's text and whether the caller edits for the owner.
 * 404 when absent or not readable, 403 for readers who do not manage it (signatories,
 * participants). The database decides again on every write.
 */
export async function loadForEditing<K extends ItemKind>(
	{ locals, url, params }: { locals: App.Locals; url: URL; params: { id: string } },
	kind: K
) {
	const id = params.id;
	const load = forEditing[kind] as (
		supabase: Client,
		id: string
	) => ReturnType<(typeof forEditing)[K]>;
	const [item, mine] = await Promise.all([
		load(locals.supabase, id),
		rights(locals.supabase, id, locals.user !== null)
	]);
	if (!item) error(404, locals.i18n.t('errors:not_found'));
	if (!mine.canManage) error(403, locals.i18n.t('errors:forbidden'));
	const row = item as NonNullable<Awaited<ReturnType<(typeof forEditing)[K]>>>;
	const translations: { locale: string; source_revision: number }[] = row.translations;
	const texts: TextState[] = LOCALES.map((code) => {
		const text = translations.find((t) => t.locale === code);
		const state = !text
			? 'missing'
			: code === row.original_locale || text.source_revision >= row.original_revision
				? 'up_to_date'
				: 'outdated';
		return { locale: code, state, isOriginal: code === row.original_locale };
	});
	const original: Locale = isLocale(row.original_locale) ? row.original_locale : 'en';
	const requested = url.searchParams.get('locale');
	const locale: Locale = isLocale(requested) ? requested : original;
	// The page's heading: the item's title in its original language.
	const titles: { locale: string; title: string }[] = row.translations;
	const title = titles.find((t) => t.locale === row.original_locale)?.title ?? '';
	const { status }: { status: Tables<'items'>['status'] } = row.item;
	const { isOwnerEditor } = mine;
	/** What every edit page shows: its heading, the language tabs, the status form. */
	const page = { id, title, locale, texts, status, isOwnerEditor };
	return { id, item: row, locale, original, isOwnerEditor, page };
}

/** One language's texts as an edit form's values: each field, '' where there is none yet. */
export function textValues<F extends string>(
	translations: readonly ({ locale: string } & { [K in F]: string | null })[],
	locale: string,
	fields: readonly F[]
): Record<F, string> {
	const text = translations.find((t) => t.locale === locale);
	return Object.fromEntries(fields.map((field) => [field, text?.[field] ?? ''])) as Record<
		F,
		string
	>;
}

/**
 * An item's page: the item and the text it shows, `?show=xx` (e.g. the original), otherwise
 * the reader's language, otherwise the original. A 404 when the item is absent or not
 * readable: both look the same, never a hint that it exists.
 */
export function shownText<
	I extends { translations: { locale: string }[]; original_locale: string }
>(item: I | null, locals: Pick<App.Locals, 'locale' | 'i18n'>, url: URL) {
	const requested = url.searchParams.get('show');
	const text =
		item &&
		pickTranslation(
			item.translations as I['translations'],
			isLocale(requested) ? requested : locals.locale,
			item.original_locale
		);
	if (!item || !text) error(404, locals.i18n.t('errors:not_found'));
	// A language asked for by name is not a fallback, even when it is not the reader's.
	const isFallback = text.isFallback && !isLocale(requested);
	return { item, text: { ...(text as I['translations'][number]), isFallback } };
}
