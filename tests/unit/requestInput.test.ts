import { describe, expect, it } from 'vitest';
import { eventDetailsSchema, eventFilterSchema, eventTextSchema } from '#lib/schemas/events';
import {
	actionDetailsSchema,
	actionFilterSchema,
	actionTextSchema,
	actionUpdateSchema
} from '#lib/schemas/jointActions';
import {
	paperDecisionSchema,
	paperFilterSchema,
	paperOpenSignatureSchema,
	paperTextSchema
} from '#lib/schemas/papers';
import { parseForm } from '#lib/server/forms';

// Issue 11, finding 11: text, dates and months from a request are checked where they enter
// (src/lib/schemas/text.ts), so Postgres never sees a NUL (22P05) or an impossible date (22008).

function form(entries: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(entries)) {
		for (const one of [value].flat()) data.append(key, one);
	}
	return data;
}

describe('list filters from the query string', () => {
	it.each([
		'2026-02-31',
		'2026-99-99',
		'2026-00-10',
		'2026-13-01',
		'0000-01-01',
		'1899-12-31',
		'3000-01-01',
		'20261-01-01',
		'2026-1-1'
	])('drop the impossible or out-of-range date %j and keep the list', (date) => {
		const filters = actionFilterSchema.parse({ from: date, to: date });
		expect(filters.from).toBeUndefined();
		expect(filters.to).toBeUndefined();
	});

	it('keep real dates, leap days included', () => {
		expect(actionFilterSchema.parse({ from: '2028-02-29', to: '2026-12-31' })).toMatchObject({
			from: '2028-02-29',
			to: '2026-12-31'
		});
		expect(actionFilterSchema.parse({ from: '2027-02-29' }).from).toBeUndefined();
	});

	it.each(['9999-12', '0000-01', '2026-13', '2026-00', '1899-12', '3000-01', '2026-1'])(
		'drop the month %j of the month view',
		(month) => {
			expect(eventFilterSchema.parse({ view: 'month', month }).month).toBeUndefined();
		}
	);

	it('keep a real month', () => {
		expect(eventFilterSchema.parse({ view: 'month', month: '2999-12' }).month).toBe('2999-12');
	});

	it.each([
		['\u0000', undefined],
		['\u0000\u0000\u0000', undefined],
		['droits\u0000', 'droits'],
		['droits\u0000de\u0007l’enfant', 'droits de l’enfant'],
		['\r\njeugd\twerker\u000b', 'jeugd werker'],
		['\u007f\u0085x', 'x'],
		['\ud800lone surrogate', '\ufffdlone surrogate'],
		['   ', undefined],
		['x'.repeat(201), undefined]
	])('turn control characters in the search text %j into spaces: %j', (q, expected) => {
		expect(actionFilterSchema.parse({ q }).q).toBe(expected);
		expect(eventFilterSchema.parse({ q }).q).toBe(expected);
		expect(paperFilterSchema.parse({ q }).q).toBe(expected);
	});

	it('bound numbers and ignore what is not one', () => {
		for (const page of ['-1', '0', '1e400', '1.5', 'NaN', '99999999999999999999']) {
			expect(actionFilterSchema.parse({ page }).page).toBe(1);
		}
		for (const article of ['0', '55', '-3', 'Infinity', '1e2']) {
			expect(paperFilterSchema.parse({ article }).article).toBeUndefined();
		}
	});
});

