import { paperFilterSchema } from '#lib/schemas/papers';
import { listPage } from '#lib/server/listing';
import * as papers from '#lib/server/papers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { rows, ...page } = await listPage(
		locals,
		paperFilterSchema.parse(Object.fromEntries(url.searchParams)),
		papers.PAGE_SIZE,
		(filters) => papers.list(locals.supabase, filters)
	);
	return { ...page, papers: rows };
};
