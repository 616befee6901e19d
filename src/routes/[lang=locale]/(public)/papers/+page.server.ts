import { paperFilterSchema } from '#lib/schemas/papers';
import * as items from '#lib/server/items';
import * as organisations from '#lib/server/organisations';
import * as papers from '#lib/server/papers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = paperFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [result, directory, editable] = await Promise.all([
		papers.list(locals.supabase, filters),
		organisations.list(locals.supabase, {}),
		items.rights(locals.supabase, null, locals.user !== null)
	]);
	return {
		filters,
		papers: result.rows,
		hasMore: result.hasMore,
		pageSize: papers.PAGE_SIZE,
		canCreate: editable.canCreate,
		organisations: directory.map(({ id, name }) => ({ id, name }))
	};
};
