// The notification emails (issue 15): one notification at once, or a daily/weekly digest, as
// public.claim_notifications hands them to the dispatcher (./outbox.ts). Each says what the
// notifications page says (#lib/notificationText), in the recipient's language, with the item's
// title in that language when it exists, and ends with a one-click unsubscribe for its stream.
import type { Enums, Json } from '../../database.types';
import type { Locale } from '../../i18n/config';
import type { HubT } from '../../i18n/context';
import { formatEventRange } from '../../i18n/format';
import { createI18n } from '../../i18n/index';
import { resourcesFor } from '../../i18n/resources';
import {
	notificationLabel,
	notificationMessage,
	notificationUntitled,
	notificationTypeName
} from '../../notificationText';
import { toView, type NotificationRow, type NotificationView } from '../notificationView';
import { mailLocale } from './account';
import {
	buttonHtml,
	escapeHtml,
	htmlEmail,
	isRegistrationType,
	oneLine,
	renderFooter,
	renderRegistrationEmail,
	signatureHtml,
	signedText,
	type MailFooter,
	type RenderedEmail
} from './render';

/** One outbox email as claimed (public.claim_notifications). */
export interface ClaimedEmail {
	preferred_locale: string | null;
	display_name: string | null;
	digest: Enums<'email_frequency'> | null;
	items: Json;
	stream: string | null;
	unsubscribe_token: string | null;
}

/** A notification of an email, with its event's times when it is about an event it may read. */
interface EmailItem {
	view: NotificationView;
	itemId: string | null;
	event: { starts_at: string; ends_at: string; time_zone: string } | null;
}

/** The one-click unsubscribe page of a token, in the recipient's language (RFC 8058's https URI). */
export function unsubscribeUrl(origin: string, locale: Locale, token: string): string {
	return new URL(`/${locale}/unsubscribe/${token}`, origin).href;
}

function itemsOf(items: Json, locale: Locale): EmailItem[] {
	if (!Array.isArray(items)) return [];
	return items.flatMap((raw) => {
		if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
		const row = raw as unknown as NotificationRow & { event?: EmailItem['event'] };
		return [{ view: toView(row, locale), itemId: row.item_id ?? null, event: row.event ?? null }];
	});
}

const KIND_ORDER = ['joint_action', 'event', 'paper'] as const;

/**
 * The email of one claimed outbox row, or null when it has nothing to say (a digest whose
 * notifications were deleted since): subject, text and HTML, and its List-Unsubscribe URL.
 */
export function renderOutboxEmail(
	email: ClaimedEmail,
	origin: string
): (RenderedEmail & { unsubscribeUrl: string | null }) | null {
	const locale = mailLocale(email.preferred_locale, 'en');
	const t = createI18n(locale, resourcesFor(locale)).t as unknown as HubT;
	const items = itemsOf(email.items, locale);
	if (items.length === 0) return null;
	const link = (href: string) => new URL(href, origin).href;
	const unsubscribe = email.unsubscribe_token
		? unsubscribeUrl(origin, locale, email.unsubscribe_token)
		: null;
	const footer: MailFooter | undefined = unsubscribe
		? {
				reason: email.digest
					? t(`notifications:mail_why_digest_${email.digest === 'weekly' ? 'weekly' : 'daily'}`)
					: t('notifications:mail_why_type', {
							type: notificationTypeName(t, items[0]!.view.type)
						}),
				unsubscribe: { label: t('notifications:mail_unsubscribe'), url: unsubscribe },
				preferences: {
					label: t('notifications:mail_preferences'),
					url: link(`/${locale}/account#email-preferences-title`)
				}
			}
		: undefined;
	const name = oneLine(email.display_name ?? '');

	if (!email.digest) {
		const { view, event, itemId } = items[0]!;
		if (isRegistrationType(view.type) && event && itemId) {
			const rendered = renderRegistrationEmail(
				{
					kind: view.type,
					locale,
					displayName: name,
					eventId: itemId,
					titles: view.title ? { [view.title.locale]: view.title.text } : null,
					originalLocale: view.title?.locale ?? locale,
					startsAt: event.starts_at,
					endsAt: event.ends_at,
					timeZone: event.time_zone
				},
				origin,
				footer
			);
			return { ...rendered, unsubscribeUrl: unsubscribe };
		}
		const title = oneLine(view.title?.text ?? notificationUntitled(t, view));
		const subject = oneLine(
			t('notifications:mail_subject', { label: notificationLabel(t, view), title })
		);
		const paragraphs = [notificationMessage(t, locale, view)];
		if (event) {
			paragraphs.push(
				t('events:mail_when', {
					when: formatEventRange(event.starts_at, event.ends_at, event.time_zone, locale),
					zone: oneLine(event.time_zone)
				})
			);
		}
		return {
			...shell(t, locale, name, subject, {
				paragraphs,
				action: { label: t('notifications:mail_open'), url: link(view.href) },
				footer
			}),
			unsubscribeUrl: unsubscribe
		};
	}

	// A digest: grouped by organisation (the one the reader is notified for; "for you" first),
	// then by kind of item.
	const groups = new Map<string, EmailItem[]>();
	for (const item of items) {
		const key = item.view.organisation ?? '';
		groups.set(key, [...(groups.get(key) ?? []), item]);
	}
	const sections = [...groups.entries()]
		.sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, locale)))
		.map(([organisation, list]) => ({
			heading: organisation || t('notifications:mail_digest_personal'),
			kinds: [...KIND_ORDER, null]
				.map((kind) => ({
					heading: kind ? t(`notifications:mail_kind_${kind}`) : t('notifications:mail_kind_other'),
					entries: list
						.filter((item) => (item.view.kind ?? null) === kind)
						.map(({ view }) => {
							const label = notificationLabel(t, view);
							const title = oneLine(view.title?.text ?? notificationUntitled(t, view));
							return {
								label,
								title,
								line: oneLine(t('notifications:mail_subject', { label, title })),
								lang: view.title?.locale ?? locale,
								message: oneLine(notificationMessage(t, locale, view)),
								url: link(view.href)
							};
						})
				}))
				.filter((kind) => kind.entries.length > 0)
		}));
	const frequency = email.digest === 'weekly' ? 'weekly' : 'daily';
	const subject = oneLine(
		t(`notifications:mail_digest_subject_${frequency}`, { count: items.length })
	);
	return {
		...shell(t, locale, name, subject, {
			paragraphs: [t(`notifications:mail_digest_intro_${frequency}`)],
			sections,
			action: { label: t('notifications:mail_open_all'), url: link(`/${locale}/notifications`) },
			footer
		}),
		unsubscribeUrl: unsubscribe
	};
}

