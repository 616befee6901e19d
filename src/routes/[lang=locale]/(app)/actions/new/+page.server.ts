import { fail, redirect } from '@sveltejs/kit';
import { actionFormSchema } from '#lib/schemas/jointActions';
import { dbErrorKey } from '#lib/server/errors';
import { requireUser } from '#lib/server/auth';
import { parseForm } from '#lib/server/forms';
import * as jointActions from '#lib/server/jointActions';
import * as memberships from '#lib/server/memberships';
import type { PostgrestError } from '@supabase/supabase-js';
import type { Actions, PageServerLoad } from './$types';

/** Raw form values to show again after an error (nothing the person typed is lost). */
function echo(form: FormData) {
	const text = (name: string, max = 50000) => String(form.get(name) ?? '').slice(0, max);
	return {
		organisation_id: text('organisation_id', 64),
		original_locale: text('original_locale', 8),
		title: text('title', 400),
		summary: text('summary', 2000),
		body: text('body', 60000),
		areas: form.getAll('areas').map(String).slice(0, 10),
		crc_articles: text('crc_articles', 400),
		countries: text('countries', 400),
		themes: text('themes', 2000),
		phase: text('phase', 20),
		starts_on: text('starts_on', 20),
		ends_on: text('ends_on', 20),
		visibility: text('visibility', 20)
	};
}

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { userId } = await parent();
	const organisations = await memberships.editableOrganisations(locals.supabase, userId);
	return { organisations };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser();
		const form = await request.formData();
		const values = echo(form);
		const parsed = parseForm(actionFormSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });

		// A clear message for a tampered or stale organisation; RLS would refuse it anyway.
		const allowed = await memberships.editableOrganisations(locals.supabase, user.id);
		if (!allowed.some((o) => o.id === parsed.data.organisation_id)) {
			return fail(400, {
				values,
				errors: { organisation_id: 'validation:organisation_not_allowed' }
			});
		}
		let id: string;
		try {
			id = await jointActions.create(locals.supabase, parsed.data);
		} catch (failure) {
			return fail(400, { values, errors: { form: dbErrorKey(failure as PostgrestError) } });
		}
		redirect(303, `/${locals.locale}/actions/${id}`);
	}
};
