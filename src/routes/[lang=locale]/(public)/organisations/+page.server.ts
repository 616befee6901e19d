import { directoryFilterSchema } from '#lib/schemas/organisations';
import * as organisations from '#lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = directoryFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [page, facets] = await Promise.all([
		organisations.directory(locals.supabase, filters),
		organisations.facets(locals.supabase)
	]);
	return {
		filters,
		organisations: page.rows,
		hasMore: page.hasMore,
		pageSize: organisations.DIRECTORY_PAGE_SIZE,
		facets
	};
};
