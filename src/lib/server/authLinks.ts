// Auth's admin operations for the hub's own email flows, with the secret key
// (./secretClient.ts). The gateway refuses Auth's /otp, /magiclink, /recover, /resend and
// /signup to visitors (they mail on anyone's request and answer unknown addresses
// differently), so the hub's server makes each link with Auth's admin generate_link, sends
// the hub's own email (./mail/account.ts, ./mail/index.ts sendMail), and the link opens the
// hub's confirm page (src/routes/[lang=locale]/auth/confirm), which verifies on POST only.
//
// How Auth v2.189.0 treats each type (internal/api/mail.go adminGenerateLink, verify.go):
//   magiclink             unknown address → Auth turns it into a "signup" link and CREATES the
//                         account: generateLink refuses to ask for it without accountByEmail
//                         first (MagicLinkForUnknownAddressError). Sets the account's
//                         recovery token: a new sign-in link replaces an earlier sign-in or
//                         reset link (they share it). Verify the link with type 'magiclink'
//                         and the 6-digit code with { email, token, type: 'email' }.
//   recovery              unknown address → 404 user_not_found (never mails). Same recovery
//                         token as magiclink. Verify with type 'recovery'.
//   invite                unknown address → creates the account (unconfirmed, no password);
//                         an already confirmed account → 422 email_exists. Verify with 'invite'.
//   email_change_current  needs newEmail; sets email_change, resets the confirmation status
//   email_change_new      and replaces its own token only: generating one keeps the other's
//                         token (so generate both, current first). An address another account
//                         has → 422 email_exists. For email_change_new the answer's
//                         hashed_token is NOT the stored one: Auth answers sha224(current
//                         email + code) but stores sha224(new email + code), so generateLink
//                         computes it from the code. Both links verify with type 'email_change';
//                         the first answers "accepted, confirm the other" (no session), the
//                         second changes the email and signs in.
// Tokens expire after GOTRUE_MAILER_OTP_EXP (1 hour locally) and work once.
//
// Never log a hashed token, a code or a link: they sign people in.
import { createHash } from 'node:crypto';
import * as env from '$app/env/private';
import type { Locale } from '#lib/i18n/config';
import { secretClient } from './secretClient';

export type LinkType =
	'magiclink' | 'recovery' | 'invite' | 'email_change_current' | 'email_change_new';

/** What the confirm page verifies (supabase-js EmailOtpType), per link type. */
export type ConfirmType = 'magiclink' | 'recovery' | 'invite' | 'email_change' | 'signup' | 'email';

export const CONFIRM_TYPES: readonly ConfirmType[] = [
	'magiclink',
	'recovery',
	'invite',
	'email_change',
	'signup',
	'email'
];

export function isConfirmType(value: unknown): value is ConfirmType {
	return typeof value === 'string' && (CONFIRM_TYPES as readonly string[]).includes(value);
}

/** The confirm page's type for a generated link. */
export function confirmTypeOf(type: LinkType): ConfirmType {
	return type === 'email_change_current' || type === 'email_change_new' ? 'email_change' : type;
}

export interface GeneratedLink {
	/** For the confirm page (verifyOtp({ token_hash, type })). */
	hashedToken: string;
	/** The 6-digit code (verifyOtp({ email, token, type: 'email' }) for a magic link). */
	emailOtp: string;
	userId: string;
}

/** The secret key is missing: no email flow can run. */
export class AuthAdminUnavailableError extends Error {}

/** Auth refused or failed; `code` is Auth's error code (user_not_found, email_exists, …). */
export class AuthAdminError extends Error {
	constructor(
		message: string,
		readonly code: string | undefined,
		readonly status: number | undefined
	) {
		super(message);
	}
}

/** A magic link was asked for without looking the address up first (Auth would sign it up). */
export class MagicLinkForUnknownAddressError extends Error {}

