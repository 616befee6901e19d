import { z } from 'zod';
import { LOCALES } from '#lib/i18n/config';
import { PAPER_KINDS } from '#lib/workAreas';
import { isDate } from '#lib/timeZones';
import { subjectFields } from './jointActions';
import { articleFilter, countryFilter, listFilterFields } from './listFilters';
import { multiLine, singleLine } from './text';

/** Paper list filters from the query string; unknown values are dropped. */
export const paperFilterSchema = z.object({
	...listFilterFields,
	kind: z.enum(PAPER_KINDS).optional().catch(undefined),
	article: articleFilter,
	country: countryFilter
});

export type PaperFilters = z.infer<typeof paperFilterSchema>;

/** The texts of one language of a paper (limits as the database's). */
export const paperTextSchema = z.object({
	title: singleLine(300).min(1, { error: 'validation:required' }),
	abstract: multiLine(5000, { trim: true }).default('')
});

export type PaperText = z.infer<typeof paperTextSchema>;

/** Creating a paper: owner, original language and text, what it is about, visibility. */
export const paperFormSchema = paperTextSchema.extend({
	...subjectFields,
	organisation_id: z.uuid({ error: 'validation:organisation_not_allowed' }),
	original_locale: z.enum(LOCALES, { error: 'validation:required' }),
	paper_kind: z.enum(PAPER_KINDS, { error: 'validation:required' }),
	joint_action_id: z
		.union([z.literal(''), z.uuid({ error: 'papers:error_action_link' })])
		.default('')
		.transform((value) => value || null),
	visibility: z.enum(['public', 'network', 'participants'], { error: 'validation:required' }),
	intent: z.enum(['draft', 'publish']).default('draft')
});

export type PaperForm = z.infer<typeof paperFormSchema>;

/** Editing a translation: the language and its texts. */
export const paperTranslationSchema = paperTextSchema.extend({
	locale: z.enum(LOCALES, { error: 'validation:required' })
});

/** Which version and language a PDF is uploaded for (the file itself is checked apart). */
export const paperUploadSchema = z.object({
	version_id: z.uuid({ error: 'validation:required' }),
	locale: z.enum(LOCALES, { error: 'validation:required' })
});

/** A new version: what changed. */
export const paperVersionSchema = z.object({
	note: multiLine(2000, { trim: true }).default('')
});

/** Opening a version for signature until the end of a day (UTC). */
export const paperOpenSignatureSchema = z.object({
	version_id: z.uuid({ error: 'validation:required' }),
	deadline: z
		.string({ error: 'validation:required' })
		.trim()
		.refine(isDate, { error: 'validation:date_invalid' })
		.transform((day) => `${day}T23:59:59Z`)
		.refine((deadline) => Date.parse(deadline) > Date.now(), {
			error: 'validation:deadline_past'
		})
});

/** Organisations asked to co-sign (checkboxes). */
export const paperInviteSchema = z.object({
	organisation_ids: z
		.union([z.uuid(), z.array(z.uuid())], { error: 'validation:organisation_required' })
		.transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
});

/** An organisation's answer to a request to co-sign. */
export const paperDecisionSchema = z.object({
	signature_id: z.uuid(),
	answer: z.enum(['sign', 'decline']),
	comment: multiLine(2000, { trim: true }).default('')
});
