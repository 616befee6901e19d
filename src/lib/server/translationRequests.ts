import { LOCALES, isLocale, type Locale } from '#lib/i18n/config';
import type { Database, Json } from '#lib/database.types';
import { diffWords, hasChanges, type DiffPart } from '#lib/diff';
import { notAllowed } from './errors';
import type { Client } from './supabase';

/**
 * Translation requests between organisations (issue 16; the rules are in
 * supabase/migrations/20261205000200_translation_requests.sql): an item's lead editors ask an
 * organisation for a language, its editors answer and then write that language only. RLS and
 * the request's trigger decide every write; these turn the answers into values and refusals.
 */

export type RequestStatus = Database['public']['Enums']['translation_request_status'];
type Kind = Database['public']['Enums']['item_kind'];

/** The text fields of each kind of item, in the order the editor shows them. */
export const TEXT_FIELDS = {
	joint_action: ['title', 'summary', 'body'],
	event: ['title', 'description', 'accessibility_notes'],
	paper: ['title', 'abstract']
} as const satisfies Record<Kind, readonly string[]>;

/** One language's text of an item, whatever its kind: its fields by name. */
export type TextRow = {
	locale: string;
	source_revision: number;
	updated_at: string;
	fields: Record<string, string>;
};

/** The facts of an item that the translation workflow needs, with every language's text. */
export type Translatable = {
	id: string;
	kind: Kind;
	originalLocale: Locale;
	originalRevision: number;
	texts: TextRow[];
};

/** Asks an organisation for a language of an item, in the name of the caller's lead organisation. */
export async function ask(
	supabase: Client,
	itemId: string,
	request: { organisationId: string; locale: Locale; dueOn: string | null; message: string }
) {
	const { error } = await supabase.from('translation_requests').insert({
		item_id: itemId,
		organisation_id: request.organisationId,
		locale: request.locale,
		due_on: request.dueOn,
		message: request.message,
		// Set by the database: the caller's lead organisation of the item.
		requested_by_organisation_id: null as unknown as string
	});
	if (error) throw error;
}

