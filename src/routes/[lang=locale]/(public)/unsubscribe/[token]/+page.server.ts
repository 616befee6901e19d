// The one-click unsubscribe of a notification email (RFC 8058): /[lang]/unsubscribe/[token].
// A GET only shows what the link stops and a button (mail scanners open links; nothing changes);
// the POST unsubscribes, from this page's button or straight from the mail client
// ("List-Unsubscribe=One-Click", without an Origin: hooks.server.ts lets exactly this path
// through the cross-site form check). No sign-in: the token is the authority, and it works once
// (public.unsubscribe). Nothing here says whose link it is.
import { fail } from '@sveltejs/kit';
import { unsubscribeTokenSchema } from '#lib/schemas/emailPreferences';
import * as emailPreferences from '#lib/server/emailPreferences';
import type { Actions, PageServerLoad } from './$types';

const NO_STORE = { 'cache-control': 'private, no-store' };

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// One person's secret address: never a shared cache's.
	setHeaders(NO_STORE);
	const token = unsubscribeTokenSchema.safeParse(params.token);
	if (!token.success) return { state: 'unknown' as const, stream: null };
	return emailPreferences.tokenState(locals.supabase, token.data);
};

export const actions: Actions = {
	// The page's load (which runs after this) says no-store for the answer.
	default: async ({ locals, params }) => {
		const token = unsubscribeTokenSchema.safeParse(params.token);
		if (!token.success) return fail(404, { state: 'unknown' as const, stream: null });
		try {
			const result = await emailPreferences.unsubscribe(locals.supabase, token.data);
			return result.state === 'unknown' ? fail(404, result) : result;
		} catch (failure) {
			console.error('[unsubscribe] failed', failure);
			return fail(503, { state: 'failed' as const, stream: null });
		}
	}
};
