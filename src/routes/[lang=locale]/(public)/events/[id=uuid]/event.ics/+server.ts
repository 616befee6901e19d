import { error } from '@sveltejs/kit';
import { calendarHeaders, calendarReader, toCalendarEvent } from '#lib/server/eventCalendar';
import * as events from '#lib/server/events';
import { toICalendar } from '#lib/server/ical';
import type { RequestHandler } from './$types';

/** One event as an .ics file, for whoever may read the event (RLS decides). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const event = await events.getById(locals.supabase, params.id);
	if (!event) error(404, locals.i18n.t('errors:not_found'));
	const calendarEvent = toCalendarEvent(event, calendarReader(locals, url));
	const body = toICalendar({
		name: calendarEvent.title,
		host: url.host,
		events: [calendarEvent]
	});
	return new Response(body, { headers: calendarHeaders(calendarEvent.title, true) });
};
