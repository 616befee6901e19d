import { paperFormSchema } from '#lib/schemas/papers';
import { requireUser } from '#lib/server/auth';
import { paperErrorKey } from '#lib/server/errors';
import { createFromForm, newItemPage } from '#lib/server/itemForms';
import { editableOrganisations } from '#lib/server/memberships';
import * as papers from '#lib/server/papers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// Not from parent(): that would wait for every layout's load (the bell's count among them).
	const userId = requireUser().id;
	const organisations = await editableOrganisations(locals.supabase, userId);
	const actions = await papers.linkableActions(
		locals.supabase,
		organisations.map((o) => o.id),
		locals.locale
	);
	return { organisations, actions, ...newItemPage() };
};

export const actions: Actions = {
	default: (event) =>
		createFromForm(event, paperFormSchema, {
			create: papers.create,
			mapKey: paperErrorKey,
			// The linked action is checked by the database (one the caller can read).
			fieldError: (caught, data) =>
				data.joint_action_id && paperErrorKey(caught) === 'errors:forbidden'
					? { field: 'joint_action_id', key: 'papers:error_action_link' }
					: null,
			path: (id) => `papers/${id}/edit?created=1`
		})
};
