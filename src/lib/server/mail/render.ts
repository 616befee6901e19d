import type { Enums, Json } from '../../database.types';
import { directionOf, isLocale, type Locale } from '../../i18n/config';
import { pickLocalised } from '../../i18n/content';
import { formatEventRange } from '../../i18n/format';
import { createI18n } from '../../i18n/index';
import { resourcesFor } from '../../i18n/resources';

/** The notification types a registration email says (the registrant's own). */
export type RegistrationType = Extract<
	Enums<'notification_type'>,
	| 'registration_promoted'
	| 'registration_approved'
	| 'registration_waiting'
	| 'registration_declined'
>;

/** What a registration email says, from an outbox row (public.claim_notifications). */
export interface RegistrationNotice {
	kind: RegistrationType;
	/** The recipient's preferred language (profiles.preferred_locale). */
	locale: string;
	displayName: string;
	eventId: string;
	titles: Json | null;
	originalLocale: string;
	startsAt: string;
	endsAt: string;
	timeZone: string;
}

export interface RenderedEmail {
	subject: string;
	text: string;
	html: string;
}

const KEYS = {
	registration_promoted: {
		subject: 'events:mail_promoted_subject',
		body: 'events:mail_promoted_text'
	},
	registration_approved: {
		subject: 'events:mail_approved_subject',
		body: 'events:mail_approved_text'
	},
	registration_waiting: {
		subject: 'events:mail_approved_waiting_subject',
		body: 'events:mail_approved_waiting_text'
	},
	registration_declined: {
		subject: 'events:mail_declined_subject',
		body: 'events:mail_declined_text'
	}
} as const satisfies Record<RegistrationType, { subject: string; body: string }>;

/** Is this notification type said by a registration email? */
export function isRegistrationType(type: Enums<'notification_type'>): type is RegistrationType {
	return type in KEYS;
}

/** The end of every notification email: why it came, how to stop it in one click, preferences. */
export interface MailFooter {
	/** Why this email came (already in the recipient's language). */
	reason: string;
	unsubscribe: { label: string; url: string };
	preferences: { label: string; url: string };
}

/** The footer as text lines and as HTML. */
export function renderFooter(footer: MailFooter | undefined): { text: string[]; html: string } {
	if (!footer) return { text: [], html: '' };
	const reason = oneLine(footer.reason);
	return {
		text: [
			'',
			reason,
			`${footer.unsubscribe.label}: ${footer.unsubscribe.url}`,
			`${footer.preferences.label}: ${footer.preferences.url}`
		],
		html: `<hr style="border: 0; border-block-start: 1px solid #ddd">
<p style="color: #555; font-size: 0.85rem">${escapeHtml(reason)}<br>
<a href="${escapeHtml(footer.unsubscribe.url)}">${escapeHtml(footer.unsubscribe.label)}</a> · <a href="${escapeHtml(footer.preferences.url)}">${escapeHtml(footer.preferences.label)}</a></p>`
	};
}

/**
 * The HTML part around its body: the language and direction on the body too (some mail clients
 * drop the <html> element), a title in the head when given, and the reading width.
 */
export function htmlEmail(
	locale: Locale,
	body: string,
	{ title, maxWidth }: { title?: string; maxWidth?: string } = {}
): string {
	const dir = directionOf(locale);
	const head =
		title === undefined
			? ''
			: `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n`;
	const width = maxWidth ? `; max-width: ${maxWidth}` : '';
	return `<!doctype html>
<html lang="${locale}" dir="${dir}">
${head}<body dir="${dir}" style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a${width}">
${body}
</body>
</html>`;
}

/** The text part: its lines, then the signature and the footer's lines. */
export const signedText = (lines: string[], signature: string, footer: string[] = []) =>
	[...lines, '—', signature, ...footer].join('\n');

/** An email's main link, drawn as a button. */
export const buttonHtml = (url: string, label: string) =>
	`<p><a href="${escapeHtml(url)}" style="display: inline-block; padding: 0.6rem 1.2rem; background: #0b5394; color: #ffffff; border-radius: 4px; text-decoration: none">${escapeHtml(label)}</a></p>`;

/** The hub's signature under an email ("— The DCI Network Hub"). */
export const signatureHtml = (signature: string) =>
	`<p style="color: #555">— ${escapeHtml(signature)}</p>`;

export const escapeHtml = (value: string) =>
	value.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/**
 * A database text as one line of an email: line breaks and every other control character
 * become a space, so a title or a name can neither add a header to the subject (CR/LF)
 * nor garble the text part.
 */
export function oneLine(value: string): string {
	return value
		.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
		.replace(/ {2,}/g, ' ')
		.trim();
}

/** The event page in the recipient's language, on the hub's public origin. */
export function eventUrl(origin: string, locale: Locale, eventId: string): string {
	return new URL(`/${locale}/events/${eventId}`, origin).href;
}

/**
 * A short email in the recipient's language: the event's title in that language when it
 * has one (else its original), its times in the event's own zone, and a link to its page.
 */
export function renderRegistrationEmail(
	notice: RegistrationNotice,
	origin: string,
	footer?: MailFooter
): RenderedEmail {
	const locale: Locale = isLocale(notice.locale) ? notice.locale : 'en';
	const { t } = createI18n(locale, resourcesFor(locale));
	const title = oneLine(pickLocalised(notice.titles, locale, notice.originalLocale)?.text ?? '');
	const name = oneLine(notice.displayName);
	const zone = oneLine(notice.timeZone);
	const when = formatEventRange(notice.startsAt, notice.endsAt, notice.timeZone, locale);
	const url = eventUrl(origin, locale, notice.eventId);
	const keys = KEYS[notice.kind];

	const subject = t(keys.subject, { title });
	const greeting = t('events:mail_greeting', { name });
	const body = t(keys.body, { title });
	const whenLine = t('events:mail_when', { when, zone });
	const signature = t('events:mail_signature');
	const end = renderFooter(footer);

	const text = signedText(
		[greeting, '', body, '', whenLine, '', `${t('events:mail_link')} ${url}`, ''],
		signature,
		end.text
	);
	const html = htmlEmail(
		locale,
		`<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(body)}</p>
<p>${escapeHtml(whenLine)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(t('events:mail_link'))}</a></p>
${signatureHtml(signature)}
${end.html}`
	);
	return { subject, text, html };
}
