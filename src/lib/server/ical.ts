/**
 * iCalendar (RFC 5545) for events: one `.ics` per event and subscribable feeds.
 * Times are written in the event's own time zone (`DTSTART;TZID=Europe/Brussels:…`) with a
 * VTIMEZONE per zone, built from the platform's time-zone data (Intl) for the years the
 * events span, so calendar apps show the right local time on both sides of a DST change.
 */
import { offsetMinutes } from '#lib/timeZones';

export interface CalendarEvent {
	/** Stable id; the UID is `<id>@<host>`. */
	id: string;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
	location?: string | null;
	/** The event's page, which calendar apps link back to. */
	url: string;
	cancelled?: boolean;
	updatedAt?: Date;
	/**
	 * A whole-day entry (a review stage's date or range): startsAt and endsAt are the first and
	 * last days at 00:00 UTC, written as DATE values (DTEND the day after the last, §3.6.1),
	 * with no time zone.
	 */
	allDay?: boolean;
}

export interface Calendar {
	name: string;
	host: string;
	events: CalendarEvent[];
	/** Refresh hint for subscribed feeds. */
	refreshMinutes?: number;
}

const CRLF = '\r\n';

/** Line breaks of every kind: CRLF, a lone CR or LF, VT, FF, NEL, Unicode line/paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every kind of
 * line break as the escaped `\n`, a tab as a space, and every other control character
 * (NUL, C0, DEL, C1) removed — TEXT allows none, and a parser that reads a bare CR as a
 * line end would otherwise see properties or events injected by a title (issue 11).
 */
export function escapeText(value: string): string {
	return value
		.replace(LINE_BREAK, '\n')
		.replace(/\t/g, ' ')
		.replace(/[^\P{Cc}\n]/gu, '')
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\n/g, '\\n');
}

/** A value that is not TEXT (a UID, a URI): no control character, nothing else escaped. */
export function plainValue(value: string): string {
	return value.replace(/\p{Cc}/gu, '');
}

