import { auditFilterSchema } from '#lib/schemas/console';
import * as coordination from '#lib/server/coordination';
import { auditSentence } from './sentences';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
	await parent();
	const filters = auditFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [{ rows, total }, choices] = await Promise.all([
		coordination.auditTrail(locals.supabase, filters),
		coordination.auditFilterChoices(locals.supabase)
	]);
	// Sentences in the reader's language, built here with the request's translator.
	const t = locals.i18n.t.bind(locals.i18n) as unknown as (key: string, values?: object) => string;
	return {
		filters,
		total,
		choices,
		entries: rows.map((row) => ({
			id: row.id,
			at: row.created_at,
			sentence: auditSentence(row, t, locals.locale),
			reason: row.reason
		}))
	};
};
