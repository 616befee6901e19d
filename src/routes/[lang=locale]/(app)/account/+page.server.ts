import { fail, redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '#lib/i18n/config';
import { deleteAccountSchema, leaveSchema, profileSchema } from '#lib/schemas/account';
import * as account from '#lib/server/account';
import { requireFreshUser, requireUser, setPassword, signOut } from '#lib/server/auth';
import { changeEmailSchema, changePasswordSchema } from '#lib/schemas/auth';
import { EmailUnavailableError, startEmailChange } from '#lib/server/authEmails';
import { isCurrentPassword, throttled } from '#lib/server/authForms';
import { publicOrigin } from '#lib/server/authLinks';
import * as calendarTokens from '#lib/server/calendarTokens';
import * as emailPreferences from '#lib/server/emailPreferences';
import { emailPreferencesSchema } from '#lib/schemas/emailPreferences';
import { TIME_ZONES } from '#lib/timeZones';
import { accountErrorKey, dbErrorKey } from '#lib/server/errors';
import { parseForm } from '#lib/server/forms';
import { isLocalOrigin } from '#lib/server/supabase';
import { forgive } from '#lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// After the (app) guard: only a verified user gets here.
	// Not from parent(): that would wait for every layout's load (the bell's count among them).
	const userId = requireUser().id;
	// RLS: a person always reads their own profile and memberships. An organisation that is
	// not active is hidden from its members (only coordinators read it): `organisation` is
	// then null and the page says "not available" instead of failing.
	// The user is Auth's current record, not the token's: the email shown and a pending change.
	const [user, mine, feed, blockers, emails] = await Promise.all([
		requireFreshUser(),
		account.get(locals.supabase, userId),
		calendarTokens.status(locals.supabase, userId),
		account.deletionBlockers(locals.supabase),
		emailPreferences.get(locals.supabase, userId)
	]);

	const preferred = mine.profile?.preferred_locale;
	const memberships = mine.memberships
		.map((m) => ({
			organisationId: m.organisation_id,
			role: m.role,
			organisation: m.organisation as typeof m.organisation | null
		}))
		.sort((a, b) =>
			(a.organisation?.name ?? '\uffff').localeCompare(b.organisation?.name ?? '\uffff')
		);
	return {
		email: user.email ?? '',
		displayName: mine.profile?.display_name ?? '',
		preferredLocale: isLocale(preferred) ? preferred : null,
		memberships,
		// Admins of an active coordinating organisation: the console is theirs.
		isCoordinator: memberships.some(
			(m) =>
				m.role === 'admin' &&
				m.organisation?.is_coordinating === true &&
				m.organisation.status === 'active'
		),
		deletionBlockers: blockers.map((b) => ({ name: b.name, slug: b.slug })),
		profileSaved: url.searchParams.get('saved') === 'profile',
		emailPreferences: emails,
		emailPreferencesSaved: url.searchParams.get('saved') === 'emails',
		timeZones: TIME_ZONES,
		feed,
		// Password and email (the security section): a change waiting for its confirmations,
		// and what a flow that came back here has done.
		pendingEmail: user.new_email ?? null,
		notice:
			url.searchParams.get('password') === 'set'
				? ('password_saved' as const)
				: url.searchParams.get('email') === 'changed'
					? ('email_changed' as const)
					: null
	};
};

/** A failed feed action as a translated message on the page, never an error page. */
function feedFailure(action: 'issue' | 'revoke', failure: unknown) {
	const forbidden = dbErrorKey(failure) === 'errors:forbidden';
	if (!forbidden) console.error(`[account] calendar token ${action} failed`, failure);
	return fail(forbidden ? 403 : 503, {
		feedError: forbidden ? 'account:feed_error_forbidden' : `account:feed_error_${action}`
	});
}

