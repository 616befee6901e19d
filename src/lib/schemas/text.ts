import { z } from 'zod';
import { isDate, YEAR_MAX, YEAR_MIN } from '#lib/timeZones';

/*
 * The one home of the rules for text, dates and months that come from a request (query
 * string or form), shared by every schema. Postgres refuses NUL in text (PostgREST answers
 * 22P05) and impossible dates (22008); control characters end up in file formats (.ics,
 * CSV) and email headers. So they are refused (forms, with a translated message) or
 * dropped (query filters) here, before anything reaches the database (issue 11).
 */

/** Control characters (C0, DEL, C1), including tabs and line breaks. */
const CONTROL = /\p{Cc}/u;
/** Control characters other than a line feed and a tab. */
const CONTROL_IN_LINES = /[^\P{Cc}\n\t]/u;

/** Text that is valid Unicode (no lone surrogate) and has no control character. */
export function isCleanLine(value: string): boolean {
	return value.isWellFormed() && !CONTROL.test(value);
}

/** Like isCleanLine, but line feeds and tabs are allowed (after normaliseNewlines). */
export function isCleanText(value: string): boolean {
	return value.isWellFormed() && !CONTROL_IN_LINES.test(value);
}

/**
 * Arabic-Indic (٠١٢…) and Eastern Arabic-Indic (۰۱۲…) digits as Latin ones: what an Arabic
 * keyboard types into a number (a capacity, UNCRC articles), read as the hub stores it.
 */
export function latinDigits(value: string): string {
	return value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) =>
		String(digit.charCodeAt(0) & 0xf)
	);
}

/** CRLF (what browsers send for a textarea) and a lone CR become LF. */
export function normaliseNewlines(value: string): string {
	return value.replace(/\r\n?/g, '\n');
}

/**
 * A one-line text field (a title, a name): trimmed, at most `max` characters, with no
 * control character at all. Chain `.min(1, …)` for a required one.
 */
export function singleLine(max: number) {
	return z
		.string({ error: 'validation:required' })
		.trim()
		.max(max, { error: 'validation:too_long' })
		.refine(isCleanLine, { error: 'validation:control_characters' });
}

/**
 * A text area (a description, Markdown): line breaks normalised to LF, at most `max`
 * characters, no control character other than line feeds and tabs. Not trimmed unless
 * `trim` (leading spaces can matter in Markdown).
 */
export function multiLine(max: number, options: { trim?: boolean; tooLong?: string } = {}) {
	const base = z.string({ error: 'validation:required' }).overwrite(normaliseNewlines);
	return (options.trim ? base.trim() : base)
		.max(max, { error: options.tooLong ?? 'validation:too_long' })
		.refine(isCleanText, { error: 'validation:control_characters' });
}

/**
 * Search text from the query string: control characters become spaces and the rest is
 * searched for; longer than `max` or empty, the filter is dropped (the list is shown).
 */
export function searchText(max = 200) {
	return z
		.string()
		.overwrite((value) => (value.isWellFormed() ? value : value.toWellFormed()))
		.overwrite((value) => value.replace(/\p{Cc}+/gu, ' '))
		.trim()
		.max(max)
		.optional()
		.transform((value) => value || undefined)
		.catch(undefined);
}

/** A calendar date that exists (YYYY-MM-DD, years YEAR_MIN–YEAR_MAX). */
export const isoDate = z.string().refine(isDate, { error: 'validation:date_invalid' });

/** A month (YYYY-MM, years YEAR_MIN–YEAR_MAX). */
export const isoMonth = z.string().refine(isMonth, { error: 'validation:date_invalid' });

/** YYYY-MM with a month 01–12 and a year in the range the hub handles. */
export function isMonth(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
	return !!match && Number(match[1]) >= YEAR_MIN && Number(match[1]) <= YEAR_MAX;
}
