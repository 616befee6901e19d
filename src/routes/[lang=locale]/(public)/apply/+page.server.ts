import { fail, redirect } from '@sveltejs/kit';
import { applicationSchema } from '#lib/schemas/console';
import * as applications from '#lib/server/applications';
import { publicOrigin } from '#lib/server/authLinks';
import { parseForm } from '#lib/server/forms';
import * as throttle from '#lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	sent: url.searchParams.get('sent') === '1'
});

/** The echo of the form (bounded), so that a refused form keeps what was typed. */
function echo(form: FormData) {
	const text = (name: string, max: number) => String(form.get(name) ?? '').slice(0, max);
	return {
		organisation_name: text('organisation_name', 250),
		kind: text('kind', 20),
		country: text('country', 10),
		website: text('website', 550),
		languages: form
			.getAll('languages')
			.map((l) => String(l).slice(0, 5))
			.slice(0, 30),
		description: text('description', 5500),
		applicant_name: text('applicant_name', 150),
		email: text('email', 254),
		motivation: text('motivation', 5500),
		locale: text('locale', 5)
	};
}

export const actions: Actions = {
	default: async (event) => {
		const { request, url, locals } = event;
		const form = await request.formData();
		const values = echo(form);
		const parsed = parseForm(applicationSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });

		// Per client address and per applicant email, before anything is recorded.
		let verdict: throttle.ThrottleVerdict;
		try {
			verdict = await throttle.attempt('apply', {
				account: throttle.accountKey(parsed.data.email),
				address: throttle.clientAddressKey(event)
			});
		} catch (failure) {
			console.error('apply refused: the throttle cannot be asked', failure);
			return fail(503, { values, errors: { form: 'console:apply_unavailable' } });
		}
		if (!verdict.allowed) {
			event.setHeaders({ 'retry-after': String(verdict.retryAfterSeconds) });
			return fail(429, {
				values,
				errors: { form: 'errors:too_many_attempts' },
				retryMinutes: verdict.retryMinutes
			});
		}

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
