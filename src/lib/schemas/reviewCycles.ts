import { z } from 'zod';
import { LOCALES } from '#lib/i18n/config';
import { isDate } from '#lib/timeZones';
import { singleLine } from './text';

/** The database's review_mechanism, review_stage_kind and review_stage_status, in menu order. */
export const REVIEW_MECHANISMS = [
	'crc_periodic',
	'crc_optional_protocol',
	'upr',
	'complaint_opic',
	'complaint_ecsr'
] as const;
export const STAGE_KINDS = [
	'state_report_due',
	'list_of_issues',
	'ngo_report_deadline',
	'pre_session',
	'session',
	'concluding_observations',
	'follow_up_report_due',
	'other'
] as const;
export const STAGE_STATUSES = ['planned', 'done'] as const;

/** Stage kinds that are deadlines: the cycle page warns when one is near and nothing answers it. */
export const DEADLINE_KINDS: readonly string[] = [
	'state_report_due',
	'ngo_report_deadline',
	'follow_up_report_due'
];

/** A name typed in one language (the cycle's or a stage's names are kept per language). */
const nameFields = {
	name_locale: z.enum(LOCALES, { error: 'validation:required' }),
	name: singleLine(300)
};

/** Creating or editing a cycle: its mechanism, a name in one language, public or not. */
export const cycleSchema = z.object({
	mechanism: z.enum(REVIEW_MECHANISMS, { error: 'validation:required' }),
	...nameFields,
	name: nameFields.name.min(1, { error: 'validation:required' }),
	is_public: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on')
});
export type CycleInput = z.infer<typeof cycleSchema>;

const date = z.string().refine(isDate, { error: 'validation:date_invalid' });

/** Adding or editing a stage: kind, a date or a range, a document link, status, a name. */
export const stageSchema = z
	.object({
		stage_id: z.uuid().optional(),
		kind: z.enum(STAGE_KINDS, { error: 'validation:required' }),
		starts_on: z.string().min(1, { error: 'validation:date_required' }).pipe(date),
		ends_on: z
			.string()
			.refine((value) => value === '' || isDate(value), { error: 'validation:date_invalid' })
			.default(''),
		document_url: singleLine(2000)
			.refine((value) => value === '' || /^https?:\/\/[^\s]+$/.test(value), {
				error: 'validation:url_https'
			})
			.default(''),
		status: z.enum(STAGE_STATUSES).default('planned'),
		...nameFields,
		name: nameFields.name.default(''),
		name_locale: nameFields.name_locale.default('en')
	})
	.refine((stage) => stage.ends_on === '' || stage.ends_on >= stage.starts_on, {
		path: ['ends_on'],
		error: 'validation:end_before_start'
	});
export type StageInput = z.infer<typeof stageSchema>;

/** Linking (or unlinking) one of my items to a stage. */
export const linkSchema = z.object({
	stage_id: z.uuid({ error: 'validation:required' }),
	item_id: z.uuid({ error: 'validation:required' })
});

/** A stage to delete. */
export const stageIdSchema = z.object({ stage_id: z.uuid({ error: 'validation:required' }) });
