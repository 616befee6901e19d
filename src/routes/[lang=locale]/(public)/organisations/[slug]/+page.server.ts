import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import * as organisations from '#lib/server/organisations';
import { titlesFor } from '#lib/server/listing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, locals.i18n.t('errors:not_found'));
	// Its profile and work, and for a signed-in reader its members and links to the admin
	// pages for its admins and coordinators (the pages check again): one request for everyone.
	const found = await organisations.getPage(locals.supabase, slug.data, locals.user !== null);
	// Hidden by RLS and absent look the same: 404, never a hint that it exists.
	if (!found) error(404, locals.i18n.t('errors:not_found'));
	const { organisation, members, canManage, work } = found;
	return {
		organisation,
		members,
		canManage,
		// What it leads or takes part in, as far as the reader may see (RLS decides).
		actions: titlesFor(work.actions.rows, locals.locale),
		moreActions: work.actions.more,
		events: titlesFor(work.events.rows, locals.locale),
		moreEvents: work.events.more,
		papers: titlesFor(work.papers.rows, locals.locale),
		morePapers: work.papers.more
	};
};
