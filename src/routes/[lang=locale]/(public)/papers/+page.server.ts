import { paperFilterSchema } from '#lib/schemas/papers';
import { editableOrganisations } from '#lib/server/jointActions';
import * as organisations from '#lib/server/organisations';
import * as papers from '#lib/server/papers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = paperFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [result, directory, editable] = await Promise.all([
		papers.list(locals.supabase, filters),
		organisations.list(locals.supabase, {}),
		locals.user ? editableOrganisations(locals.supabase, locals.user.id) : Promise.resolve([])
	]);
	return {
		filters,
		papers: result.rows,
		total: result.total,
		pageSize: papers.PAGE_SIZE,
		canCreate: editable.length > 0,
		organisations: directory.map(({ id, name }) => ({ id, name }))
	};
};
