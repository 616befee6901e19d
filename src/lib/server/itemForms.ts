import { redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { actionInviteSchema } from '#lib/schemas/jointActions';
import { askTranslationSchema, translationRequestSchema } from '#lib/schemas/translationRequests';
import { LOCALES, type Locale } from '#lib/i18n/config';
import { translationRequestErrorKey } from './errors';
import { requireUser } from './auth';
import { errorCode } from './errors';
import { formFail, formValues, parseForm, type EchoOf } from './forms';
import * as items from './items';
import * as memberships from './memberships';
import * as organisations from './organisations';
import type { Client } from './supabase';
import * as translationRequests from './translationRequests';

/**
 * The form actions every item's pages share: the edit page's text, invite and status (and
 * editAction for a type's own), the new page's create. They go through the shared item
 * functions; RLS and the database decide, these turn the answer into a message for the form.
 */

const statusSchema = z.object({ status: z.enum(['draft', 'published', 'archived']) });

/** What an edit page's own actions receive (SvelteKit's event, narrowed). */
type EditEvent = { locals: App.Locals; url: URL; params: { id: string }; request: Request };

/** The item an edit page's action is for, after the page's own check (absent 404, not managed 403). */
const editing = async (event: EditEvent, kind: items.ItemKind) =>
	(await items.loadForEditing(event, kind)).id;

/**
 * An edit page's action `name`: parses the form with `schema` and calls `run` (RLS and the
 * database decide). A refusal is one message for that form (`mapKey`: dbErrorKey unless
 * given); otherwise `{ action: name, saved: true }` and what `run` returned.
 */
export function editAction<S extends z.ZodType, R extends object | void>(
	kind: items.ItemKind,
	name: string,
	schema: S,
	run: (supabase: Client, id: string, data: z.infer<S>) => Promise<R>,
	mapKey?: (caught: unknown) => string
) {
	return async (event: EditEvent) => {
		const id = await editing(event, kind);
		const parsed = parseForm(schema, await event.request.formData());
		if (!parsed.success) return formFail(name, parsed.errors);
		let outcome: R;
		try {
			outcome = await run(event.locals.supabase, id, parsed.data);
		} catch (caught) {
			return formFail(name, caught, {}, { mapKey });
		}
		return { ...(outcome || {}), action: name, saved: true as const };
	};
}

/**
 * An item's language texts: `schema` parses `locale` and the type's text fields, `save`
 * writes them (RLS decides); a refusal keeps what was typed.
 */
export interface TextForm<S extends z.ZodType<{ locale: string }>> {
	schema: S;
	save: (
		supabase: Client,
		id: string,
		locale: string,
		text: Omit<z.infer<S>, 'locale'>
	) => Promise<void>;
}

/**
 * The actions every item's edit page has: `text` (one language's texts), `invite` an
 * organisation and `status`; `mapKey` reads the type's refusals (dbErrorKey unless given).
 */
export function editActions<S extends z.ZodType<{ locale: string }>>(
	kind: items.ItemKind,
	text: TextForm<S>,
	mapKey?: (caught: unknown) => string
) {
	return {
		text: async (event: EditEvent) => {
			const id = await editing(event, kind);
			const form = await event.request.formData();
			const parsed = parseForm(text.schema, form);
			if (!parsed.success) return formFail('text', parsed.errors, parsed.values);
			const { locale, ...fields } = parsed.data;
			try {
				await text.save(event.locals.supabase, id, locale, fields);
			} catch (caught) {
				return formFail('text', caught, formValues(text.schema, form), { mapKey });
			}
			return { action: 'text', saved: true };
		},
		askTranslation: async (event: EditEvent) => {
			const id = await editing(event, kind);
			const form = await event.request.formData();
			const parsed = parseForm(askTranslationSchema, form);
			if (!parsed.success) return formFail('askTranslation', parsed.errors, parsed.values);
			try {
				await translationRequests.ask(event.locals.supabase, id, {
					organisationId: parsed.data.organisation_id,
					locale: parsed.data.locale,
					dueOn: parsed.data.due_on,
					message: parsed.data.message
				});
			} catch (caught) {
				const key = translationRequestErrorKey(caught);
				return formFail('askTranslation', caught, formValues(askTranslationSchema, form), {
					mapKey: translationRequestErrorKey,
					field: key === 'validation:deadline_past' ? 'due_on' : 'form'
				});
			}
			return { action: 'askTranslation', saved: true };
		},
		cancelTranslation: editAction(
			kind,
			'cancelTranslation',
			translationRequestSchema,
			(supabase, id, data) =>
				translationRequests.setStatus(supabase, data.request_id, 'cancelled', id),
			translationRequestErrorKey
		),
		invite: editAction(kind, 'invite', actionInviteSchema, (supabase, id, data) =>
			items.invite(supabase, id, data.organisation_id, data.role)
		),
		status: editAction(
			kind,
			'status',
			statusSchema,
			(supabase, id, data) => items.setStatus(supabase, id, data.status),
			mapKey
		)
	};
}

/**
 * The organisations an edit page shows: those attached (with their role and state) and,
 * for an editor of the owner, the others it may invite.
 */
export async function attachmentsForEditing<
	A extends { role: string; state: string; organisation: { id: string; name: string } | null }
>(supabase: Client, attachments: A[], isOwnerEditor: boolean) {
	const directory = isOwnerEditor ? await organisations.list(supabase, {}) : [];
	const attachedIds = new Set(attachments.map((a) => a.organisation?.id));
	return {
		attachments: attachments.flatMap((a) =>
			a.organisation
				? [{ role: a.role as A['role'], state: a.state as A['state'], name: a.organisation.name }]
				: []
		),
		invitable: directory.filter((o) => !attachedIds.has(o.id)).map(({ id, name }) => ({ id, name }))
	};
}

/** What every new-item page's load adds: the key of this rendering of its form. */
export const newItemPage = () => ({ submissionKey: crypto.randomUUID() });

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
		create: (supabase: Client, data: z.infer<S>, submission?: string) => Promise<string>;
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
	// The page's key for this rendering of the form (newItemPage): a second post of it (a
	// double click, back and send again) goes to the item the first one made.
	const submission = z.uuid().safeParse(form.get('submission_key')).data;
	let id: string;
	try {
		id = await options.create(locals.supabase, parsed.data, submission);
	} catch (caught) {
		const first =
			submission && errorCode(caught) === 'HB001'
				? await items.submittedItem(locals.supabase, submission)
				: null;
		if (first) redirect(303, `/${locals.locale}/${options.path(first)}`);
		const atField = options.fieldError?.(caught, parsed.data);
		if (atField) return formFail(undefined, { [atField.field]: atField.key }, values);
		return formFail(undefined, caught, values, { mapKey: options.mapKey });
	}
	redirect(303, `/${locals.locale}/${options.path(id)}`);
}

