import { z } from 'zod';
import { LOCALES } from '#lib/i18n/config';
import { email } from './auth';
import { singleLine } from './text';

/** The profile form: display name and preferred language (interface default and emails). */
export const profileSchema = z.object({
	display_name: singleLine(120).min(1, { error: 'validation:required' }),
	preferred_locale: z.enum(LOCALES, { error: 'validation:invalid' })
});

/** Leaving one of my organisations. */
export const leaveSchema = z.object({
	organisation_id: z.uuid({ error: 'validation:invalid' })
});

/** Deleting my account: I type my own email address to confirm. */
export const deleteAccountSchema = z.object({
	confirm_email: email
});

export type ProfileInput = z.infer<typeof profileSchema>;
