import type { Json } from '#lib/database.types';
import type { Locale } from './config';

export interface Localised {
	text: string;
	/** The language the text is in (for the `lang` attribute). */
	locale: string;
	/** True when the reader's language is missing and another one is shown. */
	isFallback: boolean;
}

/**
 * The text a reader is shown among texts by language: the reader's, the original, English,
 * then any, with the language it is in.
 */
function preferred<V>(
	available: Map<string, V>,
	reader: string,
	original: string
): { locale: string; value: V } | null {
	for (const locale of [reader, original, 'en', ...available.keys()]) {
		const value = available.get(locale);
		if (value) return { locale, value };
	}
	return null;
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
	const found = preferred(map, reader, original);
	return found && { text: found.value, locale: found.locale, isFallback: found.locale !== reader };
}

/** The translation row a reader is shown: the same choice as `pickLocalised`, among rows. */
function pickRow<T extends { locale: string }>(rows: T[], reader: string, original: string) {
	return preferred(new Map(rows.map((row) => [row.locale, row])), reader, original)?.value ?? null;
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

/** An item as the lists load it: the language it was written in and its texts by language. */
export interface Translated {
	original_locale: string;
	translations: { locale: string }[];
}

/**
 * Items with only the text their reader is shown (`pickTranslation`'s row, or none): a list
 * page carries one language of each item to the browser, not all of them, whatever the number
 * of languages the network writes in. The card's own `pickTranslation` then finds that row.
 */
export function forReader<T extends Translated>(rows: T[], reader: string): T[] {
	return rows.map((row) => {
		const shown = pickRow(row.translations, reader, row.original_locale);
		return { ...row, translations: shown ? [shown] : [] };
	});
}

/** An item as a list of its titles shows it (ItemTitleList): its titles by language. */
export interface TitledItem extends Translated {
	id: string;
	translations: { locale: string; title: string }[];
}

/**
 * Items as a list of their titles shows them (the country, article and organisation pages):
 * the id, the original language and the one title the reader is shown, not a list row's other
 * columns and texts.
 */
export function titlesFor(rows: TitledItem[], reader: string): TitledItem[] {
	return forReader(rows, reader).map(({ id, original_locale, translations }) => ({
		id,
		original_locale,
		translations: translations.map(({ locale, title }) => ({ locale, title }))
	}));
}
