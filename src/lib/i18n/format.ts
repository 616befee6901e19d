import { HOME_ZONE } from '#lib/homeZone';
import type { Locale } from './config';

// The one home of numbers, dates and times on the hub's pages, feeds and emails: every one is
// formatted here, in the reader's locale, through Intl.
//
// Digits in Arabic: Latin digits (0123456789), not the Arabic-Indic ones (٠١٢٣٤٥٦٧٨٩). The
// network's Arabic-speaking sections span Palestine and the Levant, where both are read, and
// the Maghreb, where only the Latin ones are in use; the UN's and UNICEF's Arabic pages on
// children's rights write 20 تشرين الثاني/نوفمبر 1989 with them; and what readers type or copy
// (dates in forms, article numbers, CRC/C/PSE/CO/5-6, times of day) is in Latin digits. So
// Arabic pages ask Intl for `ar-u-nu-latn` explicitly: left to itself, Intl's 'ar' gives Latin
// digits from CLDR 42 on (Node 24) but Arabic-Indic ones in older browsers, so the server's
// page and the browser's would differ. docs/languages.md says more.
const INTL_LOCALES: Partial<Record<string, string>> = { ar: 'ar-u-nu-latn' };

/** The locale Intl formats a hub locale's numbers and dates with (`ar` → `ar-u-nu-latn`). */
export function intlLocale(locale: string): string {
	return INTL_LOCALES[locale] ?? locale;
}

// Formatters made once per process (and per browser tab) for each locale and set of options:
// constructing an Intl formatter costs far more than using one, and a list page formats every
// date of every card (a tenth of the server's time per list request before they were kept).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const displayNames = new Map<string, Names>();
const collators = new Map<string, Intl.Collator>();
const pluralRules = new Map<string, Intl.PluralRules>();
const listFormats = new Map<string, Intl.ListFormat>();

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
		return new Intl.DateTimeFormat(intlLocale(locale), options);
	});
}

// Countries whose name differs between runtimes. Node gives CLDR's names ("Palestinian
// Territories", "Hong Kong SAR China"); Chromium ships its own ("Palestine", "Hong Kong"). So a
// page served with one name showed the other once it hydrated, and a list of countries sorted by
// name changed order under the reader's eyes. The hub names these three by CLDR's short names,
// which both runtimes share, as the network writes them (DCI-Palestine). Chromium also adds
// "(Islas Malvinas)" to the Falkland Islands; that name, in the menus of every country only, is
// left to each runtime: six names here would put every page over its 50 KB of JavaScript.
const SHORT_NAMED = new Set(['PS', 'HK', 'MO']);

/** Names of countries (ISO 3166 codes) or languages in a reader's locale. */
export interface Names {
	of(code: string): string | undefined;
}

/** Names of regions or languages in a locale, made once: Intl's, but for the countries above. */
export function namesOf(locale: string, type: 'region' | 'language'): Names {
	return kept(displayNames, `${locale} ${type}`, () => {
		const intl = new Intl.DisplayNames([intlLocale(locale)], { type });
		if (type === 'language') return intl;
		// Made when first asked for (most pages name none of these countries).
		let short: Intl.DisplayNames | undefined;
		const shortNames = () =>
			(short ??= new Intl.DisplayNames([intlLocale(locale)], { type, style: 'short' }));
		return { of: (code: string) => (SHORT_NAMED.has(code) ? shortNames() : intl).of(code) };
	});
}

/** The alphabetical order of a locale, made once. */
export function collatorOf(locale: string): Intl.Collator {
	return kept(collators, locale, () => new Intl.Collator(locale));
}

/** The plural rules of a locale, made once (every page makes a translator). */
export function pluralRulesOf(locale: string): Intl.PluralRules {
	return kept(pluralRules, locale, () => new Intl.PluralRules(locale));
}

