import { actionDetailsSchema, actionTranslationSchema } from '#lib/schemas/jointActions';
import { formFail, formValues, parseForm } from '#lib/server/forms';
import { inviteAction, statusAction } from '#lib/server/itemForms';
import * as items from '#lib/server/items';
import * as jointActions from '#lib/server/jointActions';
import * as organisations from '#lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const {
		item: action,
		texts,
		locale,
		isOwnerEditor
	} = await items.loadForEditing({ locals, url, params }, 'joint_action');
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
	text: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'joint_action');
		const form = await request.formData();
		const parsed = parseForm(actionTranslationSchema, form);
		if (!parsed.success) return formFail('text', parsed.errors, parsed.values);
		const { locale, ...text } = parsed.data;
		try {
			await jointActions.saveText(locals.supabase, id, locale, text);
		} catch (caught) {
			return formFail('text', caught, formValues(actionTranslationSchema, form));
		}
		return { action: 'text', saved: true };
	},
	details: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'joint_action');
		const form = await request.formData();
		const parsed = parseForm(actionDetailsSchema, form);
		if (!parsed.success) return formFail('details', parsed.errors);
		try {
			await jointActions.saveDetails(locals.supabase, id, parsed.data);
		} catch (caught) {
			return formFail('details', caught);
		}
		return { action: 'details', saved: true };
	},
	invite: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'joint_action');
		return inviteAction(locals.supabase, id, await request.formData());
	},
	status: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'joint_action');
		return statusAction(locals.supabase, id, await request.formData());
	}
};
