// The ONE home of in-app notifications (issue 15): the bell's number, the list page, marking
// read, and the reminders' timer. What the database decides
// (supabase/migrations/20261203000100_notifications.sql): which changes notify whom (triggers,
// in the transaction of the change), that a person reads and marks only their own (RLS through
// the CALLER's client), and every title and name a message shows (read under the reader's RLS
// by public.my_notifications). What this module adds: where each notification leads, and the
// item's title in the reader's language.
import * as env from '$app/env/private';
import type { Database, Json } from '#lib/database.types';
import { pickLocalised, type Localised } from '#lib/i18n/content';
import type { Locale } from '#lib/i18n/config';
import { secretClient } from './secretClient';
import type { Client } from './supabase';

export type NotificationType = Database['public']['Enums']['notification_type'];
type ItemKind = Database['public']['Enums']['item_kind'];

/** Notifications on a page of the list. */
export const PAGE_SIZE = 20;

/**
 * The number of the caller's unread notifications (counted up to 100), or null when it cannot
 * be read now: the bell then shows no number rather than failing the page.
 */
export async function unreadCount(supabase: Client): Promise<number | null> {
	const { data, error } = await supabase.rpc('unread_notification_count');
	if (error) {
		console.error('notifications: the unread count could not be read', error);
		return null;
	}
	return data;
}

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

/** One page of the caller's notifications, newest first (page 1 is the first). */
export async function page(
	supabase: Client,
	pageNumber: number,
	locale: Locale
): Promise<{ notifications: NotificationView[]; hasMore: boolean }> {
	// One row more than shown: whether a next page exists, without counting.
	const { data, error } = await supabase.rpc('my_notifications', {
		page_limit: PAGE_SIZE + 1,
		page_offset: (pageNumber - 1) * PAGE_SIZE
	});
	if (error) throw error;
	const rows = data ?? [];
	const notifications = rows.slice(0, PAGE_SIZE).map((row): NotificationView => {
		const kind = row.item_kind ?? null;
		const slug = text(asObject(row.organisation).slug);
		return {
			id: row.id,
			type: row.type,
			createdAt: row.created_at,
			unread: row.read_at === null,
			kind,
			title: pickLocalised(row.titles, locale, row.original_locale ?? ''),
			href: target(row.type, locale, row.item_id ?? null, kind, slug, facts(row.data)),
			organisation: organisationName(row.organisation, locale),
			counterpart: organisationName(row.counterpart, locale),
			subject: row.subject_name ?? null,
			facts: facts(row.data)
		};
	});
	return { notifications, hasMore: rows.length > PAGE_SIZE };
}

/** Marks the caller's notifications with these ids read, or all of them (null); how many were. */
export async function markRead(supabase: Client, ids: string[] | null): Promise<number> {
	const { data, error } = await supabase.rpc(
		'mark_notifications_read',
		ids === null ? {} : { ids }
	);
	if (error) throw error;
	return data;
}

/**
 * Writes the reminders that are due (event tomorrow, co-signature deadline in 3 days) with the
 * secret key; the database writes each once (private.create_due_reminders). Never throws: a
 * reminder that cannot be written now is written by the next run.
 */
export async function createDueReminders(): Promise<number | null> {
	const client = secretClient();
	if (!client) return null;
	const { data, error } = await client.rpc('create_due_reminders', {});
	if (error) {
		console.error('notifications: the reminders could not be written', error);
		return null;
	}
	return data;
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Writes the due reminders every REMINDER_INTERVAL_SECONDS (default 300; 0 turns the timer off). */
export function startReminderTimer(): void {
	const seconds = Number(env.REMINDER_INTERVAL_SECONDS || 300);
	if (timer || !Number.isFinite(seconds) || seconds <= 0) return;
	let running = false;
	timer = setInterval(() => {
		if (running) return;
		running = true;
		void createDueReminders().finally(() => {
			running = false;
		});
	}, seconds * 1000);
	// The timer never keeps the process alive on shutdown.
	timer.unref();
}
