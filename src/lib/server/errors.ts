import { isAuthError, type AuthError } from '@supabase/supabase-js';

/**
 * The one place where Auth and PostgREST/Postgres errors become i18n keys
 * (https://supabase.com/docs/guides/auth/debugging/error-codes, PostgREST error codes).
 */
export function authErrorKey(error: AuthError | Error): string {
	if (isAuthError(error)) {
		if (error.code === 'invalid_credentials') return 'errors:invalid_credentials';
		if (error.code === 'over_request_rate_limit' || error.status === 429)
			return 'errors:rate_limited';
		if (error.status === 400 || error.status === 422) return 'errors:invalid_credentials';
	}
	// No status, a 5xx or a fetch failure: Auth is unreachable or broken, not the person's fault.
	return 'errors:auth_unavailable';
}

/** HTTP status to answer a form with, for an Auth error. */
export function authErrorStatus(error: AuthError | Error): number {
	const key = authErrorKey(error);
	if (key === 'errors:rate_limited') return 429;
	if (key === 'errors:auth_unavailable') return 503;
	return 400;
}

/**
 * The SQLSTATE or PostgREST code of whatever a service threw (a PostgrestError, or a refusal
 * made by `notAllowed()`); undefined for anything else. The one place a caught value is read.
 */
export function errorCode(caught: unknown): string | undefined {
	if (typeof caught !== 'object' || caught === null || !('code' in caught)) return undefined;
	return typeof caught.code === 'string' ? caught.code : undefined;
}

// PostgREST's codes for "the database cannot be reached" (connection, schema cache).
const DATABASE_UNAVAILABLE = new Set(['PGRST000', 'PGRST001', 'PGRST002', 'PGRST003']);

/**
 * Whether a caught value says a service the hub depends on is down (PostgREST or Auth not
 * answering, PostgREST without its database), rather than that something is wrong with the
 * request or with our code: the page answers 503 with Retry-After, not 500 (hooks.server.ts).
 */
export function isUnavailable(caught: unknown): boolean {
	if (DATABASE_UNAVAILABLE.has(errorCode(caught) ?? '')) return true;
	if (isAuthError(caught) && caught.name === 'AuthRetryableFetchError') return true;
	if (typeof caught !== 'object' || caught === null) return false;
	// supabase-js returns a failed fetch as { message: 'TypeError: fetch failed', details: … }.
	const text = `${'message' in caught ? String(caught.message) : ''} ${'details' in caught ? String(caught.details) : ''}`;
	if (
		/fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|other side closed|aborted due to timeout/i.test(
			text
		)
	) {
		return true;
	}
	return 'cause' in caught && caught.cause !== caught && isUnavailable(caught.cause);
}

/** A write that matched no row the caller may change: the refusal RLS gives as 42501. */
export function notAllowed(message = 'not allowed'): Error & { code: string } {
	return Object.assign(new Error(message), { code: '42501' });
}

/** The key of a service outage met by a form: the form answers 503 (`failStatus`). */
export const UNAVAILABLE_KEY = 'errors:unavailable';

/**
 * The status a refused form answers with for its message `key`: 503 for an outage (the hooks
 * add Retry-After), else `status`.
 */
export function failStatus(key: string, status = 400): number {
	return key === UNAVAILABLE_KEY ? 503 : status;
}

/**
 * A reader of one family of refusals: an outage → UNAVAILABLE_KEY, code → key from its table,
 * else `fallback`.
 */
function codeKeys(
	keys: Record<string, string>,
	fallback: (caught: unknown) => string = (caught) => dbErrorKey(caught)
) {
	return (caught: unknown): string => {
		if (isUnavailable(caught)) return UNAVAILABLE_KEY;
		const code = errorCode(caught);
		return (code && keys[code]) || fallback(caught);
	};
}

/** PostgREST / Postgres error codes → i18n keys (UNAVAILABLE_KEY for an outage). */
export function dbErrorKey(error: unknown): string {
	if (isUnavailable(error)) return UNAVAILABLE_KEY;
	switch (errorCode(error)) {
		case '42501': // insufficient_privilege, RLS refused a write
		case 'PGRST301': // JWT invalid
			return 'errors:forbidden';
		case 'PGRST116': // no rows where one was expected
			return 'errors:not_found';
		// Items that others' records keep (…_items_access.sql, …_papers.sql): met by the status
		// and delete forms of every kind of item.
		case 'PA009': // a paper organisations signed: not back to draft, not deleted
			return 'papers:error_signed_kept';
		case 'EV008': // an event people registered for: not back to draft, not deleted
			return 'events:error_has_registrations';
		// The events' guard (…_events.sql): the edit and new-event forms.
		case 'EV009': // the capacity is below the confirmed registrations
			return 'validation:capacity_below_confirmed';
		case 'EV010': // the linked joint action is not one the person can read
			return 'errors:forbidden';
		default:
			return 'errors:generic';
	}
}

