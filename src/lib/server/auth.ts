import { error, redirect } from '@sveltejs/kit';
import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import type {
	AuthError,
	EmailOtpType,
	JwtPayload,
	User,
	UserMetadata
} from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { signInPath } from '#lib/redirects';
import type { Client } from './supabase';

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
 * Access tokens whose signature this process has verified, with the person they name. A
 * token is a signed, immutable string: verifying the same one again can only give the same
 * answer, and costs about a millisecond of CPU a request (WebCrypto import and ES256 verify).
 * Its expiry is still checked on every use; tokens checked by a round trip to Auth (legacy
 * HS256 secrets) are never kept, so that Auth keeps deciding each time. Bounded: the oldest
 * entry goes first.
 */
const verifiedTokens = new Map<string, { user: SessionUser; exp: number }>();
const VERIFIED_TOKENS_MAX = 1000;

/**
 * The person the session cookie's access token names, once its signature and expiry are
 * verified; null for anything else. getClaims() checks the ES256 signature against Auth's
 * public key (fetched once from /auth/v1/.well-known/jwks.json and cached), so a signed-in
 * page makes no round trip to Auth; an expired token is first refreshed through the cookies
 * (getSession). With a legacy HS256 secret (a token without a kid) it asks Auth (/user)
 * instead. getSession().user alone would trust the cookie. A token that cannot be verified
 * (tampered, another key, an unknown algorithm that WebCrypto refuses) is no user, never a 500.
 */
export async function verifiedUser(supabase: Client): Promise<SessionUser | null> {
	try {
		const { data: found } = await supabase.auth.getSession();
		const token = found.session?.access_token;
		if (!token) return null;
		const known = verifiedTokens.get(token);
		if (known) {
			if (known.exp * 1000 > Date.now()) return known.user;
			verifiedTokens.delete(token);
		}
		const { data, error } = await supabase.auth.getClaims(token);
		if (error || !data) return null;
		const user = sessionUser(data.claims);
		if (user && data.header.kid && !data.header.alg.startsWith('HS')) {
			if (verifiedTokens.size >= VERIFIED_TOKENS_MAX) {
				verifiedTokens.delete(verifiedTokens.keys().next().value!);
			}
			verifiedTokens.set(token, { user, exp: data.claims.exp });
		}
		return user;
	} catch {
		return null;
	}
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
	await signOut();
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

// The request's own session with Auth: its cookies are written by the request's client
// (hooks.server.ts), so these are the only places a route changes who is signed in.

/** Signs in by email and password; Auth's error (wrong credentials, outage, its limit) or null. */
export async function signInWithPassword(credentials: {
	email: string;
	password: string;
}): Promise<AuthError | null> {
	const { error } = await getRequestEvent().locals.supabase.auth.signInWithPassword(credentials);
	return error;
}

/**
 * Why a one-time code or an email link was not taken: `invalid` (wrong, expired, used or never
 * issued: Auth does not tell them apart, and they are the person's to fix by asking again),
 * Auth's rate limit, or Auth itself failing.
 */
export type VerifyRefusal = 'invalid' | 'rate_limited' | 'unavailable';

function verifyRefusal(error: AuthError): VerifyRefusal {
	if ([400, 403, 404, 422].includes(error.status ?? 0)) return 'invalid';
	if (error.status === 429) return 'rate_limited';
	console.error('auth: Auth could not verify a code or link', error.status, error.code);
	return 'unavailable';
}

/** Signs in with the 6-digit code of a sign-in email. */
export async function verifyCode(email: string, code: string) {
	const { supabase } = getRequestEvent().locals;
	const { error } = await supabase.auth.verifyOtp({ email, token: code, type: 'email' });
	return error ? { refused: verifyRefusal(error) } : { refused: null };
}

/**
 * Confirms an email link's token (sign-in, reset, invitation, email change), which signs the
 * person in; `session` is false after the first of an email change's two confirmations.
 */
export async function verifyLink(tokenHash: string, type: EmailOtpType) {
	const { supabase } = getRequestEvent().locals;
	const { data, error } = await supabase.auth.verifyOtp({ token_hash: tokenHash, type });
	return error
		? { refused: verifyRefusal(error), session: false }
		: { refused: null, session: data.session !== null };
}

/**
 * Sets the signed-in person's password (and, when given, Auth metadata with it). A refusal
 * by Auth's password rules is the person's to fix (400, with the password field's message
 * key); anything else is Auth failing (503, key null). Null when the password is set.
 */
export async function setPassword(
	password: string,
	metadata?: UserMetadata
): Promise<{ status: 400; key: string } | { status: 503; key: null } | null> {
	const { supabase } = getRequestEvent().locals;
	const { error } = await supabase.auth.updateUser(
		metadata ? { password, data: metadata } : { password }
	);
	if (!error) return null;
	// Auth's own rules: the same password again, or too weak (too short, …).
	const key =
		error.code === 'same_password'
			? 'auth:password_same'
			: error.code === 'weak_password' || error.code === 'validation_failed'
				? 'auth:password_weak'
				: null;
	if (key) return { status: 400, key };
	console.error('auth: Auth refused a new password', error.status, error.code);
	return { status: 503, key: null };
}

/**
 * Ends this browser's session ('local': the person's other devices stay signed in). With
 * `cookies`, the session's cookies go even if Auth cannot be asked (a deleted account).
 */
export async function signOut(cookies?: Cookies): Promise<void> {
	const { supabase } = getRequestEvent().locals;
	await supabase.auth.signOut({ scope: 'local' }).catch(() => undefined);
	for (const cookie of cookies?.getAll() ?? []) {
		if (cookie.name.startsWith('sb-')) cookies?.delete(cookie.name, { path: '/' });
	}
}