/** Moves a request on: accepted/declined/done by the asked editors, cancelled by the asking side. */
export async function setStatus(
	supabase: Client,
	id: string,
	status: Exclude<RequestStatus, 'requested'>,
	itemId?: string
) {
	let query = supabase.from('translation_requests').update({ status }).eq('id', id);
	if (itemId) query = query.eq('item_id', itemId);
	const { data, error } = await query.select('id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/** The open requests of an item (language, status, asked organisation, due date) its reader may see. */
export async function forItem(supabase: Client, itemId: string) {
	const { data, error } = await supabase.rpc('item_translation_requests', { item: itemId });
	if (error) throw error;
	// The content_locale domain is typed unknown by the generator: it is a language code.
	return data.map((r) => ({ ...r, locale: String(r.locale), due_on: r.due_on as string | null }));
}

/** The ids of an item's open requests the caller reads (lead editors, both organisations), by language. */
export async function openIds(supabase: Client, itemId: string) {
	const { data, error } = await supabase
		.from('translation_requests')
		.select('id, locale')
		.eq('item_id', itemId)
		.in('status', ['requested', 'accepted', 'done']);
	if (error) throw error;
	return new Map(data.map((r) => [r.locale, r.id]));
}

/** The requests the caller's organisations are to answer or to write (editors only). */
export async function pending(supabase: Client) {
	const { data, error } = await supabase.rpc('pending_translation_requests');
	if (error) throw error;
	return data.map((r) => ({ ...r, locale: String(r.locale), due_on: r.due_on as string | null }));
}

/** One request as its page shows it, or null when the caller may not read it. */
export async function getById(supabase: Client, id: string) {
	const { data, error } = await supabase
		.from('translation_requests')
		.select(
			'id, item_id, locale, status, due_on, message, created_at, organisation_id, organisation:organisations!translation_requests_organisation_id_fkey(id, name), asking:organisations!translation_requests_requested_by_organisation_id_fkey(id, name), item:items(kind, status)'
		)
		.eq('id', id)
		.maybeSingle();
	if (error) throw error;
	return data;
}

/** An item's original language, revision and texts in every language (null: not readable). */
export async function translatable(
	supabase: Client,
	id: string,
	kind: Kind
): Promise<Translatable | null> {
	const read = {
		joint_action: () =>
			supabase
				.from('joint_actions')
				.select(
					'original_locale, original_revision, texts:joint_action_translations(locale, source_revision, updated_at, title, summary, body)'
				)
				.eq('id', id)
				.maybeSingle(),
		event: () =>
			supabase
				.from('events')
				.select(
					'original_locale, original_revision, texts:event_translations(locale, source_revision, updated_at, title, description, accessibility_notes)'
				)
				.eq('id', id)
				.maybeSingle(),
		paper: () =>
			supabase
				.from('papers')
				.select(
					'original_locale, original_revision, texts:paper_translations(locale, source_revision, updated_at, title, abstract)'
				)
				.eq('id', id)
				.maybeSingle()
	}[kind];
	const { data, error } = await read();
	if (error) throw error;
	if (!data) return null;
	// The three kinds' texts have different field names (summary/body, description, abstract):
	// TypeScript cannot narrow the union of the three embeds by `kind`, so they are read as one
	// record of text fields, which is what the diff and the editor use.
	const rows = data.texts as unknown as (Record<string, string> & {
		locale: string;
		source_revision: number;
		updated_at: string;
	})[];
	return {
		id,
		kind,
		originalLocale: isLocale(data.original_locale) ? data.original_locale : 'en',
		originalRevision: data.original_revision,
		texts: rows.map((row) => ({
			locale: row.locale,
			source_revision: row.source_revision,
			updated_at: row.updated_at,
			fields: Object.fromEntries(TEXT_FIELDS[kind].map((field) => [field, row[field] ?? '']))
		}))
	};
}

/** Writes one language's text of an item (the translator's or a lead editor's; RLS decides). */
export async function saveText(
	supabase: Client,
	item: Pick<Translatable, 'id' | 'kind'>,
	locale: Locale,
	fields: Record<string, unknown>
) {
	const text = Object.fromEntries(TEXT_FIELDS[item.kind].map((f) => [f, String(fields[f] ?? '')]));
	const { error } =
		item.kind === 'joint_action'
			? await supabase
					.from('joint_action_translations')
					.upsert(
						{ action_id: item.id, locale, ...(text as { title: string }) },
						{ onConflict: 'action_id,locale' }
					)
			: item.kind === 'event'
				? await supabase
						.from('event_translations')
						.upsert(
							{ event_id: item.id, locale, ...(text as { title: string }) },
							{ onConflict: 'event_id,locale' }
						)
				: await supabase
						.from('paper_translations')
						.upsert(
							{ paper_id: item.id, locale, ...(text as { title: string }) },
							{ onConflict: 'paper_id,locale' }
						);
	if (error) throw error;
}

/** The original's texts at each kept revision, and when that revision was made. */
export async function revisions(supabase: Client, itemId: string) {
	const { data, error } = await supabase
		.from('original_text_revisions')
		.select('revision, texts, created_at')
		.eq('item_id', itemId)
		.order('revision');
	if (error) throw error;
	return data.map((r) => ({
		revision: r.revision,
		createdAt: r.created_at,
		texts: (r.texts ?? {}) as Record<string, string>
	}));
}

/** What changed in each text field of the original between two of its revisions. */
export type FieldDiff = { field: string; parts: DiffPart[]; changed: boolean };

/**
 * The word diff of every text field of the original from revision `from` to its current text;
 * null when that revision is not kept (a translation older than the record).
 */
export function changesSince(
	item: Translatable,
	kept: Awaited<ReturnType<typeof revisions>>,
	from: number
): FieldDiff[] | null {
	const before = kept.find((r) => r.revision === from);
	const now = item.texts.find((t) => t.locale === item.originalLocale);
	if (!before || !now) return null;
	return TEXT_FIELDS[item.kind].map((field) => {
		const parts = diffWords(String(before.texts[field] ?? ''), now.fields[field] ?? '');
		return { field, parts, changed: hasChanges(parts) };
	});
}

/** Where one language of an item stands, for its page. */
export type LanguageState =
	| { locale: Locale; state: 'original' | 'up_to_date' }
	| { locale: Locale; state: 'outdated'; since: string | null }
	| { locale: Locale; state: 'requested'; organisation: string; dueOn: string | null }
	| { locale: Locale; state: 'missing' };

/** An item as its page loaded it: original language and revision, each text's revision. */
type Revisioned = {
	id: string;
	original_locale: string;
	original_revision: number;
	translations: readonly { locale: string; source_revision: number }[];
};

/**
 * Every language of an item: its original, up to date, outdated since the original changed (the
 * date of the first revision after the one it was made from), requested from an organisation
 * (with the due date) while there is no text yet, or missing.
 */
export function languageStates(
	item: Revisioned,
	dates: readonly { revision: number; createdAt: string }[],
	open: readonly {
		locale: string;
		status: string;
		organisation_name: string;
		due_on: string | null;
	}[]
): LanguageState[] {
	return LOCALES.map((locale): LanguageState => {
		if (locale === item.original_locale) return { locale, state: 'original' };
		const text = item.translations.find((t) => t.locale === locale);
		if (text && text.source_revision >= item.original_revision) {
			return { locale, state: 'up_to_date' };
		}
		if (text) {
			const next = dates.find((r) => r.revision > text.source_revision);
			return { locale, state: 'outdated', since: next?.createdAt ?? null };
		}
		const request = open.find((r) => r.locale === locale && r.status !== 'done');
		if (request) {
			const { organisation_name: organisation, due_on: dueOn } = request;
			return { locale, state: 'requested', organisation, dueOn };
		}
		return { locale, state: 'missing' };
	});
}

/** The columns an item page's request selects for its languages' states (see statesFor). */
export const LANGUAGE_STATE_COLUMNS =
	'revisions:original_text_revisions(revision, created_at), requested_translations' as const;

/** An open request as public.requested_translations builds it (JSON, the SQL's keys). */
type OpenRequest = Parameters<typeof languageStates>[2][number];

/**
 * The states of an item's languages for its page, from what the page's one request read with
 * the item (LANGUAGE_STATE_COLUMNS in its `items` embed): the original's revision dates and
 * the open requests (computed field public.requested_translations, a JSON array).
 */
export function statesFor(
	item: Revisioned,
	loaded: {
		revisions: readonly { revision: number; created_at: string }[];
		requested_translations: Json | null;
	}
): LanguageState[] {
	const open = Array.isArray(loaded.requested_translations)
		? (loaded.requested_translations as unknown as OpenRequest[])
		: [];
	const dates = [...loaded.revisions]
		.sort((a, b) => a.revision - b.revision)
		.map((d) => ({ revision: d.revision, createdAt: d.created_at }));
	return languageStates(item, dates, open);
}
