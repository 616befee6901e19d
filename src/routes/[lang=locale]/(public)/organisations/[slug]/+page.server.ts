import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import * as organisations from '#lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, locals.i18n.t('errors:not_found'));
	// Its profile and work (what it leads or takes part in, as far as the reader may see), and
	// for a signed-in reader its members and links to the admin pages for its admins and
	// coordinators (the pages check again): one request for everyone.
	const found = await organisations.getPage(locals.supabase, slug.data, locals.locale);
	// Hidden by RLS and absent look the same: 404, never a hint that it exists.
	if (!found) error(404, locals.i18n.t('errors:not_found'));
	return found;
};
