import { eventFilterSchema } from '#lib/schemas/events';
import * as events from '#lib/server/events';
import { listPage } from '#lib/server/listing';
import { HOME_ZONE } from '#lib/homeZone';
import { utcToZoned } from '#lib/timeZones';
import { shiftMonth } from './calendar';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const parsed = eventFilterSchema.parse(Object.fromEntries(url.searchParams));
	const month = parsed.month ?? utcToZoned(new Date(), HOME_ZONE).date.slice(0, 7);

	async function rows(filters: typeof parsed) {
		if (filters.view === 'list')
			return { ...(await events.list(locals.supabase, filters)), days: [] };
		// A day of margin on each side: events sit on their local day in their own zone.
		const start = new Date(`${month}-01T00:00:00Z`);
		start.setUTCDate(start.getUTCDate() - 1);
		const end = new Date(`${shiftMonth(month, 1)}-01T00:00:00Z`);
		end.setUTCDate(end.getUTCDate() + 1);
		const days = await events.byDay(locals.supabase, locals.locale, start, end, filters);
		return { rows: [], hasMore: false, days };
	}

	const { rows: list, ...page } = await listPage(
		locals,
		{ ...parsed, month },
		events.PAGE_SIZE,
		rows
	);
	return { ...page, events: list };
};
