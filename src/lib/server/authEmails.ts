// The hub's account emails that Auth would otherwise send itself: the sign-in link and code,
// the password reset link, and the two confirmations of an email change. Each makes its link
// with Auth's admin API (./authLinks.ts) and sends the hub's own email in the recipient's
// language (./mail/account.ts) right away (./mail/index.ts sendMail).
//
// Sign-in and reset answer the same whether or not the address has an account: these verbs
// return nothing about it, and an unknown address gets no email. Tokens, codes and links are
// never logged.
import type { Locale } from '#lib/i18n/config';
import {
	accountByEmail,
	AuthAdminError,
	confirmUrl,
	generateLink,
	type GeneratedLink
} from './authLinks';
import { mailLocale, renderEmail } from './mail/account';
import { sendMail } from './mail/index';

export interface EmailRequest {
	email: string;
	/** The page's language: the email's when the account has no preference. */
	locale: Locale;
	/** The hub's public origin for the link (authLinks.publicOrigin). */
	origin: string;
}

/**
 * Emails a sign-in link (to the confirm page, then `next`) and its 6-digit code to the
 * address, if it has an account; does nothing otherwise. Throws when Auth or SMTP fails for
 * an existing account (the caller logs it and still answers as if sent).
 */
export async function sendSignInEmail(request: EmailRequest & { next: string }): Promise<void> {
	const account = await accountByEmail(request.email);
	if (!account) return;
	const link = await generateLink({ type: 'magiclink', email: request.email, account });
	await sendLink(request, account.preferredLocale, 'sign_in', {
		hashedToken: link.hashedToken,
		type: 'magiclink',
		next: () => request.next,
		code: link.emailOtp
	});
}

/**
 * Emails a password reset link (to the confirm page, then the set-password page) to the
 * address, if it has an account; does nothing otherwise. Throws when Auth or SMTP fails.
 */
export async function sendRecoveryEmail(request: EmailRequest): Promise<void> {
	const account = await accountByEmail(request.email);
	if (!account) return;
	let link: GeneratedLink;
	try {
		link = await generateLink({ type: 'recovery', email: request.email });
	} catch (failure) {
		// Deleted between the look-up and now: as for any unknown address, no email.
		if (failure instanceof AuthAdminError && failure.code === 'user_not_found') return;
		throw failure;
	}
	await sendLink(request, account.preferredLocale, 'recovery', {
		hashedToken: link.hashedToken,
		type: 'recovery',
		next: (locale) => `/${locale}/auth/set-password`
	});
}

/**
 * Sends the sign-in (with its code) or reset email: its link leads to the confirm page, then
 * to `next`, in the account's language (else the page's).
 */
async function sendLink(
	request: EmailRequest,
	preferredLocale: string | null,
	mail: 'sign_in' | 'recovery',
	link: {
		hashedToken: string;
		type: 'magiclink' | 'recovery';
		next: (locale: Locale) => string;
		code?: string;
	}
) {
	const locale = mailLocale(preferredLocale, request.locale);
	const { hashedToken, type } = link;
	const url = confirmUrl(request.origin, locale, { hashedToken, type, next: link.next(locale) });
	await sendMail({
		to: request.email,
		...renderEmail(locale, {
			subject: `auth:mail_${mail}_subject`,
			paragraphs: [`auth:mail_${mail}_text`],
			action: { label: `auth:mail_${mail}_button`, url },
			...(link.code ? { code: { label: 'auth:mail_code_label', value: link.code } } : {}),
			after: ['auth:mail_ignore']
		})
	});
}

/** The new address belongs to another account (Auth's email_exists). */
export class EmailUnavailableError extends Error {}

/**
 * Starts a change of a signed-in person's email as Auth's secure email change does: a link
 * to the current address and one to the new address, both needed; until both are confirmed
 * the current address stays. Both emails are in the person's language. Throws
 * EmailUnavailableError when the new address has an account, else Auth's or SMTP's error.
 */
export async function startEmailChange(request: {
	current: string;
	next: string;
	name: string | null;
	preferredLocale: string | null;
	locale: Locale;
	origin: string;
}): Promise<void> {
	const locale = mailLocale(request.preferredLocale, request.locale);
	const links: GeneratedLink[] = [];
	// Current first: generating the new address's link keeps the current one's token.
	for (const type of ['email_change_current', 'email_change_new'] as const) {
		try {
			links.push(await generateLink({ type, email: request.current, newEmail: request.next }));
		} catch (failure) {
			if (failure instanceof AuthAdminError && failure.code === 'email_exists') {
				throw new EmailUnavailableError('the new address has an account');
			}
			throw failure;
		}
	}
	const values = { current: request.current, new: request.next };
	const after = `/${locale}/account?email=changed`;
	const mails = (['current', 'new'] as const).map((which, i) => ({
		to: which === 'current' ? request.current : request.next,
		...renderEmail(locale, {
			subject: `auth:mail_email_change_${which}_subject`,
			name: request.name,
			paragraphs: [[`auth:mail_email_change_${which}_text`, values]],
			action: {
				label: 'auth:mail_email_change_button',
				url: confirmUrl(request.origin, locale, {
					hashedToken: links[i]!.hashedToken,
					type: 'email_change',
					next: after
				})
			},
			after: ['auth:mail_ignore']
		})
	}));
	for (const mail of mails) await sendMail(mail);
}
