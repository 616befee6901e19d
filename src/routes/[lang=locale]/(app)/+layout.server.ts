import { redirect } from '@sveltejs/kit';
import { signInPath } from '#lib/redirects';
import type { LayoutServerLoad } from './$types';

/** Every page in (app) needs a verified user; others go to sign-in and come back. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) {
		redirect(303, signInPath(locals.locale, url.pathname + url.search, 'protected'));
	}
	return { userId: locals.user.id };
};
