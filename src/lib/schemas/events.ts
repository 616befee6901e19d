import { z } from 'zod';
import { LOCALES } from '#lib/i18n/config';
import { isDate, isTime, isTimeZone, zonedToUtc } from '#lib/timeZones';
import { countryFilter, listFilterFields } from './listFilters';
import { isoDate, isoMonth, latinDigits, multiLine, singleLine } from './text';

/** Event list filters from the query string; unknown values are dropped. */
export const eventFilterSchema = z.object({
	scope: z.enum(['upcoming', 'past']).default('upcoming').catch('upcoming'),
	view: z.enum(['list', 'month']).default('list').catch('list'),
	month: isoMonth.optional().catch(undefined),
	/** The month view's open day (YYYY-MM-DD): it shows all its events, not only the first few. */
	day: isoDate.optional().catch(undefined),
	...listFilterFields,
	country: countryFilter
});

export type EventFilters = z.infer<typeof eventFilterSchema>;

/** An organiser's answer to a pending registration (registrations page). */
export const decideRegistrationSchema = z.object({
	registration_id: z.uuid(),
	decision: z.enum(['approve', 'decline'])
});

/** Accessibility options (the database's events_accessibility_valid list, in menu order). */
export const ACCESSIBILITY_OPTIONS = [
	'sign_language',
	'wheelchair',
	'captions',
	'hearing_loop',
	'easy_read',
	'childcare',
	'quiet_room'
] as const;

/** How people register (the database enum registration_mode). */
export const REGISTRATION_MODES = ['open', 'approval', 'none', 'closed'] as const;

/** The texts of one language of an event. */
export const eventTextSchema = z.object({
	title: singleLine(200).min(1, { error: 'validation:required' }),
	description: multiLine(20000).default(''),
	accessibility_notes: multiLine(2000, { trim: true }).default('')
});

export type EventText = z.infer<typeof eventTextSchema>;

/** Editing a translation: the language and its texts. */
export const eventTranslationSchema = eventTextSchema.extend({
	locale: z.enum(LOCALES, { error: 'validation:required' })
});

const trimmed = (max: number) => singleLine(max).default('');

const optionalText = (max: number) => trimmed(max).transform((value) => value || null);

/** The fields about when, where and how to register, as typed in the form. */
const detailFields = {
	time_zone: z
		.string({ error: 'validation:time_zone_unknown' })
		.refine(isTimeZone, { error: 'validation:time_zone_unknown' }),
	start_date: z.string({ error: 'validation:required' }).refine(isDate, {
		error: 'validation:date_required'
	}),
	start_time: z.string({ error: 'validation:required' }).refine(isTime, {
		error: 'validation:time_required'
	}),
	end_date: z.string({ error: 'validation:required' }).refine(isDate, {
		error: 'validation:date_required'
	}),
	end_time: z.string({ error: 'validation:required' }).refine(isTime, {
		error: 'validation:time_required'
	}),
	venue_name: optionalText(200),
	venue_address: multiLine(500, { trim: true })
		.default('')
		.transform((value) => value || null),
	is_online: z
		.string()
		.optional()
		.transform((value) => value === 'on' || value === 'true'),
	online_url: trimmed(2000)
		.refine((value) => value === '' || isHttpsUrl(value), { error: 'validation:url_https' })
		.transform((value) => value || null),
	capacity: z
		.string()
		.trim()
		.default('')
		.transform(latinDigits)
		.refine((value) => value === '' || /^\d{1,6}$/.test(value), {
			error: 'validation:capacity_invalid'
		})
		.transform((value) => (value === '' ? null : Number(value)))
		.refine((value) => value === null || value >= 1, { error: 'validation:capacity_invalid' }),
	registration_mode: z.enum(REGISTRATION_MODES, { error: 'validation:required' }),
	deadline_date: z
		.string()
		.trim()
		.default('')
		.refine((value) => value === '' || isDate(value), { error: 'validation:date_invalid' }),
	deadline_time: z
		.string()
		.trim()
		.default('')
		.refine((value) => value === '' || isTime(value), { error: 'validation:time_invalid' }),
	accessibility: z
		.union([z.enum(ACCESSIBILITY_OPTIONS), z.array(z.enum(ACCESSIBILITY_OPTIONS))], {
			error: 'validation:invalid'
		})
		.optional()
		.transform((value) => [...new Set(value === undefined ? [] : [value].flat())]),
	joint_action_id: z
		.union([z.literal(''), z.uuid({ error: 'validation:invalid' })])
		.default('')
		.transform((value) => value || null)
};

function isHttpsUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && url.hostname.includes('.');
	} catch {
		return false;
	}
}

type RawDetails = Record<string, unknown>;

/** The instants of a parsed form (or null for a part that did not parse). */
function instants(value: RawDetails) {
	const zone = value.time_zone;
	if (!isTimeZone(zone)) return null;
	const at = (date: unknown, time: unknown) =>
		isDate(date) && isTime(time) ? zonedToUtc(date, time, zone) : null;
	const deadlineDate = typeof value.deadline_date === 'string' ? value.deadline_date.trim() : '';
	const deadlineTime = typeof value.deadline_time === 'string' ? value.deadline_time.trim() : '';
	return {
		start: at(value.start_date, value.start_time),
		end: at(value.end_date, value.end_time),
		// A deadline day without a time: until the end of that day.
		deadline: deadlineDate ? at(deadlineDate, deadlineTime || '23:59') : null
	};
}

/**
 * Order checks between fields: the end after the start, the deadline not after the start.
 * Zod skips object refinements once a field has failed; these run anyway (`when`), on the
 * parts that did parse, so every problem is told at once.
 */
function orderChecks<T extends z.ZodType>(schema: T) {
	return schema.superRefine(
		(value, ctx) => {
			const times = instants(value as RawDetails);
			if (!times?.start) return;
			if (times.end && times.end.getTime() <= times.start.getTime()) {
				ctx.addIssue({
					code: 'custom',
					message: 'validation:event_end_before_start',
					path: ['end_date']
				});
			}
			if (times.deadline && times.deadline.getTime() > times.start.getTime()) {
				ctx.addIssue({
					code: 'custom',
					message: 'validation:deadline_after_start',
					path: ['deadline_date']
				});
			}
		},
		{ when: () => true }
	);
}

/** Turns the parsed form into the events row's instants (ISO strings). */
function withInstants<T extends RawDetails>(value: T) {
	const times = instants(value)!;
	return {
		...value,
		starts_at: times.start!.toISOString(),
		ends_at: times.end!.toISOString(),
		registration_deadline: times.deadline?.toISOString() ?? null
	};
}

/** Editing when, where and how to register. */
export const eventDetailsSchema = orderChecks(z.object(detailFields)).transform(withInstants);

export type EventDetails = z.output<typeof eventDetailsSchema>;

/** Creating an event: its original texts, details, organisation and visibility. */
export const eventFormSchema = orderChecks(
	eventTextSchema.extend({
		...detailFields,
		organisation_id: z.uuid({ error: 'validation:organisation_not_allowed' }),
		original_locale: z.enum(LOCALES, { error: 'validation:required' }),
		visibility: z.enum(['public', 'network', 'participants'], { error: 'validation:required' }),
		intent: z.enum(['draft', 'publish']).default('draft')
	})
).transform(withInstants);

export type EventForm = z.output<typeof eventFormSchema>;
