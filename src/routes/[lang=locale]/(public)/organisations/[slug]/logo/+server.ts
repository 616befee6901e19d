import { error } from '@sveltejs/kit';
import { slugSchema } from '#lib/schemas/organisations';
import * as logos from '#lib/server/organisationLogos';
import { fileStorage } from '#lib/server/storage';
import type { RequestHandler } from './$types';

/** An organisation's logo, for whoever may read the organisation (RLS); 404 otherwise. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const slug = slugSchema.safeParse(params.slug);
	const logo = slug.success ? await logos.read(locals.supabase, fileStorage(), slug.data) : null;
	if (!logo) error(404, locals.i18n.t('errors:not_found'));
	// The key names the bytes (sha256): the same key is the same image.
	const etag = `"${logo.key.slice(logo.key.lastIndexOf('/') + 1)}"`;
	const headers = {
		'content-type': logo.contentType,
		etag,
		// Readers of a suspended organisation's page lose it within minutes, not never.
		'cache-control': 'private, max-age=300',
		'x-content-type-options': 'nosniff'
	};
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	return new Response(Buffer.from(logo.bytes), { headers });
};
