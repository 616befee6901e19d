import { z } from 'zod';
import { ACTION_PHASES, WORK_AREAS } from '$lib/workAreas';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * List filters from the query string. Unknown values (a hand-edited address) are dropped,
 * so a bad link still shows the list rather than an error.
 */
export const actionFilterSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	area: z.enum(WORK_AREAS).optional().catch(undefined),
	article: z.coerce.number().int().min(1).max(54).optional().catch(undefined),
	country: z
		.string()
		.regex(/^[A-Z]{2}$/)
		.optional()
		.catch(undefined),
	organisation: z.uuid().optional().catch(undefined),
	phase: z.enum(ACTION_PHASES).optional().catch(undefined),
	from: isoDate.optional().catch(undefined),
	to: isoDate.optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).default(1).catch(1)
});

export type ActionFilters = z.infer<typeof actionFilterSchema>;
