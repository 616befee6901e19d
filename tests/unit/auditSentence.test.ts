import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/lib/i18n/index';
import { resourcesFor } from '../../src/lib/i18n/resources';
import { auditSentence } from '../../src/routes/[lang=locale]/(app)/console/audit/sentences';

type Row = Parameters<typeof auditSentence>[0];

// The generated types call every column of a returned table non-null; the function returns nulls.
const base = {
	id: 1,
	created_at: '2026-12-01T10:00:00Z',
	kind: 'member_added',
	actor_id: 'a',
	actor_name: 'Amira Haddad',
	organisation_id: 'o',
	organisation_name: 'CODE',
	subject_id: 's',
	subject_name: 'Sarah',
	subject_email: null,
	role: 'editor',
	previous_role: null,
	status: null,
	item_kind: null,
	reason: null,
	total_count: 1
} as Record<keyof Row, unknown>;

function say(row: Partial<Record<keyof Row, unknown>>, locale: 'en' | 'fr' | 'de' = 'en') {
	const { t } = createI18n(locale, resourcesFor(locale));
	return auditSentence({ ...base, ...row } as unknown as Row, t as never, locale);
}

describe('audit trail sentences', () => {
	it('names the actor, the person, the organisation and the role in the reader’s language', () => {
		expect(say({})).toBe('Amira Haddad added Sarah to CODE as editor.');
		expect(say({}, 'fr')).toMatch(/^Amira Haddad a ajouté Sarah à CODE comme /);
	});

	it('a deleted actor or member is a former member; a trusted-path change is the hub', () => {
		expect(say({ actor_name: null })).toBe('A former member added Sarah to CODE as editor.');
		expect(say({ subject_name: null, kind: 'member_removed' })).toBe(
			'Amira Haddad removed a former member from CODE.'
		);
		expect(say({ actor_id: null, actor_name: null, kind: 'organisation_created' })).toBe(
			'The hub created CODE.'
		);
	});

	it('a person removing themself left; role changes say from what to what', () => {
		expect(say({ kind: 'member_removed', subject_id: 'a' })).toBe('Sarah left CODE.');
		expect(say({ kind: 'role_changed', previous_role: 'member', role: 'admin' })).toBe(
			'Amira Haddad changed the role of Sarah in CODE from member to administrator.'
		);
	});

	it('keeps German role names capitalised', () => {
		expect(say({}, 'de')).toMatch(/als [A-ZÄÖÜ]/);
	});
});