describe('form text', () => {
	it.each([
		['NUL', 'Atelier\u0000'],
		['a lone CR', 'Atelier\rEND:VEVENT'],
		['a line feed', 'Atelier\nSUMMARY:x'],
		['a tab', 'Atelier\tx'],
		['a vertical tab', 'Atelier\u000bx'],
		['DEL', 'Atelier\u007f'],
		['a C1 control', 'Atelier\u0085x']
	])('refuse a title with %s, with a translated message', (_, title) => {
		for (const schema of [actionTextSchema, eventTextSchema, paperTextSchema]) {
			expect(parseForm(schema, form({ title }))).toMatchObject({
				success: false,
				errors: { title: 'validation:control_characters' }
			});
		}
	});

	it('keep line breaks and tabs in long texts, CRLF and lone CR as LF', () => {
		const result = parseForm(
			actionTextSchema,
			form({ title: 'Atelier', summary: 'a\r\nb', body: '## Titre\r\n\r\n\tcode\rfin' })
		);
		expect(result).toEqual({
			success: true,
			data: { title: 'Atelier', summary: 'a\nb', body: '## Titre\n\n\tcode\nfin' }
		});
	});

	it.each(['\u0000', '\u000b', '\u001b[31m', '\u007f', '\u0090'])(
		'refuse the control character %j in long texts',
		(bad) => {
			expect(
				parseForm(actionTextSchema, form({ title: 'x', body: `a${bad}b`, summary: `a${bad}b` }))
			).toEqual({
				success: false,
				errors: { summary: 'validation:control_characters', body: 'validation:control_characters' },
				// What was typed comes back to be corrected (cut to the schema's lengths).
				values: { title: 'x', body: `a${bad}b`, summary: `a${bad}b` }
			});
			expect(parseForm(eventTextSchema, form({ title: 'x', description: bad }))).toMatchObject({
				success: false,
				errors: { description: 'validation:control_characters' }
			});
			expect(
				parseForm(
					actionUpdateSchema,
					form({ organisation_id: crypto.randomUUID(), locale: 'fr', body: `x${bad}y` })
				)
			).toMatchObject({
				success: false,
				errors: { body: 'validation:control_characters' }
			});
			expect(
				parseForm(
					paperDecisionSchema,
					form({ signature_id: crypto.randomUUID(), answer: 'sign', comment: `x${bad}y` })
				)
			).toMatchObject({
				success: false,
				errors: { comment: 'validation:control_characters' }
			});
		}
	);

	it('refuse control characters in themes, venues and links', () => {
		expect(
			parseForm(
				actionDetailsSchema,
				form({ areas: 'lobbying_advocacy', phase: 'planned', themes: 'jeu, a\u0000b' })
			)
		).toMatchObject({ success: false, errors: { themes: 'validation:control_characters' } });
		const details = {
			time_zone: 'Europe/Brussels',
			start_date: '2026-12-03',
			start_time: '09:30',
			end_date: '2026-12-03',
			end_time: '17:00',
			registration_mode: 'open'
		};
		expect(
			parseForm(
				eventDetailsSchema,
				form({
					...details,
					venue_name: 'Salle\u0000',
					venue_address: 'Rue\r\nX\u0007',
					online_url: 'https://a.example/\u0000'
				})
			)
		).toMatchObject({
			success: false,
			errors: {
				venue_name: 'validation:control_characters',
				venue_address: 'validation:control_characters',
				online_url: 'validation:control_characters'
			}
		});
		expect(
			parseForm(
				eventDetailsSchema,
				form({ ...details, venue_address: 'Rue de Namur 22\r\n1000 Bruxelles' })
			)
		).toMatchObject({
			success: true,
			data: { venue_address: 'Rue de Namur 22\n1000 Bruxelles' }
		});
	});
});

describe('form dates', () => {
	it.each(['2026-02-31', '2026-99-99', '0000-01-01', '3000-01-01'])(
		'refuse the date %j of an action with a translated message',
		(date) => {
			expect(
				parseForm(
					actionDetailsSchema,
					form({ areas: 'lobbying_advocacy', phase: 'planned', starts_on: date, ends_on: date })
				)
			).toEqual({
				success: false,
				errors: { starts_on: 'validation:date_invalid', ends_on: 'validation:date_invalid' },
				values: {
					areas: ['lobbying_advocacy'],
					phase: 'planned',
					starts_on: date,
					ends_on: date
				}
			});
		}
	);

	it('refuse an impossible signature deadline', () => {
		expect(
			parseForm(
				paperOpenSignatureSchema,
				form({ version_id: crypto.randomUUID(), deadline: '2099-02-30' })
			)
		).toMatchObject({ success: false, errors: { deadline: 'validation:date_invalid' } });
	});
});
