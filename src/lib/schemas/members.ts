import { z } from 'zod';
import { LOCALES } from '#lib/i18n/config';
import { email } from './auth';
import { singleLine } from './text';

export const MEMBERSHIP_ROLES = ['member', 'editor', 'admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** The invite form: an address, a role, the language of the email. */
export const inviteSchema = z.object({
	email,
	role: z.enum(MEMBERSHIP_ROLES, { error: 'members:error_role' }),
	locale: z.enum(LOCALES, { error: 'members:error_locale' })
});
export type InviteInput = z.infer<typeof inviteSchema>;

/** Resend or revoke one invitation. */
export const invitationIdSchema = z.object({ invitation_id: z.uuid() });

/** Change a member's role. */
export const roleChangeSchema = z.object({
	user_id: z.uuid(),
	role: z.enum(MEMBERSHIP_ROLES, { error: 'members:error_role' })
});

/** Remove a member. */
export const removeMemberSchema = z.object({ user_id: z.uuid() });

/** Answer an invitation from the inbox. */
export const answerInvitationSchema = z.object({
	invitation_id: z.uuid(),
	answer: z.enum(['accept', 'decline'])
});

/** A new person's account, on the join page. */
export const joinAccountSchema = z.object({
	display_name: singleLine(120).min(1, { error: 'validation:required' }),
	password: z
		.string({ error: 'members:error_password_short' })
		.min(10, { error: 'members:error_password_short' })
		.max(200, { error: 'validation:too_long' })
});

/** Invitation tokens as the hub makes them (32 random bytes, base64url). */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The languages an organisation's name and description are written in: the hub's. */
const CONTENT_LOCALES = LOCALES;

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: 'validation:too_long' })
		.optional()
		.transform((v) => v || undefined);

/** The organisation profile form (names and descriptions per language). */
export const organisationProfileSchema = z.object({
	name: singleLine(200).min(2, { error: 'members:error_name_short' }),
	original_locale: z.enum(CONTENT_LOCALES, { error: 'members:error_locale' }),
	...Object.fromEntries(CONTENT_LOCALES.map((l) => [`name_${l}`, optionalText(200)])),
	...Object.fromEntries(CONTENT_LOCALES.map((l) => [`description_${l}`, optionalText(5000)])),
	languages: z
		.string()
		.trim()
		.max(100, { error: 'validation:too_long' })
		.transform((v) =>
			v
				.split(/[\s,]+/)
				.map((s) => s.toLowerCase())
				.filter(Boolean)
		)
		.pipe(z.array(z.string().regex(/^[a-z]{2}$/, { error: 'members:error_languages' })).max(20)),
	website: z
		.string()
		.trim()
		.max(300, { error: 'validation:too_long' })
		.refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), { error: 'members:error_website' })
		.transform((v) => v || null),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, { error: 'members:error_country' })
		.optional()
}) as unknown as z.ZodType<OrganisationProfileInput>;

export interface OrganisationProfileInput {
	name: string;
	original_locale: (typeof CONTENT_LOCALES)[number];
	languages: string[];
	website: string | null;
	country?: string;
	[field: `name_${string}` | `description_${string}`]: string | undefined;
}
export { CONTENT_LOCALES };
