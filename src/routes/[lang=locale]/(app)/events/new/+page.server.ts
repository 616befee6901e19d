import { redirect } from '@sveltejs/kit';
import { eventFormSchema } from '#lib/schemas/events';
import { dbErrorKey, eventFieldError } from '#lib/server/errors';
import * as events from '#lib/server/events';
import { requireUser } from '#lib/server/auth';
import { formFail, formValues, parseForm, withCheckbox } from '#lib/server/forms';
import * as memberships from '#lib/server/memberships';
import { defaultTimeZone, TIME_ZONES } from '#lib/timeZones';
import type { Actions, PageServerLoad } from './$types';

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
		const parsed = parseForm(eventFormSchema, form);
		if (!parsed.success)
			return formFail(undefined, parsed.errors, withCheckbox(parsed.values, 'is_online'));
		const values = withCheckbox(formValues(eventFormSchema, form), 'is_online');

		// A clear message for a tampered or stale organisation; RLS would refuse it anyway.
		const allowed = await memberships.editableOrganisations(locals.supabase, user.id);
		if (!allowed.some((o) => o.id === parsed.data.organisation_id)) {
			return formFail(
				undefined,
				{ organisation_id: 'validation:organisation_not_allowed' },
				values
			);
		}
		let id: string;
		try {
			id = await events.create(locals.supabase, parsed.data);
		} catch (caught) {
			// The database refuses a joint action the person cannot read: say so at that field.
			const atField = eventFieldError(caught);
			if (atField) return formFail(undefined, { [atField.field]: atField.key }, values);
			return formFail(undefined, caught, values, { mapKey: dbErrorKey });
		}
		redirect(303, `/${locals.locale}/events/${id}`);
	}
};
