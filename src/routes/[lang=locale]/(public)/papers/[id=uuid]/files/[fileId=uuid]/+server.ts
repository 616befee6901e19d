import { error } from '@sveltejs/kit';
import { contentDisposition } from '#lib/server/contentDisposition';
import { download } from '#lib/server/paperFiles';
import { fileStorage } from '#lib/server/storage';
import type { RequestHandler } from './$types';

/**
 * A paper's PDF. The bytes are handed out only after the caller's own read of the file's
 * metadata row succeeds — RLS on paper_files is the download rule; there is no public URL.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await download(locals.supabase, fileStorage(), params.fileId);
	// Hidden by RLS, belonging to another paper, or missing: the same 404.
	if (!file || file.paper_id !== params.id) error(404, locals.i18n.t('errors:not_found'));
	// The stored name was made safe on upload; the header is built the one way anyway.
	const name = file.filename.replace(/\.pdf$/i, '');
	return new Response(Buffer.from(file.bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(file.bytes.length),
			'content-disposition': contentDisposition(name, 'pdf'),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
