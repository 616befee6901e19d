import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '#lib/server/auth';
import * as dashboard from '#lib/server/dashboard';
import { parseForm } from '#lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const seenSchema = z.object({ seen_at: z.iso.datetime({ offset: true }) });

export const load: PageServerLoad = async ({ locals }) => {
	// Not from parent(): that would wait for every layout's load (the bell's count among them).
	const userId = requireUser().id;
	// The moment the page was made: "mark as seen" moves the mark here, not to the moment
	// the button is pressed, so what arrives while the person reads stays new.
	const shownAt = new Date().toISOString();
	return { shownAt, ...(await dashboard.load(locals.supabase, userId, locals.locale)) };
};

export const actions: Actions = {
	/** Everything listed as new has been seen: the news start again from the page's moment. */
	seen: async ({ locals, request }) => {
		const parsed = parseForm(seenSchema, await request.formData());
		if (!parsed.success) return fail(400, { errors: { form: 'errors:generic' } });
		await dashboard.markNewsSeen(locals.supabase, parsed.data.seen_at);
		return { seen: true };
	}
};
