import { eventFilterSchema } from '#lib/schemas/events';
import * as events from '#lib/server/events';
import * as items from '#lib/server/items';
import * as organisations from '#lib/server/organisations';
import { dateInZone, shiftMonth } from './calendar';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = eventFilterSchema.parse(Object.fromEntries(url.searchParams));
	const named = query.org ? await organisations.filterByName(locals.supabase, query) : null;
	const parsed = named ? { ...query, organisation: named.id } : query;
	const month = parsed.month ?? dateInZone(new Date(), 'Europe/Brussels').slice(0, 7);
	const filters = { ...parsed, month };

	async function rows() {
		if (filters.view === 'list')
			return { ...(await events.list(locals.supabase, filters)), days: [] };
		// A day of margin on each side: events sit on their local day in their own zone.
		const start = new Date(`${month}-01T00:00:00Z`);
		start.setUTCDate(start.getUTCDate() - 1);
		const end = new Date(`${shiftMonth(month, 1)}-01T00:00:00Z`);
		end.setUTCDate(end.getUTCDate() + 1);
		const days = await events.byDay(locals.supabase, start, end, filters);
		return { rows: [], hasMore: false, days };
	}

	const [result, organisation, editable] = await Promise.all([
		rows(),
		named ?? organisations.filterByName(locals.supabase, filters),
		items.rights(locals.supabase, null, locals.user !== null)
	]);
	return {
		filters,
		events: result.rows,
		hasMore: result.hasMore,
		days: result.days,
		pageSize: events.PAGE_SIZE,
		// Editors and admins of an organisation may create events in its name (RLS decides).
		canCreate: editable.canCreate,
		organisation
	};
};
