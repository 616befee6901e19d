import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { pickLocalised } from '#lib/i18n/content';
import * as calendarTokens from '#lib/server/calendarTokens';
import { calendarHeaders, calendarReader, eventLocation } from '#lib/server/eventCalendar';
import { toICalendar } from '#lib/server/ical';
import type { RequestHandler } from './$types';

// Issued tokens are base64url (calendarTokens.issue); anything else, a NUL or a slash
// included, is no token of ours and never reaches the database.
const tokenSchema = z
	.string()
	.min(8)
	.max(200)
	.regex(/^[A-Za-z0-9_-]+$/);

/**
 * A person's own calendar feed, for calendar apps that cannot sign in: the secret token in
 * the address stands for the person. `personal_calendar` returns exactly the events that
 * person may read (and nothing once the token is revoked); the online link is never in it.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const token = tokenSchema.safeParse(params.token);
	if (!token.success) error(404, locals.i18n.t('errors:not_found'));
	const data = await calendarTokens.feed(locals.supabase, token.data);
	// An unknown or revoked token gets the same answer as a valid one with no events: no oracle.
	const name = `${locals.i18n.t('app_name')} – ${locals.i18n.t('events:title')}`;
	const reader = calendarReader(locals, url);
	const body = toICalendar({
		name,
		host: url.host,
		refreshMinutes: 60,
		events: data.map((row) => {
			const title = pickLocalised(row.titles, locals.locale, row.original_locale);
			const description = pickLocalised(row.descriptions, locals.locale, row.original_locale);
			return {
				id: row.event_id,
				title: title?.text ?? '',
				description: description?.text ?? '',
				startsAt: new Date(row.starts_at),
				endsAt: new Date(row.ends_at),
				timeZone: row.time_zone,
				location: eventLocation(row.venue_name, row.venue_address, row.is_online, reader.online),
				url: `${url.origin}/${locals.locale}/events/${row.event_id}`,
				cancelled: row.cancelled_at !== null,
				updatedAt: new Date(row.updated_at)
			};
		})
	});
	const headers = calendarHeaders(name, false);
	// A secret address: never stored by shared caches, never sent on as a referrer.
	headers['cache-control'] = 'private, no-store';
	headers['referrer-policy'] = 'no-referrer';
	return new Response(body, { headers });
};
