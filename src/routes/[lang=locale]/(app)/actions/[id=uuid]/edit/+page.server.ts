import { actionDetailsSchema, actionTranslationSchema } from '#lib/schemas/jointActions';
import { attachmentsForEditing, editAction, editActions } from '#lib/server/itemForms';
import * as items from '#lib/server/items';
import * as jointActions from '#lib/server/jointActions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const {
		item: action,
		texts,
		locale,
		isOwnerEditor
	} = await items.loadForEditing({ locals, url, params }, 'joint_action');
	const current = action.translations.find((t) => t.locale === locale);
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
		...(await attachmentsForEditing(locals.supabase, action.item.attachments, isOwnerEditor))
	};
};

export const actions: Actions = {
	...editActions('joint_action', { schema: actionTranslationSchema, save: jointActions.saveText }),
	details: editAction('joint_action', 'details', actionDetailsSchema, jointActions.saveDetails)
};
