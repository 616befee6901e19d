import { feedEvent, keptFeedResponse, PUBLIC_FEED_CACHE } from '#lib/server/eventCalendar';
import * as events from '#lib/server/events';
import type { RequestHandler } from './$types';

/**
 * The network's public calendar: the published public events of the feed window (the coming
 * year and the last 30 days, capped: public.event_feed), subscribable. The same for every
 * reader, so it is built once while the data holds still (keptFeedResponse).
 */
export const GET: RequestHandler = async (event) => {
	const { locals } = event;
	const name = `${locals.i18n.t('app_name')} – ${locals.i18n.t('events:title')}`;
	return keptFeedResponse(
		event,
		'events/feed.ics',
		name,
		async (reader) => (await events.feed(locals.supabase)).map((row) => feedEvent(row, reader)),
		PUBLIC_FEED_CACHE
	);
};
