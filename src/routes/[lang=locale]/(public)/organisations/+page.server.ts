import { directoryFilterSchema } from '#lib/schemas/organisations';
import * as organisations from '#lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = directoryFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [list, facets] = await Promise.all([
		organisations.list(locals.supabase, filters),
		organisations.facets(locals.supabase)
	]);
	return { filters, organisations: list, facets };
};
