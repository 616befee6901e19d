import { z } from 'zod';
import { LOCALES } from '#lib/i18n/config';
import { isDate } from '#lib/timeZones';
import { eventTextSchema } from './events';
import { actionTextSchema } from './jointActions';
import { paperTextSchema } from './papers';
import { multiLine } from './text';

/** Asking an organisation for one language of an item (limits as the database's). */
export const askTranslationSchema = z.object({
	locale: z.enum(LOCALES, { error: 'validation:required' }),
	organisation_id: z.uuid({ error: 'validation:required' }),
	due_on: z
		.string()
		.trim()
		.max(10, { error: 'validation:date_invalid' })
		.refine((value) => value === '' || isDate(value), { error: 'validation:date_invalid' })
		.default('')
		.transform((value) => value || null),
	message: multiLine(2000, { trim: true }).default('')
});

/** One request, by id: cancelling it (asking side). */
export const translationRequestSchema = z.object({ request_id: z.uuid() });

/** The asked organisation's answer. */
export const answerTranslationSchema = z.object({
	request_id: z.uuid(),
	answer: z.enum(['accept', 'decline'])
});

/** The original's revision the translator's page showed (saving records it as reviewed). */
export const reviewedRevisionSchema = z.object({ revision: z.coerce.number().int().min(1) });

/** The translator's text of each kind: the kind's own text fields and limits, and the revision. */
export const translatorTextSchemas = {
	joint_action: actionTextSchema.extend(reviewedRevisionSchema.shape),
	event: eventTextSchema.extend(reviewedRevisionSchema.shape),
	paper: paperTextSchema.extend(reviewedRevisionSchema.shape)
};