/** A parameter value (TZID=…, §3.2): no control character or quote; quoted when it holds `;:,`. */
export function paramValue(value: string): string {
	const clean = plainValue(value).replace(/"/g, '');
	return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

/** Octets of one code point in UTF-8. */
function utf8Octets(codePoint: number): number {
	return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 sequence
 * (§3.1). Octets are counted from the code points: a feed folds thousands of lines, and
 * encoding each character to count it made folding most of a feed's cost.
 */
export function foldLine(line: string): string {
	// A UTF-16 unit is at most 3 octets: a line this short is never folded.
	if (line.length * 3 <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const bytes = utf8Octets(char.codePointAt(0)!);
		const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
		if (size + bytes > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += bytes;
	}
	parts.push(current);
	return parts.join(`${CRLF} `);
}

function pad(value: number, length = 2): string {
	return String(Math.abs(value)).padStart(length, '0');
}

/** 20261201T093000Z */
export function utcStamp(date: Date): string {
	return (
		`${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
		`T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
	);
}

/** 20261201: the UTC day of a date, as a DATE value. */
export function dateStamp(date: Date): string {
	return utcStamp(date).slice(0, 8);
}

/** Local wall-clock time as a DATE-TIME without zone: 20261201T093000. */
export function localStamp(date: Date, timeZone: string): string {
	return utcStamp(new Date(date.getTime() + offsetMinutes(timeZone, date) * 60_000)).slice(0, -1);
}

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

interface Transition {
	at: Date;
	from: number;
	to: number;
}

/** Offset changes of a zone between two instants (searched day by day, then to the minute). */
export function transitions(timeZone: string, from: Date, to: Date): Transition[] {
	const DAY = 86_400_000;
	const found: Transition[] = [];
	let previous = offsetMinutes(timeZone, from);
	for (let t = from.getTime() + DAY; t <= to.getTime() + DAY; t += DAY) {
		const current = offsetMinutes(timeZone, new Date(t));
		if (current === previous) continue;
		let low = t - DAY;
		let high = t;
		while (high - low > 60_000) {
			const middle = Math.floor((low + high) / 2 / 60_000) * 60_000;
			if (offsetMinutes(timeZone, new Date(middle)) === previous) low = middle;
			else high = middle;
		}
		found.push({ at: new Date(high), from: previous, to: current });
		previous = current;
	}
	return found;
}

// vtimezone() is a pure function of its arguments and every feed of the same zone and years
// asks for the same lines: kept, up to a bound (cleared when full).
const vtimezones = new Map<string, readonly string[]>();
const VTIMEZONES_KEPT = 500;

/** A VTIMEZONE covering the given years: one STANDARD/DAYLIGHT block per transition. */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
	const key = `${timeZone} ${fromYear} ${toYear}`;
	let lines = vtimezones.get(key);
	if (!lines) {
		if (vtimezones.size >= VTIMEZONES_KEPT) vtimezones.clear();
		lines = buildVtimezone(timeZone, fromYear, toYear);
		vtimezones.set(key, lines);
	}
	return [...lines];
}

function buildVtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
	const start = new Date(Date.UTC(fromYear, 0, 1));
	const end = new Date(Date.UTC(toYear, 11, 31, 23, 59));
	const changes = transitions(timeZone, start, end);
	// The offset in force from the first day covered, then every change after it.
	const initial = formatOffset(offsetMinutes(timeZone, start));
	const lines = [
		'BEGIN:VTIMEZONE',
		`TZID:${escapeText(timeZone)}`,
		'BEGIN:STANDARD',
		`DTSTART:${fromYear}0101T000000`,
		`TZOFFSETFROM:${initial}`,
		`TZOFFSETTO:${initial}`,
		'END:STANDARD'
	];
	for (const change of changes) {
		// A block's DTSTART is the local time just before the change (in the old offset).
		const local = utcStamp(new Date(change.at.getTime() + change.from * 60_000)).slice(0, -1);
		const kind = change.to > change.from ? 'DAYLIGHT' : 'STANDARD';
		lines.push(
			`BEGIN:${kind}`,
			`DTSTART:${local}`,
			`TZOFFSETFROM:${formatOffset(change.from)}`,
			`TZOFFSETTO:${formatOffset(change.to)}`,
			`END:${kind}`
		);
	}
	lines.push('END:VTIMEZONE');
	return lines;
}

/** The whole calendar as text with CRLF line ends. */
export function toICalendar(calendar: Calendar, now = new Date()): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//DCI Network Hub//Events//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		`NAME:${escapeText(calendar.name)}`
	];
	if (calendar.refreshMinutes) {
		lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`);
		lines.push(`X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`);
	}

	const years = new Map<string, [number, number]>();
	for (const event of calendar.events) {
		if (event.allDay) continue;
		const a = event.startsAt.getUTCFullYear() - 1;
		const b = event.endsAt.getUTCFullYear() + 1;
		const known = years.get(event.timeZone);
		years.set(event.timeZone, known ? [Math.min(known[0], a), Math.max(known[1], b)] : [a, b]);
	}
	for (const [zone, [from, to]] of years) lines.push(...vtimezone(zone, from, to));

	for (const event of calendar.events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${plainValue(`${event.id}@${calendar.host}`)}`,
			// With METHOD:PUBLISH, DTSTAMP is the event's last change (RFC 5545 §3.8.7.2): the
			// same feed gives the same bytes, so its ETag holds until an event changes.
			`DTSTAMP:${utcStamp(event.updatedAt ?? now)}`,
			...(event.allDay
				? [
						`DTSTART;VALUE=DATE:${dateStamp(event.startsAt)}`,
						`DTEND;VALUE=DATE:${dateStamp(new Date(event.endsAt.getTime() + 86_400_000))}`
					]
				: [
						`DTSTART;TZID=${paramValue(event.timeZone)}:${localStamp(event.startsAt, event.timeZone)}`,
						`DTEND;TZID=${paramValue(event.timeZone)}:${localStamp(event.endsAt, event.timeZone)}`
					]),
			`SUMMARY:${escapeText(event.title)}`,
			`DESCRIPTION:${escapeText(`${event.description}\n\n${event.url}`.trim())}`,
			`URL:${plainValue(event.url)}`,
			`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`
		);
		if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
		if (event.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(event.updatedAt)}`);
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join(CRLF) + CRLF;
}
