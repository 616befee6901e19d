import { toCalendarEvent, calendarHeaders } from '#lib/server/eventCalendar';
import * as events from '#lib/server/events';
import { toICalendar } from '#lib/server/ical';
import type { RequestHandler } from './$types';

/** The network's public calendar: every published public event, subscribable. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const rows = (await events.forFeed(locals.supabase)).filter(
		(row) => row.item.visibility === 'public'
	);
	const name = `${locals.i18n.t('app_name')} – ${locals.i18n.t('events:title')}`;
	const body = toICalendar({
		name,
		host: url.host,
		refreshMinutes: 60,
		events: rows.map((row) => toCalendarEvent(row, locals.locale, url.origin))
	});
	return new Response(body, { headers: calendarHeaders(name, false) });
};
