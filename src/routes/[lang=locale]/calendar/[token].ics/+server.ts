import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import * as calendarTokens from '#lib/server/calendarTokens';
import { feedEvent, keptFeedResponse } from '#lib/server/eventCalendar';
import * as reviewCycles from '#lib/server/reviewCycles';
import { stageEvent, stageWords } from '#lib/server/stageCalendar';
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
 * person may read, in the feed window (and nothing once the token is revoked); the online link
 * is never in it.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const token = tokenSchema.safeParse(params.token);
	if (!token.success) error(404, locals.i18n.t('errors:not_found'));
	const words = stageWords(locals);
	// An unknown or revoked token gets the same answer as a valid one with no events: no oracle.
	const name = `${locals.i18n.t('app_name')} – ${locals.i18n.t('events:title')}`;
	// A secret address and one person's events: the calendar app may keep it and ask again
	// with its ETag (If-None-Match), shared caches never store it, and it is never sent on as
	// a referrer. This process keeps it while the data holds still, under the token's hash.
	const response = await keptFeedResponse(
		event,
		`calendar/${createHash('sha256').update(token.data).digest('base64url')}`,
		name,
		async (reader) => {
			// Its events, and the review stages of the countries of the person's organisations.
			const [rows, stages] = await Promise.all([
				calendarTokens.feed(locals.supabase, token.data),
				reviewCycles.personalFeed(locals.supabase, token.data)
			]);
			return [
				...rows.map((row) => feedEvent(row, reader)),
				...stages.map((row) => stageEvent(row, reader, words))
			];
		},
		'private, no-cache'
	);
	response.headers.set('referrer-policy', 'no-referrer');
	return response;
};
