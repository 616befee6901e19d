import { error, redirect } from '@sveltejs/kit';
import { actionFilterSchema } from '#lib/schemas/jointActions';
import { eventFilterSchema } from '#lib/schemas/events';
import { paperFilterSchema } from '#lib/schemas/papers';
import { cycleSchema } from '#lib/schemas/reviewCycles';
import { requireUser } from '#lib/server/auth';
import { formFail, parseForm } from '#lib/server/forms';
import * as events from '#lib/server/events';
import * as jointActions from '#lib/server/jointActions';
import * as organisations from '#lib/server/organisations';
import * as papers from '#lib/server/papers';
import * as reviewCycles from '#lib/server/reviewCycles';
import { titlesFor } from '#lib/i18n/content';
import { today } from '#lib/reviewStages';
import type { Actions, PageServerLoad } from './$types';

/** How many of each kind of item the country page shows (the list, filtered, has the rest). */
const SHOWN = 5;

/**
 * A country: its organisations, the items about it (the lists' own queries with their country
 * filter), its review cycles with their stages and what is linked to them. RLS decides
 * everything; a country nobody may see anything of is a 404.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const country = params.iso2.toUpperCase();
	const [overview, members, actions, upcoming, papersPage, cycles, canEdit] = await Promise.all([
		reviewCycles.overview(locals.supabase),
		organisations.list(locals.supabase, { country }),
		jointActions.list(locals.supabase, actionFilterSchema.parse({ country }), SHOWN),
		events.list(locals.supabase, eventFilterSchema.parse({ country }), SHOWN),
		papers.list(locals.supabase, paperFilterSchema.parse({ country }), SHOWN),
		reviewCycles.forCountry(locals.supabase, country),
		reviewCycles.canEdit(locals.supabase, locals.user?.id, country)
	]);
	const counts = overview.find((row) => row.country === country);
	if (!counts) error(404, locals.i18n.t('errors:not_found'));
	const links = await reviewCycles.links(
		locals.supabase,
		cycles.flatMap((cycle) => cycle.stages.map((stage) => stage.id))
	);
	return {
		country,
		counts,
		organisations: members.filter((organisation) => organisation.status === 'active'),
		actions: titlesFor(actions.rows, locals.locale),
		events: titlesFor(upcoming.rows, locals.locale),
		papers: titlesFor(papersPage.rows, locals.locale),
		cycles,
		links,
		canEdit,
		today: today()
	};
};

export const actions: Actions = {
	/** A new review cycle of this country (coordinators, admins of an organisation here). */
	createCycle: async ({ locals, params, request }) => {
		requireUser();
		const parsed = parseForm(cycleSchema, await request.formData());
		if (!parsed.success) return formFail('createCycle', parsed.errors, parsed.values);
		const country = params.iso2.toUpperCase();
		let id: string;
		try {
			id = await reviewCycles.createCycle(locals.supabase, country, parsed.data);
		} catch (caught) {
			return formFail('createCycle', caught);
		}
		redirect(303, `/${locals.locale}/countries/${params.iso2}/cycles/${id}`);
	}
};