interface Section {
	heading: string;
	kinds: {
		heading: string;
		entries: {
			label: string;
			title: string;
			/** Label and title as one line of the text part (the language's own punctuation). */
			line: string;
			lang: string;
			message: string;
			url: string;
		}[];
	}[];
}

/** The email around its content: greeting, paragraphs, digest sections, button, signature, footer. */
function shell(
	t: HubT,
	locale: Locale,
	name: string,
	subject: string,
	content: {
		paragraphs: string[];
		sections?: Section[];
		action: { label: string; url: string };
		footer?: MailFooter;
	}
): RenderedEmail {
	const greeting = name ? t('auth:mail_greeting', { name }) : t('auth:mail_greeting_anonymous');
	const signature = t('auth:mail_signature');
	const paragraphs = content.paragraphs.map(oneLine);
	const sections = content.sections ?? [];
	const end = renderFooter(content.footer);
	const text = signedText(
		[
			greeting,
			'',
			...paragraphs.flatMap((p) => [p, '']),
			...sections.flatMap((section) => [
				`== ${oneLine(section.heading)} ==`,
				...section.kinds.flatMap((kind) => [
					`-- ${kind.heading} --`,
					...kind.entries.flatMap((e) => [`* ${e.line}`, `  ${e.message}`, `  ${e.url}`]),
					''
				])
			]),
			`${content.action.label}: ${content.action.url}`,
			''
		],
		signature,
		end.text
	);
	const html = htmlEmail(
		locale,
		`<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${sections
	.map(
		(
			section
		) => `<h2 style="font-size: 1.1rem; margin-block: 1.2rem 0.4rem">${escapeHtml(oneLine(section.heading))}</h2>
${section.kinds
	.map(
		(
			kind
		) => `<h3 style="font-size: 0.95rem; margin-block: 0.6rem 0.2rem; color: #444">${escapeHtml(kind.heading)}</h3>
<ul style="padding-inline-start: 1.2rem; margin: 0">
${kind.entries
	.map(
		(e) =>
			`<li style="margin-block-end: 0.5rem"><span style="color: #555">${escapeHtml(e.label)}:</span> <a href="${escapeHtml(e.url)}" lang="${escapeHtml(e.lang)}" dir="auto">${escapeHtml(e.title)}</a><br>${escapeHtml(e.message)}</li>`
	)
	.join('\n')}
</ul>`
	)
	.join('\n')}`
	)
	.join('\n')}
${buttonHtml(content.action.url, content.action.label)}
${signatureHtml(signature)}
${end.html}`,
		{ title: subject, maxWidth: '40rem' }
	);
	return { subject, text, html };
}
