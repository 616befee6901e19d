// The page the email sign-in form leads to: "if an account uses this address, we sent a link
// and a code", and a form to type the 6-digit code. Wrong codes are throttled per address
// and per client (Auth's own limit is far higher than a 6-digit code can bear).
import { fail, redirect } from '@sveltejs/kit';
import { isAuthError } from '@supabase/supabase-js';
import { safeRedirectPath } from '#lib/redirects';
import { signInCodeSchema } from '#lib/schemas/auth';
import { throttled } from '#lib/server/authForms';
import { parseForm } from '#lib/server/forms';
import * as throttle from '#lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	return {
		email: (url.searchParams.get('email') ?? '').slice(0, 254),
		next: url.searchParams.get('next')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const form = await request.formData();
		const values = {
			email: String(form.get('email') ?? '').slice(0, 254),
			code: String(form.get('code') ?? '').slice(0, 20)
		};
		const parsed = parseForm(signInCodeSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		const { email, code } = parsed.data;

		const verdict = await throttled(
			event,
			'email_code',
			{ account: throttle.accountKey(email), address: throttle.clientAddressKey(event) },
			values
		);
		if (!verdict.allowed) return verdict.failure;

		const { error } = await locals.supabase.auth.verifyOtp({ email, token: code, type: 'email' });
		if (error) {
			if (isAuthError(error) && [400, 403, 404, 422].includes(error.status ?? 0)) {
				return fail(400, { values, errors: { code: 'auth:code_invalid' } });
			}
			await throttle.forgive(verdict.attempt);
			if (isAuthError(error) && error.status === 429) {
				return fail(429, { values, errors: { form: 'errors:rate_limited' } });
			}
			console.error('sign-in code: Auth could not verify', error.status, error.code);
			return fail(503, { values, errors: { form: 'errors:auth_unavailable' } });
		}
		void throttle.forgive(verdict.attempt, ['account']);
		redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	}
};
