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
