import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The home page is for visitors: a signed-in person's home is their dashboard. */
export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/dashboard`);
};
