import { fail } from '@sveltejs/kit';
import { isLocale } from '#lib/i18n/config';
import { approveSchema, declineSchema } from '#lib/schemas/console';
import * as applications from '#lib/server/applications';
import { publicOrigin } from '#lib/server/authLinks';
import * as coordination from '#lib/server/coordination';
import { consoleErrorKey } from '#lib/server/errors';
import { parseForm } from '#lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	await parent();
	return { applications: await coordination.applications(locals.supabase) };
};

export const actions: Actions = {
	/**
	 * Approves: the organisation is created (active) and the applicant invited as its admin in
	 * their language. A failed invitation leaves the application pending and no organisation.
	 */
	approve: async (event) => {
		await coordination.requireCoordinator(event);
		const { locals, request, url } = event;
		const form = await request.formData();
		const parsed = parseForm(approveSchema, form);
		if (!parsed.success) return fail(400, { errors: { form: 'validation:invalid' } });
		const applicationId = parsed.data.application_id;
		const application = await coordination.application(locals.supabase, applicationId);
		if (!application) return fail(404, { applicationId, errors: { form: 'errors:not_found' } });
		let organisationId: string;
		try {
			organisationId = await coordination.approve(locals.supabase, applicationId);
		} catch (failure) {
			const key = consoleErrorKey(failure);
			if (key === 'errors:generic') console.error('[console] approve failed', failure);
			return fail(409, { applicationId, errors: { form: key } });
		}
		const outcome = await coordination.inviteFirstAdmin(
			locals.supabase,
			organisationId,
			{
				email: application.email,
				locale: isLocale(application.locale) ? application.locale : locals.locale
			},
			publicOrigin(url)
		);
		if (!outcome.ok) {
			return fail(outcome.status, {
				applicationId,
				errors: { form: 'console:invite_failed', detail: outcome.key }
			});
		}
		return { applicationId, approved: true };
	},

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
			const key = consoleErrorKey(failure);
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
