import { error } from '@sveltejs/kit';
import { contentDisposition } from '#lib/server/contentDisposition';
import { csvDelimiter, toCsv } from '#lib/server/csv';
import * as events from '#lib/server/events';
import type { RequestHandler } from './$types';

/** The registrant list as a spreadsheet file, for the organisers only (404 for others). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const found = await events.forOrganiser(locals.supabase, params.id, locals.locale);
	if (!found) error(404, locals.i18n.t('errors:not_found'));
	const { event, title, list } = found;
	const { t } = locals.i18n;
	// Sortable in a spreadsheet: 2026-12-03 09:30, in the event's zone.
	const stamp = new Intl.DateTimeFormat('sv-SE', {
		timeZone: event.time_zone,
		dateStyle: 'short',
		timeStyle: 'short'
	});
	const at = (value: string | null) => (value ? stamp.format(new Date(value)) : '');
	const body = toCsv(
		[
			t('events:registrants_col_name'),
			t('events:registrants_col_email'),
			t('events:registrants_col_organisations'),
			t('events:registrants_col_status'),
			t('events:registrants_col_registered'),
			t('events:registrants_col_decided')
		],
		list.map((r) => [
			r.display_name,
			r.email,
			r.organisations.join(', '),
			t(`events:registrants_value_${r.status}`),
			at(r.registered_at),
			at(r.decided_at)
		]),
		csvDelimiter(locals.locale)
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': contentDisposition(`${t('events:registrants_file')}-${title}`, 'csv'),
			'cache-control': 'private, no-store'
		}
	});
};
