import { describe, expect, it } from 'vitest';
import { eventDetailsSchema, eventFormSchema } from '#lib/schemas/events';
import { parseForm } from '#lib/server/forms';

const valid = {
	organisation_id: '10000000-0000-4000-8000-000000000002',
	original_locale: 'nl',
	title: 'Vorming kinderrechten in de jeugdhulp',
	description: '## Programma\n\nEen dag over participatie.',
	accessibility_notes: 'Rolstoeltoegankelijk via de zij-ingang.',
	time_zone: 'Europe/Brussels',
	start_date: '2026-12-03',
	start_time: '09:30',
	end_date: '2026-12-03',
	end_time: '16:00',
	venue_name: 'Kinderrechtenhuis',
	venue_address: 'Rue de la Loi 1, 1000 Bruxelles',
	is_online: 'on',
	online_url: 'https://meet.example.org/vorming',
	capacity: '2',
	registration_mode: 'open',
	deadline_date: '2026-12-01',
	deadline_time: '',
	accessibility: ['wheelchair', 'captions'],
	joint_action_id: '',
	visibility: 'public',
	intent: 'publish'
};

function form(values: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(values)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
	}
	return data;
}

describe('event form', () => {
	it('turns local times in the chosen zone into instants', () => {
		const parsed = parseForm(eventFormSchema, form(valid));
		expect(parsed.success).toBe(true);
		if (!parsed.success) return;
		expect(parsed.data).toMatchObject({
			starts_at: '2026-12-03T08:30:00.000Z',
			ends_at: '2026-12-03T15:00:00.000Z',
			// A deadline day without a time: the end of that day, in the event's zone.
			registration_deadline: '2026-12-01T22:59:00.000Z',
			capacity: 2,
			is_online: true,
			online_url: 'https://meet.example.org/vorming',
			accessibility: ['wheelchair', 'captions'],
			joint_action_id: null,
			venue_name: 'Kinderrechtenhuis'
		});
	});

	it('empty capacity is unlimited, empty optional fields are null', () => {
		const parsed = parseForm(
			eventFormSchema,
			form({
				...valid,
				capacity: '',
				deadline_date: '',
				online_url: '',
				is_online: '',
				venue_name: ' ',
				accessibility: []
			})
		);
		expect(parsed.success && parsed.data).toMatchObject({
			capacity: null,
			registration_deadline: null,
			online_url: null,
			is_online: false,
			venue_name: null,
			accessibility: []
		});
	});

	it('tells every problem at once, next to its field', () => {
		const parsed = parseForm(
			eventFormSchema,
			form({
				...valid,
				title: '  ',
				end_date: '2026-12-02',
				capacity: '0',
				online_url: 'http://meet.example.org/x',
				deadline_date: '2026-12-04'
			})
		);
		expect(parsed.success).toBe(false);
		if (parsed.success) return;
		expect(parsed.errors).toEqual({
			title: 'validation:required',
			end_date: 'validation:event_end_before_start',
			capacity: 'validation:capacity_invalid',
			online_url: 'validation:url_https',
			deadline_date: 'validation:deadline_after_start'
		});
	});

	it('reads a capacity typed in Arabic-Indic digits', () => {
		const parsed = parseForm(eventFormSchema, form({ ...valid, capacity: '٦٠' }));
		expect(parsed.success && parsed.data.capacity).toBe(60);
	});

	it.each([['-1'], ['abc'], ['1.5'], ['0']])('refuses capacity %s', (capacity) => {
		const parsed = parseForm(eventFormSchema, form({ ...valid, capacity }));
		expect(parsed.success || parsed.errors.capacity).toBe('validation:capacity_invalid');
	});

	it('refuses an unknown time zone, a link that is not https, an end equal to the start', () => {
		const zone = parseForm(eventFormSchema, form({ ...valid, time_zone: 'Europe/Bruxelles' }));
		expect(zone.success || zone.errors.time_zone).toBe('validation:time_zone_unknown');
		for (const url of ['javascript:alert(1)', 'ftp://example.org', 'not a url']) {
			const parsed = parseForm(eventFormSchema, form({ ...valid, online_url: url }));
			expect(parsed.success || parsed.errors.online_url).toBe('validation:url_https');
		}
		const same = parseForm(eventFormSchema, form({ ...valid, end_time: '09:30' }));
		expect(same.success || same.errors.end_date).toBe('validation:event_end_before_start');
	});

	it('compares the end with the start in the zone, across a clock change', () => {
		// 25 October 2026, 02:30 happens twice in Brussels; 02:45 (first) is after 02:30 (first).
		const parsed = parseForm(
			eventDetailsSchema,
			form({
				...valid,
				start_date: '2026-10-25',
				start_time: '01:00',
				end_date: '2026-10-25',
				end_time: '04:00',
				deadline_date: ''
			})
		);
		expect(parsed.success && parsed.data.ends_at).toBe('2026-10-25T03:00:00.000Z');
		expect(parsed.success && parsed.data.starts_at).toBe('2026-10-24T23:00:00.000Z');
	});

	it('refuses a missing date or time and an unknown accessibility option', () => {
		const parsed = parseForm(
			eventFormSchema,
			form({ ...valid, start_date: '', end_time: '25:00', accessibility: ['teleport'] })
		);
		expect(parsed.success).toBe(false);
		if (parsed.success) return;
		expect(parsed.errors.start_date).toBe('validation:date_required');
		expect(parsed.errors.end_time).toBe('validation:time_required');
		expect(parsed.errors.accessibility).toBe('validation:invalid');
	});
});
