import type { PostgrestError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { dbErrorKey, eventFieldError, paperErrorKey } from '../../src/lib/server/errors';
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

describe('eventFieldError', () => {
	it('puts the events refusals raised in SQL at their field, by code', () => {
		expect(eventFieldError({ code: 'EV009', message: 'anything' })).toEqual({
			field: 'capacity',
			key: 'validation:capacity_below_confirmed'
		});
		expect(eventFieldError({ code: 'EV010', message: 'anything' })).toEqual({
			field: 'joint_action_id',
			key: 'errors:forbidden'
		});
		// Message text no longer decides: a capacity message without the code stays form-level.
		expect(eventFieldError({ code: '23514', message: 'the capacity cannot be lower' })).toBeNull();
		expect(eventFieldError(new Error('joint action'))).toBeNull();
	});
});
