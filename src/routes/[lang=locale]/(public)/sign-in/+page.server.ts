import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '#lib/redirects';
import { emailOnlySchema, signInSchema } from '#lib/schemas/auth';
import { signInWithPassword } from '#lib/server/auth';
import { authErrorKey, authErrorStatus } from '#lib/server/errors';
import { throttledByEmail } from '#lib/server/authForms';
import { formValues, parseForm } from '#lib/server/forms';
import * as throttle from '#lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';

/**
 * A failed sign-in answers after at least this long. Auth answers an unknown address at once
 * and a known one after checking the password hash (0.1 s against 0.2–0.4 s here): without
 * this floor the timing would tell which addresses have an account.
 */
const FAILED_SIGN_IN_MS = 1000;

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	return {
		protected: url.searchParams.has('next') && url.searchParams.get('reason') === 'protected',
		next: url.searchParams.get('next')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const started = performance.now();
		const form = await request.formData();
		const values = formValues(emailOnlySchema, form); // never the password
		const parsed = parseForm(signInSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });

		// Throttled per account and per client address before Auth is asked at all; an
		// unknown address is counted exactly like a known one (the answer must not differ).
		const verdict = await throttledByEmail(event, 'sign_in', parsed.data.email, values);
		if (!verdict.allowed) return verdict.failure;

		const error = await signInWithPassword(parsed.data);
		if (error) {
			// Wrong credentials count; an Auth outage or Auth's own limit is not the person's try.
			if (authErrorKey(error) !== 'errors:invalid_credentials') {
				await throttle.forgive(verdict.attempt);
			}
			await throttle.atLeast(started, FAILED_SIGN_IN_MS);
			return fail(authErrorStatus(error), { values, errors: { form: authErrorKey(error) } });
		}
		// Signing in clears the account's failures, not the address's: an attacker who signs
		// in to their own account in between keeps their address's count. Not awaited: the
		// person need not wait for it (forgive never throws).
		void throttle.forgive(verdict.attempt, ['account']);
		redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	}
};
