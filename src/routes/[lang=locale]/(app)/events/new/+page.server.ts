import { eventFormSchema } from '#lib/schemas/events';
import { requireUser } from '#lib/server/auth';
import { dbErrorKey, eventFieldError } from '#lib/server/errors';
import * as events from '#lib/server/events';
import { withCheckbox } from '#lib/server/forms';
import { createFromForm, newItemPage } from '#lib/server/itemForms';
import * as memberships from '#lib/server/memberships';
import { defaultTimeZone, TIME_ZONES } from '#lib/timeZones';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// Not from parent(): that would wait for every layout's load (the bell's count among them).
	const userId = requireUser().id;
	const [organisations, actions] = await Promise.all([
		memberships.editableOrganisations(locals.supabase, userId),
		events.linkableActions(locals.supabase, locals.locale)
	]);
	const countries = await events.organisationCountries(
		locals.supabase,
		organisations.map((o) => o.id)
	);
	return {
		...newItemPage(),
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
	default: (event) =>
		createFromForm(event, eventFormSchema, {
			create: events.create,
			mapKey: dbErrorKey,
			// The database refuses a joint action the person cannot read: said at that field.
			fieldError: eventFieldError,
			echo: (values) => withCheckbox(values, 'is_online'),
			path: (id) => `events/${id}`
		})
};
