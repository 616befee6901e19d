import { error } from '@sveltejs/kit';
import * as account from '#lib/server/account';
import { contentDisposition } from '#lib/server/contentDisposition';
import type { RequestHandler } from './$types';

/**
 * My data as a JSON download: everything public.my_data() returns for the signed-in person
 * (the function reads only the caller's own rows, so no parameter can ask for someone else's).
 */
export const GET: RequestHandler = async ({ locals }) => {
	let data;
	try {
		data = await account.exportData(locals.supabase);
	} catch (failure) {
		console.error('[account] export failed', failure);
		error(503, locals.i18n.t('account:export_failed'));
	}
	const day = new Date().toISOString().slice(0, 10);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': contentDisposition(`dci-hub-my-data-${day}`, 'json'),
			'cache-control': 'private, no-store'
		}
	});
};
