import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { needsWarning, today } from '#lib/reviewStages';
import { toICalendar } from '#lib/server/ical';
import { stageEvent, type StageRow } from '#lib/server/stageCalendar';

const reader = { locale: 'fr' as const, origin: 'https://hub.example.org', online: 'En ligne' };
const words = { kind: (kind: string) => `étape ${kind}`, demo: 'Dates de démonstration' };
const row: StageRow = {
	stage_id: '51000000-0000-4000-8000-000000000103',
	cycle_id: '50000000-0000-4000-8000-000000000001',
	country: 'BE',
	mechanism: 'crc_periodic',
	cycle_names: { en: 'Belgium review', fr: 'Examen de la Belgique' },
	is_demo: true,
	kind: 'pre_session',
	starts_on: '2027-03-08',
	ends_on: '2027-03-10',
	status: 'planned',
	names: {},
	document_url: null,
	updated_at: '2026-12-01T10:00:00Z'
};

describe('a review stage in a calendar', () => {
	it('is a whole-day entry over its range, in the reader language, marked as a demonstration date', () => {
		const text = toICalendar({
			name: 'Belgique',
			host: 'hub.example.org',
			events: [stageEvent(row, reader, words)]
		});
		expect(text).not.toContain('VTIMEZONE');
		const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
		const event = new ICAL.Event(vevent);
		expect(event.startDate.isDate).toBe(true);
		expect(event.startDate.toString()).toBe('2027-03-08');
		// DTEND is exclusive: the day after the last day of the range.
		expect(event.endDate.toString()).toBe('2027-03-11');
		expect(event.summary).toBe('étape pre_session: Examen de la Belgique (Dates de démonstration)');
		expect(event.uid).toBe(`stage-${row.stage_id}@hub.example.org`);
		expect(vevent.getFirstPropertyValue('url')).toBe(
			`https://hub.example.org/fr/countries/be/cycles/${row.cycle_id}`
		);
	});

	it('has no demonstration mark for real dates, and a single day ends the next day', () => {
		const text = toICalendar({
			name: 'x',
			host: 'h',
			events: [stageEvent({ ...row, is_demo: false, ends_on: null }, reader, words)]
		});
		const event = new ICAL.Event(
			new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!
		);
		expect(event.summary).toBe('étape pre_session: Examen de la Belgique');
		expect(event.endDate.toString()).toBe('2027-03-09');
	});
});

describe('the deadline warning', () => {
	const on = '2026-12-03';
	const stage = { kind: 'ngo_report_deadline', status: 'planned', starts_on: '2027-01-31' };

	it('warns about a planned deadline within 60 days with nothing linked', () => {
		expect(needsWarning(stage, 0, on)).toBe(true);
		expect(needsWarning({ ...stage, starts_on: on }, 0, on)).toBe(true);
		expect(needsWarning({ ...stage, starts_on: '2027-02-01' }, 0, on)).toBe(true);
	});

	it('is silent once something is linked, after 60 days, in the past, when done, or for a session', () => {
		expect(needsWarning(stage, 1, on)).toBe(false);
		expect(needsWarning({ ...stage, starts_on: '2027-02-02' }, 0, on)).toBe(false);
		expect(needsWarning({ ...stage, starts_on: '2026-12-02' }, 0, on)).toBe(false);
		expect(needsWarning({ ...stage, status: 'done' }, 0, on)).toBe(false);
		expect(needsWarning({ ...stage, kind: 'session' }, 0, on)).toBe(false);
	});

	it("takes today in Brussels, whatever the server's zone", () => {
		// 23:30 UTC on 31 December is already 1 January in Brussels.
		expect(today(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
	});
});
