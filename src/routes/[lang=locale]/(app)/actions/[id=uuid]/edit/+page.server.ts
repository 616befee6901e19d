import { error, fail } from '@sveltejs/kit';
import { isLocale, LOCALES, type Locale } from '#lib/i18n/config';
import { actionDetailsSchema, actionTranslationSchema } from '#lib/schemas/jointActions';
import { requireUser } from '#lib/server/auth';
import { parseForm } from '#lib/server/forms';
import { formFailure, inviteAction, statusAction } from '#lib/server/itemForms';
import * as jointActions from '#lib/server/jointActions';
import * as organisations from '#lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

/** What the caller may do here; the database decides again on every write. */
async function context(locals: App.Locals, id: string) {
	const user = requireUser();
	const [action, editable] = await Promise.all([
		jointActions.getById(locals.supabase, id),
		jointActions.editableOrganisations(locals.supabase, user.id)
	]);
	if (!action) error(404, locals.i18n.t('errors:not_found'));
	const editableIds = new Set(editable.map((o) => o.id));
	const leads = action.item.attachments.filter(
		(a) =>
			a.organisation && (a.role === 'owner' || (a.role === 'co_lead' && a.state === 'accepted'))
	);
	const isLeadEditor = leads.some((a) => editableIds.has(a.organisation!.id));
	if (!isLeadEditor) error(403, locals.i18n.t('errors:forbidden'));
	const isOwnerEditor = editableIds.has(action.item.owner_organisation_id);
	return { id, action, isOwnerEditor, userId: user.id };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { action, isOwnerEditor } = await context(locals, params.id);
	const requested = url.searchParams.get('locale');
	const original: Locale = isLocale(action.original_locale) ? action.original_locale : 'en';
	const locale: Locale = isLocale(requested) ? requested : original;
	const texts = LOCALES.map((code) => {
		const row = action.translations.find((t) => t.locale === code);
		const state = !row
			? 'missing'
			: code === action.original_locale || row.source_revision >= action.original_revision
				? 'up_to_date'
				: 'outdated';
		return { locale: code, state, isOriginal: code === action.original_locale } as const;
	});
	const current = action.translations.find((t) => t.locale === locale);
	const directory = isOwnerEditor ? await organisations.list(locals.supabase, {}) : [];
	const attachedIds = new Set(action.item.attachments.map((a) => a.organisation?.id));
	const originalText = action.translations.find((t) => t.locale === action.original_locale);
	return {
		id: action.id,
		title: originalText?.title ?? '',
		locale,
		texts,
		current: {
			title: current?.title ?? '',
			summary: current?.summary ?? '',
			body: current?.body ?? ''
		},
		details: {
			areas: action.areas,
			crc_articles: action.crc_articles.join(', '),
			countries: action.countries.join(', '),
			themes: action.themes.join(', '),
			phase: action.phase,
			starts_on: action.starts_on ?? '',
			ends_on: action.ends_on ?? ''
		},
		status: action.item.status,
		isOwnerEditor,
		attachments: action.item.attachments
			.filter((a) => a.organisation)
			.map((a) => ({ role: a.role, state: a.state, name: a.organisation!.name })),
		invitable: directory.filter((o) => !attachedIds.has(o.id)).map(({ id, name }) => ({ id, name }))
	};
};

export const actions: Actions = {
	text: async ({ locals, params, request }) => {
		const { id, userId } = await context(locals, params.id);
		const form = await request.formData();
		const values = Object.fromEntries(
			['locale', 'title', 'summary', 'body'].map((k) => [
				k,
				String(form.get(k) ?? '').slice(0, 60000)
			])
		);
		const parsed = parseForm(actionTranslationSchema, form);
		if (!parsed.success) return fail(400, { action: 'text', values, errors: parsed.errors });
		const { locale, ...text } = parsed.data;
		try {
			await jointActions.saveText(locals.supabase, userId, id, locale, text);
		} catch (caught) {
			return formFailure('text', caught, values);
		}
		return { action: 'text', saved: true };
	},
	details: async ({ locals, params, request }) => {
		const { id } = await context(locals, params.id);
		const form = await request.formData();
		const parsed = parseForm(actionDetailsSchema, form);
		if (!parsed.success) return fail(400, { action: 'details', values: {}, errors: parsed.errors });
		try {
			await jointActions.saveDetails(locals.supabase, id, parsed.data);
		} catch (caught) {
			return formFailure('details', caught);
		}
		return { action: 'details', saved: true };
	},
	invite: async ({ locals, params, request }) => {
		const { id, userId } = await context(locals, params.id);
		return inviteAction(locals.supabase, userId, id, await request.formData());
	},
	status: async ({ locals, params, request }) => {
		const { id } = await context(locals, params.id);
		return statusAction(locals.supabase, id, await request.formData());
	}
};
