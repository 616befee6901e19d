import { describe, expect, it } from 'vitest';
import { keyParity, pluralCategoriesOf } from '#lib/i18n/parity';

// The rule the key-parity check in i18n.test.ts applies to every locale, on small tables.

const english = {
	events: {
		count_one: '{{count}} event',
		count_other: '{{count}} events',
		title: 'Events'
	},
	papers: {
		// A paper kind, not a plural form: there is no kind_one.
		kind_other: 'Other',
		title: 'Papers'
	}
};

const arabicEvents = {
	count_zero: 'لا توجد أي فعالية',
	count_one: 'فعالية واحدة',
	count_two: 'فعاليتان',
	count_few: '{{count}} فعاليات',
	count_many: '{{count}} فعالية',
	count_other: '{{count}} فعالية',
	title: 'الفعاليات'
};
const arabicPapers = { kind_other: 'أخرى', title: 'أوراق الموقف' };

describe('the plural forms a locale must have', () => {
	it('are the categories of Intl.PluralRules: six in Arabic, two in English', () => {
		expect(pluralCategoriesOf('ar').sort()).toEqual(
			['few', 'many', 'one', 'other', 'two', 'zero'].sort()
		);
		expect(pluralCategoriesOf('en').sort()).toEqual(['one', 'other']);
	});

	it('passes an Arabic table with all six forms of each pluralised key', () => {
		const result = keyParity(english, 'en', { events: arabicEvents, papers: arabicPapers }, 'ar');
		expect(result).toEqual({ missing: [], unknown: [] });
	});

	it('fails an Arabic table missing _few', () => {
		const withoutFew = Object.fromEntries(
			Object.entries(arabicEvents).filter(([key]) => key !== 'count_few')
		);
		const result = keyParity(english, 'en', { events: withoutFew, papers: arabicPapers }, 'ar');
		expect(result.missing).toEqual(['events:count_few']);
	});

	it('fails an Arabic table with only the English forms', () => {
		const result = keyParity(
			english,
			'en',
			{ events: { ...english.events }, papers: arabicPapers },
			'ar'
		);
		expect(result.missing).toEqual([
			'events:count_few',
			'events:count_many',
			'events:count_two',
			'events:count_zero'
		]);
	});

	it('fails a form the language does not have (German has no _few)', () => {
		const german = {
			events: { count_one: '{{count}} Veranstaltung', count_other: '{{count}} Veranstaltungen' },
			papers: { kind_other: 'Sonstiges', title: 'Positionspapiere' }
		};
		const result = keyParity(
			english,
			'en',
			{
				events: { ...german.events, count_few: 'x', title: 'Veranstaltungen' },
				papers: german.papers
			},
			'de'
		);
		expect(result).toEqual({ missing: [], unknown: ['events:count_few'] });
	});

	it('asks French for _many (un million d’événements) as Intl.PluralRules does', () => {
		const french = {
			events: {
				count_one: '{{count}} événement',
				count_other: '{{count}} événements',
				title: 'Événements'
			},
			papers: { kind_other: 'Autre', title: 'Prises de position' }
		};
		expect(keyParity(english, 'en', french, 'fr').missing).toEqual(['events:count_many']);
	});

	it('treats a key that only looks like a plural form as a plain key', () => {
		const result = keyParity(english, 'en', { events: arabicEvents, papers: { title: 'x' } }, 'ar');
		expect(result.missing).toEqual(['papers:kind_other']);
	});
});
