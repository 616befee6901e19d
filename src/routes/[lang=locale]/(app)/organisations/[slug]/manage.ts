import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import { requireFreshUser, requireUser } from '#lib/server/auth';
import { management, type Management } from '#lib/server/organisationAdmin';

/**
 * The organisation of the page and what the signed-in caller may do there. Pages answer 404
 * for an organisation the caller cannot read and 403 for anyone who neither administers it
 * nor coordinates the network. The database refuses their writes anyway (RLS).
 */
export async function managed(
	event: Pick<RequestEvent, 'locals' | 'params'>,
	{ fresh = false } = {}
): Promise<Management & { userId: string }> {
	const { locals, params } = event;
	const user = fresh ? await requireFreshUser() : requireUser();
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, locals.i18n.t('errors:not_found'));
	const found = await management(locals.supabase, user.id, slug.data);
	if (!found) error(404, locals.i18n.t('errors:not_found'));
	if (!found.isAdmin && !found.isCoordinator) error(403, locals.i18n.t('errors:forbidden'));
	return { ...found, userId: user.id };
}

/**
 * For actions: the same check, as a form failure (403) instead of an error page. Changing an
 * organisation (its profile, members, invitations) first asks Auth whether the session still
 * stands (requireFreshUser).
 */
export async function managedForAction(event: Pick<RequestEvent, 'locals' | 'params'>) {
	try {
		return { ok: true as const, ...(await managed(event, { fresh: true })) };
	} catch {
		return {
			ok: false as const,
			failure: fail(403, { errors: { form: 'errors:forbidden' } as Record<string, string> })
		};
	}
}
