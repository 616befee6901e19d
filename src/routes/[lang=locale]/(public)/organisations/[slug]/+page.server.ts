import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import * as organisations from '#lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, locals.i18n.t('errors:not_found'));
	const organisation = await organisations.getBySlug(locals.supabase, slug.data);
	// Hidden by RLS and absent look the same: 404, never a hint that it exists.
	if (!organisation) error(404, locals.i18n.t('errors:not_found'));
	// Its members, and links to the admin pages for its admins and coordinators (the pages
	// check again): one request for a signed-in reader, none for a visitor.
	const { members, canManage } = locals.user
		? await organisations.membersForReader(locals.supabase, organisation.id, locals.user.id)
		: { members: [], canManage: false };
	return { organisation, members, canManage };
};
