import { z } from 'zod';
import { WORK_AREAS } from '$lib/workAreas';

/** Event list filters from the query string; unknown values are dropped. */
export const eventFilterSchema = z.object({
	scope: z.enum(['upcoming', 'past']).default('upcoming').catch('upcoming'),
	view: z.enum(['list', 'month']).default('list').catch('list'),
	month: z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/)
		.optional()
		.catch(undefined),
	q: z.string().trim().max(200).optional().catch(undefined),
	area: z.enum(WORK_AREAS).optional().catch(undefined),
	country: z
		.string()
		.regex(/^[A-Z]{2}$/)
		.optional()
		.catch(undefined),
	organisation: z.uuid().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).default(1).catch(1)
});

export type EventFilters = z.infer<typeof eventFilterSchema>;

/** An organiser's answer to a pending registration (registrations page). */
export const decideRegistrationSchema = z.object({
	registration_id: z.uuid(),
	decision: z.enum(['approve', 'decline'])
});
