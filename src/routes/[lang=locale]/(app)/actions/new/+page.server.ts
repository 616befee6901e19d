import { actionFormSchema } from '#lib/schemas/jointActions';
import { requireUser } from '#lib/server/auth';
import { dbErrorKey } from '#lib/server/errors';
import { createFromForm, newItemPage } from '#lib/server/itemForms';
import * as jointActions from '#lib/server/jointActions';
import * as memberships from '#lib/server/memberships';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// Not from parent(): that would wait for every layout's load (the bell's count among them).
	const userId = requireUser().id;
	const organisations = await memberships.editableOrganisations(locals.supabase, userId);
	return { organisations, ...newItemPage() };
};

export const actions: Actions = {
	default: (event) =>
		createFromForm(event, actionFormSchema, {
			create: jointActions.create,
			mapKey: dbErrorKey,
			path: (id) => `actions/${id}`
		})
};
