import { createHash } from 'node:crypto';
import type { Locale } from '#lib/i18n/config';
import { pickLocalised, pickTranslation } from '#lib/i18n/content';
import type { Json } from '#lib/database.types';
import type { EventWhenWhere } from '#lib/events';
import { contentDisposition } from './contentDisposition';
import { toICalendar, type CalendarEvent } from './ical';
import { acceptedEncoding, compress, type Encoding } from './compressed';
import { whileUnchanged } from './unchanged';

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
 * A calendar's bytes (UTF-8, encoded once: a kept feed is sent as it is) and their ETag, the
 * hash of the bytes (the same events give the same bytes: ical.ts). A kept calendar also keeps
 * its compressed forms, made for the first client that accepts each (`encoded`).
 */
export interface RenderedCalendar {
	body: Uint8Array<ArrayBuffer>;
	etag: string;
	encoded?: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

/** Calendar entries (events, review stages) as a calendar named `name`. */
export function renderCalendar(
	name: string,
	events: CalendarEvent[],
	reader: CalendarReader
): RenderedCalendar {
	const body = new TextEncoder().encode(
		toICalendar({ name, host: new URL(reader.origin).host, refreshMinutes: 60, events })
	);
	return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** The size a kept calendar takes: its bytes and the compressed forms it may come to hold. */
function keptSize({ body }: RenderedCalendar): number {
	return Math.ceil(body.byteLength * 1.5);
}

/**
 * A subscribable calendar's answer: a calendar app that sends its ETag back (If-None-Match)
 * gets a 304 without a body while nothing changed. With `kept`, the calendar is kept and sent
 * many times: it goes out in the encoding the client accepts (Brotli, gzip), compressed once
 * (compressed.ts), under the weak form of its ETag (the same content, other bytes); otherwise
 * the server's compression (scripts/serve.mjs, a proxy) encodes it.
 */
export function calendarAnswer(
	request: Request,
	name: string,
	rendered: RenderedCalendar,
	cacheControl: string,
	kept = false
): Response {
	const encoding = kept ? acceptedEncoding(request.headers.get('accept-encoding')) : null;
	const { etag } = rendered;
	const headers: Record<string, string> = {
		...calendarHeaders(name, false),
		'cache-control': cacheControl,
		etag: encoding ? `W/${etag}` : etag
	};
	if (kept) headers['vary'] = 'Accept-Encoding';
	const known = request.headers.get('if-none-match');
	if (known && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers });
	}
	if (!encoding) return new Response(rendered.body, { headers });
	rendered.encoded ??= {};
	const body = (rendered.encoded[encoding] ??= compress(rendered.body, encoding));
	return new Response(body, { headers: { ...headers, 'content-encoding': encoding } });
}

/** The answer for calendar entries built for this request (review stages: per reader). */
export function calendarResponse(
	request: Request,
	name: string,
	events: CalendarEvent[],
	reader: CalendarReader,
	cacheControl: string
): Response {
	return calendarAnswer(request, name, renderCalendar(name, events, reader), cacheControl);
}

/**
 * An event feed's answer, kept while the database holds still (unchanged.ts): the feed is
 * the same for everyone who asks with the same key, so it is read, rendered and compressed
 * once per data version, not once per calendar app that polls it. `key` names everything the
 * feed depends on besides the data (which feed, the reader's language and origin); `events`
 * reads it.
 */
export async function keptFeedResponse(
	{ locals, request, url }: { locals: App.Locals; request: Request; url: URL },
	key: string,
	name: string,
	events: (reader: CalendarReader) => Promise<CalendarEvent[]>,
	cacheControl: string
): Promise<Response> {
	const reader = calendarReader(locals, url);
	const rendered = await whileUnchanged(
		locals.supabase,
		`${key}\n${reader.locale}\n${reader.origin}\n${name}`,
		async () => renderCalendar(name, await events(reader), reader),
		keptSize
	);
	return calendarAnswer(request, name, rendered, cacheControl, true);
}
