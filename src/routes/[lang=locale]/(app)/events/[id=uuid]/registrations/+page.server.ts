import { error, fail } from '@sveltejs/kit';
import { decideRegistrationSchema } from '#lib/schemas/events';
import { decisionErrorKey, failStatus } from '#lib/server/errors';
import * as events from '#lib/server/events';
import { parseForm } from '#lib/server/forms';
import { sendPendingEmails } from '#lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await events.forOrganiser(locals.supabase, params.id, locals.locale);
	// Not an organiser, not readable or absent: the same 404.
	if (!found) error(404, locals.i18n.t('errors:not_found'));
	const { event, title, titleLocale, list } = found;
	const count = (status: string) => list.filter((r) => r.status === status).length;
	return {
		event: {
			id: event.id,
			startsAt: event.starts_at,
			endsAt: event.ends_at,
			timeZone: event.time_zone,
			capacity: event.capacity,
			mode: event.registration_mode,
			cancelled: event.cancelled_at !== null
		},
		title,
		titleLocale,
		counts: {
			confirmed: count('confirmed'),
			waiting: count('waiting'),
			pending: count('pending'),
			declined: count('declined'),
			cancelled: count('cancelled')
		},
		registrants: list.map((r) => ({
			id: r.registration_id,
			status: r.status,
			name: r.display_name,
			email: r.email,
			organisations: r.organisations,
			registeredAt: r.registered_at,
			decidedAt: r.decided_at
		}))
	};
};

export const actions: Actions = {
	decide: async ({ locals, request, url }) => {
		const parsed = parseForm(decideRegistrationSchema, await request.formData());
		if (!parsed.success) return fail(400, { error: 'errors:generic' });
		let data;
		try {
			data = await events.decide(
				locals.supabase,
				parsed.data.registration_id,
				parsed.data.decision === 'approve'
			);
		} catch (caught) {
			const key = decisionErrorKey(caught);
			return fail(failStatus(key), { error: key });
		}
		// The person hears about it now; a failed email stays in the outbox for the timer.
		await sendPendingEmails(url.origin);
		return { decided: data };
	}
};
