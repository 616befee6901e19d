/**
 * IANA time zones for event times: the list people choose from, a default per country,
 * and the conversion of a wall-clock date and time in a zone to an instant (and back).
 * Pure functions on the platform's Intl (the same zone database as Node and browsers).
 */

import { HOME_ZONE } from './homeZone';

/** The zones people choose from: the canonical IANA names, plus UTC. */
export const TIME_ZONES: readonly string[] = [
	...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])
].sort();

const known = new Set(TIME_ZONES);

/**
 * True for an IANA zone name (Europe/Brussels, also aliases such as Asia/Kolkata that the
 * list spells differently), false for abbreviations ("CET"), made-up names or "".
 */
export function isTimeZone(zone: unknown): zone is string {
	if (typeof zone !== 'string') return false;
	if (known.has(zone)) return true;
	if (!/^[A-Z][A-Za-z_-]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(zone)) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/**
 * The zone of a country with a single one (BE → Europe/Brussels); Europe/Brussels for an
 * unknown country or one with several zones, where a guess would more often be wrong.
 */
export function defaultTimeZone(country: string | null | undefined): string {
	if (!country || !/^[A-Z]{2}$/.test(country)) return HOME_ZONE;
	try {
		const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
			timeZones?: string[];
			getTimeZones?: () => string[];
		};
		const zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
		return zones.length === 1 && isTimeZone(zones[0]) ? zones[0] : HOME_ZONE;
	} catch {
		return HOME_ZONE;
	}
}

// One formatter per zone and use, made once: constructing an Intl.DateTimeFormat with a time
// zone costs about a quarter of a millisecond (the zone is loaded), using one a few
// microseconds, and a feed asks for offsets thousands of times (ical.ts scans day by day).
// Bounded by the zone database: zones are IANA names checked on input or our own constants.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const wallFormats = new Map<string, Intl.DateTimeFormat>();

function kept(
	cache: Map<string, Intl.DateTimeFormat>,
	zone: string,
	make: () => Intl.DateTimeFormat
) {
	let format = cache.get(zone);
	if (!format) {
		format = make();
		cache.set(zone, format);
	}
	return format;
}

/** Minutes east of UTC of `zone` at `instant` (a Date or milliseconds since the epoch). */
export function offsetMinutes(zone: string, instant: Date | number): number {
	const name = kept(
		offsetFormats,
		zone,
		() => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
	)
		.formatToParts(instant)
		.find((part) => part.type === 'timeZoneName')?.value;
	const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? '');
	if (!match?.[1]) return 0;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

/**
 * The years a date typed or linked may have: from 1900 to 2999. Beyond, month and day
 * arithmetic leaves the range Date and Postgres handle alike (year 10000, year 0).
 */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2999;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A calendar date (YYYY-MM-DD) that exists, in the years YEAR_MIN–YEAR_MAX. */
export function isDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		year >= YEAR_MIN &&
		year <= YEAR_MAX
	);
}

/** A time of day, HH:MM (24 h). */
export function isTime(value: unknown): value is string {
	return typeof value === 'string' && TIME.test(value);
}

/**
 * The instant at which the clocks in `zone` show `date` `time` (YYYY-MM-DD, HH:MM).
 * Around daylight-saving changes it behaves like Temporal's "compatible" choice: a time
 * that happens twice (clocks going back) is the first one; a time that does not exist
 * (clocks going forward) is moved forward by the size of the gap (02:30 → 03:30).
 */
export function zonedToUtc(date: string, time: string, zone: string): Date {
	if (!isDate(date) || !isTime(time) || !isTimeZone(zone)) {
		throw new RangeError(`not a date, time and zone: ${date} ${time} ${zone}`);
	}
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const [hour, minute] = time.split(':').map(Number) as [number, number];
	const wall = Date.UTC(year, month - 1, day, hour, minute);
	// At most one offset change within a day on each side of the wall time.
	const before = offsetMinutes(zone, wall - 86_400_000);
	const after = offsetMinutes(zone, wall + 86_400_000);
	const candidates = [...new Set([before, after])]
		.map((offset) => wall - offset * 60_000)
		.filter((instant) => instant + offsetMinutes(zone, instant) * 60_000 === wall)
		.sort((a, b) => a - b);
	if (candidates.length > 0) return new Date(candidates[0]!);
	// In a gap: read the wall time with the offset in force before the change.
	return new Date(wall - before * 60_000);
}

/** The date and time (YYYY-MM-DD, HH:MM) the clocks in `zone` show at `instant`. */
export function utcToZoned(instant: Date | string, zone: string): { date: string; time: string } {
	const format = kept(
		wallFormats,
		zone,
		() =>
			new Intl.DateTimeFormat('en-CA', {
				timeZone: zone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				hourCycle: 'h23'
			})
	);
	const parts = Object.fromEntries(
		format.formatToParts(new Date(instant)).map((part) => [part.type, part.value])
	);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		time: `${parts.hour}:${parts.minute}`
	};
}
