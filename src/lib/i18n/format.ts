import type { Locale } from './config';

// Formatters made once per process (and per browser tab) for each locale and set of options:
// constructing an Intl formatter costs far more than using one, and a list page formats every
// date of every card (a tenth of the server's time per list request before they were kept).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const displayNames = new Map<string, Intl.DisplayNames>();
const collators = new Map<string, Intl.Collator>();
const pluralRules = new Map<string, Intl.PluralRules>();

function kept<T>(cache: Map<string, T>, key: string, make: () => T): T {
	let value = cache.get(key);
	if (value === undefined) {
		value = make();
		cache.set(key, value);
	}
	return value;
}

/** The date formatter of a locale and options, made once. */
export function dateTimeFormat(
	locale: string,
	options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	return kept(dateFormats, `${locale} ${JSON.stringify(options)}`, () => {
		return new Intl.DateTimeFormat(locale, options);
	});
}

/** Names of regions or languages in a locale, made once. */
export function namesOf(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
	return kept(displayNames, `${locale} ${type}`, () => new Intl.DisplayNames([locale], { type }));
}

/** The alphabetical order of a locale, made once. */
export function collatorOf(locale: string): Intl.Collator {
	return kept(collators, locale, () => new Intl.Collator(locale));
}

/** The plural rules of a locale, made once (every page makes a translator). */
export function pluralRulesOf(locale: string): Intl.PluralRules {
	return kept(pluralRules, locale, () => new Intl.PluralRules(locale));
}

/** A date in the reader's locale, e.g. 28 nov. 2026 / 28 Nov 2026. */
export function formatDate(
	value: string | number | Date,
	locale: Locale,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
): string {
	return dateTimeFormat(locale, options).format(new Date(value));
}

/** A number in the reader's locale (1 234,5 / 1,234.5). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions) {
	return kept(numberFormats, `${locale} ${JSON.stringify(options ?? {})}`, () => {
		return new Intl.NumberFormat(locale, options);
	}).format(value);
}

/** A file's size in kB (at least 1) or, from a megabyte on, in MB to one decimal. */
export function formatFileSize(bytes: number, locale: Locale): string {
	return bytes < 1024 * 1024
		? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} kB`
		: `${formatNumber(bytes / 1024 / 1024, locale, { maximumFractionDigits: 1 })} MB`;
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
	const format = dateTimeFormat(locale, {
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
	const parts = dateTimeFormat(locale, {
		timeZone,
		day: 'numeric',
		month: 'short'
	}).formatToParts(new Date(value));
	return {
		day: parts.find((p) => p.type === 'day')?.value ?? '',
		month: (parts.find((p) => p.type === 'month')?.value ?? '').replace('.', '')
	};
}
