import { pickTranslation } from '#lib/i18n/content';
import { contentDisposition } from './contentDisposition';
import type { CalendarEvent } from './ical';

interface FeedRow {
	id: string;
	original_locale: string;
	starts_at: string;
	ends_at: string;
	time_zone: string;
	venue_name: string | null;
	venue_address?: string | null;
	is_online: boolean;
	cancelled_at: string | null;
	updated_at?: string;
	translations: { locale: string; title: string; description: string }[];
}

/** An event row as an iCalendar event in the reader's language (or its original). */
export function toCalendarEvent(row: FeedRow, locale: string, origin: string): CalendarEvent {
	const text = pickTranslation(row.translations, locale, row.original_locale);
	const place = [row.venue_name, row.venue_address].filter(Boolean).join(', ');
	return {
		id: row.id,
		title: text?.title ?? '',
		description: text?.description ?? '',
		startsAt: new Date(row.starts_at),
		endsAt: new Date(row.ends_at),
		timeZone: row.time_zone,
		location: place || (row.is_online ? 'Online' : null),
		url: `${origin}/${locale}/events/${row.id}`,
		cancelled: row.cancelled_at !== null,
		updatedAt: row.updated_at ? new Date(row.updated_at) : undefined
	};
}

/** Headers for a calendar response: a download for one event, a subscribable feed otherwise. */
export function calendarHeaders(filename: string, download: boolean): Record<string, string> {
	return {
		'content-type': 'text/calendar; charset=utf-8',
		'content-disposition': contentDisposition(filename, 'ics', download ? 'attachment' : 'inline'),
		'cache-control': 'private, max-age=300'
	};
}
