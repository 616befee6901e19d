// The page every link in the hub's account emails opens (src/lib/server/authLinks.ts
// confirmUrl). A GET only shows what will happen and a button: mail scanners open links, and
// a token consumed on GET would be gone before the person clicks. The button POSTs; the
// action verifies the token with Auth (verifyOtp sets the session cookies) and goes on to
// `next`, an internal path only.
import { fail, redirect } from '@sveltejs/kit';
import type { Locale } from '#lib/i18n/config';
import { safeRedirectPath } from '#lib/redirects';
import { verifyLink } from '#lib/server/auth';
import { isConfirmType, type ConfirmType } from '#lib/server/authLinks';
import type { Actions, PageServerLoad } from './$types';

/** Auth's token hashes are hex sha224 (56 characters), possibly with a "pkce_" prefix. */
const TOKEN_HASH = /^(pkce_)?[0-9a-f]{56}$/;

/** How the page speaks of a type: an email sign-in, a reset, an invitation, an email change. */
export type ConfirmKind = 'magiclink' | 'recovery' | 'invite' | 'email_change';

function kindOf(type: ConfirmType): ConfirmKind {
	if (type === 'email' || type === 'magiclink') return 'magiclink';
	if (type === 'signup' || type === 'invite') return 'invite';
	return type;
}

/** Where to go after a verified link when the link names no `next`. */
function defaultNext(kind: ConfirmKind, locale: Locale): string {
	switch (kind) {
		case 'recovery':
		case 'invite':
			return `/${locale}/auth/set-password`;
		case 'email_change':
			return `/${locale}/account?email=changed`;
		default:
			return `/${locale}`;
	}
}

function readLink(url: URL) {
	const tokenHash = url.searchParams.get('token_hash') ?? '';
	const type = url.searchParams.get('type');
	if (!TOKEN_HASH.test(tokenHash) || !isConfirmType(type)) return null;
	return { tokenHash, type, kind: kindOf(type), next: url.searchParams.get('next') };
}

export const load: PageServerLoad = ({ url, setHeaders }) => {
	// The address holds a token: never cached, never sent on as a referrer.
	setHeaders({ 'cache-control': 'private, no-store' });
	const link = readLink(url);
	return { kind: link?.kind ?? null };
};

export const actions: Actions = {
	default: async ({ url, locals }) => {
		const link = readLink(url);
		if (!link) return fail(400, { outcome: 'invalid' as const });

		const { refused, session } = await verifyLink(link.tokenHash, link.type);
		// Expired, used, or never issued: Auth does not tell them apart.
		if (refused === 'invalid') return fail(400, { outcome: 'expired' as const });
		if (refused === 'rate_limited') return fail(429, { outcome: 'rate_limited' as const });
		if (refused) return fail(503, { outcome: 'unavailable' as const });
		// Secure email change: the first of the two addresses is confirmed, no session yet.
		if (link.kind === 'email_change' && !session) {
			return { outcome: 'email_change_first' as const };
		}
		const fallback = defaultNext(link.kind, locals.locale);
		redirect(303, link.next ? safeRedirectPath(link.next, locals.locale) : fallback);
	}
};
