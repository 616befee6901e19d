import { describe, expect, it } from 'vitest';
import { formatFileSize, formatNumber, formatDate, intlLocale } from '#lib/i18n/format';

describe('formatFileSize', () => {
	it('says kB below a megabyte, and never 0 kB', () => {
		expect(formatFileSize(10, 'en')).toBe('1 kB');
		expect(formatFileSize(300 * 1024, 'en')).toBe('300 kB');
	});

	it('says MB to one decimal from a megabyte on, in the reader’s number format and units', () => {
		expect(formatFileSize(1024 * 1024, 'en')).toBe('1 MB');
		expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
		// French puts a narrow no-break space before the unit.
		expect(formatFileSize(1.5 * 1024 * 1024, 'fr')).toBe('1,5\u202fMo');
		expect(formatFileSize(300 * 1024, 'ar')).toBe('300 كيلوبايت');
	});
});

describe('numbers and dates in Arabic', () => {
	it('use Latin digits, whatever the Intl data of the engine defaults to', () => {
		expect(intlLocale('ar')).toBe('ar-u-nu-latn');
		expect(intlLocale('fr')).toBe('fr');
		expect(formatNumber(1234.5, 'ar')).toBe('1,234.5');
		expect(formatDate('2026-12-03T12:00:00Z', 'ar', { dateStyle: 'long', timeZone: 'UTC' })).toBe(
			'3 ديسمبر 2026'
		);
	});

	it('never show an Arabic-Indic digit', () => {
		const texts = [
			formatNumber(9876543210, 'ar'),
			formatDate('2029-08-27T19:45:00Z', 'ar', {
				dateStyle: 'full',
				timeStyle: 'short',
				timeZone: 'Asia/Gaza'
			})
		];
		for (const text of texts) expect(text).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
	});
});
