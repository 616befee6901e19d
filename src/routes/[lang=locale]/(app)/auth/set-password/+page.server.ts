// Choosing a new password after a reset (or an invitation) link: the confirm page signed the
// person in with the email's token, and here they choose a password without giving the
// current one, which is allowed only within SET_PASSWORD_WINDOW of that email sign-in
// (otherwise anyone at an unattended signed-in browser could change it; the account page
// asks for the current password instead).
import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '#lib/redirects';
import { newPasswordSchema } from '#lib/schemas/auth';
import { signedInByEmailWithin } from '#lib/server/authForms';
import { setPassword } from '#lib/server/auth';
import { parseForm } from '#lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const SET_PASSWORD_WINDOW_SECONDS = 30 * 60;

export const load: PageServerLoad = async ({ locals }) => ({
	allowed: await signedInByEmailWithin(locals.supabase, SET_PASSWORD_WINDOW_SECONDS)
});

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		if (!(await signedInByEmailWithin(locals.supabase, SET_PASSWORD_WINDOW_SECONDS))) {
			return fail(403, { errors: { form: 'auth:set_password_expired' } });
		}
		const parsed = parseForm(newPasswordSchema, await request.formData());
		if (!parsed.success) return fail(400, { errors: parsed.errors });

		const refused = await setPassword(parsed.data.password);
		if (refused?.key) return fail(400, { errors: { password: refused.key } });
		if (refused) return fail(503, { errors: { form: 'errors:auth_unavailable' } });
		const next = url.searchParams.get('next');
		redirect(
			303,
			next ? safeRedirectPath(next, locals.locale) : `/${locals.locale}/account?password=set`
		);
	}
};
