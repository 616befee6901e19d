import { redirect } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';
import { getRequestEvent } from '$app/server';
import { signInPath } from '#lib/redirects';

/**
 * The signed-in person of this request, or a redirect to sign-in and back to this page.
 * Under `(app)` the auth guard (hooks.server.ts) has already sent visitors away, so there
 * it only names the user; on public pages it guards the sign-in-only form actions
 * (registering for an event, posting an update).
 */
export function requireUser(): User {
	const { locals, url } = getRequestEvent();
	if (!locals.user) redirect(303, signInPath(locals.locale, url.pathname));
	return locals.user;
}
