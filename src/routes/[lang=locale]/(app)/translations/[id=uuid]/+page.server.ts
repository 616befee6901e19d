import { error, fail } from '@sveltejs/kit';
import { isLocale, type Locale } from '#lib/i18n/config';
import {
	answerTranslationSchema,
	reviewedRevisionSchema,
	translatorTextSchemas
} from '#lib/schemas/translationRequests';
import { requireUser } from '#lib/server/auth';
import { translationRequestErrorKey } from '#lib/server/errors';
import { formFail, formValues, parseForm } from '#lib/server/forms';
import * as memberships from '#lib/server/memberships';
import * as translationRequests from '#lib/server/translationRequests';
import type { Actions, PageServerLoad } from './$types';

/**
 * The request and its item, as the caller reads them: a 404 when they may read neither (an
 * editor of another organisation), so the page and its actions say nothing about it.
 */
async function context(locals: App.Locals, id: string) {
	const request = await translationRequests.getById(locals.supabase, id);
	const kind = request?.item?.kind;
	const item =
		kind && (await translationRequests.translatable(locals.supabase, request.item_id, kind));
	if (!request || !item || !isLocale(request.locale)) error(404, locals.i18n.t('errors:not_found'));
	return { request, item, locale: request.locale as Locale };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser();
	const { request, item, locale } = await context(locals, params.id);
	const [kept, mine] = await Promise.all([
		translationRequests.revisions(locals.supabase, item.id),
		memberships.mine(locals.supabase, user.id)
	]);
	const original = item.texts.find((t) => t.locale === item.originalLocale);
	const text = item.texts.find((t) => t.locale === locale) ?? null;
	const outdated = text !== null && text.source_revision < item.originalRevision;
	const editsForAsked = mine.some(
		(m) =>
			m.organisation?.id === request.organisation_id &&
			m.organisation.status === 'active' &&
			(m.role === 'editor' || m.role === 'admin')
	);
	const open = request.status === 'accepted' || request.status === 'done';
	return {
		request: {
			id: request.id,
			status: request.status,
			dueOn: request.due_on,
			message: request.message,
			organisation: request.organisation?.name ?? '',
			asking: request.asking?.name ?? ''
		},
		item: {
			id: item.id,
			kind: item.kind,
			originalLocale: item.originalLocale,
			revision: item.originalRevision,
			archived: request.item?.status === 'archived'
		},
		locale,
		fields: translationRequests.TEXT_FIELDS[item.kind],
		original: original?.fields ?? {},
		text: text?.fields ?? null,
		state: text === null ? 'missing' : outdated ? 'outdated' : 'up_to_date',
		changes: outdated ? translationRequests.changesSince(item, kept, text.source_revision) : null,
		madeFrom: text?.source_revision ?? null,
		// Display only: RLS decides every write again.
		canAnswer: editsForAsked && request.status === 'requested',
		canWrite: editsForAsked && open && request.item?.status !== 'archived',
		canFinish: editsForAsked && request.status === 'accepted' && text !== null
	};
};

/**
 * The original the translator reviewed must still be the current one: if it changed since the
 * page was shown, its new changes are shown first instead of being marked as reviewed.
 */
function changedMeanwhile(revision: number, current: number) {
	return revision !== current;
}

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const { item, locale } = await context(locals, params.id);
		const schema = translatorTextSchemas[item.kind];
		const form = await request.formData();
		const parsed = parseForm(schema, form);
		if (!parsed.success) return formFail('save', parsed.errors, parsed.values);
		const values = formValues(schema, form);
		if (changedMeanwhile(parsed.data.revision, item.originalRevision)) {
			return formFail('save', { form: 'translations:error_original_changed' }, values);
		}
		try {
			// saveText writes only the kind's text fields (not the revision).
			await translationRequests.saveText(locals.supabase, item, locale, parsed.data);
		} catch (caught) {
			return formFail('save', caught, values);
		}
		return { action: 'save', saved: true };
	},
	markUpToDate: async ({ locals, params, request }) => {
		const { item, locale } = await context(locals, params.id);
		const parsed = parseForm(reviewedRevisionSchema, await request.formData());
		const text = item.texts.find((t) => t.locale === locale);
		if (!parsed.success || !text) return formFail('markUpToDate', { form: 'errors:generic' });
		if (changedMeanwhile(parsed.data.revision, item.originalRevision)) {
			return formFail('markUpToDate', { form: 'translations:error_original_changed' });
		}
		try {
			// Saving the text as it is records the original's current revision as reviewed.
			await translationRequests.saveText(locals.supabase, item, locale, text.fields);
		} catch (caught) {
			return formFail('markUpToDate', caught);
		}
		return { action: 'markUpToDate', saved: true };
	},
	answer: async ({ locals, params, request }) => {
		const parsed = parseForm(answerTranslationSchema, await request.formData());
		if (!parsed.success || parsed.data.request_id !== params.id) {
			return fail(400, { action: 'answer', errors: { form: 'errors:generic' } });
		}
		try {
			await translationRequests.setStatus(
				locals.supabase,
				params.id,
				parsed.data.answer === 'accept' ? 'accepted' : 'declined'
			);
		} catch (caught) {
			return formFail('answer', caught, {}, { mapKey: translationRequestErrorKey });
		}
		return { action: 'answer', saved: true };
	},
	done: async ({ locals, params }) => {
		try {
			await translationRequests.setStatus(locals.supabase, params.id, 'done');
		} catch (caught) {
			return formFail('done', caught, {}, { mapKey: translationRequestErrorKey });
		}
		return { action: 'done', saved: true };
	}
};
