import { actionFilterSchema } from '#lib/schemas/jointActions';
import * as items from '#lib/server/items';
import * as jointActions from '#lib/server/jointActions';
import * as organisations from '#lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = actionFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [result, facets, directory, editable] = await Promise.all([
		jointActions.list(locals.supabase, filters),
		jointActions.facets(locals.supabase, locals.user?.id ?? null),
		organisations.list(locals.supabase, {}),
		items.rights(locals.supabase, null, locals.user !== null)
	]);
	return {
		filters,
		actions: result.rows,
		hasMore: result.hasMore,
		pageSize: jointActions.PAGE_SIZE,
		countries: facets.countries,
		canCreate: editable.canCreate,
		organisations: directory.map(({ id, name }) => ({ id, name }))
	};
};
