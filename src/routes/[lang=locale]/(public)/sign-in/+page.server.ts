import { fail, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/redirects';
import { signInSchema } from '$lib/schemas/auth';
import { authErrorKey, authErrorStatus } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	return {
		protected: url.searchParams.has('next') && url.searchParams.get('reason') === 'protected'
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '').slice(0, 254) };
		const parsed = parseForm(signInSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });

		const { error } = await locals.supabase.auth.signInWithPassword(parsed.data);
		if (error) {
			return fail(authErrorStatus(error), { values, errors: { form: authErrorKey(error) } });
		}
		redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	}
};
