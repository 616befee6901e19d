import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import { toCalendarEvent, calendarHeaders } from '#lib/server/eventCalendar';
import * as events from '#lib/server/events';
import { toICalendar } from '#lib/server/ical';
import * as organisations from '#lib/server/organisations';
import type { RequestHandler } from './$types';

/** An organisation's calendar: its public events (organised or co-organised), subscribable. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const slug = slugSchema.safeParse(params.slug);
	const organisation = slug.success
		? await organisations.getBySlug(locals.supabase, slug.data)
		: null;
	if (!organisation) error(404, locals.i18n.t('errors:not_found'));
	const rows = (await events.forFeed(locals.supabase, organisation.id)).filter(
		(row) => row.item.visibility === 'public'
	);
	const name = `${organisation.name} – ${locals.i18n.t('events:title')}`;
	const body = toICalendar({
		name,
		host: url.host,
		refreshMinutes: 60,
		events: rows.map((row) => toCalendarEvent(row, locals.locale, url.origin))
	});
	return new Response(body, { headers: calendarHeaders(name, false) });
};
