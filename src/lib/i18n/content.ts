import type { Json } from '#lib/database.types';
import type { Locale } from './config';

export interface Localised {
	text: string;
	/** The language the text is in (for the `lang` attribute). */
	locale: string;
	/** True when the reader's language is missing and another one is shown. */
	isFallback: boolean;
}

/** The order in which languages are tried: the reader's, the original, English, any. */
function candidates(reader: string, original: string, available: Iterable<string>): string[] {
	return [reader, original, 'en', ...available];
}

/**
 * The reader's language when a translation exists, otherwise the original
 * (then English, then whatever there is), flagged so the page can say so.
 */
export function pickLocalised(
	texts: Json | null | undefined,
	reader: Locale,
	original: string
): Localised | null {
	if (!texts || typeof texts !== 'object' || Array.isArray(texts)) return null;
	const map = new Map(
		Object.entries(texts).filter(
			(entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''
		)
	);
	for (const locale of candidates(reader, original, map.keys())) {
		const text = map.get(locale);
		if (text) return { text, locale, isFallback: locale !== reader };
	}
	return null;
}

/** The translation row a reader is shown: the same choice as `pickLocalised`, among rows. */
function pickRow<T extends { locale: string }>(rows: T[], reader: string, original: string) {
	const byLocale = new Map(rows.map((row) => [row.locale, row]));
	for (const locale of candidates(reader, original, byLocale.keys())) {
		const row = byLocale.get(locale);
		if (row) return row;
	}
	return null;
}

/** The same choice among translation rows (`{ locale, … }`), for content tables. */
export function pickTranslation<T extends { locale: string }>(
	rows: T[],
	reader: string,
	original: string
): (T & { isFallback: boolean }) | null {
	const row = pickRow(rows, reader, original);
	return row && { ...row, isFallback: row.locale !== reader };
}

/**
 * Items with only the text their reader is shown (`pickTranslation`'s row, or none): a list
 * page carries one language of each item to the browser, not all of them, whatever the number
 * of languages the network writes in. The card's own `pickTranslation` then finds that row.
 */
export function forReader<
	T extends { original_locale: string; translations: { locale: string }[] }
>(rows: T[], reader: string): T[] {
	return rows.map((row) => {
		const shown = pickRow(row.translations, reader, row.original_locale);
		return { ...row, translations: shown ? [shown] : [] };
	});
}
