import { z } from 'zod';
import { LOCALES } from '#lib/i18n/config';
import { isDate } from '#lib/timeZones';
import { ACTION_PHASES, WORK_AREAS } from '#lib/workAreas';
import { articleFilter, countryFilter, listFilterFields } from './listFilters';
import { isCleanLine, isoDate, latinDigits, multiLine, singleLine } from './text';

/**
 * List filters from the query string. Unknown values (a hand-edited address) are dropped,
 * so a bad link still shows the list rather than an error.
 */
export const actionFilterSchema = z.object({
	...listFilterFields,
	article: articleFilter,
	country: countryFilter,
	phase: z.enum(ACTION_PHASES).optional().catch(undefined),
	from: isoDate.optional().catch(undefined),
	to: isoDate.optional().catch(undefined)
});

export type ActionFilters = z.infer<typeof actionFilterSchema>;

/**
 * Comma- or space-separated values from one text field, empty parts dropped. The Arabic comma
 * and semicolon (، ؛) separate too.
 */
const listOf = (separator: RegExp, read: (value: string) => string = (value) => value) =>
	z
		.string()
		.default('')
		.transform((value) =>
			read(value)
				.split(separator)
				.map((part) => part.trim())
				.filter(Boolean)
		);

const dateField = z
	.string()
	.trim()
	.default('')
	.refine((value) => value === '' || isDate(value), { error: 'validation:date_invalid' })
	.transform((value) => value || null);

/** The texts of one language of a joint action. */
export const actionTextSchema = z.object({
	title: singleLine(200).min(1, { error: 'validation:required' }),
	summary: multiLine(1000, { trim: true }).default(''),
	body: multiLine(50000, { tooLong: 'validation:body_too_long' }).default('')
});

/**
 * What an item is about: areas of work (at least one), UNCRC articles and countries typed
 * as comma- or space-separated lists. Shared by joint actions and position papers.
 */
export const subjectFields = {
	areas: z
		.union([z.enum(WORK_AREAS), z.array(z.enum(WORK_AREAS))], { error: 'validation:area_required' })
		.transform((value) => [...new Set(Array.isArray(value) ? value : [value])]),
	crc_articles: listOf(/[\s,;،؛]+/, latinDigits)
		.pipe(
			z.array(
				z.coerce
					.number<string>({ error: 'validation:crc_article_unknown' })
					.int({ error: 'validation:crc_article_unknown' })
					.min(1, { error: 'validation:crc_article_unknown' })
					.max(54, { error: 'validation:crc_article_unknown' })
			)
		)
		.transform((value) => [...new Set(value)].sort((a, b) => a - b)),
	countries: listOf(/[\s,;،؛]+/)
		.pipe(
			z.array(
				z
					.string()
					.transform((code) => code.toUpperCase())
					.pipe(z.string().regex(/^[A-Z]{2}$/, { error: 'validation:country_invalid' }))
			)
		)
		.transform((value) => [...new Set(value)])
};

/** The fields that say what an action is about and when it runs. */
const detailFields = {
	...subjectFields,
	themes: listOf(/[,،]/)
		.pipe(
			z
				.array(
					z
						.string()
						.max(60, { error: 'validation:too_long' })
						.refine(isCleanLine, { error: 'validation:control_characters' })
				)
				.max(20, { error: 'validation:too_many_entries' })
		)
		.transform((value) => [...new Set(value)]),
	phase: z.enum(ACTION_PHASES, { error: 'validation:required' }),
	starts_on: dateField,
	ends_on: dateField
};

const endAfterStart = {
	check: (value: { starts_on: string | null; ends_on: string | null }) =>
		!value.starts_on || !value.ends_on || value.ends_on >= value.starts_on,
	params: {
		error: 'validation:end_before_start',
		path: ['ends_on'],
		// Zod skips object refinements once another field has failed; the date order is
		// still worth telling at the same time, as long as both dates themselves parsed.
		when: ({ value }: { value: unknown }) => {
			const { starts_on, ends_on } = value as Record<string, unknown>;
			return [starts_on, ends_on].every((date) => date == null || isDate(date));
		}
	}
};

/** Editing what an action is about and when it runs. */
export const actionDetailsSchema = z
	.object(detailFields)
	.refine(endAfterStart.check, endAfterStart.params);

export type ActionDetails = z.output<typeof actionDetailsSchema>;

/** Creating a joint action: its original texts, details, owner and visibility. */
export const actionFormSchema = actionTextSchema
	.extend({
		...detailFields,
		organisation_id: z.uuid({ error: 'validation:organisation_not_allowed' }),
		original_locale: z.enum(LOCALES, { error: 'validation:required' }),
		visibility: z.enum(['public', 'network', 'participants'], { error: 'validation:required' }),
		intent: z.enum(['draft', 'publish']).default('draft')
	})
	.refine(endAfterStart.check, endAfterStart.params);

export type ActionForm = z.infer<typeof actionFormSchema>;

export type ActionText = z.infer<typeof actionTextSchema>;

/** Editing a translation: the language and its texts. */
export const actionTranslationSchema = actionTextSchema.extend({
	locale: z.enum(LOCALES, { error: 'validation:required' })
});

/** Inviting an organisation to an action. */
export const actionInviteSchema = z.object({
	organisation_id: z.uuid({ error: 'validation:organisation_not_allowed' }),
	role: z.enum(['co_lead', 'participant'], { error: 'validation:required' })
});

/** A timeline post. */
export const actionUpdateSchema = z.object({
	organisation_id: z.uuid({ error: 'validation:organisation_not_allowed' }),
	locale: z.enum(LOCALES, { error: 'validation:required' }),
	body: multiLine(10000, { trim: true }).min(1, { error: 'validation:required' })
});
