// What a notification says, in the reader's language: the ONE home of its label, its message
// and the link text when no title may be shown. The notifications page and the notification
// emails (src/lib/server/mail/notificationEmail.ts) both say it with these.
import type { Locale } from '#lib/i18n/config';
import type { HubT } from '#lib/i18n/context';
import { formatDate, formatEventMoment, formatLanguages, namesOf } from '#lib/i18n/format';
import type { NotificationView } from '#lib/server/notifications';
import { HOME_ZONE } from '#lib/homeZone';

/** An event's start in its own zone, with the zone's name. */
export function eventStart(value: string, locale: Locale, timeZone = HOME_ZONE): string {
	return formatEventMoment(value, timeZone, locale);
}

/** What happened, as a short label above the message (the email's subject line starts with it). */
export function notificationLabel(t: HubT, n: Pick<NotificationView, 'type'>): string {
	switch (n.type) {
		case 'registration_approved':
		case 'registration_waiting':
		case 'registration_promoted':
		case 'registration_declined':
			return t('notifications:label_registration');
		default:
			return t(`notifications:label_${n.type}`);
	}
}

/** The link's text when the reader may not (or no longer) read the item's title. */
export function notificationUntitled(t: HubT, n: NotificationView): string {
	if (n.type === 'member_joined') {
		return t('notifications:link_members', {
			organisation: n.organisation ?? t('notifications:your_organisation')
		});
	}
	if (n.type === 'application_submitted') return t('notifications:link_applications');
	if (n.type === 'review_deadline') return t('notifications:link_review_cycle');
	return n.kind ? t(`notifications:untitled_${n.kind}`) : t('notifications:untitled');
}

/** The message, from its type and facts, in the reader's language. */
export function notificationMessage(t: HubT, locale: Locale, n: NotificationView): string {
	const organisation = n.organisation ?? t('notifications:your_organisation');
	const counterpart = n.counterpart ?? t('notifications:an_organisation');
	const { facts } = n;
	const version = facts.version ?? 1;
	const language = facts.locale ? formatLanguages([facts.locale], locale) : '';
	switch (n.type) {
		case 'item_invited':
			if (!n.kind) break;
			return t(
				`notifications:invited_${facts.role === 'co_lead' ? 'co_lead' : 'participant'}_${n.kind}`,
				{ counterpart, organisation }
			);
		case 'item_invitation_answered':
			return t(
				facts.state === 'accepted'
					? 'notifications:answered_accepted'
					: 'notifications:answered_declined',
				{ counterpart }
			);
		case 'signature_requested': {
			const said = { counterpart, organisation, version };
			return facts.deadline
				? t('notifications:signature_requested_until', {
						...said,
						date: formatDate(facts.deadline, locale)
					})
				: t('notifications:signature_requested', said);
		}
		case 'signature_answered':
			return t(
				facts.state === 'signed'
					? 'notifications:signature_signed'
					: 'notifications:signature_declined',
				{ counterpart, version }
			);
		case 'signature_deadline':
			return t('notifications:signature_deadline', {
				organisation,
				version,
				date: facts.deadline ? formatDate(facts.deadline, locale) : ''
			});
		case 'registration_approved':
		case 'registration_waiting':
		case 'registration_promoted':
		case 'registration_declined':
		case 'event_cancelled':
			return t(`notifications:${n.type}`);
		case 'event_changed': {
			const date = facts.startsAt ? eventStart(facts.startsAt, locale, facts.timeZone) : '';
			if (facts.timeChanged && facts.placeChanged) {
				return t('notifications:event_changed_both', { date });
			}
			return facts.timeChanged
				? t('notifications:event_changed_time', { date })
				: t('notifications:event_changed_place');
		}
		case 'event_reminder':
			return t('notifications:event_reminder', {
				date: facts.startsAt ? eventStart(facts.startsAt, locale, facts.timeZone) : ''
			});
		case 'member_joined': {
			const role = facts.role === 'admin' || facts.role === 'editor' ? facts.role : 'member';
			return t(`notifications:member_joined_${role}`, {
				person: n.subject ?? t('notifications:someone'),
				organisation
			});
		}
		case 'application_submitted':
			return n.subject
				? t('notifications:application_submitted', { organisation: n.subject })
				: t('notifications:application_submitted_unnamed');
		case 'review_deadline':
			return t('notifications:review_deadline', {
				stage: t(`countries:stage_${facts.stageKind ?? 'other'}` as 'countries:stage_other'),
				country: facts.country
					? (namesOf(locale, 'region').of(facts.country) ?? facts.country)
					: '',
				date: facts.date ? formatDate(facts.date, locale, { dateStyle: 'long' }) : ''
			});
		case 'translation_requested': {
			const said = { counterpart, organisation, language };
			return facts.dueOn
				? t('notifications:translation_requested_due', {
						...said,
						date: formatDate(facts.dueOn, locale)
					})
				: t('notifications:translation_requested', said);
		}
		case 'translation_request_answered':
			return t(
				facts.state === 'accepted'
					? 'notifications:translation_accepted'
					: 'notifications:translation_declined',
				{ counterpart, language }
			);
		case 'translation_outdated': {
			const locales = facts.locales ?? [];
			if (!n.kind || locales.length === 0) break;
			return t(`notifications:translation_outdated_${n.kind}`, {
				count: locales.length,
				languages: formatLanguages(locales, locale)
			});
		}
	}
	return t('notifications:generic');
}

/** A type's name in the email preferences and unsubscribe texts (each registration outcome apart). */
export function notificationTypeName(t: HubT, type: NotificationView['type']): string {
	switch (type) {
		case 'registration_approved':
		case 'registration_waiting':
		case 'registration_promoted':
		case 'registration_declined':
			return t(`notifications:type_${type}`);
		default:
			return t(`notifications:label_${type}`);
	}
}
