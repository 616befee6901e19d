import type { Locale } from './config';

/** A date in the reader's locale, e.g. 28 nov. 2026 / 28 Nov 2026. */
export function formatDate(
	value: string | number | Date,
	locale: Locale,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
): string {
	return new Intl.DateTimeFormat(locale, options).format(new Date(value));
}

/** A number in the reader's locale (1 234,5 / 1,234.5). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions) {
	return new Intl.NumberFormat(locale, options).format(value);
}

/**
 * An event's start–end in a given time zone with the zone's name, e.g.
 * "Thu, 3 Dec 2026, 09:30 – 17:00 CET" / "jeu. 3 déc. 2026, 09:30 – 17:00 UTC+1".
 */
export function formatEventRange(
	startsAt: string | Date,
	endsAt: string | Date,
	timeZone: string,
	locale: string
): string {
	const format = new Intl.DateTimeFormat(locale, {
		timeZone,
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZoneName: 'short'
	});
	return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** The day of month and short month of an instant in a zone (for date badges). */
export function dayParts(value: string | Date, timeZone: string, locale: string) {
	const parts = new Intl.DateTimeFormat(locale, {
		timeZone,
		day: 'numeric',
		month: 'short'
	}).formatToParts(new Date(value));
	return {
		day: parts.find((p) => p.type === 'day')?.value ?? '',
		month: (parts.find((p) => p.type === 'month')?.value ?? '').replace('.', '')
	};
}
