// "Email me a sign-in link and a code": the sign-in page's second form posts here. The
// answer is the same page (the code page) whether or not the address has an account, after
// at least the same time; only an account's address gets the email.
import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '#lib/redirects';
import { sendSignInEmail } from '#lib/server/authEmails';
import { sendToAccount } from '#lib/server/authForms';
import { publicOrigin } from '#lib/server/authLinks';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('next'), locals.locale));
	return { next: url.searchParams.get('next') };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, url } = event;
		const next = safeRedirectPath(url.searchParams.get('next'), locals.locale);
		const outcome = await sendToAccount(event, 'email_sign_in', (email) =>
			sendSignInEmail({ email, locale: locals.locale, origin: publicOrigin(url), next })
		);
		if (!outcome.sent) return outcome.failure;
		const query = new URLSearchParams({ email: outcome.email, next });
		redirect(303, `/${locals.locale}/sign-in/code?${query.toString().replaceAll('+', '%20')}`);
	}
};
