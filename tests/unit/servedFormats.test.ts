import { afterEach, describe, expect, it } from 'vitest';
import {
	dayParts,
	firstDayOfWeek,
	formatDate,
	formatEventRange,
	formatLanguages,
	formatNumber,
	namesOf,
	servedFormats,
	sortByName
} from '#lib/i18n/format';
import { formatRecordElement, recordElement, withFormatRecord } from '#lib/server/servedFormats';

// A page's dates, numbers and names are formatted by the server, which records them; the
// browser takes them from the page while it hydrates instead of loading ICU's data for Intl
// (#lib/i18n/format, "What the server formatted on a page").

/** The entries a page's element carries, read back as the browser reads them. */
function entriesOf(element: string): [string, unknown][] {
	const json = /^<script type="application\/json" id="hub-formats">(.*)<\/script>$/s.exec(element);
	expect(json, element).not.toBeNull();
	return JSON.parse(json?.[1] ?? '[]') as [string, unknown][];
}

/** Everything one page of the hub formats. */
function formatAPage() {
	return [
		formatDate('2026-11-22T23:30:00Z', 'fr'),
		formatDate('2027-01-10', 'fr', { dateStyle: 'long' }),
		formatNumber(1234.5, 'fr'),
		namesOf('fr', 'region').of('PS'),
		namesOf('fr', 'language').of('nl'),
		formatLanguages(['nl', 'de'], 'fr'),
		formatEventRange('2026-12-03T08:30:00Z', '2026-12-03T16:00:00Z', 'Europe/Brussels', 'fr'),
		dayParts('2026-12-03T08:30:00Z', 'America/Costa_Rica', 'fr'),
		firstDayOfWeek('fr'),
		sortByName(['BE', 'DE', 'AL'], (code) => code, 'region', 'fr')
	];
}

afterEach(() => servedFormats.end());

describe('formats served with a page', () => {
	it('are recorded from the moment the root layout renders, not before', () => {
		withFormatRecord(() => {
			// A form action's emails and the loads come first: nothing of them is put in the page.
			formatDate('2026-11-22T23:30:00Z', 'nl');
			servedFormats.begin();
			expect(formatRecordElement()).toBe('');
			const shown = formatAPage();
			const entries = entriesOf(formatRecordElement());
			expect(entries).toHaveLength(shown.length);
			expect(entries.map(([, value]) => value)).toContain('23 nov. 2026');
			expect(entries.map(([, value]) => value)).not.toContain('23 nov 2026');
		});
		// Outside a request (the outbox timer): nothing is recorded.
		expect(formatRecordElement()).toBe('');
	});

	it('are what a hydrating page shows, and only until it has hydrated', () => {
		const page = withFormatRecord(() => {
			servedFormats.begin();
			return { shown: formatAPage(), element: formatRecordElement() };
		});

		// The browser replays the page's record: the same results, whatever its own Intl says.
		servedFormats.replay(entriesOf(page.element));
		expect(formatAPage()).toEqual(page.shown);

		// Taken from the record, not formatted again: a record that says otherwise is believed.
		servedFormats.replay(
			entriesOf(page.element).map(([key, value]) => [
				key,
				typeof value === 'string' ? `served ${value}` : value
			])
		);
		expect(formatDate('2026-11-22T23:30:00Z', 'fr')).toBe('served 23 nov. 2026');
		expect(namesOf('fr', 'region').of('PS')).toBe('served Palestine');
		// What the page did not format is formatted as ever.
		expect(formatDate('2026-11-23T23:30:00Z', 'fr')).toBe('24 nov. 2026');

		// Once hydrated, the browser formats for itself.
		servedFormats.end();
		expect(formatDate('2026-11-22T23:30:00Z', 'fr')).toBe('23 nov. 2026');
	});

	it('cannot close their element, whatever a text holds', () => {
		const text = '</script><script>alert(1)</script><!--';
		const element = recordElement(new Map([['n\nfr\nregion\nXX', text]]));
		expect(element.indexOf('</script')).toBe(element.length - '</script>'.length);
		expect(element).not.toContain('<!--');
		expect(entriesOf(element)).toEqual([['n\nfr\nregion\nXX', text]]);
	});
});
