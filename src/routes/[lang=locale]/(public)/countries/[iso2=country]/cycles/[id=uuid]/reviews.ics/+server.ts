import { error } from '@sveltejs/kit';
import { pickLocalised } from '#lib/i18n/content';
import * as reviewCycles from '#lib/server/reviewCycles';
import { stageFeedResponse } from '#lib/server/stageCalendar';
import type { RequestHandler } from './$types';

/** One review cycle's calendar: its stages as whole-day entries (404 when not readable). */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const rows = await reviewCycles.feed(locals.supabase, { cycle: params.id });
	const cycle = await reviewCycles.getById(locals.supabase, params.id);
	if (!cycle || cycle.country !== params.iso2.toUpperCase()) {
		error(404, locals.i18n.t('errors:not_found'));
	}
	const name =
		pickLocalised(cycle.names, locals.locale, 'en')?.text ?? locals.i18n.t('countries:feed_name');
	return stageFeedResponse(event, name, rows);
};