// A calendar day ("2027-01-10": when a joint action starts, a translation is due) is the same
// day wherever it is read. Date parses it as midnight UTC, so it is shown in UTC: in the reader's
// zone it was the day before west of Greenwich (DCI Costa Rica read a joint action starting on
// 10 January as starting on the 9th).
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in the reader's locale, e.g. 28 nov. 2026 / 28 Nov 2026. An instant is shown in the
 * zone of the options or else in the hub's home zone, so that the server's page and the
 * browser's say the same day; a calendar day ("2026-11-28") as that day.
 */
export function formatDate(
	value: string | number | Date,
	locale: Locale,
	options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
): string {
	const timeZone =
		options.timeZone ?? (typeof value === 'string' && CALENDAR_DAY.test(value) ? 'UTC' : HOME_ZONE);
	return keptTogether(
		dateTimeFormat(locale, { ...options, timeZone }).formatToParts(new Date(value))
	);
}

// Arabic separates the items of a list with its own comma (U+060C).
const LIST_SEPARATORS: Partial<Record<string, string>> = { ar: '، ' };

/** What separates the items of a list in a locale: ", " or, in Arabic, "، ". */
export function listSeparator(locale: string): string {
	return LIST_SEPARATORS[locale] ?? ', ';
}

/** Items (names of languages, countries, areas) as one list in the reader's locale. */
export function joinList(items: readonly string[], locale: string): string {
	return items.join(listSeparator(locale));
}

/** Languages by code in a sentence of the reader's locale: "Dutch and German", "néerlandais et allemand". */
export function formatLanguages(codes: readonly string[], locale: string): string {
	const format = kept(
		listFormats,
		locale,
		() => new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' })
	);
	return format.format(codes.map((code) => namesOf(locale, 'language').of(code) ?? code));
}

/** A number in the reader's locale (1 234,5 / 1,234.5; Latin digits in Arabic too). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions) {
	return kept(numberFormats, `${locale} ${JSON.stringify(options ?? {})}`, () => {
		return new Intl.NumberFormat(intlLocale(locale), options);
	}).format(value);
}

/**
 * A file's size in kB (at least 1) or, from a megabyte on, in MB to one decimal, with the
 * locale's own unit names (kB, ko, كيلوبايت).
 */
export function formatFileSize(bytes: number, locale: Locale): string {
	return bytes < 1024 * 1024
		? formatNumber(Math.max(1, Math.round(bytes / 1024)), locale, {
				style: 'unit',
				unit: 'kilobyte'
			})
		: formatNumber(bytes / 1024 / 1024, locale, {
				style: 'unit',
				unit: 'megabyte',
				maximumFractionDigits: 1
			});
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
	return formatTimeRange(eventMomentFormat(timeZone, locale), startsAt, endsAt);
}

/** An event's moment in a given time zone, with the zone's name ("Thu, 3 Dec 2026, 09:30 CET"). */
export function formatEventMoment(value: string | Date, timeZone: string, locale: string): string {
	return keptTogether(eventMomentFormat(timeZone, locale).formatToParts(new Date(value)));
}

/**
 * A start–end with a formatter that shows the time, as formatRange does, with the hour and its
 * day period kept on one line ("4:30 م", "9:30 AM"): Intl separates them with a plain space, and
 * a narrow column put "م" alone at the start of the next line.
 */
export function formatTimeRange(
	format: Intl.DateTimeFormat,
	startsAt: string | Date,
	endsAt: string | Date
): string {
	return keptTogether(format.formatRangeToParts(new Date(startsAt), new Date(endsAt)));
}

/** Parts joined, the space before a day period made unbreakable (U+00A0). */
function keptTogether(parts: readonly Intl.DateTimeFormatPart[]): string {
	return parts
		.map((part, i) =>
			part.type === 'literal' && parts[i + 1]?.type === 'dayPeriod'
				? part.value.replace(/\s$/u, '\u00a0')
				: part.value
		)
		.join('');
}

/** The one format of an event's times: weekday, date, hour and minute, and the zone's name. */
function eventMomentFormat(timeZone: string, locale: string): Intl.DateTimeFormat {
	return dateTimeFormat(locale, {
		timeZone,
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZoneName: 'short'
	});
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
