/**
 * The languages of the hub, in the order the language switcher shows them: its interface and
 * the languages content is written in (the database's content_locale domain has the same list).
 */
export const LOCALES = ['fr', 'nl', 'en', 'de', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** English is the network's common language and the typed source of every key. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, so a reader finds their own whatever page they are on. */
export const LOCALE_NAMES: Record<Locale, string> = {
	fr: 'Français',
	nl: 'Nederlands',
	en: 'English',
	de: 'Deutsch',
	es: 'Español',
	ar: 'العربية'
};

/** Which way a language is written: `dir` of its pages, emails and texts. */
export type Direction = 'ltr' | 'rtl';

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set<Locale>(['ar']);

/**
 * The writing direction of a locale (of the interface, or of a content text's language): the
 * one place that knows Arabic is written right to left. `<html dir>` (hooks.server.ts), the
 * language switcher, emails and every text shown in its own language take it from here.
 */
export function directionOf(locale: string): Direction {
	return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/**
 * The `dir` of an element holding a text written by people: its language's direction when the
 * language is known (an item's title or body, with its `lang`), else `auto` (the direction of
 * its first letter). An Arabic title on a French page, or a French one on an Arabic page, is
 * then laid out in its own direction and kept apart from what surrounds it.
 */
export function textDirection(locale: string | null | undefined): Direction | 'auto' {
	return locale ? directionOf(locale) : 'auto';
}

/** Cookie remembering an explicit language choice. */
export const LOCALE_COOKIE = 'hub_locale';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Best supported locale for an Accept-Language header (RFC 9110 §12.5.4):
 * entries ordered by q-value, a regional tag (`nl-BE`) matching its language.
 */
export function negotiateLocale(header: string | null | undefined): Locale | null {
	if (!header) return null;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((entry) => entry.tag && entry.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
	for (const { tag } of ranked) {
		const language = tag.split('-')[0];
		if (isLocale(language)) return language;
	}
	return null;
}

/** The path with its locale segment replaced (`/fr/events?x=1` → `/nl/events?x=1`). */
export function localisePath(path: string, locale: Locale): string {
	const [pathname = '/', ...rest] = path.split(/(?=[?#])/);
	const segments = pathname.split('/');
	if (isLocale(segments[1])) segments[1] = locale;
	else segments.splice(1, 0, locale);
	const joined = segments.join('/').replace(/\/$/, '') || `/${locale}`;
	return joined + rest.join('');
}
