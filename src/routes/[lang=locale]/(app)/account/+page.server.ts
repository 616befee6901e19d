import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { PostgrestError } from '@supabase/supabase-js';
import { isLocale } from '#lib/i18n/config';
import { signInPath } from '#lib/redirects';
import * as calendarTokens from '#lib/server/calendarTokens';
import { dbErrorKey } from '#lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	// After the (app) guard: only a verified user gets here.
	const { userId } = await parent();
	// RLS: a person always reads their own profile and memberships. An organisation that is
	// not active is hidden from its members (only coordinators read it): `organisation` is
	// then null and the page says "not available" instead of failing.
	const [profile, memberships, feed] = await Promise.all([
		locals.supabase
			.from('profiles')
			.select('display_name, preferred_locale')
			.eq('id', userId)
			.maybeSingle(),
		locals.supabase
			.from('memberships')
			.select('organisation_id, role, organisation:organisations(slug, name, kind, status)')
			.eq('user_id', userId),
		calendarTokens.status(locals.supabase, userId)
	]);
	if (profile.error) throw profile.error;
	if (memberships.error) throw memberships.error;

	const preferred = profile.data?.preferred_locale;
	return {
		email: locals.user?.email ?? '',
		displayName: profile.data?.display_name ?? '',
		preferredLocale: isLocale(preferred) ? preferred : null,
		memberships: memberships.data
			.map((m) => ({
				organisationId: m.organisation_id,
				role: m.role,
				organisation: m.organisation as typeof m.organisation | null
			}))
			.sort((a, b) =>
				(a.organisation?.name ?? '\uffff').localeCompare(b.organisation?.name ?? '\uffff')
			),
		feed
	};
};

/** The signed-in user for an action (actions do not run the layout's guard). */
function requireUser({ locals, url }: RequestEvent) {
	if (!locals.user) {
		redirect(303, signInPath(locals.locale, url.pathname));
	}
	return locals.user;
}

/** A failed feed action as a translated message on the page, never an error page. */
function feedFailure(action: 'issue' | 'revoke', failure: unknown) {
	const forbidden = dbErrorKey(failure as PostgrestError) === 'errors:forbidden';
	if (!forbidden) console.error(`[account] calendar token ${action} failed`, failure);
	return fail(forbidden ? 403 : 503, {
		feedError: forbidden ? 'account:feed_error_forbidden' : `account:feed_error_${action}`
	});
}

export const actions: Actions = {
	issueFeed: async (event) => {
		const user = requireUser(event);
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
		const user = requireUser(event);
		try {
			await calendarTokens.revoke(event.locals.supabase, user.id);
		} catch (failure) {
			return feedFailure('revoke', failure);
		}
		return { feedRevoked: true };
	}
};
