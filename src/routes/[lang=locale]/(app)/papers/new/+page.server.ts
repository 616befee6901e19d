import { redirect } from '@sveltejs/kit';
import { paperFormSchema } from '#lib/schemas/papers';
import { paperErrorKey } from '#lib/server/errors';
import { requireUser } from '#lib/server/auth';
import { formFail, formValues, parseForm } from '#lib/server/forms';
import { editableOrganisations } from '#lib/server/memberships';
import * as papers from '#lib/server/papers';
import type { Actions, PageServerLoad } from './$types';

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
		const parsed = parseForm(paperFormSchema, form);
		if (!parsed.success) return formFail(undefined, parsed.errors, parsed.values);
		const values = formValues(paperFormSchema, form);

		// A clear message for a tampered or stale organisation; RLS would refuse it anyway.
		const allowed = await editableOrganisations(locals.supabase, user.id);
		if (!allowed.some((o) => o.id === parsed.data.organisation_id)) {
			return formFail(
				undefined,
				{ organisation_id: 'validation:organisation_not_allowed' },
				values
			);
		}
		let id: string;
		try {
			id = await papers.create(locals.supabase, parsed.data);
		} catch (caught) {
			// The linked action is checked by the database (one the caller can read).
			if (parsed.data.joint_action_id && paperErrorKey(caught) === 'errors:forbidden') {
				return formFail(undefined, { joint_action_id: 'papers:error_action_link' }, values);
			}
			return formFail(undefined, caught, values, { mapKey: paperErrorKey });
		}
		redirect(303, `/${locals.locale}/papers/${id}/edit?created=1`);
	}
};
