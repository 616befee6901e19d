// The ONE home of in-app notifications (issue 15): the bell's number, the list page, marking
// read, and the reminders' timer. What the database decides
// (supabase/migrations/20261203000100_notifications.sql): which changes notify whom (triggers,
// in the transaction of the change), that a person reads and marks only their own (RLS through
// the CALLER's client), and every title and name a message shows (read under the reader's RLS
// by public.my_notifications). What this module adds: where each notification leads, and the
// item's title in the reader's language.
import * as env from '$app/env/private';
import type { Locale } from '#lib/i18n/config';
import { repeat } from './periodic';
import { secretClient } from './secretClient';
import type { Client } from './supabase';

/** Notifications on a page of the list. */
export const PAGE_SIZE = 20;

export {
	toView,
	type NotificationFacts,
	type NotificationRow,
	type NotificationType,
	type NotificationView
} from './notificationView';
import { toView, type NotificationView } from './notificationView';

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
	const notifications = rows.slice(0, PAGE_SIZE).map((row) => toView(row, locale));
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
	timer ??= repeat(createDueReminders, Number(env.REMINDER_INTERVAL_SECONDS || 300));
}
