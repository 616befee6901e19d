import * as reviewCycles from '#lib/server/reviewCycles';
import { stageFeedResponse } from '#lib/server/stageCalendar';
import { namesOf } from '#lib/i18n/format';
import type { RequestHandler } from './$types';

/**
 * A country's review calendar: the stages of its cycles the reader may read (a visitor: the
 * public cycles'), as whole-day entries. Signed in, the answer is the reader's own.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const country = params.iso2.toUpperCase();
	const rows = await reviewCycles.feed(locals.supabase, { country });
	const name = `${namesOf(locals.locale, 'region').of(country) ?? country} – ${locals.i18n.t('countries:feed_name')}`;
	return stageFeedResponse(event, name, rows);
};
