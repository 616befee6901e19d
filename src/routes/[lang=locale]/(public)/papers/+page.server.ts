import { paperFilterSchema } from '#lib/schemas/papers';
import * as items from '#lib/server/items';
import * as organisations from '#lib/server/organisations';
import * as papers from '#lib/server/papers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const parsed = paperFilterSchema.parse(Object.fromEntries(url.searchParams));
	const named = parsed.org ? await organisations.filterByName(locals.supabase, parsed) : null;
	const filters = named ? { ...parsed, organisation: named.id } : parsed;
	const [result, organisation, editable] = await Promise.all([
		papers.list(locals.supabase, filters),
		named ?? organisations.filterByName(locals.supabase, filters),
		items.rights(locals.supabase, null, locals.user !== null)
	]);
	return {
		filters,
		papers: result.rows,
		hasMore: result.hasMore,
		pageSize: papers.PAGE_SIZE,
		canCreate: editable.canCreate,
		organisation
	};
};
