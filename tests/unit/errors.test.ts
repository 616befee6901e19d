import type { PostgrestError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import {
	dbErrorKey,
	eventFieldError,
	failStatus,
	paperErrorKey,
	registrationErrorKey
} from '../../src/lib/server/errors';
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

describe('an outage met by a form', () => {
	// What supabase-js gives for a PostgREST the gateway cannot reach, and for no gateway at all.
	const gatewayDown = {
		code: '',
		message: 'An invalid response was received from the upstream server (rest: ECONNREFUSED)',
		details: '',
		hint: ''
	} as PostgrestError;
	const fetchFailed = { code: '', message: 'TypeError: fetch failed', details: '', hint: '' };

	it('is errors:unavailable, answered 503, for every family of refusals', () => {
		for (const caught of [gatewayDown, fetchFailed, failure('PGRST001')]) {
			expect(dbErrorKey(caught)).toBe('errors:unavailable');
			expect(paperErrorKey(caught)).toBe('errors:unavailable');
			expect(registrationErrorKey(caught)).toBe('errors:unavailable');
			expect(failStatus(dbErrorKey(caught))).toBe(503);
		}
	});

	it('leaves the request’s own refusals as they were', () => {
		expect(registrationErrorKey(failure('EV001'))).toBe('events:error_already_registered');
		expect(registrationErrorKey(failure('XX999'))).toBe('errors:generic');
		expect(failStatus(dbErrorKey(failure('42501')), 403)).toBe(403);
		expect(failStatus('errors:generic')).toBe(400);
	});
});
