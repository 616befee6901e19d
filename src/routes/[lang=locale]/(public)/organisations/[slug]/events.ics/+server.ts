import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import { calendarReader, feedResponse, PUBLIC_FEED_CACHE } from '#lib/server/eventCalendar';
import * as events from '#lib/server/events';
import * as organisations from '#lib/server/organisations';
import type { RequestHandler } from './$types';

/**
 * An organisation's calendar: its public events (organised or co-organised) of the feed
 * window (public.event_feed), subscribable.
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const slug = slugSchema.safeParse(params.slug);
	const organisation = slug.success
		? await organisations.getBySlug(locals.supabase, slug.data)
		: null;
	if (!organisation) error(404, locals.i18n.t('errors:not_found'));
	const rows = await events.feed(locals.supabase, organisation.id);
	const name = `${organisation.name} – ${locals.i18n.t('events:title')}`;
	return feedResponse(request, name, rows, calendarReader(locals, url), PUBLIC_FEED_CACHE);
};
