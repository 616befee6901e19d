import type { Direction } from './config';

// Mixed-direction text (https://www.w3.org/International/articles/inline-bidi-markup/): a value
// put into a sentence — an organisation's name, a title, an email address, a date — is
// isolated from the words around it, so that a Latin name ending in ")" or a number in an
// Arabic sentence, or an Arabic name in a French one, neither reorders the sentence nor is
// reordered by it. Markup isolates where user text stands alone (`dir="auto"`, `<bdi>`); inside
// a translated sentence, which is one string, the Unicode isolates do it.

/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (Unicode Bidirectional Algorithm, UAX #9). */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** Letters of the scripts written right to left that the hub's people may use. */
const RIGHT_TO_LEFT_LETTER =
	/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/** Whether a text has letters of a right-to-left script. */
export function hasRightToLeft(text: string): boolean {
	return RIGHT_TO_LEFT_LETTER.test(text);
}

/**
 * A value as it goes into a sentence of a page written in `direction`: in a right-to-left
 * sentence always isolated (Latin names, addresses, numbers and punctuation are what go
 * wrong there); in a left-to-right one only when it has right-to-left letters (a Latin value
 * cannot disturb a Latin sentence, and stays searchable as it is).
 */
export function isolate(value: string, direction: Direction): string {
	if (value === '') return value;
	return direction === 'rtl' || hasRightToLeft(value) ? FSI + value + PDI : value;
}
