// A notification as its reader sees it (the list page and the notification emails): where it
// leads, the item's title in the reader's language, the organisations' names, its facts. Pure:
// no request, no environment, so the email dispatcher (./mail) shares it with the page.
import type { Database, Json } from '#lib/database.types';
import { pickLocalised, type Localised } from '#lib/i18n/content';
import type { Locale } from '#lib/i18n/config';

export type NotificationType = Database['public']['Enums']['notification_type'];
type ItemKind = Database['public']['Enums']['item_kind'];

/** What a message says besides its linked rows (public.notifications.data), as far as it is known. */
export interface NotificationFacts {
	role?: string;
	state?: string;
	version?: number;
	deadline?: string;
	startsAt?: string;
	timeZone?: string;
	timeChanged?: boolean;
	placeChanged?: boolean;
	/** Outdated translations' languages. */
	locales?: string[];
	/** A review deadline: its cycle, the cycle's country, the stage's kind and date. */
	cycleId?: string;
	country?: string;
	stageKind?: string;
	date?: string;
	/** A translation request's language and due date. */
	locale?: string;
	dueOn?: string;
}

/** One notification as the list shows it, in the reader's language where content has one. */
export interface NotificationView {
	id: string;
	type: NotificationType;
	createdAt: string;
	unread: boolean;
	/** The item's kind when it is about an item the reader knows of. */
	kind: ItemKind | null;
	/** The item's title in the reader's language, else its original (`locale` for `lang`). */
	title: Localised | null;
	/** Where it leads: the item, the invitations inbox, the members or applications page. */
	href: string;
	/** The organisation the reader is notified for, and the other one (names in the reader's language). */
	organisation: string | null;
	counterpart: string | null;
	/** The new member's or the applying organisation's name. */
	subject: string | null;
	facts: NotificationFacts;
}

const SECTION: Record<ItemKind, string> = {
	joint_action: 'actions',
	event: 'events',
	paper: 'papers'
};

function asObject(value: Json | null | undefined): Record<string, Json | undefined> {
	return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

const text = (value: Json | undefined) => (typeof value === 'string' ? value : undefined);

/** An organisation's name in the reader's language (organisations.names), else its own. */
function organisationName(value: Json | null, locale: Locale): string | null {
	const organisation = asObject(value);
	return text(asObject(organisation.names ?? null)[locale]) || text(organisation.name) || null;
}

function facts(data: Json): NotificationFacts {
	const d = asObject(data);
	const flag = (value: Json | undefined) => (typeof value === 'boolean' ? value : undefined);
	return {
		role: text(d.role),
		state: text(d.state),
		version: typeof d.version === 'number' ? d.version : undefined,
		deadline: text(d.deadline),
		startsAt: text(d.starts_at),
		timeZone: text(d.time_zone),
		timeChanged: flag(d.time_changed),
		placeChanged: flag(d.place_changed),
		locales: Array.isArray(d.locales) ? d.locales.filter((l) => typeof l === 'string') : undefined,
		cycleId: text(d.cycle_id),
		country: text(d.country),
		stageKind: text(d.kind),
		date: text(d.date),
		locale: text(d.locale),
		dueOn: text(d.due_on)
	};
}

/** Where a notification leads the reader. */
function target(
	type: NotificationType,
	locale: Locale,
	itemId: string | null,
	kind: ItemKind | null,
	organisationSlug: string | undefined,
	review: Pick<NotificationFacts, 'cycleId' | 'country'> = {}
): string {
	// Requests that wait for an answer are answered in the inbox (the item may not be readable yet).
	if (
		type === 'item_invited' ||
		type === 'signature_requested' ||
		type === 'signature_deadline' ||
		type === 'translation_requested'
	) {
		return `/${locale}/invitations`;
	}
	if (type === 'member_joined' && organisationSlug) {
		return `/${locale}/organisations/${organisationSlug}/members`;
	}
	if (type === 'application_submitted') return `/${locale}/console/applications`;
	if (type === 'review_deadline' && review.cycleId && review.country) {
		return `/${locale}/countries/${review.country.toLowerCase()}/cycles/${review.cycleId}`;
	}
	if (itemId && kind) {
		// Translations are brought up to date, and asked for, on the edit page.
		const edit =
			type === 'translation_outdated' || type === 'translation_request_answered' ? '/edit' : '';
		return `/${locale}/${SECTION[kind]}/${itemId}${edit}`;
	}
	return `/${locale}/notifications`;
}

/** A notification as public.my_notifications returns it (and the email dispatcher's items). */
export type NotificationRow = Pick<
	Database['public']['Functions']['my_notifications']['Returns'][number],
	| 'id'
	| 'type'
	| 'created_at'
	| 'read_at'
	| 'data'
	| 'item_id'
	| 'item_kind'
	| 'original_locale'
	| 'titles'
	| 'organisation'
	| 'counterpart'
	| 'subject_name'
>;

/** One notification as the reader sees it, in their language where content has one. */
export function toView(row: NotificationRow, locale: Locale): NotificationView {
	const kind = row.item_kind ?? null;
	const slug = text(asObject(row.organisation).slug);
	const known = facts(row.data);
	return {
		id: row.id,
		type: row.type,
		createdAt: row.created_at,
		unread: row.read_at === null,
		kind,
		title: pickLocalised(row.titles, locale, row.original_locale ?? ''),
		href: target(row.type, locale, row.item_id ?? null, kind, slug, known),
		organisation: organisationName(row.organisation, locale),
		counterpart: organisationName(row.counterpart, locale),
		subject: row.subject_name ?? null,
		facts: known
	};
}
