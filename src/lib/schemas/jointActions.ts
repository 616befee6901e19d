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

/** Comma- or space-separated values from one text field, empty parts dropped. */
const listOf = (separator: RegExp) =>
	z
		.string()
		.default('')
		.transform((value) =>
			value
				.split(separator)
				.map((part) => part.trim())
				.filter(Boolean)
		);

const dateField = z
	.string()
	.trim()
	.default('')
	.refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value), {
		error: 'validation:date_invalid'
	})
	.transform((value) => value || null);

/** The texts of one language of a joint action. */
export const actionTextSchema = z.object({
	title: z
		.string({ error: 'validation:required' })
		.trim()
		.min(1, { error: 'validation:required' })
		.max(200, { error: 'validation:too_long' }),
	summary: z.string().trim().max(1000, { error: 'validation:too_long' }).default(''),
	body: z.string().max(50000, { error: 'validation:body_too_long' }).default('')
});

/** Creating or editing a joint action (the original language's texts included). */
export const actionFormSchema = actionTextSchema
	.extend({
		organisation_id: z.uuid({ error: 'validation:organisation_not_allowed' }),
		original_locale: z.enum(['fr', 'nl', 'en', 'de', 'es'], { error: 'validation:required' }),
		areas: z
			.union([z.enum(WORK_AREAS), z.array(z.enum(WORK_AREAS))], {
				error: 'validation:area_required'
			})
			.transform((value) => (Array.isArray(value) ? value : [value])),
		crc_articles: listOf(/[\s,;]+/).pipe(
			z.array(
				z.coerce
					.number<string>({ error: 'validation:crc_article_unknown' })
					.int({ error: 'validation:crc_article_unknown' })
					.min(1, { error: 'validation:crc_article_unknown' })
					.max(54, { error: 'validation:crc_article_unknown' })
			)
		),
		countries: listOf(/[\s,;]+/).pipe(
			z.array(
				z
					.string()
					.transform((code) => code.toUpperCase())
					.pipe(z.string().regex(/^[A-Z]{2}$/, { error: 'validation:country_invalid' }))
			)
		),
		themes: listOf(/,/).pipe(
			z
				.array(z.string().max(60, { error: 'validation:too_long' }))
				.max(20, { error: 'validation:too_many' })
		),
		phase: z.enum(ACTION_PHASES, { error: 'validation:required' }),
		starts_on: dateField,
		ends_on: dateField,
		visibility: z.enum(['public', 'network', 'participants'], { error: 'validation:required' }),
		intent: z.enum(['draft', 'publish']).default('draft')
	})
	.refine((value) => !value.starts_on || !value.ends_on || value.ends_on >= value.starts_on, {
		error: 'validation:end_before_start',
		path: ['ends_on']
	})
	.transform((value) => ({
		...value,
		crc_articles: [...new Set(value.crc_articles)].sort((a, b) => a - b),
		countries: [...new Set(value.countries)],
		themes: [...new Set(value.themes)],
		areas: [...new Set(value.areas)]
	}));

export type ActionForm = z.infer<typeof actionFormSchema>;
