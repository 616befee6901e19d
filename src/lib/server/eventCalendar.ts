import { createHash } from 'node:crypto';
import type { Locale } from '#lib/i18n/config';
import { pickLocalised, pickTranslation } from '#lib/i18n/content';
import type { Json } from '#lib/database.types';
import type { EventWhenWhere } from '#lib/events';
import { contentDisposition } from './contentDisposition';
import { toICalendar, type CalendarEvent } from './ical';

interface FeedRow extends EventWhenWhere {
	venue_address?: string | null;
	updated_at?: string;
	translations: { locale: string; title: string; description: string }[];
}

/** Who reads a calendar: their language, the hub's origin and the word for "online" in it. */
export interface CalendarReader {
	locale: Locale;
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

/**
 * Who may keep a public feed: calendar apps and shared caches for 5 and 15 minutes, and a
 * cache may answer from a copy up to an hour old while it fetches the new one (the feeds
 * ask to be read every 60 minutes: REFRESH-INTERVAL).
 */
export const PUBLIC_FEED_CACHE = 'public, max-age=300, s-maxage=900, stale-while-revalidate=3600';

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

/** A row of a feed function (public.event_feed, public.personal_calendar): texts per language. */
export interface FeedEventRow {
	event_id: string;
	original_locale: string;
	starts_at: string;
	ends_at: string;
	time_zone: string;
	venue_name: string | null;
	venue_address: string | null;
	is_online: boolean;
	cancelled_at: string | null;
	updated_at: string;
	titles: Json;
	descriptions: Json;
}

/**
 * Descriptions in a feed are cut to about this many characters (at a word), followed by the
 * event's address: a calendar shows a few lines, the page has the rest.
 */
export const FEED_DESCRIPTION_CHARS = 500;

/** The first `max` characters of a text, cut at a word and marked with an ellipsis. */
export function shorten(text: string, max = FEED_DESCRIPTION_CHARS): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	const space = cut.search(/\s\S*$/);
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A feed row as an iCalendar event in the reader's language (or its original). */
export function feedEvent(row: FeedEventRow, reader: CalendarReader): CalendarEvent {
	const title = pickLocalised(row.titles, reader.locale, row.original_locale);
	const description = pickLocalised(row.descriptions, reader.locale, row.original_locale);
	return {
		id: row.event_id,
		title: title?.text ?? '',
		description: shorten(description?.text ?? ''),
		startsAt: new Date(row.starts_at),
		endsAt: new Date(row.ends_at),
		timeZone: row.time_zone,
		location: eventLocation(row.venue_name, row.venue_address, row.is_online, reader.online),
		url: `${reader.origin}/${reader.locale}/events/${row.event_id}`,
		cancelled: row.cancelled_at !== null,
		updatedAt: new Date(row.updated_at)
	};
}

/**
 * A subscribable feed's answer. Its ETag is the hash of its bytes (the same events give the
 * same bytes: ical.ts), and a calendar app that sends it back (If-None-Match) gets a 304
 * without a body while nothing changed.
 */
export function feedResponse(
	request: Request,
	name: string,
	rows: FeedEventRow[],
	reader: CalendarReader,
	cacheControl: string,
	extra: CalendarEvent[] = []
): Response {
	return calendarResponse(
		request,
		name,
		[...rows.map((row) => feedEvent(row, reader)), ...extra],
		reader,
		cacheControl
	);
}

/** The same answer for any calendar entries (events, review stages). */
export function calendarResponse(
	request: Request,
	name: string,
	events: CalendarEvent[],
	reader: CalendarReader,
	cacheControl: string
): Response {
	const body = toICalendar({
		name,
		host: new URL(reader.origin).host,
		refreshMinutes: 60,
		events
	});
	const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
	const headers = { ...calendarHeaders(name, false), 'cache-control': cacheControl, etag };
	const known = request.headers.get('if-none-match');
	if (known && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { headers });
}
