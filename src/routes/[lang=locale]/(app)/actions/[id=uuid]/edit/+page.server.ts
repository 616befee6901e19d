import { actionDetailsSchema, actionTranslationSchema } from '#lib/schemas/jointActions';
import {
	attachmentsForEditing,
	editAction,
	editActions,
	translationRequestsForEditing
} from '#lib/server/itemForms';
import * as items from '#lib/server/items';
import * as jointActions from '#lib/server/jointActions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const editing = await items.loadForEditing({ locals, url, params }, 'joint_action');
	const { item: action, locale, original, isOwnerEditor } = editing;
	const [organisations, translation] = await Promise.all([
		attachmentsForEditing(locals.supabase, action.item.attachments, isOwnerEditor),
		translationRequestsForEditing(locals.supabase, editing.id, original, action.item.attachments)
	]);
	return {
		...editing.page,
		current: items.textValues(action.translations, locale, ['title', 'summary', 'body']),
		details: {
			areas: action.areas,
			crc_articles: action.crc_articles.join(', '),
			countries: action.countries.join(', '),
			themes: action.themes.join(', '),
			phase: action.phase,
			starts_on: action.starts_on ?? '',
			ends_on: action.ends_on ?? ''
		},
		...organisations,
		translation
	};
};

export const actions: Actions = {
	...editActions('joint_action', { schema: actionTranslationSchema, save: jointActions.saveText }),
	details: editAction('joint_action', 'details', actionDetailsSchema, jointActions.saveDetails)
};
