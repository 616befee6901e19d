// The hub's own account emails (sign-in link and code, password reset, email change, and
// whatever other features add: invitations, applications…), rendered in the recipient's
// language from i18n keys. A feature describes its email as an EmailContent with keys of its
// own namespace and sends the result with sendMail (./index.ts):
//
//   const mail = renderEmail(locale, {
//     subject: ['organisations:mail_invite_subject', { organisation }],
//     name: displayName,
//     paragraphs: [['organisations:mail_invite_text', { organisation }]],
//     action: { label: 'organisations:mail_invite_button', url },
//     after: ['auth:mail_ignore']
//   });
//   await sendMail({ to: email, ...mail });
//
// Every value put into a text (names, titles, addresses) is made one line (oneLine), the
// subject too, and everything is escaped in the HTML part.
import { isLocale, type Locale } from '../../i18n/config';
import { createI18n } from '../../i18n/index';
import { resourcesFor } from '../../i18n/resources';
import {
	buttonHtml,
	escapeHtml,
	htmlEmail,
	oneLine,
	signatureHtml,
	signedText,
	type RenderedEmail
} from './render';

export type { RenderedEmail };

/** Values for a text's {{placeholders}}. */
export type TextValues = Record<string, string | number>;

/** An i18n key (namespace:key), with or without values for its placeholders. */
export type Text = string | readonly [key: string, values?: TextValues];

export interface EmailContent {
	subject: Text;
	/** The recipient's name for the greeting ("Hello Ana,"); without it, "Hello,". */
	name?: string | null;
	/** Paragraphs before the button. */
	paragraphs: readonly Text[];
	/** The button (a link in the text part). */
	action?: { label: Text; url: string };
	/** A code to type, shown large (e.g. the 6-digit sign-in code). */
	code?: { label: Text; value: string };
	/** Paragraphs after the button and the code (e.g. "if you did not ask for this…"). */
	after?: readonly Text[];
}

/** The locale to write to someone in: theirs when it is one of the hub's, else the fallback. */
export function mailLocale(preferred: string | null | undefined, fallback: Locale): Locale {
	return isLocale(preferred) ? preferred : fallback;
}

/** One email (subject, text and HTML parts) in `locale`. */
export function renderEmail(locale: Locale, content: EmailContent): RenderedEmail {
	const { t } = createI18n(locale, resourcesFor(locale));
	const say = (text: Text): string => {
		const [key, values] = typeof text === 'string' ? [text, undefined] : text;
		const safe: TextValues = {};
		for (const [name, value] of Object.entries(values ?? {})) {
			safe[name] = typeof value === 'string' ? oneLine(value) : value;
		}
		return t(key as 'auth:mail_signature', safe);
	};
	const name = content.name ? oneLine(content.name) : '';
	const greeting = name ? t('auth:mail_greeting', { name }) : t('auth:mail_greeting_anonymous');
	const subject = oneLine(say(content.subject));
	const paragraphs = content.paragraphs.map(say);
	const after = (content.after ?? []).map(say);
	const signature = t('auth:mail_signature');
	const action = content.action && { label: say(content.action.label), url: content.action.url };
	const code = content.code && { label: say(content.code.label), value: content.code.value };

	const text = signedText(
		[
			greeting,
			'',
			...paragraphs.flatMap((p) => [p, '']),
			...(action ? [`${action.label}: ${action.url}`, ''] : []),
			...(code ? [`${code.label} ${code.value}`, ''] : []),
			...after.flatMap((p) => [p, ''])
		],
		signature
	);

	// Right to left in Arabic (htmlEmail); the address and the code stay left to right.
	const html = htmlEmail(
		locale,
		`<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${
	action
		? `${buttonHtml(action.url, action.label)}
<p dir="ltr" style="color: #555; font-size: 0.9rem; word-break: break-all">${escapeHtml(action.url)}</p>`
		: ''
}
${
	code
		? `<p>${escapeHtml(code.label)}</p>
<p dir="ltr" style="font-size: 1.6rem; font-weight: 700; letter-spacing: 0.3rem; font-family: ui-monospace, monospace">${escapeHtml(code.value)}</p>`
		: ''
}
${after.map((p) => `<p style="color: #555">${escapeHtml(p)}</p>`).join('\n')}
${signatureHtml(signature)}`,
		{ title: subject, maxWidth: '36rem' }
	);
	return { subject, text, html };
}