export const actions: Actions = {
	changePassword: async (event) => {
		const user = await requireFreshUser();
		const form = await event.request.formData();
		const parsed = parseForm(changePasswordSchema, form);
		if (!parsed.success) return fail(400, { password: { errors: parsed.errors } });
		// Wrong current passwords are throttled like the sign-in form (5 in 15 minutes).
		const verdict = await throttled(event, 'password_change', { account: user.id }, {});
		if (!verdict.allowed) {
			const { status, data } = verdict.failure;
			return fail(status, { password: data });
		}
		const current = await isCurrentPassword(user.email ?? '', parsed.data.current_password);
		if (current !== true) {
			if (current === 'unavailable') await forgive(verdict.attempt);
			return current === false
				? fail(400, { password: { errors: { current_password: 'auth:current_password_wrong' } } })
				: fail(503, { password: { errors: { form: 'errors:auth_unavailable' } } });
		}
		void forgive(verdict.attempt, ['account']);
		const refused = await setPassword(parsed.data.password);
		if (refused?.key) return fail(400, { password: { errors: { password: refused.key } } });
		if (refused) return fail(503, { password: { errors: { form: 'errors:auth_unavailable' } } });
		return { password: { changed: true } };
	},
	changeEmail: async (event) => {
		const user = await requireFreshUser();
		const form = await event.request.formData();
		const values = { new_email: String(form.get('new_email') ?? '').slice(0, 254) };
		const parsed = parseForm(changeEmailSchema, form);
		if (!parsed.success) return fail(400, { email: { values, errors: parsed.errors } });
		const current = user.email ?? '';
		if (parsed.data.new_email === current.toLowerCase()) {
			return fail(400, { email: { values, errors: { new_email: 'auth:email_same' } } });
		}
		const verdict = await throttled(event, 'email_change', { account: user.id }, values);
		if (!verdict.allowed) {
			const { status, data } = verdict.failure;
			return fail(status, { email: data });
		}
		// The email only greets by name: without the profile it still goes out.
		const { profile } = await account
			.get(event.locals.supabase, user.id)
			.catch(() => ({ profile: null }));
		try {
			await startEmailChange({
				current,
				next: parsed.data.new_email,
				name: profile?.display_name ?? null,
				preferredLocale: profile?.preferred_locale ?? null,
				locale: event.locals.locale,
				origin: publicOrigin(event.url)
			});
		} catch (failure) {
			if (failure instanceof EmailUnavailableError) {
				return fail(400, { email: { values, errors: { new_email: 'auth:email_unavailable' } } });
			}
			console.error(
				'[account] email change could not be started',
				failure instanceof Error ? failure.message : failure
			);
			return fail(503, { email: { values, errors: { form: 'errors:generic' } } });
		}
		return { email: { sent: { current, new: parsed.data.new_email } } };
	},
	issueFeed: async (event) => {
		const user = requireUser();
		let token: string;
		try {
			token = await calendarTokens.issue(event.locals.supabase, user.id);
		} catch (failure) {
			return feedFailure('issue', failure);
		}
		// Shown once: only the hash is stored, so this address cannot be rebuilt later.
		return {
			feedUrl: `${event.url.origin}/${event.locals.locale}/calendar/${token}.ics`
		};
	},
	revokeFeed: async (event) => {
		const user = requireUser();
		try {
			await calendarTokens.revoke(event.locals.supabase, user.id);
		} catch (failure) {
			return feedFailure('revoke', failure);
		}
		return { feedRevoked: true };
	},

	// Profile, organisations, my data ------------------------------------------------------

	/** Display name and preferred language; the interface follows the new language at once. */
	profile: async (event) => {
		const user = requireUser();
		const { locals, request, cookies, url } = event;
		const form = await request.formData();
		const values = {
			display_name: String(form.get('display_name') ?? '').slice(0, 200),
			preferred_locale: String(form.get('preferred_locale') ?? '').slice(0, 5)
		};
		const parsed = parseForm(profileSchema, form);
		if (!parsed.success) return fail(400, { action: 'profile', values, errors: parsed.errors });
		try {
			await account.updateProfile(locals.supabase, user.id, parsed.data);
		} catch (failure) {
			const key = dbErrorKey(failure);
			if (key === 'errors:generic') console.error('[account] profile update failed', failure);
			return fail(key === 'errors:forbidden' ? 403 : 503, {
				action: 'profile',
				values,
				errors: { form: key }
			});
		}
		// The preferred language is the interface default: remembered for the bare `/` and
		// shown now, on this page in that language.
		const locale = parsed.data.preferred_locale;
		cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: true,
			sameSite: 'lax',
			secure: !isLocalOrigin(url)
		});
		redirect(303, `/${locale}/account?saved=profile`);
	},

	/** When each notification type is emailed, and the time zone of summaries and reminders. */
	emailPreferences: async (event) => {
		const user = requireUser();
		const form = await event.request.formData();
		const parsed = parseForm(emailPreferencesSchema, form);
		if (!parsed.success) {
			return fail(400, {
				action: 'emailPreferences',
				values: parsed.values,
				errors: parsed.errors
			});
		}
		try {
			await emailPreferences.save(event.locals.supabase, user.id, parsed.data);
		} catch (failure) {
			const key = dbErrorKey(failure);
			if (key === 'errors:generic') console.error('[account] email preferences failed', failure);
			return fail(key === 'errors:forbidden' ? 403 : 503, {
				action: 'emailPreferences',
				values: parsed.data,
				errors: { form: key }
			});
		}
		redirect(303, `/${event.locals.locale}/account?saved=emails#email-preferences-title`);
	},

	/** Leaves an organisation; its last admin is refused with the reason. */
	leave: async (event) => {
		const form = await event.request.formData();
		const parsed = parseForm(leaveSchema, form);
		if (!parsed.success) {
			return fail(400, { action: 'leave', errors: { form: 'validation:invalid' } });
		}
		try {
			await account.leave(event.locals.supabase, parsed.data.organisation_id);
		} catch (failure) {
			const key = accountErrorKey(failure);
			if (key === 'errors:generic') console.error('[account] leave failed', failure);
			return fail(key === 'errors:generic' ? 503 : 409, {
				action: 'leave',
				organisationId: parsed.data.organisation_id,
				errors: { form: key }
			});
		}
		return { action: 'leave', left: true };
	},

	/** Deletes my account after I typed my email; a last admin hands over first. */
	deleteAccount: async (event) => {
		const user = await requireFreshUser();
		const { locals, request, cookies } = event;
		const form = await request.formData();
		const values = { confirm_email: String(form.get('confirm_email') ?? '').slice(0, 254) };
		const parsed = parseForm(deleteAccountSchema, form);
		if (!parsed.success) return fail(400, { action: 'delete', values, errors: parsed.errors });
		if (parsed.data.confirm_email !== (user.email ?? '').toLowerCase()) {
			return fail(400, {
				action: 'delete',
				values,
				errors: { confirm_email: 'account:delete_email_mismatch' }
			});
		}
		const blockers = await account.deletionBlockers(locals.supabase);
		if (blockers.length > 0) {
			return fail(409, {
				action: 'delete',
				values,
				errors: { form: 'account:delete_last_admin' },
				blockers: blockers.map((b) => b.name)
			});
		}
		try {
			await account.deleteAccount(user.id);
		} catch (failure) {
			console.error('[account] deletion failed', failure);
			return fail(503, { action: 'delete', values, errors: { form: 'account:delete_failed' } });
		}
		// The session belongs to a person who no longer exists: drop its cookies here.
		await signOut(cookies);
		redirect(303, `/${locals.locale}/account-deleted`);
	}
};
