import { describe, expect, it } from 'vitest';
import { createI18n } from '#lib/i18n';
import { resourcesFor } from '#lib/i18n/resources';
import { toCalendarEvent } from '#lib/server/eventCalendar';

const row = {
	id: '00000000-0000-4000-8000-000000000001',
	original_locale: 'fr',
	starts_at: '2026-12-10T09:00:00Z',
	ends_at: '2026-12-10T11:00:00Z',
	time_zone: 'Europe/Brussels',
	venue_name: null,
	venue_address: null,
	is_online: true,
	cancelled_at: null,
	translations: [{ locale: 'fr', title: 'Webinaire', description: '' }]
};

/** A reader as calendarReader builds it, in the given language. */
function reader(locale: 'fr' | 'nl' | 'en') {
	const i18n = createI18n(locale, resourcesFor(locale));
	return { locale, origin: 'https://hub.example', online: i18n.t('events:online') };
}

describe('toCalendarEvent', () => {
	it('names an online event without a venue in the reader’s language', () => {
		expect(toCalendarEvent(row, reader('fr')).location).toBe('En ligne');
		expect(toCalendarEvent(row, reader('en')).location).toBe('Online');
	});

	it('prefers the venue and its address over the online label', () => {
		const event = toCalendarEvent(
			{ ...row, venue_name: 'Maison des ONG', venue_address: 'Rue Royale 1, Bruxelles' },
			reader('fr')
		);
		expect(event.location).toBe('Maison des ONG, Rue Royale 1, Bruxelles');
	});

	it('has no location for an event that is neither online nor somewhere', () => {
		expect(toCalendarEvent({ ...row, is_online: false }, reader('nl')).location).toBeNull();
	});

	it('links to the event in the reader’s language', () => {
		expect(toCalendarEvent(row, reader('nl')).url).toBe(`https://hub.example/nl/events/${row.id}`);
	});
});
