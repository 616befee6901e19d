import { actionFilterSchema } from '#lib/schemas/jointActions';
import * as items from '#lib/server/items';
import * as jointActions from '#lib/server/jointActions';
import * as organisations from '#lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const parsed = actionFilterSchema.parse(Object.fromEntries(url.searchParams));
	const named = parsed.org ? await organisations.filterByName(locals.supabase, parsed) : null;
	const filters = named ? { ...parsed, organisation: named.id } : parsed;
	const [result, facets, organisation, editable] = await Promise.all([
		jointActions.list(locals.supabase, filters),
		jointActions.facets(locals.supabase),
		named ?? organisations.filterByName(locals.supabase, filters),
		items.rights(locals.supabase, null, locals.user !== null)
	]);
	return {
		filters,
		actions: result.rows,
		hasMore: result.hasMore,
		pageSize: jointActions.PAGE_SIZE,
		countries: facets.countries,
		canCreate: editable.canCreate,
		organisation
	};
};
