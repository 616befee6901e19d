import { fail, redirect } from '@sveltejs/kit';
import type { PostgrestError } from '@supabase/supabase-js';
import { eventFormSchema } from '#lib/schemas/events';
import { dbErrorKey } from '#lib/server/errors';
import * as events from '#lib/server/events';
import { requireUser } from '#lib/server/auth';
import { parseForm } from '#lib/server/forms';
import * as memberships from '#lib/server/memberships';
import { defaultTimeZone, TIME_ZONES } from '#lib/timeZones';
import type { Actions, PageServerLoad } from './$types';

/** Raw form values to show again after an error (nothing the person typed is lost). */
function echo(form: FormData) {
	const text = (name: string, max = 500) => String(form.get(name) ?? '').slice(0, max);
	return {
		organisation_id: text('organisation_id', 64),
		original_locale: text('original_locale', 8),
		title: text('title', 400),
		description: text('description', 25000),
		accessibility_notes: text('accessibility_notes', 3000),
		time_zone: text('time_zone', 64),
		start_date: text('start_date', 20),
		start_time: text('start_time', 20),
		end_date: text('end_date', 20),
		end_time: text('end_time', 20),
		venue_name: text('venue_name', 300),
		venue_address: text('venue_address', 600),
		is_online: form.get('is_online') === 'on',
		online_url: text('online_url', 2100),
		capacity: text('capacity', 20),
		registration_mode: text('registration_mode', 20),
		deadline_date: text('deadline_date', 20),
		deadline_time: text('deadline_time', 20),
		accessibility: form.getAll('accessibility').map(String).slice(0, 10),
		joint_action_id: text('joint_action_id', 64),
		visibility: text('visibility', 20)
	};
}

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { userId } = await parent();
	const [organisations, actions] = await Promise.all([
		memberships.editableOrganisations(locals.supabase, userId),
		events.linkableActions(locals.supabase, locals.locale)
	]);
	const countries = await events.organisationCountries(
		locals.supabase,
		organisations.map((o) => o.id)
	);
	return {
		// Each with the zone of its country, proposed when it is chosen.
		organisations: organisations.map((o) => ({
			...o,
			timeZone: defaultTimeZone(countries.get(o.id))
		})),
		jointActions: actions,
		timeZones: TIME_ZONES
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser();
		const form = await request.formData();
		const values = echo(form);
		const parsed = parseForm(eventFormSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });

		// A clear message for a tampered or stale organisation; RLS would refuse it anyway.
		const allowed = await memberships.editableOrganisations(locals.supabase, user.id);
		if (!allowed.some((o) => o.id === parsed.data.organisation_id)) {
			return fail(400, {
				values,
				errors: { organisation_id: 'validation:organisation_not_allowed' }
			});
		}
		let id: string;
		try {
			id = await events.create(locals.supabase, parsed.data);
		} catch (failure) {
			const error = failure as PostgrestError;
			// The database refuses a joint action the person cannot read: say so at that field.
			const field =
				error.code === '42501' && error.message?.includes('joint action')
					? 'joint_action_id'
					: 'form';
			return fail(400, { values, errors: { [field]: dbErrorKey(error) } });
		}
		redirect(303, `/${locals.locale}/events/${id}`);
	}
};
