import { actionFilterSchema } from '#lib/schemas/jointActions';
import { paperFilterSchema } from '#lib/schemas/papers';
import * as jointActions from '#lib/server/jointActions';
import * as papers from '#lib/server/papers';
import { titlesFor } from '#lib/i18n/content';
import type { PageServerLoad } from './$types';

/**
 * A UNCRC article: its number, our short title, and the joint actions and papers tagged with
 * it that the reader may see (the lists' own queries with their article filter; events carry
 * no articles), each with the text its reader is shown.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const article = Number(params.n);
	const [actions, articlePapers] = await Promise.all([
		jointActions.list(locals.supabase, actionFilterSchema.parse({ article })),
		papers.list(locals.supabase, paperFilterSchema.parse({ article }))
	]);
	return {
		article,
		actions: titlesFor(actions.rows, locals.locale),
		moreActions: actions.hasMore,
		papers: titlesFor(articlePapers.rows, locals.locale),
		morePapers: articlePapers.hasMore
	};
};
