import { fail } from '@sveltejs/kit';
import { accessReason } from '#lib/access';
import * as items from '#lib/server/items';
import * as translationRequests from '#lib/server/translationRequests';
import * as jointActions from '#lib/server/jointActions';
import { actionUpdateSchema } from '#lib/schemas/jointActions';
import { requireUser } from '#lib/server/auth';
import { dbErrorKey, failStatus } from '#lib/server/errors';
import { parseForm } from '#lib/server/forms';
import { renderMarkdown } from '#lib/server/markdown';
import type { Actions, PageServerLoad } from './$types';

const ROLE_ORDER = { owner: 0, co_lead: 1, participant: 2, signatory: 3 } as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// One request: the action with its texts, organisations, languages' states and, for a
	// signed-in reader, their rights and memberships (why they may read it).
	const found = await jointActions.getById(locals.supabase, params.id);
	const { item: action, text } = items.shownText(found, locals, url);
	const rights = items.rightsFrom(action.item.reader_rights, locals.user !== null);
	// Every language's state: the original, up to date, outdated since, requested from, missing.
	const translationStates = translationRequests.statesFor(action, action.item);

	const languages = action.translations
		.map((t) => ({
			locale: t.locale,
			isOriginal: t.locale === action.original_locale,
			isOutdated:
				t.locale !== action.original_locale && t.source_revision < action.original_revision
		}))
		.sort(
			(a, b) => Number(b.isOriginal) - Number(a.isOriginal) || a.locale.localeCompare(b.locale)
		);

	const attachments = [...action.item.attachments]
		.filter((a) => a.state !== 'declined' && a.organisation)
		.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);

	return {
		translationStates,
		action: {
			id: action.id,
			originalLocale: action.original_locale,
			areas: action.areas,
			crcArticles: action.crc_articles,
			countries: action.countries,
			themes: action.themes,
			phase: action.phase,
			startsOn: action.starts_on,
			endsOn: action.ends_on,
			status: action.item.status,
			visibility: action.item.visibility,
			publishedAt: action.item.published_at
		},
		text: {
			locale: text.locale,
			title: text.title,
			summary: text.summary,
			bodyHtml: renderMarkdown(text.body),
			isFallback: text.isFallback,
			isOutdated: languages.find((l) => l.locale === text.locale)?.isOutdated ?? false
		},
		languages,
		attachments: attachments.map((a) => ({
			role: a.role,
			state: a.state,
			organisation: { slug: a.organisation!.slug, name: a.organisation!.name }
		})),
		reason: accessReason(action.item, action.item.attachments, rights.memberships),
		// Which buttons to show. Display only: every write is decided again by the database.
		canEdit: rights.canManage,
		postAs: action.item.attachments
			.filter((a) => a.organisation && rights.postAs.includes(a.organisation.id))
			.map((a) => ({ id: a.organisation!.id, name: a.organisation!.name })),
		updates: action.updates.map((u) => ({
			id: u.id,
			locale: u.locale,
			createdAt: u.created_at,
			organisation: u.organisation?.name ?? '',
			// The author deleted their account: the post stays with its organisation.
			byFormerMember: u.author_id === null,
			html: renderMarkdown(u.body)
		}))
	};
};

export const actions: Actions = {
	post: async ({ locals, params, request }) => {
		requireUser();
		const form = await request.formData();
		const body = String(form.get('body') ?? '').slice(0, 12000);
		const parsed = parseForm(actionUpdateSchema, form);
		if (!parsed.success) return fail(400, { body, errors: parsed.errors });
		try {
			await jointActions.postUpdate(
				locals.supabase,
				params.id,
				parsed.data.organisation_id,
				parsed.data.locale,
				parsed.data.body
			);
		} catch (caught) {
			const key = dbErrorKey(caught);
			// Not theirs to post (RLS refused): 403, with the message on the form.
			return fail(failStatus(key, key === 'errors:forbidden' ? 403 : 400), {
				body,
				errors: { form: key }
			});
		}
		return { posted: true };
	}
};
