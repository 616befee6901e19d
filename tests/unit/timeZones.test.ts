import { describe, expect, it } from 'vitest';
import { defaultTimeZone, isTimeZone, TIME_ZONES, utcToZoned, zonedToUtc } from '#lib/timeZones';

describe('zonedToUtc: wall-clock time in a zone to an instant', () => {
	it('uses winter time (UTC+1) and summer time (UTC+2) in Brussels', () => {
		expect(zonedToUtc('2026-12-03', '09:30', 'Europe/Brussels').toISOString()).toBe(
			'2026-12-03T08:30:00.000Z'
		);
		expect(zonedToUtc('2026-07-03', '09:30', 'Europe/Brussels').toISOString()).toBe(
			'2026-07-03T07:30:00.000Z'
		);
	});

	it('switches offset on the day the clocks change (29 March and 25 October 2026)', () => {
		// Before and after 02:00 → 03:00 on 29 March 2026.
		expect(zonedToUtc('2026-03-29', '01:30', 'Europe/Brussels').toISOString()).toBe(
			'2026-03-29T00:30:00.000Z'
		);
		expect(zonedToUtc('2026-03-29', '10:00', 'Europe/Brussels').toISOString()).toBe(
			'2026-03-29T08:00:00.000Z'
		);
		// After 03:00 → 02:00 on 25 October 2026.
		expect(zonedToUtc('2026-10-25', '10:00', 'Europe/Brussels').toISOString()).toBe(
			'2026-10-25T09:00:00.000Z'
		);
	});

	it('a time the clocks skip moves forward; a time that happens twice is the first one', () => {
		// 02:30 does not exist on 29 March in Brussels: it becomes 03:30 summer time.
		expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Brussels').toISOString()).toBe(
			'2026-03-29T01:30:00.000Z'
		);
		// 02:30 happens twice on 25 October: the first, still summer time (UTC+2).
		expect(zonedToUtc('2026-10-25', '02:30', 'Europe/Brussels').toISOString()).toBe(
			'2026-10-25T00:30:00.000Z'
		);
	});

	it('handles zones west of UTC, southern summer time and half hours', () => {
		expect(zonedToUtc('2026-06-01', '18:00', 'America/Costa_Rica').toISOString()).toBe(
			'2026-06-02T00:00:00.000Z'
		);
		// São Paulo has no summer time any more; Sydney is UTC+11 in January.
		expect(zonedToUtc('2027-01-15', '09:00', 'Australia/Sydney').toISOString()).toBe(
			'2027-01-14T22:00:00.000Z'
		);
		expect(zonedToUtc('2026-11-28', '12:00', 'Asia/Kolkata').toISOString()).toBe(
			'2026-11-28T06:30:00.000Z'
		);
		expect(zonedToUtc('2026-11-28', '12:00', 'UTC').toISOString()).toBe('2026-11-28T12:00:00.000Z');
	});

	it('refuses an impossible date, a bad time or an unknown zone', () => {
		expect(() => zonedToUtc('2026-02-30', '10:00', 'Europe/Brussels')).toThrow(RangeError);
		expect(() => zonedToUtc('2026-02-10', '24:00', 'Europe/Brussels')).toThrow(RangeError);
		expect(() => zonedToUtc('2026-02-10', '10:00', 'Europe/Bruxelles')).toThrow(RangeError);
	});

	it('utcToZoned reads an instant back as the same wall-clock time', () => {
		for (const [date, time, zone] of [
			['2026-12-03', '09:30', 'Europe/Brussels'],
			['2026-07-03', '23:45', 'Europe/Amsterdam'],
			['2026-10-25', '02:30', 'Europe/Brussels'],
			['2026-06-01', '18:00', 'America/Costa_Rica']
		] as const) {
			expect(utcToZoned(zonedToUtc(date, time, zone), zone)).toEqual({ date, time });
		}
	});
});

describe('time zone names', () => {
	it('knows IANA names only', () => {
		expect(isTimeZone('Europe/Brussels')).toBe(true);
		expect(isTimeZone('UTC')).toBe(true);
		expect(isTimeZone('CET-ish')).toBe(false);
		expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(isTimeZone('')).toBe(false);
		expect(TIME_ZONES).toContain('America/La_Paz');
	});

	it("defaults to the organisation's country zone, else Brussels", () => {
		expect(defaultTimeZone('NL')).toBe('Europe/Amsterdam');
		expect(defaultTimeZone('CR')).toBe('America/Costa_Rica');
		expect(defaultTimeZone('GR')).toBe('Europe/Athens');
		expect(defaultTimeZone('US')).toBe('Europe/Brussels'); // several zones: no guess
		expect(defaultTimeZone(null)).toBe('Europe/Brussels');
	});
});
