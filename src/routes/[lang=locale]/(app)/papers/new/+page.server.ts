import { fail, redirect } from '@sveltejs/kit';
import type { PostgrestError } from '@supabase/supabase-js';
import { paperFormSchema } from '#lib/schemas/papers';
import { paperErrorKey } from '#lib/server/errors';
import { requireUser } from '#lib/server/auth';
import { parseForm } from '#lib/server/forms';
import { editableOrganisations } from '#lib/server/memberships';
import * as papers from '#lib/server/papers';
import type { Actions, PageServerLoad } from './$types';

/** Raw form values to show again after an error (nothing the person typed is lost). */
function echo(form: FormData) {
	const text = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	return {
		organisation_id: text('organisation_id', 64),
		original_locale: text('original_locale', 8),
		title: text('title', 400),
		abstract: text('abstract', 6000),
		paper_kind: text('paper_kind', 40),
		areas: form.getAll('areas').map(String).slice(0, 10),
		crc_articles: text('crc_articles', 400),
		countries: text('countries', 400),
		joint_action_id: text('joint_action_id', 64),
		visibility: text('visibility', 20)
	};
}

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { userId } = await parent();
	const organisations = await editableOrganisations(locals.supabase, userId);
	const actions = await papers.linkableActions(
		locals.supabase,
		organisations.map((o) => o.id),
		locals.locale
	);
	return { organisations, actions };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser();
		const form = await request.formData();
		const values = echo(form);
		const parsed = parseForm(paperFormSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });

		// A clear message for a tampered or stale organisation; RLS would refuse it anyway.
		const allowed = await editableOrganisations(locals.supabase, user.id);
		if (!allowed.some((o) => o.id === parsed.data.organisation_id)) {
			return fail(400, {
				values,
				errors: { organisation_id: 'validation:organisation_not_allowed' }
			});
		}
		let id: string;
		try {
			id = await papers.create(locals.supabase, parsed.data);
		} catch (failure) {
			const key = paperErrorKey(failure as PostgrestError);
			// The linked action is checked by the database (one the caller can read).
			if (parsed.data.joint_action_id && key === 'errors:forbidden') {
				return fail(400, { values, errors: { joint_action_id: 'papers:error_action_link' } });
			}
			return fail(400, { values, errors: { form: key } });
		}
		redirect(303, `/${locals.locale}/papers/${id}/edit?created=1`);
	}
};
