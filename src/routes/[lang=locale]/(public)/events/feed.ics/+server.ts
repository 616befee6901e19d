import { calendarReader, feedResponse, PUBLIC_FEED_CACHE } from '#lib/server/eventCalendar';
import * as events from '#lib/server/events';
import type { RequestHandler } from './$types';

/**
 * The network's public calendar: the published public events of the feed window (the coming
 * year and the last 30 days, capped: public.event_feed), subscribable.
 */
export const GET: RequestHandler = async ({ locals, request, url }) => {
	const rows = await events.feed(locals.supabase);
	const name = `${locals.i18n.t('app_name')} – ${locals.i18n.t('events:title')}`;
	return feedResponse(request, name, rows, calendarReader(locals, url), PUBLIC_FEED_CACHE);
};
