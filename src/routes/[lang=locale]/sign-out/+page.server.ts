import { redirect } from '@sveltejs/kit';
import { signOut } from '#lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; a GET (a prefetch, a crawler) only goes home.
export const load: PageServerLoad = ({ locals }) => redirect(303, `/${locals.locale}`);

export const actions: Actions = {
	default: async ({ locals }) => {
		await signOut();
		redirect(303, `/${locals.locale}`);
	}
};
