import { describe, expect, it } from 'vitest';
import { createI18n } from '#lib/i18n';
import { resourcesFor } from '#lib/i18n/resources';
import {
	calendarResponse,
	feedEvent,
	shorten,
	toCalendarEvent,
	type CalendarReader,
	type FeedEventRow
} from '#lib/server/eventCalendar';

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

const feedRow: FeedEventRow = {
	event_id: row.id,
	original_locale: 'fr',
	starts_at: row.starts_at,
	ends_at: row.ends_at,
	time_zone: 'Europe/Brussels',
	venue_name: null,
	venue_address: null,
	is_online: true,
	cancelled_at: null,
	updated_at: '2026-11-30T08:00:00Z',
	titles: { fr: 'Webinaire', en: 'Webinar' },
	descriptions: { fr: 'Une description. '.repeat(60) }
};

const feedUrl = 'https://hub.example/fr/events/feed.ics';

/** A feed's answer as the feed routes build it: its rows as events, in one calendar. */
function feedResponse(
	request: Request,
	name: string,
	rows: FeedEventRow[],
	calendarReader: CalendarReader,
	cacheControl: string
) {
	const events = rows.map((one) => feedEvent(one, calendarReader));
	return calendarResponse(request, name, events, calendarReader, cacheControl);
}

describe('feedResponse', () => {
	it('gives the same bytes and ETag for the same events, whenever it is asked', async () => {
		const first = feedResponse(new Request(feedUrl), 'Hub', [feedRow], reader('fr'), 'public');
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const second = feedResponse(new Request(feedUrl), 'Hub', [feedRow], reader('fr'), 'public');
		expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
		expect(await second.text()).toBe(await first.text());
	});

	it('answers 304 without a body to a calendar app that has the current version', async () => {
		const etag = feedResponse(
			new Request(feedUrl),
			'Hub',
			[feedRow],
			reader('fr'),
			'public'
		).headers.get('etag')!;
		const again = feedResponse(
			new Request(feedUrl, { headers: { 'if-none-match': `W/${etag}` } }),
			'Hub',
			[feedRow],
			reader('fr'),
			'private, no-cache'
		);
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('cache-control')).toBe('private, no-cache');
	});

	it('gives the whole feed again once an event changed', () => {
		const etag = feedResponse(
			new Request(feedUrl),
			'Hub',
			[feedRow],
			reader('fr'),
			'public'
		).headers.get('etag')!;
		const changed = feedResponse(
			new Request(feedUrl, { headers: { 'if-none-match': etag } }),
			'Hub',
			[{ ...feedRow, updated_at: '2026-11-30T09:00:00Z', titles: { fr: 'Webinaire (déplacé)' } }],
			reader('fr'),
			'public'
		);
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
	});

	it('cuts a long description at a word and keeps the link to the event', async () => {
		const text = await feedResponse(
			new Request(feedUrl),
			'Hub',
			[feedRow],
			reader('fr'),
			'public'
		).text();
		const description = text
			.split('\r\n')
			.reduce((lines: string[], line) => {
				if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
				else lines.push(line);
				return lines;
			}, [])
			.find((line) => line.startsWith('DESCRIPTION:'))!;
		expect(description.length).toBeLessThan(700);
		expect(description).toContain(String.raw`Une…\n\nhttps://hub.example/`);
		expect(description).toContain(`https://hub.example/fr/events/${row.id}`);
	});
});

describe('shorten', () => {
	it('keeps a short text as it is', () => {
		expect(shorten('Une rencontre.', 500)).toBe('Une rencontre.');
	});

	it('cuts a long one after a whole word, with an ellipsis', () => {
		expect(shorten('un deux trois quatre', 12)).toBe('un deux…');
	});
});
