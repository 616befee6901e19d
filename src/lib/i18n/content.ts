import type { Json } from '$lib/database.types';
import type { Locale } from './config';

export interface Localised {
	text: string;
	/** The language the text is in (for the `lang` attribute). */
	locale: string;
	/** True when the reader's language is missing and another one is shown. */
	isFallback: boolean;
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
	const entries = Object.entries(texts).filter(
		(entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''
	);
	const map = new Map(entries);
	const own = map.get(reader);
	if (own) return { text: own, locale: reader, isFallback: false };
	for (const candidate of [original, 'en', ...map.keys()]) {
		const text = map.get(candidate);
		if (text) return { text, locale: candidate, isFallback: true };
	}
	return null;
}
