import { actionFilterSchema } from '#lib/schemas/jointActions';
import * as jointActions from '#lib/server/jointActions';
import { listPage } from '#lib/server/listing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const [{ rows, ...page }, facets] = await Promise.all([
		listPage(
			locals,
			actionFilterSchema.parse(Object.fromEntries(url.searchParams)),
			jointActions.PAGE_SIZE,
			(filters) => jointActions.list(locals.supabase, filters)
		),
		jointActions.facets(locals.supabase)
	]);
	return { ...page, actions: rows, countries: facets.countries };
};
