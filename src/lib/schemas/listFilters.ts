import { z } from 'zod';
import { WORK_AREAS } from '#lib/workAreas';
import { searchText } from './text';

/**
 * The fields every list's filters share, read from the query string. A value that is not a
 * known one (a hand-edited address) is dropped, so a bad link still shows the list rather
 * than an error.
 */
export const listFilterFields = {
	q: searchText(),
	area: z.enum(WORK_AREAS).optional().catch(undefined),
	organisation: z.uuid().optional().catch(undefined),
	// An organisation's name typed in the filter (resolved on the server; see filterByName).
	org: searchText(),
	page: z.coerce.number().int().min(1).max(1000).default(1).catch(1)
};

/** A country as the filters take it: ISO 3166-1 alpha-2, upper case. */
export const countryFilter = z
	.string()
	.regex(/^[A-Z]{2}$/)
	.optional()
	.catch(undefined);

/** A UN CRC article (1–54). */
export const articleFilter = z.coerce.number().int().min(1).max(54).optional().catch(undefined);
