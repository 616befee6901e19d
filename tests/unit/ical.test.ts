import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
	escapeText,
	foldLine,
	localStamp,
	toICalendar,
	type CalendarEvent
} from '#lib/server/ical';

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

	it('folds lines of 1- to 4-octet characters at 75 octets, whole characters only', () => {
		for (const char of ['a', 'é', 'حق', '権', '🧒']) {
			for (const length of [20, 74, 75, 76, 200]) {
				const line = `SUMMARY:${char.repeat(length)}`;
				const folded = foldLine(line);
				expect(folded.split('\r\n ').join('')).toBe(line);
				for (const part of folded.split('\r\n')) {
					expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
					expect(part).not.toMatch(/\uFFFD/);
					expect(part.isWellFormed()).toBe(true);
				}
				if (new TextEncoder().encode(line).length <= 75) expect(folded).toBe(line);
			}
		}
	});

	it('escapes text values', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
	});
});

// Issue 11, finding 10: RFC 5545 §3.3.11 allows no control character in TEXT (only an
// escaped `\n` for a line break), and a bare CR is a line break to some parsers.
describe('iCalendar text from the database', () => {
	it.each([
		['a lone CR', 'x\rEND:VEVENT', 'x\\nEND:VEVENT'],
		['CRLF', 'x\r\nEND:VEVENT', 'x\\nEND:VEVENT'],
		['LF', 'x\nEND:VEVENT', 'x\\nEND:VEVENT'],
		['CR CR LF', 'x\r\r\ny', 'x\\n\\ny'],
		['a vertical tab and a form feed', 'x\u000by\u000cz', 'x\\ny\\nz'],
		['Unicode line and paragraph separators', 'x\u2028y\u2029z\u0085w', 'x\\ny\\nz\\nw'],
		['a tab', 'x\ty', 'x y'],
		['NUL', 'x\u0000y', 'xy'],
		['other C0 controls and DEL', 'a\u0001\u0007\u0008\u001b[0m\u001f\u007fb', 'a[0mb'],
		['C1 controls', 'a\u0080\u009fb', 'ab'],
		['escapes and a control together', 'a;b,c\\\r\u0000d', 'a\\;b\\,c\\\\\\nd']
	])('escapeText handles %s', (_, input, expected) => {
		expect(escapeText(input)).toBe(expected);
	});

	const hostile = 'x\rEND:VEVENT\rBEGIN:VEVENT\rUID:spoofed@evil\rSUMMARY:\u000bgot\u0000you';
	const calendarText = toICalendar(
		{
			name: `Org\r\nX-INJECTED:1 – ${hostile}`,
			host: 'hub.example.org',
			events: [
				{
					id: '30000000-0000-4000-8000-000000000201\r\nX-UID:1',
					title: hostile,
					description: `Desc\r${hostile}`,
					location: `Place\u0000\r${hostile}`,
					startsAt: new Date('2026-12-03T08:30:00Z'),
					endsAt: new Date('2026-12-03T16:00:00Z'),
					timeZone: 'Europe/Brussels',
					url: 'https://hub.example.org/fr/events/1\r\nX-URL:1'
				}
			]
		},
		new Date('2026-11-30T12:00:00Z')
	);

	it('has no control character other than the CRLF line ends and folds', () => {
		const unfolded = calendarText.replace(/\r\n /g, '');
		const lines = unfolded.split('\r\n');
		expect(lines.pop()).toBe('');
		for (const line of lines) expect(line).not.toMatch(/\p{Cc}/u);
	});

	it('keeps one event with the hub UID and the hostile text as plain text', () => {
		const unfolded = calendarText.replace(/\r\n /g, '');
		expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
		expect(unfolded).not.toMatch(/^(UID:spoofed|X-INJECTED|X-UID|X-URL)/m);
		expect(unfolded).toContain(
			'\r\nSUMMARY:x\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:spoofed@evil\\nSUMMARY:\\ngotyou\r\n'
		);
		expect(unfolded).toContain(
			'\r\nUID:30000000-0000-4000-8000-000000000201X-UID:1@hub.example.org\r\n'
		);
		expect(unfolded).toContain('\r\nURL:https://hub.example.org/fr/events/1X-URL:1\r\n');
		expect(unfolded).toContain('\r\nX-WR-CALNAME:Org\\nX-INJECTED:1 – x\\nEND:VEVENT');
		expect(unfolded).toContain('\r\nLOCATION:Place\\nx\\nEND:VEVENT');
		const [event] = parse(calendarText).getAllSubcomponents('vevent');
		expect(event!.getFirstPropertyValue('summary')).toBe(
			'x\nEND:VEVENT\nBEGIN:VEVENT\nUID:spoofed@evil\nSUMMARY:\ngotyou'
		);
	});
});
