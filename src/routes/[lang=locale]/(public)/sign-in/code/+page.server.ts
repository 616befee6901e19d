// The page the email sign-in form leads to: "if an account uses this address, we sent a link
// and a code", and a form to type the 6-digit code. Wrong codes are throttled per address
// and per client (Auth's own limit is far higher than a 6-digit code can bear).
import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '#lib/redirects';
import { email as emailSchema, signInCodeSchema } from '#lib/schemas/auth';
import { verifyCode } from '#lib/server/auth';
import { throttledByEmail } from '#lib/server/authForms';
import { formValues, parseForm } from '#lib/server/forms';
import * as throttle from '#lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	// Shown in "we have sent…" only when it is an address: the query is anyone's to write.
	const email = emailSchema.safeParse(url.searchParams.get('email') ?? '');
	return {
		email: email.success ? email.data : '',
		next: url.searchParams.get('next')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const form = await request.formData();
		const values = formValues(signInCodeSchema, form);
		const parsed = parseForm(signInCodeSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		const { email, code } = parsed.data;

		const verdict = await throttledByEmail(event, 'email_code', email, values);
		if (!verdict.allowed) return verdict.failure;

		const { refused } = await verifyCode(email, code);
		if (refused === 'invalid') return fail(400, { values, errors: { code: 'auth:code_invalid' } });
		if (refused) {
			// Auth's limit or an outage is not the person's try.
			await throttle.forgive(verdict.attempt);
			return refused === 'rate_limited'
				? fail(429, { values, errors: { form: 'errors:rate_limited' } })
				: fail(503, { values, errors: { form: 'errors:auth_unavailable' } });
		}
		void throttle.forgive(verdict.attempt, ['account']);
		redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	}
};
