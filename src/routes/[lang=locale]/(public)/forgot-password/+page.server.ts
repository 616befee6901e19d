// Forgotten password: emails a reset link (the hub's own email, via Auth's admin API) to the
// address if it has an account, and answers the same after the same time either way. The
// link opens the confirm page, then the set-password page.
import { fail } from '@sveltejs/kit';
import { emailOnlySchema } from '#lib/schemas/auth';
import { sendRecoveryEmail } from '#lib/server/authEmails';
import { throttledByEmail } from '#lib/server/authForms';
import { publicOrigin } from '#lib/server/authLinks';
import { formValues, parseForm } from '#lib/server/forms';
import * as throttle from '#lib/server/throttle';
import type { Actions } from './$types';

/** Looking the address up, asking Auth and sending take time only for an account: pad to this. */
const ANSWER_MS = 1500;

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const started = performance.now();
		const form = await request.formData();
		const values = formValues(emailOnlySchema, form);
		const parsed = parseForm(emailOnlySchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		const { email } = parsed.data;

		const verdict = await throttledByEmail(event, 'password_reset', email, values);
		if (!verdict.allowed) return verdict.failure;

		try {
			await sendRecoveryEmail({ email, locale: locals.locale, origin: publicOrigin(url) });
		} catch (failure) {
			console.error(
				'password reset: the email could not be sent',
				failure instanceof Error ? failure.message : failure
			);
		}
		await throttle.atLeast(started, ANSWER_MS);
		return { sent: email };
	}
};
