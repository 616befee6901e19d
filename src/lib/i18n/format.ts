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
const firstDays = new Map<string, number>();

function kept<T>(cache: Map<string, T>, key: string, make: () => T): T {
	let value = cache.get(key);
	if (value === undefined) {
		value = make();
		cache.set(key, value);
	}
	return value;
}

// What the server formatted on a page, the browser takes from the page while it hydrates. The
// first Intl formatter a browser tab makes loads ICU's data: 90-160 ms of main thread on a
// mid-range phone (Lighthouse's 4× slower CPU), the largest part of every page's blocking time
// (docs/benchmarks.md, "Formats served with the page"). So the root layout begins a record as
// the server renders it: every result below is kept under its function and arguments, and the
// page carries the record (hooks.server.ts, src/lib/server/servedFormats.ts). The browser reads
// it as the root layout hydrates and answers from it until the page has hydrated: the same
// strings as the server's, made without Intl, so a page also reads the same before and after it
// hydrates whatever the browser's own ICU says. Anything else (another page, a reader's own
// zone after mount) is formatted here as before.

/** Where the server keeps a page's record (src/lib/server/servedFormats.ts). */
export interface FormatRecorder {
	/** The root layout begins to render: the request's record starts empty. */
	begin(): void;
	/** The request's record, if a page of it is rendering. */
	current(): Map<string, unknown> | undefined;
}

// The server's parts stand behind `import.meta.env.SSR`, so the browser's bundle leaves them out.
let recorder: FormatRecorder | undefined;
let served: Map<string, unknown> | undefined;

/** The server's record, given once at start-up. */
export function recordFormatsWith(given: FormatRecorder): void {
	recorder = given;
}

/** The id of the element that carries a page's record (hooks.server.ts writes it). */
export const SERVED_FORMATS_ID = 'hub-formats';

export const servedFormats = {
	/** The root layout, as it renders: the server begins the page's record; the browser takes it. */
	begin(): void {
		if (import.meta.env.SSR) recorder?.begin();
		else {
			const element = document.getElementById(SERVED_FORMATS_ID);
			servedFormats.replay(element ? JSON.parse(element.textContent || '[]') : []);
			element?.remove();
		}
	},
	/** What a page was served with, answered from until `end` (the browser's begin). */
	replay(entries: [string, unknown][]): void {
		served = new Map(entries);
	},
	/** The root layout, hydrated: the browser formats for itself from now on. */
	end(): void {
		served = undefined;
	}
};

// How deep in remembered results the server is: only the outermost is recorded (a list of
// languages, not also each of its names).
let depth = 0;

