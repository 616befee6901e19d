import { describe, expect, it } from 'vitest';
import { changesSince, languageStates } from '../../src/lib/server/translationRequests';

const item = {
	id: 'paper',
	original_locale: 'fr',
	original_revision: 3,
	translations: [
		{ locale: 'fr', source_revision: 3 },
		{ locale: 'en', source_revision: 3 },
		{ locale: 'nl', source_revision: 1 },
		{ locale: 'ar', source_revision: 2 }
	]
};
const dates = [
	{ revision: 1, createdAt: '2026-11-01T10:00:00Z' },
	{ revision: 2, createdAt: '2026-11-20T10:00:00Z' },
	{ revision: 3, createdAt: '2026-12-02T10:00:00Z' }
];

describe('languageStates', () => {
	it('says for every language: original, up to date, outdated since, requested from, missing', () => {
		const states = languageStates(item, dates, [
			{ locale: 'de', status: 'accepted', organisation_name: 'DCI Schweiz', due_on: '2027-01-02' },
			{ locale: 'ar', status: 'requested', organisation_name: 'DCI Palestine', due_on: null },
			{ locale: 'es', status: 'done', organisation_name: 'DNI Costa Rica', due_on: null }
		]);
		expect(states).toEqual([
			{ locale: 'fr', state: 'original' },
			// Outdated since the first revision after the one it was made from (2 → 3, 1 → 2).
			{ locale: 'nl', state: 'outdated', since: '2026-11-20T10:00:00Z' },
			{ locale: 'en', state: 'up_to_date' },
			{ locale: 'de', state: 'requested', organisation: 'DCI Schweiz', dueOn: '2027-01-02' },
			// A done request whose text is missing (deleted by the owner) is not "requested".
			{ locale: 'es', state: 'missing' },
			{ locale: 'ar', state: 'outdated', since: '2026-12-02T10:00:00Z' }
		]);
	});

	it('has no date for an outdated text when the revisions were not kept', () => {
		expect(languageStates(item, [], []).find((s) => s.locale === 'nl')).toEqual({
			locale: 'nl',
			state: 'outdated',
			since: null
		});
	});
});

describe('changesSince', () => {
	const translatable = {
		id: 'paper',
		kind: 'paper' as const,
		originalLocale: 'fr' as const,
		originalRevision: 2,
		texts: [
			{
				locale: 'fr',
				source_revision: 2,
				updated_at: '',
				fields: { title: 'Réforme', abstract: 'pas avant 14 ans' }
			}
		]
	};

	it('diffs every text field of the original from a kept revision to now', () => {
		const kept = [
			{ revision: 1, createdAt: '', texts: { title: 'Réforme', abstract: 'pas avant 16 ans' } }
		];
		expect(changesSince(translatable, kept, 1)).toEqual([
			{ field: 'title', changed: false, parts: [{ op: 'equal', text: 'Réforme' }] },
			{
				field: 'abstract',
				changed: true,
				parts: [
					{ op: 'equal', text: 'pas avant ' },
					{ op: 'delete', text: '16' },
					{ op: 'insert', text: '14' },
					{ op: 'equal', text: ' ans' }
				]
			}
		]);
	});

	it('is null when that revision was not kept', () => {
		expect(changesSince(translatable, [], 1)).toBeNull();
	});
});
