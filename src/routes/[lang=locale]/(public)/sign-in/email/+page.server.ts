// "Email me a sign-in link and a code": the sign-in page's second form posts here. The
// answer is the same page (the code page) whether or not the address has an account, after
// at least the same time; only an account's address gets the email.
import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '#lib/redirects';
import { emailOnlySchema } from '#lib/schemas/auth';
import { sendSignInEmail } from '#lib/server/authEmails';
import { throttledByEmail } from '#lib/server/authForms';
import { publicOrigin } from '#lib/server/authLinks';
import { formValues, parseForm } from '#lib/server/forms';
import * as throttle from '#lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';

/** Looking the address up, asking Auth and sending take time only for an account: pad to this. */
const ANSWER_MS = 1500;

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	return { next: url.searchParams.get('next') };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const started = performance.now();
		const form = await request.formData();
		const values = formValues(emailOnlySchema, form);
		const parsed = parseForm(emailOnlySchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		const { email } = parsed.data;

		// Every request counts, with or without an account (the limit tells nothing either).
		const verdict = await throttledByEmail(event, 'email_sign_in', email, values);
		if (!verdict.allowed) return verdict.failure;

		const next = safeRedirectPath(url.searchParams.get('next'), locals.locale);
		try {
			await sendSignInEmail({ email, locale: locals.locale, origin: publicOrigin(url), next });
		} catch (failure) {
			// Said the same way as a success: an error only an account can cause must not show.
			console.error(
				'email sign-in: the email could not be sent',
				failure instanceof Error ? failure.message : failure
			);
		}
		await throttle.atLeast(started, ANSWER_MS);
		const query = new URLSearchParams({ email, next });
		redirect(303, `/${locals.locale}/sign-in/code?${query.toString().replaceAll('+', '%20')}`);
	}
};
