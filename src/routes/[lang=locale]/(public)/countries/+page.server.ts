import * as reviewCycles from '#lib/server/reviewCycles';
import type { PageServerLoad } from './$types';

/** Every country the network works in or about, with what the reader may see there. */
export const load: PageServerLoad = async ({ locals }) => {
	return { countries: await reviewCycles.overview(locals.supabase) };
};
