import { z } from 'zod';
import { countryFilter } from './listFilters';
import { ORGANISATION_KINDS } from '#lib/organisations';

/**
 * Directory filters from the query string. A value that is not one of the known ones
 * (a hand-edited URL) is dropped rather than failing the page.
 */
export const directoryFilterSchema = z.object({
	kind: z.enum(ORGANISATION_KINDS).optional().catch(undefined),
	country: countryFilter,
	language: z
		.string()
		.regex(/^[a-z]{2}$/)
		.optional()
		.catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).default(1).catch(1)
});

export type DirectoryFilters = z.infer<typeof directoryFilterSchema>;

/** Organisation slugs as the database accepts them. */
export const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(80);