/**
 * The translation requests section of an edit page: the item's open requests, the languages
 * that may still be asked for (not the original, none already open) and the organisations
 * that may be asked (active, not already editing the item).
 */
export async function translationRequestsForEditing(
	supabase: Client,
	id: string,
	original: Locale,
	attachments: { role: string; state: string; organisation: { id: string } | null }[]
) {
	const [open, ids, directory] = await Promise.all([
		translationRequests.forItem(supabase, id),
		translationRequests.openIds(supabase, id),
		organisations.list(supabase, {})
	]);
	const leads = new Set(
		attachments
			.filter((a) => a.state === 'accepted' && (a.role === 'owner' || a.role === 'co_lead'))
			.map((a) => a.organisation?.id)
	);
	const asked = new Set(open.map((r) => r.locale));
	return {
		requests: open.map((r) => ({
			// The id (for the cancel button) where the caller reads the request itself.
			id: ids.get(r.locale) ?? null,
			locale: r.locale as Locale,
			status: r.status,
			organisation: r.organisation_name,
			dueOn: r.due_on
		})),
		askableLocales: LOCALES.filter((l) => l !== original && !asked.has(l)),
		askable: directory
			.filter((o) => o.status === 'active' && !leads.has(o.id))
			.map(({ id, name }) => ({ id, name }))
	};
}
