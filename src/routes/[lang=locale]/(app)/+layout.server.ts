import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Every page in (app) needs a verified user; others go to sign-in and come back. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) {
		const next = encodeURIComponent(url.pathname + url.search);
		redirect(303, `/${locals.locale}/sign-in?next=${next}&reason=protected`);
	}
	return { userId: locals.user.id };
};
