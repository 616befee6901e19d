import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import { management } from '#lib/server/organisationAdmin';
import * as organisations from '#lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, locals.i18n.t('errors:not_found'));
	const organisation = await organisations.getBySlug(locals.supabase, slug.data);
	// Hidden by RLS and absent look the same: 404, never a hint that it exists.
	if (!organisation) error(404, locals.i18n.t('errors:not_found'));
	const members = locals.user ? await organisations.members(locals.supabase, organisation.id) : [];
	// Links to the admin pages for its admins and coordinators (the pages check again).
	const manage = locals.user ? await management(locals.supabase, locals.user.id, slug.data) : null;
	return { organisation, members, canManage: !!manage && (manage.isAdmin || manage.isCoordinator) };
};
