import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
	escapeText,
	foldLine,
	localStamp,
	toICalendar,
	type CalendarEvent
} from '$lib/server/ical';

function parse(text: string) {
	const component = new ICAL.Component(ICAL.parse(text));
	for (const zone of component.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	}
	return component;
}

const base: Omit<CalendarEvent, 'id' | 'startsAt' | 'endsAt' | 'timeZone'> = {
	title: 'Formation : droits de l’enfant, justice; et participation',
	description: 'Ligne 1\nLigne 2 — avec des accents éàü et un long texte '.repeat(4),
	url: 'https://hub.example.org/fr/events/1',
	location: 'Rue de Namur 22, 1000 Bruxelles'
};

describe('iCalendar', () => {
	const events: CalendarEvent[] = [
		// Winter and summer in Brussels (CET / CEST), a zone without DST, and one far west.
		{
			...base,
			id: 'winter',
			url: 'https://hub.example.org/fr/events/winter',
			startsAt: new Date('2026-12-03T08:30:00Z'),
			endsAt: new Date('2026-12-03T16:00:00Z'),
			timeZone: 'Europe/Brussels'
		},
		{
			...base,
			id: 'summer',
			url: 'https://hub.example.org/fr/events/summer',
			startsAt: new Date('2027-06-10T07:00:00Z'),
			endsAt: new Date('2027-06-10T09:00:00Z'),
			timeZone: 'Europe/Brussels'
		},
		{
			...base,
			id: 'accra',
			url: 'https://hub.example.org/fr/events/accra',
			startsAt: new Date('2027-02-01T10:00:00Z'),
			endsAt: new Date('2027-02-01T12:00:00Z'),
			timeZone: 'Africa/Accra'
		},
		{
			...base,
			id: 'costa-rica',
			url: 'https://hub.example.org/fr/events/costa-rica',
			startsAt: new Date('2027-03-28T15:00:00Z'),
			endsAt: new Date('2027-03-28T17:30:00Z'),
			timeZone: 'America/Costa_Rica',
			cancelled: true
		}
	];
	const text = toICalendar({
		name: 'DCI Network Hub',
		host: 'hub.example.org',
		events,
		refreshMinutes: 60
	});

	it('parses with an iCalendar library and keeps every instant, in the event zone', () => {
		const calendar = parse(text);
		const vevents = calendar.getAllSubcomponents('vevent');
		expect(vevents).toHaveLength(events.length);
		for (const [index, vevent] of vevents.entries()) {
			const event = new ICAL.Event(vevent);
			const expected = events[index]!;
			expect(event.uid).toBe(`${expected.id}@hub.example.org`);
			expect(event.startDate.zone.tzid).toBe(expected.timeZone);
			expect(event.startDate.toJSDate().toISOString()).toBe(expected.startsAt.toISOString());
			expect(event.endDate.toJSDate().toISOString()).toBe(expected.endsAt.toISOString());
			expect(event.summary).toBe(expected.title);
			expect(event.location).toBe(expected.location);
		}
	});

	it('writes local wall-clock times (09:30 in Brussels in winter, 09:00 in summer)', () => {
		expect(text).toContain('DTSTART;TZID=Europe/Brussels:20261203T093000');
		expect(text).toContain('DTSTART;TZID=Europe/Brussels:20270610T090000');
		expect(text).toContain('DTSTART;TZID=America/Costa_Rica:20270328T090000');
		expect(localStamp(new Date('2026-10-25T00:30:00Z'), 'Europe/Brussels')).toBe('20261025T023000');
	});

	it('marks cancelled events and links back to the event page', () => {
		const calendar = parse(text);
		const cancelled = calendar.getAllSubcomponents('vevent')[3]!;
		expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
		// Each event links to its own page.
		expect(
			calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('url'))
		).toEqual(
			['winter', 'summer', 'accra', 'costa-rica'].map(
				(id) => `https://hub.example.org/fr/events/${id}`
			)
		);
	});

	it('uses CRLF line ends and folds long lines at 75 octets without splitting characters', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		for (const line of text.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
		const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
		expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(80)}`);
	});

	it('escapes text values', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
	});
});
