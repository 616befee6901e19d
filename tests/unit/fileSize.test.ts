import { describe, expect, it } from 'vitest';
import { formatFileSize } from '#lib/i18n/format';

describe('formatFileSize', () => {
	it('says kB below a megabyte, and never 0 kB', () => {
		expect(formatFileSize(10, 'en')).toBe('1 kB');
		expect(formatFileSize(300 * 1024, 'en')).toBe('300 kB');
	});

	it('says MB to one decimal from a megabyte on, in the reader’s number format', () => {
		expect(formatFileSize(1024 * 1024, 'en')).toBe('1 MB');
		expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
		expect(formatFileSize(1.5 * 1024 * 1024, 'fr')).toBe('1,5 MB');
	});
});
