import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import * as organisations from '#lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, locals.i18n.t('errors:not_found'));
	// Its members, and links to the admin pages for its admins and coordinators (the pages
	// check again), come with the profile for a signed-in reader: one request for everyone.
	const found = locals.user
		? await organisations.getBySlugForReader(locals.supabase, slug.data)
		: await organisations
				.getBySlug(locals.supabase, slug.data)
				.then((organisation) => organisation && { organisation, members: [], canManage: false });
	// Hidden by RLS and absent look the same: 404, never a hint that it exists.
	if (!found) error(404, locals.i18n.t('errors:not_found'));
	const { organisation, members, canManage } = found;
	return { organisation, members, canManage };
};
