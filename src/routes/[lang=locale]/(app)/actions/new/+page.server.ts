import { redirect } from '@sveltejs/kit';
import { actionFormSchema } from '#lib/schemas/jointActions';
import { requireUser } from '#lib/server/auth';
import { dbErrorKey } from '#lib/server/errors';
import * as items from '#lib/server/items';
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
		const created = await items.createFromForm(
			locals.supabase,
			requireUser().id,
			await request.formData(),
			{
				schema: actionFormSchema,
				create: (data) => jointActions.create(locals.supabase, data),
				mapKey: dbErrorKey
			}
		);
		if (typeof created !== 'string') return created;
		redirect(303, `/${locals.locale}/actions/${created}`);
	}
};