/** A formatted result: recorded while the server renders a page, replayed while it hydrates. */
function remembered<T>(key: readonly unknown[], compute: () => T): T {
	const record = import.meta.env.SSR && depth === 0 ? recorder?.current() : undefined;
	if (!record && !served) return compute();
	// Its function's letter and arguments, one a line: a string as it is, unless it holds a line
	// break, anything else as JSON (which never holds one).
	const id = key
		.map((part) => (typeof part === 'string' && !part.includes('\n') ? part : JSON.stringify(part)))
		.join('\n');
	if (import.meta.env.SSR && record) {
		depth++;
		try {
			const value = compute();
			// Nothing to replay for no result (a name Intl does not know): the browser asks Intl.
			if (value !== undefined) record.set(id, value);
			return value;
		} finally {
			depth--;
		}
	}
	const value = served?.get(id);
	return value === undefined ? compute() : (value as T);
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
// Territories", "Hong Kong SAR China"); Chromium ships its own ("Palestine", "Hong Kong"). A page
// hydrates with the server's names (above), but the next page in the app is the browser's: the
// hub names these three by CLDR's short names, which both runtimes share, as the network writes
// them (DCI-Palestine). Chromium also adds "(Islas Malvinas)" to the Falkland Islands; that name,
// in the menus of every country only, is left to each runtime: six names here would put every
// page over its 50 KB of JavaScript.
const SHORT_NAMED = new Set(['PS', 'HK', 'MO']);

/** Names of countries (ISO 3166 codes) or languages in a reader's locale. */
export interface Names {
	of(code: string): string | undefined;
}

/** Names of regions or languages in a locale, made once: Intl's, but for the countries above. */
export function namesOf(locale: string, type: 'region' | 'language'): Names {
	return kept(displayNames, `${locale} ${type}`, () => {
		// Made when a name is first formatted (a served page's hydration formats none).
		let intl: Intl.DisplayNames | undefined;
		let short: Intl.DisplayNames | undefined;
		const names = (style: 'long' | 'short') =>
			new Intl.DisplayNames([intlLocale(locale)], { type, style });
		const name = (code: string) =>
			type === 'region' && SHORT_NAMED.has(code)
				? (short ??= names('short')).of(code)
				: (intl ??= names('long')).of(code);
		return { of: (code: string) => remembered(['n', locale, type, code], () => name(code)) };
	});
}

/**
 * Items named by a country or language code, in the alphabetical order of those names in a
 * locale (an unknown code named by itself).
 */
export function sortByName<T>(
	items: readonly T[],
	codeOf: (item: T) => string,
	type: 'region' | 'language',
	locale: string
): T[] {
	const codes = items.map(codeOf);
	const sorted = remembered(['s', locale, type, codes], () => {
		const names = namesOf(locale, type);
		const collator = collatorOf(locale);
		return codes
			.map((code) => ({ code, name: names.of(code) ?? code }))
			.sort((a, b) => collator.compare(a.name, b.name))
			.map(({ code }) => code);
	});
	const position = new Map(sorted.map((code, index) => [code, index]));
	return [...items].sort((a, b) => (position.get(codeOf(a)) ?? 0) - (position.get(codeOf(b)) ?? 0));
}

/** The alphabetical order of a locale, made once. */
export function collatorOf(locale: string): Intl.Collator {
	return kept(collators, locale, () => new Intl.Collator(locale));
}

/** First day of the week for a locale: 1 = Monday … 7 = Sunday (Intl week info; Monday if unknown). */
export function firstDayOfWeek(locale: string): number {
	return remembered(['w', locale], () =>
		kept(firstDays, locale, () => {
			const info = new Intl.Locale(locale).maximize() as Intl.Locale & {
				weekInfo?: { firstDay: number };
				getWeekInfo?: () => { firstDay: number };
			};
			return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
		})
	);
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
const MEDIUM_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/**
 * A date in the reader's locale, e.g. 28 nov. 2026 / 28 Nov 2026. An instant is shown in the
 * zone of the options or else in the hub's home zone, so that the server's page and the
 * browser's say the same day; a calendar day ("2026-11-28") as that day.
 */
export function formatDate(
	value: string | number | Date,
	locale: Locale,
	options: Intl.DateTimeFormatOptions = MEDIUM_DATE
): string {
	const instant = typeof value === 'string' ? value : new Date(value).toISOString();
	return remembered(['d', locale, instant, options === MEDIUM_DATE ? '' : options], () => {
		const timeZone =
			options.timeZone ??
			(typeof value === 'string' && CALENDAR_DAY.test(value) ? 'UTC' : HOME_ZONE);
		return keptTogether(
			dateTimeFormat(locale, { ...options, timeZone }).formatToParts(new Date(value))
		);
	});
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
	return remembered(['l', locale, codes], () =>
		kept(
			listFormats,
			locale,
			() => new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' })
		).format(codes.map((code) => namesOf(locale, 'language').of(code) ?? code))
	);
}

/** A number in the reader's locale (1 234,5 / 1,234.5; Latin digits in Arabic too). */
export function formatNumber(
	value: number,
	locale: Locale,
	options?: Intl.NumberFormatOptions
): string {
	return remembered(['#', locale, value, options], () =>
		kept(numberFormats, `${locale} ${JSON.stringify(options ?? {})}`, () => {
			return new Intl.NumberFormat(intlLocale(locale), options);
		}).format(value)
	);
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
	return remembered(['r', locale, startsAt, endsAt, timeZone], () =>
		formatTimeRange(eventMomentFormat(timeZone, locale), startsAt, endsAt)
	);
}

/** An event's moment in a given time zone, with the zone's name ("Thu, 3 Dec 2026, 09:30 CET"). */
export function formatEventMoment(value: string | Date, timeZone: string, locale: string): string {
	return remembered(['m', locale, value, timeZone], () =>
		keptTogether(eventMomentFormat(timeZone, locale).formatToParts(new Date(value)))
	);
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
export function dayParts(
	value: string | Date,
	timeZone: string,
	locale: string
): { day: string; month: string } {
	return remembered(['p', locale, value, timeZone], () => {
		const parts = dateTimeFormat(locale, {
			timeZone,
			day: 'numeric',
			month: 'short'
		}).formatToParts(new Date(value));
		return {
			day: parts.find((p) => p.type === 'day')?.value ?? '',
			month: (parts.find((p) => p.type === 'month')?.value ?? '').replace('.', '')
		};
	});
}
