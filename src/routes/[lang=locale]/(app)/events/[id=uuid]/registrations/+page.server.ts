import { fail } from '@sveltejs/kit';
import { decideRegistrationSchema } from '#lib/schemas/events';
import { decisionErrorKey } from '#lib/server/errors';
import { parseForm } from '#lib/server/forms';
import { sendPendingEmails } from '#lib/server/mail';
import { loadForOrganiser } from './organiser';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { event, title, titleLocale, list } = await loadForOrganiser({ locals, params });
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
		const { data, error } = await locals.supabase.rpc('decide_event_registration', {
			registration_id: parsed.data.registration_id,
			approve: parsed.data.decision === 'approve'
		});
		if (error) return fail(400, { error: decisionErrorKey(error) });
		// The person hears about it now; a failed email stays in the outbox for the timer.
		await sendPendingEmails(url.origin);
		return { decided: data };
	}
};
