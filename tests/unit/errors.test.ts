import type { PostgrestError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { dbErrorKey, paperErrorKey } from '../../src/lib/server/errors';
import en from '../../src/lib/i18n/locales/en/papers.json';
import enEvents from '../../src/lib/i18n/locales/en/events.json';

const failure = (code: string) => ({ code, message: '', details: '', hint: '' }) as PostgrestError;

describe('database errors of the security review become translated messages', () => {
	it('PA009 (a signed paper neither goes back to draft nor is deleted) has its message', () => {
		expect(paperErrorKey(failure('PA009'))).toBe('papers:error_signed_kept');
		expect(dbErrorKey(failure('PA009'))).toBe('papers:error_signed_kept');
		expect(en).toHaveProperty('error_signed_kept');
	});

	it('EV008 (an event people registered for neither goes back to draft nor is deleted) too', () => {
		expect(dbErrorKey(failure('EV008'))).toBe('events:error_has_registrations');
		expect(enEvents).toHaveProperty('error_has_registrations');
	});
});
