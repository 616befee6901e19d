import { z } from 'zod';
import { LOCALES } from '#lib/i18n/config';
import { email } from './auth';
import { multiLine, singleLine } from './text';

/** Kinds of organisations the console creates and applications ask for. */
export const NEW_ORGANISATION_KINDS = ['section', 'partner'] as const;
export const ORGANISATION_STATUSES = ['pending', 'active', 'suspended'] as const;
export const PAGE_SIZE = 25;

/** The kinds of audit events the console names (private.audit_event_kind). */
export const AUDIT_KINDS = [
	'organisation_created',
	'organisation_activated',
	'organisation_suspended',
	'organisation_reactivated',
	'organisation_changed',
	'organisation_deleted',
	'member_added',
	'member_removed',
	'role_changed',
	'invitation_sent',
	'invitation_accepted',
	'invitation_revoked',
	'invitation_renewed',
	'invitation_deleted',
	'item_created',
	'item_status_changed',
	'item_deleted',
	'attachment_invited',
	'attachment_answered',
	'attachment_removed',
	'application_approved',
	'application_declined',
	'application_changed'
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const page = z.coerce.number().int().min(1).max(10000).catch(1);

/** The overview's filters from the query string; unknown values are dropped. */
export const overviewFilterSchema = z.object({
	status: z.enum(ORGANISATION_STATUSES).optional().catch(undefined),
	kind: z
		.enum(['secretariat', ...NEW_ORGANISATION_KINDS])
		.optional()
		.catch(undefined),
	page
});

/** The audit trail's filters from the query string; unknown values are dropped. */
export const auditFilterSchema = z.object({
	organisation: z.uuid().optional().catch(undefined),
	person: z.uuid().optional().catch(undefined),
	kind: z.enum(AUDIT_KINDS).optional().catch(undefined),
	page
});

/** Suspending (reason required) or reactivating (reason optional) an organisation. */
export const statusChangeSchema = z
	.object({
		organisation_id: z.uuid({ error: 'validation:invalid' }),
		status: z.enum(['active', 'suspended'], { error: 'validation:invalid' }),
		reason: multiLine(1000, { trim: true }).optional().default('')
	})
	.superRefine((value, ctx) => {
		if (value.status === 'suspended' && !value.reason) {
			ctx.addIssue({ code: 'custom', path: ['reason'], message: 'console:reason_required' });
		}
	});

/** Declining an application, with a reason the applicant reads. */
export const declineSchema = z.object({
	application_id: z.uuid({ error: 'validation:invalid' }),
	reason: multiLine(2000, { trim: true }).min(1, { error: 'console:reason_required' })
});

export const approveSchema = z.object({
	application_id: z.uuid({ error: 'validation:invalid' })
});

// A checkbox group: one value or several (none sent when none is ticked).
const languages = z
	.union([z.string(), z.array(z.string())])
	.default([])
	.transform((value) => (Array.isArray(value) ? value : value ? [value] : []))
	.pipe(z.array(z.string().regex(/^[a-z]{2}$/, { error: 'console:languages_invalid' })))
	.pipe(z.array(z.string()).max(20, { error: 'validation:too_many_entries' }));

const website = z
	.string()
	.trim()
	.max(500, { error: 'validation:too_long' })
	.refine((value) => value === '' || /^https?:\/\/[^\s]+$/.test(value), {
		error: 'validation:url_https'
	})
	.optional()
	.default('');

/** The organisation's own fields, shared by the application form and the console's creation form. */
const organisationFields = {
	organisation_name: singleLine(200).min(2, { error: 'validation:required' }),
	kind: z.enum(NEW_ORGANISATION_KINDS, { error: 'validation:required' }),
	country: z
		.string({ error: 'validation:required' })
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, { error: 'validation:country_invalid' }),
	website,
	languages
};

/** The public application form. */
export const applicationSchema = z.object({
	...organisationFields,
	languages: languages.pipe(z.array(z.string()).min(1, { error: 'console:languages_required' })),
	description: multiLine(5000, { trim: true }).min(1, { error: 'validation:required' }),
	applicant_name: singleLine(120).min(1, { error: 'validation:required' }),
	email,
	motivation: multiLine(5000, { trim: true }).min(1, { error: 'validation:required' }),
	locale: z.enum(LOCALES, { error: 'validation:invalid' })
});

/** The console's form: a section or partner and the email of its first admin. */
export const createOrganisationSchema = z.object({
	...organisationFields,
	description: multiLine(5000, { trim: true }).optional().default(''),
	admin_email: email,
	locale: z.enum(LOCALES, { error: 'validation:invalid' })
});

export type ApplicationInput = z.infer<typeof applicationSchema>;
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;
