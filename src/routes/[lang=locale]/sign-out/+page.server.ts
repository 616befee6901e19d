import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; a GET (a prefetch, a crawler) only goes home.
export const load: PageServerLoad = ({ locals }) => redirect(303, `/${locals.locale}`);

export const actions: Actions = {
	default: async ({ locals }) => {
		// 'local' ends this browser's session only; the person's other devices stay signed in.
		await locals.supabase.auth.signOut({ scope: 'local' });
		redirect(303, `/${locals.locale}`);
	}
};
