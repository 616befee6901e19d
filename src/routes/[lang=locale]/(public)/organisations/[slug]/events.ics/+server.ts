import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import { feedEvent, keptFeedResponse, PUBLIC_FEED_CACHE } from '#lib/server/eventCalendar';
import * as events from '#lib/server/events';
import * as organisations from '#lib/server/organisations';
import type { RequestHandler } from './$types';

/**
 * An organisation's calendar: its public events (organised or co-organised) of the feed
 * window (public.event_feed), subscribable; built once while the data holds still.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const slug = slugSchema.safeParse(params.slug);
	const organisation = slug.success
		? await organisations.getBySlug(locals.supabase, slug.data)
		: null;
	if (!organisation) error(404, locals.i18n.t('errors:not_found'));
	const name = `${organisation.name} – ${locals.i18n.t('events:title')}`;
	return keptFeedResponse(
		event,
		`organisations/${organisation.id}/events.ics`,
		name,
		async (reader) =>
			(await events.feed(locals.supabase, organisation.id)).map((row) => feedEvent(row, reader)),
		PUBLIC_FEED_CACHE
	);
};