function admin() {
	const client = secretClient();
	if (!client) {
		throw new AuthAdminUnavailableError(
			'SUPABASE_SECRET_KEY is not set: the hub cannot send sign-in, reset or invitation emails'
		);
	}
	return client;
}

export interface Account {
	userId: string;
	/** profiles.preferred_locale (null when the account has no profile). */
	preferredLocale: string | null;
}

/**
 * The account of an email address, or null (public.account_by_email, executable by
 * service_role only). Throws when the database cannot be asked.
 */
export async function accountByEmail(email: string): Promise<Account | null> {
	const { data, error } = await admin().rpc('account_by_email', { email }).maybeSingle();
	if (error) throw new AuthAdminError(`account_by_email: ${error.message}`, error.code, undefined);
	return data ? { userId: data.user_id, preferredLocale: data.preferred_locale } : null;
}

export type GenerateLinkRequest =
	| {
			type: 'magiclink';
			email: string;
			/** Proof that the address was looked up (accountByEmail): the link is for this account. */
			account: Account;
	  }
	| { type: 'recovery'; email: string }
	| { type: 'invite'; email: string; data?: Record<string, unknown> }
	| { type: 'email_change_current' | 'email_change_new'; email: string; newEmail: string };

/**
 * Makes a link of `type` with Auth's admin API (nothing is mailed by Auth). Throws
 * AuthAdminError with Auth's code when Auth refuses (user_not_found for a reset to an
 * unknown address, email_exists…), AuthAdminUnavailableError without the secret key.
 */
export async function generateLink(request: GenerateLinkRequest): Promise<GeneratedLink> {
	const client = admin();
	if (request.type === 'magiclink' && !request.account?.userId) {
		throw new MagicLinkForUnknownAddressError('look the address up with accountByEmail first');
	}
	const { data, error } =
		request.type === 'email_change_current' || request.type === 'email_change_new'
			? await client.auth.admin.generateLink({
					type: request.type,
					email: request.email,
					newEmail: request.newEmail
				})
			: request.type === 'invite'
				? await client.auth.admin.generateLink({
						type: 'invite',
						email: request.email,
						options: request.data ? { data: request.data } : undefined
					})
				: await client.auth.admin.generateLink({ type: request.type, email: request.email });
	if (error) throw new AuthAdminError(error.message, error.code, error.status);
	const { email_otp: emailOtp } = data.properties;
	const hashedToken =
		request.type === 'email_change_new'
			? tokenHash(request.newEmail, emailOtp)
			: data.properties.hashed_token;
	if (!hashedToken || !data.user?.id)
		throw new AuthAdminError('no token in the answer', undefined, 500);
	if (request.type === 'magiclink' && data.user.id !== request.account.userId) {
		// Should never happen: the address now belongs to another account than looked up.
		throw new AuthAdminError('the link is for another account than looked up', undefined, 409);
	}
	return { hashedToken, emailOtp, userId: data.user.id };
}

/** Auth's token hash of an address and a code (crypto.GenerateTokenHash: hex sha224). */
export function tokenHash(email: string, code: string): string {
	return createHash('sha224')
		.update(email.trim().toLowerCase() + code)
		.digest('hex');
}

/**
 * The hub's confirm page for a token, on the hub's public origin (ORIGIN in production, else
 * the request's): GET shows a button, POST verifies. `next` is where to go afterwards (an
 * internal path; the page checks it again with safeRedirectPath).
 */
export function confirmUrl(
	origin: string,
	locale: Locale,
	link: { hashedToken: string; type: ConfirmType; next?: string }
): string {
	const url = new URL(`/${locale}/auth/confirm`, origin);
	url.searchParams.set('token_hash', link.hashedToken);
	url.searchParams.set('type', link.type);
	if (link.next) url.searchParams.set('next', link.next);
	return url.href;
}

/** The hub's public origin for links in emails: ORIGIN when set (production), else the request's. */
export function publicOrigin(url: URL): string {
	return env.ORIGIN || url.origin;
}
