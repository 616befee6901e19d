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

/** Who reads a calendar: their language, the hub's origin and the word for "online" in it. */
export interface CalendarReader {
	locale: string;
	origin: string;
	online: string;
}

/** An event's LOCATION: its venue and address, else the reader's word for online, else none. */
export function eventLocation(
	venueName: string | null,
	venueAddress: string | null | undefined,
	isOnline: boolean,
	online: string
): string | null {
	const place = [venueName, venueAddress].filter(Boolean).join(', ');
	return place || (isOnline ? online : null);
}

/** An event row as an iCalendar event in the reader's language (or its original). */
export function toCalendarEvent(row: FeedRow, reader: CalendarReader): CalendarEvent {
	const { locale, origin } = reader;
	const text = pickTranslation(row.translations, locale, row.original_locale);
	return {
		id: row.id,
		title: text?.title ?? '',
		description: text?.description ?? '',
		startsAt: new Date(row.starts_at),
		endsAt: new Date(row.ends_at),
		timeZone: row.time_zone,
		location: eventLocation(row.venue_name, row.venue_address, row.is_online, reader.online),
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

/** The request's reader of a calendar (language, origin, translated "online"). */
export function calendarReader(locals: App.Locals, url: URL): CalendarReader {
	return { locale: locals.locale, origin: url.origin, online: locals.i18n.t('events:online') };
}
