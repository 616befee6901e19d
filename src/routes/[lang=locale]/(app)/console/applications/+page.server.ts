import { fail } from '@sveltejs/kit';
import type { PostgrestError } from '@supabase/supabase-js';
import { declineSchema } from '$lib/schemas/console';
import * as applications from '$lib/server/applications';
import * as coordination from '$lib/server/coordination';
import { consoleErrorKey } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	await parent();
	return { applications: await coordination.applications(locals.supabase) };
};

export const actions: Actions = {
	/** Declines with a reason; the applicant is emailed in their language. */
	decline: async (event) => {
		await coordination.requireCoordinator(event);
		const { locals, request } = event;
		const form = await request.formData();
		const applicationId = String(form.get('application_id') ?? '').slice(0, 40);
		const values = { reason: String(form.get('reason') ?? '').slice(0, 2200) };
		const parsed = parseForm(declineSchema, form);
		if (!parsed.success) return fail(400, { applicationId, values, errors: parsed.errors });
		const application = await coordination.application(locals.supabase, applicationId);
		if (!application) {
			return fail(404, { applicationId, values, errors: { form: 'errors:not_found' } });
		}
		try {
			await coordination.decline(locals.supabase, applicationId, parsed.data.reason);
		} catch (failure) {
			const key = consoleErrorKey(failure as PostgrestError);
			if (key === 'errors:generic') console.error('[console] decline failed', failure);
			return fail(409, { applicationId, values, errors: { form: key } });
		}
		try {
			await applications.sendDeclined(application, parsed.data.reason, locals.locale);
		} catch (failure) {
			console.error('[console] the decline email could not be sent', failure);
			return { applicationId, declined: true, mailFailed: true };
		}
		return { applicationId, declined: true };
	}
};
