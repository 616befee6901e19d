import { fail, redirect } from '@sveltejs/kit';
import { createOrganisationSchema } from '#lib/schemas/console';
import { publicOrigin } from '#lib/server/authLinks';
import * as coordination from '#lib/server/coordination';
import { consoleErrorKey } from '#lib/server/errors';
import { formValues, parseForm } from '#lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	await parent();
	return {};
};

export const actions: Actions = {
	/** Creates a section or partner (active) and invites its first admin; nothing stays if the invitation fails. */
	default: async (event) => {
		await coordination.requireCoordinator(event);
		const { locals, request, url } = event;
		const form = await request.formData();
		// What was typed (bounded by the schema), so that a refused form keeps it.
		const values = formValues(createOrganisationSchema, form);
		const parsed = parseForm(createOrganisationSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		const input = parsed.data;
		let organisationId: string;
		try {
			organisationId = await coordination.createOrganisation(locals.supabase, input);
		} catch (failure) {
			const key = consoleErrorKey(failure);
			if (key === 'errors:generic') console.error('[console] create failed', failure);
			return fail(key === 'errors:forbidden' ? 403 : 400, { values, errors: { form: key } });
		}
		const outcome = await coordination.inviteFirstAdmin(
			locals.supabase,
			organisationId,
			{ email: input.admin_email, locale: input.locale },
			publicOrigin(url)
		);
		if (!outcome.ok) {
			return fail(outcome.status, { values, errors: { form: 'console:invite_failed' } });
		}
		redirect(303, `/${locals.locale}/console?created=1`);
	}
};
