import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '#lib/i18n/format';

// The server renders a page in its own zone and the browser hydrates it in the reader's: a date
// must come out the same in both, or the reader sees another day than the one written.
const ZONE = process.env.TZ;
afterEach(() => {
	if (ZONE === undefined) delete process.env.TZ;
	else process.env.TZ = ZONE;
});

describe('dates', () => {
	for (const zone of ['Pacific/Pago_Pago', 'UTC', 'Pacific/Kiritimati']) {
		it(`read the same in a process whose zone is ${zone}`, () => {
			process.env.TZ = zone;
			// A calendar day is that day (parsed as midnight UTC, it was the 9th west of Greenwich).
			expect(formatDate('2027-01-10', 'fr')).toBe('10 janv. 2027');
			expect(formatDate('2027-01-10', 'en', { dateStyle: 'long' })).toBe('January 10, 2027');
			// An instant is shown in the hub's home zone: 23:30 UTC is already the 23rd in Brussels.
			expect(formatDate('2026-11-22T23:30:00Z', 'nl')).toBe('23 nov 2026');
			// A zone given by the caller wins.
			expect(
				formatDate('2026-11-22T23:30:00Z', 'en', { dateStyle: 'medium', timeZone: 'UTC' })
			).toBe('Nov 22, 2026');
		});
	}
});
