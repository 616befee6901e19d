import { fail, redirect } from '@sveltejs/kit';
import { applicationSchema } from '#lib/schemas/console';
import * as applications from '#lib/server/applications';
import { publicOrigin } from '#lib/server/authLinks';
import { throttledByEmail } from '#lib/server/authForms';
import { formValues, parseForm } from '#lib/server/forms';
import * as throttle from '#lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	sent: url.searchParams.get('sent') === '1'
});

export const actions: Actions = {
	default: async (event) => {
		const { request, url, locals } = event;
		const form = await request.formData();
		// What was typed (bounded by the schema), so that a refused form keeps it.
		const values = formValues(applicationSchema, form);
		const parsed = parseForm(applicationSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });

		// Per client address and per applicant email, before anything is recorded.
		const verdict = await throttledByEmail(
			event,
			'apply',
			parsed.data.email,
			values,
			'console:apply_unavailable'
		);
		if (!verdict.allowed) return verdict.failure;

		try {
			await applications.submit(parsed.data);
		} catch (failure) {
			// 22023: this address already has 3 open applications. The answer is the same as for
			// a recorded one (nothing tells whether an address is known to the hub).
			const code = (failure as { code?: string }).code;
			if (code !== '22023') {
				console.error('apply: the application could not be recorded', failure);
				await throttle.forgive(verdict.attempt);
				return fail(503, { values, errors: { form: 'console:apply_unavailable' } });
			}
			redirect(303, `/${locals.locale}/apply?sent=1`);
		}
		await applications.notifyCoordinators(parsed.data, publicOrigin(url));
		redirect(303, `/${locals.locale}/apply?sent=1`);
	}
};
