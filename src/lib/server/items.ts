import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { isLocale, LOCALES, type Locale } from '#lib/i18n/config';
import { pickTranslation } from '#lib/i18n/content';
import { requireUser } from './auth';
import { notAllowed } from './errors';
import { formFail, formValues, parseForm, type EchoOf } from './forms';
import * as memberships from './memberships';
import * as events from './events';
import { rights } from './itemRights';
import * as jointActions from './jointActions';
import * as papers from './papers';
import type { Client } from './supabase';

/**
 * What joint actions, events and papers share as items (public.items and
 * public.item_organisations): status, inviting organisations and answering invitations,
 * the caller's rights, and loading one for its edit page. RLS and the item triggers decide
 * every write; these turn the answers into values and refusals.
 */

export { rights, type ItemRights } from './itemRights';

export type ItemStatus = 'draft' | 'published' | 'archived';

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
	return { id, item: row, texts, locale, original, isOwnerEditor: mine.isOwnerEditor };
}

/**
 * The create action of an item's new page, for any item type: parses the form with `schema`,
 * checks the chosen organisation is one the person edits for (a clear message for a tampered
 * or stale choice; RLS would refuse it anyway), creates and goes to `path(id)`. A refusal
 * answers with what was typed: at a field when the type places it there (`fieldError`),
 * otherwise one message for the form (`mapKey`).
 */
export async function createFromForm<
	S extends z.ZodType<{ organisation_id: string }>,
	V extends object = EchoOf<S>
>(
	{ locals, request }: Pick<RequestEvent, 'locals' | 'request'>,
	schema: S,
	options: {
		create: (supabase: Client, data: z.infer<S>) => Promise<string>;
		mapKey: (caught: unknown) => string;
		fieldError?: (caught: unknown, data: z.infer<S>) => { field: string; key: string } | null;
		echo?: (values: EchoOf<S>) => V;
		path: (id: string) => string;
	}
) {
	const user = requireUser();
	const form = await request.formData();
	const echo = options.echo ?? ((values: EchoOf<S>) => values as V);
	const parsed = parseForm(schema, form);
	if (!parsed.success) return formFail(undefined, parsed.errors, echo(parsed.values));
	const values = echo(formValues(schema, form));

	const allowed = await memberships.editableOrganisations(locals.supabase, user.id);
	if (!allowed.some((o) => o.id === parsed.data.organisation_id)) {
		return formFail(undefined, { organisation_id: 'validation:organisation_not_allowed' }, values);
	}
	let id: string;
	try {
		id = await options.create(locals.supabase, parsed.data);
	} catch (caught) {
		const atField = options.fieldError?.(caught, parsed.data);
		if (atField) return formFail(undefined, { [atField.field]: atField.key }, values);
		return formFail(undefined, caught, values, { mapKey: options.mapKey });
	}
	redirect(303, `/${locals.locale}/${options.path(id)}`);
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
