import { z } from 'zod';
import { PAPER_KINDS, WORK_AREAS } from '$lib/workAreas';

/** Paper list filters from the query string; unknown values are dropped. */
export const paperFilterSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	kind: z.enum(PAPER_KINDS).optional().catch(undefined),
	area: z.enum(WORK_AREAS).optional().catch(undefined),
	article: z.coerce.number().int().min(1).max(54).optional().catch(undefined),
	organisation: z.uuid().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).default(1).catch(1)
});

export type PaperFilters = z.infer<typeof paperFilterSchema>;