/**
 * Refusals of the events SQL that belong next to one field of the event forms: EV009 fewer
 * places than confirmed registrations, EV010 a linked joint action the caller cannot read.
 * Null for any other error (then it is a message for the whole form).
 */
export function eventFieldError(caught: unknown): { field: string; key: string } | null {
	switch (errorCode(caught)) {
		case 'EV009':
			return { field: 'capacity', key: 'validation:capacity_below_confirmed' };
		case 'EV010':
			return { field: 'joint_action_id', key: 'errors:forbidden' };
		default:
			return null;
	}
}

/** Errors of the registration functions (supabase/migrations/…_events.sql) → i18n keys. */
export const registrationErrorKey = codeKeys(
	{
		EV001: 'events:error_already_registered',
		EV002: 'events:error_closed',
		EV003: 'events:error_deadline',
		EV004: 'events:error_cancelled',
		EV005: 'events:error_declined',
		EV006: 'events:error_not_registered',
		'42501': 'events:error_not_allowed'
	},
	() => 'errors:generic'
);

/** Errors of decide_event_registration (an organiser's approve/decline) → i18n keys. */
export const decisionErrorKey = codeKeys(
	{
		EV004: 'events:error_cancelled',
		EV007: 'events:registrants_error_not_pending',
		'42501': 'errors:forbidden'
	},
	() => 'errors:generic'
);

/** Errors of the paper functions and triggers (supabase/migrations/…_papers.sql) → i18n keys. */
export const paperErrorKey = codeKeys({
	PA001: 'papers:error_signature_closed',
	PA002: 'papers:error_deadline_passed',
	PA003: 'papers:error_not_open_version',
	PA004: 'papers:error_already_answered',
	PA005: 'validation:deadline_past',
	PA006: 'errors:not_found',
	PA007: 'papers:error_version_frozen',
	PA008: 'papers:error_cannot_invite',
	PA009: 'papers:error_signed_kept',
	'23505': 'papers:error_file_exists'
});

/** Errors of the account functions (…_account_console_applications.sql) → i18n keys. */
export const accountErrorKey = codeKeys({
	'23514': 'account:leave_last_admin', // the last admin of an organisation leaves
	P0002: 'account:leave_not_member',
	NW005: 'account:delete_last_admin'
});

/**
 * Errors of inviting and answering invitations (…_members_and_invitations.sql and the
 * guards of …_organisations_and_people.sql) → i18n keys.
 */
export const invitationErrorKey = codeKeys({
	IN001: 'members:error_unknown',
	IN002: 'members:error_expired',
	IN003: 'members:error_revoked',
	IN004: 'members:error_used',
	IN005: 'members:error_other_address',
	IN006: 'members:error_suspended',
	'23505': 'members:error_already_invited', // one open invitation per address and organisation
	'42501': 'members:error_cannot_invite', // RLS or the guard: not an admin, own address, …
	'22023': 'members:error_expired' // the guard's "this invitation has expired"
});

/** Errors of the coordinators' console functions (…_account_console_applications.sql) → i18n keys. */
export const consoleErrorKey = codeKeys({
	NW001: 'console:error_already_decided',
	NW002: 'console:error_status_transition',
	NW003: 'console:error_coordinating',
	NW004: 'console:error_not_empty',
	P0002: 'errors:not_found',
	'22023': 'console:error_invalid',
	'23514': 'console:error_invalid'
});

/** Errors of role changes and removals (guard_membership_change) → i18n keys. */
export const membershipErrorKey = codeKeys({
	'23514': 'members:error_last_admin', // the last-admin guard (the only check on memberships)
	'42501': 'members:error_change_refused'
});

/** Errors of translation requests (…_translation_requests.sql, TR001–TR009) → i18n keys. */
export const translationRequestErrorKey = codeKeys({
	TR001: 'translations:error_not_lead',
	TR002: 'translations:error_cannot_ask',
	TR003: 'translations:error_original',
	TR004: 'translations:error_archived',
	TR005: 'translations:error_not_readable',
	TR006: 'validation:deadline_past',
	TR007: 'errors:forbidden',
	TR008: 'translations:error_status',
	TR009: 'errors:forbidden',
	'23505': 'translations:error_already_asked'
});
