import { describe, expect, it } from 'vitest';
import { actionFormSchema } from '#lib/schemas/jointActions';
import { parseForm } from '#lib/server/forms';

const valid = {
	organisation_id: '10000000-0000-4000-8000-000000000002',
	original_locale: 'fr',
	title: 'On n’enferme pas un enfant',
	summary: 'Campagne commune',
	body: '## Pourquoi\n\nParce que.',
	areas: 'lobbying_advocacy',
	crc_articles: '37, 3 22',
	countries: 'be, nl',
	themes: 'migration, détention',
	phase: 'ongoing',
	starts_on: '2026-03-01',
	ends_on: '2026-12-31',
	visibility: 'network',
	intent: 'publish'
};

function form(values: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(values)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
	}
	return data;
}

describe('joint action form', () => {
	it('accepts a complete action and normalises lists', () => {
		const result = parseForm(
			actionFormSchema,
			form({ ...valid, areas: ['lobbying_advocacy', 'legal_actions'] })
		);
		expect(result.success).toBe(true);
		if (result.success) {
			expect(result.data.crc_articles).toEqual([3, 22, 37]);
			expect(result.data.countries).toEqual(['BE', 'NL']);
			expect(result.data.themes).toEqual(['migration', 'détention']);
			expect(result.data.areas).toEqual(['lobbying_advocacy', 'legal_actions']);
		}
	});

	it('reads lists typed on an Arabic keyboard: the Arabic comma and Arabic-Indic digits', () => {
		const result = parseForm(
			actionFormSchema,
			form({
				...valid,
				original_locale: 'ar',
				title: 'توثيق احتجاز الأطفال',
				crc_articles: '٣٧، ٤٠؛ 12',
				countries: 'ps، be',
				themes: 'احتجاز، قضاء الأحداث, detention'
			})
		);
		expect(result.success).toBe(true);
		if (result.success) {
			expect(result.data.original_locale).toBe('ar');
			expect(result.data.crc_articles).toEqual([12, 37, 40]);
			expect(result.data.countries).toEqual(['PS', 'BE']);
			expect(result.data.themes).toEqual(['احتجاز', 'قضاء الأحداث', 'detention']);
		}
	});

	it.each([
		['missing title', { title: '  ' }, 'title', 'validation:required'],
		['end before start', { ends_on: '2026-01-01' }, 'ends_on', 'validation:end_before_start'],
		[
			'unknown UNCRC article',
			{ crc_articles: '3, 55' },
			'crc_articles',
			'validation:crc_article_unknown'
		],
		[
			'not an article number',
			{ crc_articles: 'twelve' },
			'crc_articles',
			'validation:crc_article_unknown'
		],
		['oversize body', { body: 'x'.repeat(50001) }, 'body', 'validation:body_too_long'],
		[
			'tampered organisation id',
			{ organisation_id: "1' or 1=1" },
			'organisation_id',
			'validation:organisation_not_allowed'
		],
		['no area', { areas: [] as string[] }, 'areas', 'validation:area_required'],
		['bad country', { countries: 'Belgium' }, 'countries', 'validation:country_invalid'],
		['bad date', { starts_on: '01/03/2026' }, 'starts_on', 'validation:date_invalid']
	])('refuses %s with an i18n key on the field', (_name, change, field, key) => {
		const result = parseForm(actionFormSchema, form({ ...valid, ...change }));
		expect(result.success).toBe(false);
		if (!result.success) expect(result.errors[field]).toBe(key);
	});

	it('reports the date order together with the other fields, not after they are fixed', () => {
		const result = parseForm(
			actionFormSchema,
			form({
				...valid,
				title: '',
				areas: [],
				crc_articles: '3, 99',
				starts_on: '2027-06-01',
				ends_on: '2027-01-01'
			})
		);
		expect(result.success).toBe(false);
		if (!result.success) {
			expect(result.errors).toMatchObject({
				title: 'validation:required',
				areas: 'validation:area_required',
				crc_articles: 'validation:crc_article_unknown',
				ends_on: 'validation:end_before_start'
			});
		}
	});

	it('does not compare dates when one of them is not a date', () => {
		const result = parseForm(actionFormSchema, form({ ...valid, title: '', starts_on: 'soon' }));
		expect(result.success).toBe(false);
		if (!result.success) {
			expect(result.errors.starts_on).toBe('validation:date_invalid');
			expect(result.errors.ends_on).toBeUndefined();
		}
	});
});
