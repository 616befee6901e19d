import { redirect } from '@sveltejs/kit';
import { actionFormSchema } from '#lib/schemas/jointActions';
import { requireUser } from '#lib/server/auth';
import { dbErrorKey } from '#lib/server/errors';
import { formFail, formValues, parseForm } from '#lib/server/forms';
import * as jointActions from '#lib/server/jointActions';
import * as memberships from '#lib/server/memberships';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { userId } = await parent();
	const organisations = await memberships.editableOrganisations(locals.supabase, userId);
	return { organisations };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser();
		const form = await request.formData();
		const parsed = parseForm(actionFormSchema, form);
		if (!parsed.success) return formFail(undefined, parsed.errors, parsed.values);
		const values = formValues(actionFormSchema, form);

		// A clear message for a tampered or stale organisation; RLS would refuse it anyway.
		const allowed = await memberships.editableOrganisations(locals.supabase, user.id);
		if (!allowed.some((o) => o.id === parsed.data.organisation_id)) {
			return formFail(
				undefined,
				{ organisation_id: 'validation:organisation_not_allowed' },
				values
			);
		}
		let id: string;
		try {
			id = await jointActions.create(locals.supabase, parsed.data);
		} catch (caught) {
			return formFail(undefined, caught, values, { mapKey: dbErrorKey });
		}
		redirect(303, `/${locals.locale}/actions/${id}`);
	}
};
