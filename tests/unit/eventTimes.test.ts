import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatEventMoment, formatEventRange } from '#lib/i18n/format';

// An event's times keep the hour and its day period on one line ("4:30 م"), and are otherwise
// exactly Intl's.
const START = '2026-12-17T13:30:00Z';
const END = '2026-12-17T16:30:00Z';
const OPTIONS: Intl.DateTimeFormatOptions = {
	timeZone: 'Asia/Hebron',
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	timeZoneName: 'short'
};

describe('event times', () => {
	it('join an Arabic hour to its ص/م with a no-break space, and change nothing else', () => {
		const range = formatEventRange(START, END, 'Asia/Hebron', 'ar');
		expect(range).toMatch(/\d\u00a0م/u);
		expect(range).not.toMatch(/\d [صم]/u);
		const intl = dateTimeFormat('ar', OPTIONS).formatRange(new Date(START), new Date(END));
		expect(range.replaceAll('\u00a0', ' ')).toBe(intl.replaceAll('\u00a0', ' '));

		const moment = formatEventMoment(START, 'Asia/Hebron', 'ar');
		expect(moment).toMatch(/\d\u00a0م/u);
		expect(moment.replaceAll('\u00a0', ' ')).toBe(
			dateTimeFormat('ar', OPTIONS).format(new Date(START)).replaceAll('\u00a0', ' ')
		);
	});

	it('leave a 24-hour clock as Intl writes it', () => {
		const options = { ...OPTIONS, timeZone: 'Europe/Brussels' };
		for (const locale of ['fr', 'nl', 'de']) {
			expect(formatEventRange(START, END, 'Europe/Brussels', locale)).toBe(
				dateTimeFormat(locale, options).formatRange(new Date(START), new Date(END))
			);
		}
	});
});
