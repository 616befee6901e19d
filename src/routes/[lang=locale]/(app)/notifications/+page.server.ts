import { fail } from '@sveltejs/kit';
import { markReadSchema, notificationListSchema } from '#lib/schemas/notifications';
import { dbErrorKey, failStatus, UNAVAILABLE_KEY } from '#lib/server/errors';
import { parseForm } from '#lib/server/forms';
import * as notifications from '#lib/server/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { page } = notificationListSchema.parse(Object.fromEntries(url.searchParams));
	const list = await notifications.page(locals.supabase, page, locals.locale);
	return { page, ...list };
};

/** Marks some (`ids`) or all (null) of the reader's notifications read, or says why not. */
async function mark(locals: App.Locals, ids: string[] | null) {
	try {
		return { marked: await notifications.markRead(locals.supabase, ids) };
	} catch (caught) {
		// RLS makes another person's ids change nothing: an error here is the database's own,
		// or an outage (503, the hooks add Retry-After).
		const key = dbErrorKey(caught);
		if (key !== UNAVAILABLE_KEY) console.error('notifications: marking read failed', caught);
		return fail(failStatus(key, 500), { errors: { form: key } });
	}
}

export const actions: Actions = {
	read: async ({ locals, request }) => {
		const parsed = parseForm(markReadSchema, await request.formData());
		if (!parsed.success) return fail(400, { errors: { form: 'errors:generic' } });
		return mark(locals, [parsed.data.id]);
	},
	readAll: async ({ locals }) => mark(locals, null)
};
