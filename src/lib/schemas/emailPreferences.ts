import { z } from 'zod';
import { Constants } from '#lib/database.types';
import { isTimeZone } from '#lib/timeZones';

/** Every notification type, in the database's order. */
export const NOTIFICATION_TYPES = Constants.public.Enums.notification_type;
/** When a type is emailed: at once, in the daily or weekly summary, never. */
export const EMAIL_FREQUENCIES = Constants.public.Enums.email_frequency;

const frequency = z.enum(EMAIL_FREQUENCIES, { error: 'validation:invalid' });

/**
 * The email preferences form (account page): the person's time zone (summaries and reminders
 * at a local hour) and, for each notification type (its field name), a frequency.
 */
export const emailPreferencesSchema = z.object({
	time_zone: z
		.string({ error: 'validation:time_zone_unknown' })
		.max(64, { error: 'validation:time_zone_unknown' })
		.refine(isTimeZone, { error: 'validation:time_zone_unknown' }),
	...(Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, frequency])) as Record<
		(typeof NOTIFICATION_TYPES)[number],
		typeof frequency
	>)
});

export type EmailPreferencesInput = z.infer<typeof emailPreferencesSchema>;

/** An unsubscribe link's token: 64 hex digits (public.unsubscribe checks the rest). */
export const unsubscribeTokenSchema = z.string().regex(/^[0-9a-f]{64}$/);
