import { error, redirect } from '@sveltejs/kit';
import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import type { JwtPayload, User, UserMetadata } from '@supabase/supabase-js';
import { getRequestEvent } from '$app/server';
import { signInPath } from '#lib/redirects';

/**
 * The signed-in person of a request, as their access token names them. The token's
 * signature and expiry were verified (hooks.server.ts, `getClaims()`: against Auth's public
 * signing key, without a round trip), so every field is what Auth wrote when it issued the
 * token: up to its lifetime (GOTRUE_JWT_EXP) old. What must be current (the pending email
 * change, a revoked session) comes from `requireFreshUser()`.
 */
export interface SessionUser {
	/** `sub`: the person's id in auth.users (and public.profiles). */
	id: string;
	email: string | null;
	/** What the hub keeps in Auth's user metadata: display_name, needs_password, locale. */
	user_metadata: UserMetadata;
	session_id: string | null;
}

/** The session user of verified claims, or null when they do not name a signed-in person. */
export function sessionUser(claims: JwtPayload | null | undefined): SessionUser | null {
	if (!claims || typeof claims.sub !== 'string' || !claims.sub) return null;
	// Only a person's session: the apikeys (anon, service_role) carry no sub and another role.
	if (claims.role !== 'authenticated') return null;
	return {
		id: claims.sub,
		email: typeof claims.email === 'string' ? claims.email : null,
		user_metadata: (claims.user_metadata ?? {}) as UserMetadata,
		session_id: typeof claims.session_id === 'string' ? claims.session_id : null
	};
}

/**
 * The signed-in person of this request, or a redirect to sign-in and back to this page.
 * Under `(app)` the auth guard (hooks.server.ts) has already sent visitors away, so there
 * it only names the user; on public pages it guards the sign-in-only form actions
 * (registering for an event, posting an update).
 */
export function requireUser(): SessionUser {
	const { locals, url } = getRequestEvent();
	if (!locals.user) redirect(303, signInPath(locals.locale, url.pathname));
	return locals.user;
}

/**
 * Auth's current view of the signed-in person (`getUser()`: one round trip), or null when
 * there is none. For what must not rest on a token that may have been revoked or outdated
 * since it was issued: changing the password or the email, deleting the account, the
 * console, managing an organisation's members, and what reads Auth's current state (the
 * pending email change, whether an invited person has a password yet). A session Auth no
 * longer knows is ended here too (its cookies go: otherwise the sign-in page would send the
 * still unexpired token straight back); an Auth that cannot be reached is a 503.
 */
export async function freshUser(): Promise<User | null> {
	const { locals } = getRequestEvent();
	if (!locals.user) return null;
	const { data, error: failure } = await locals.supabase.auth.getUser();
	if (!failure && data.user.id === locals.user.id) return data.user;
	if (isAuthRetryableFetchError(failure)) error(503, locals.i18n.t('errors:auth_unavailable'));
	await locals.supabase.auth.signOut({ scope: 'local' }).catch(() => undefined);
	locals.user = null;
	return null;
}

/** `requireUser()` checked with Auth itself (`freshUser()`), or a redirect to sign-in. */
export async function requireFreshUser(): Promise<User> {
	const user = await freshUser();
	if (user) return user;
	const { locals, url } = getRequestEvent();
	redirect(303, signInPath(locals.locale, url.pathname));
}
