// The coordinators' console: the organisations overview, suspending and reactivating, the
// audit trail, applications and creating organisations. Every function here calls a
// database function that checks private.is_coordinator() itself (42501 for anyone else):
// supabase/migrations/20261201000300_account_console_applications.sql.
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireFreshUser } from './auth';
import { counted } from './rpc';
import type { Client } from './supabase';
import type { Enums } from '#lib/database.types';
import type { Locale } from '#lib/i18n/config';
import { PAGE_SIZE, type AuditKind, type CreateOrganisationInput } from '#lib/schemas/console';
import * as invitations from './invitations';

/** Whether the caller is a coordinator (active coordinating organisation's admin). */
export async function isCoordinator(supabase: Client): Promise<boolean> {
	const { data, error: failure } = await supabase.rpc('am_i_coordinator');
	if (failure) throw failure;
	return data === true;
}

/**
 * For the console's loads and actions: a signed-in coordinator, or sign-in (visitors) or
 * 403 (everyone else). The database refuses them anyway; this gives them a clear page.
 */
export async function requireCoordinator({ locals }: Pick<RequestEvent, 'locals'>) {
	const user = await requireFreshUser();
	if (!(await isCoordinator(locals.supabase))) error(403, locals.i18n.t('console:forbidden'));
	return user;
}

/** A page of the organisations overview. */
export async function organisations(
	supabase: Client,
	filters: {
		status?: Enums<'organisation_status'>;
		kind?: Enums<'organisation_kind'>;
		page: number;
	}
) {
	return counted(
		await supabase.rpc('console_organisations', {
			status_filter: filters.status,
			kind_filter: filters.kind,
			page_size: PAGE_SIZE,
			page_offset: (filters.page - 1) * PAGE_SIZE
		})
	);
}

/** Suspends (reason required) or reactivates an organisation. */
export async function setStatus(
	supabase: Client,
	organisationId: string,
	status: 'active' | 'suspended',
	reason: string
) {
	const { error: failure } = await supabase.rpc('set_organisation_status', {
		organisation: organisationId,
		new_status: status,
		reason: reason || undefined
	});
	if (failure) throw failure;
}

/** A page of the audit trail, newest first. */
export async function auditTrail(
	supabase: Client,
	filters: { organisation?: string; person?: string; kind?: AuditKind; page: number }
) {
	return counted(
		await supabase.rpc('console_audit_events', {
			organisation_filter: filters.organisation,
			person_filter: filters.person,
			kind_filter: filters.kind,
			page_size: PAGE_SIZE,
			page_offset: (filters.page - 1) * PAGE_SIZE
		})
	);
}

/** Organisations and people to filter the audit trail by (coordinators read them all). */
export async function auditFilterChoices(supabase: Client) {
	const [orgs, people] = await Promise.all([
		supabase.from('organisations').select('id, name').order('name').limit(500),
		supabase.from('profiles').select('id, display_name').order('display_name').limit(1000)
	]);
	if (orgs.error) throw orgs.error;
	if (people.error) throw people.error;
	return { organisations: orgs.data, people: people.data };
}

/** Pending applications first, then the latest decided ones. */
export async function applications(supabase: Client) {
	const { data, error: failure } = await supabase
		.from('organisation_applications')
		.select(
			'id, organisation_name, kind, country, website, languages, description, applicant_name, email, motivation, locale, status, decline_reason, decided_at, organisation_id, created_at'
		)
		.order('status')
		.order('created_at', { ascending: false })
		.limit(100);
	if (failure) throw failure;
	return data;
}

/** One application (coordinators only, by RLS). */
export async function application(supabase: Client, id: string) {
	const { data, error: failure } = await supabase
		.from('organisation_applications')
		.select('id, organisation_name, applicant_name, email, locale, status')
		.eq('id', id)
		.maybeSingle();
	if (failure) throw failure;
	return data;
}

/** Approves an application: the new (active) organisation's id. */
export async function approve(supabase: Client, applicationId: string): Promise<string> {
	const { data, error: failure } = await supabase.rpc('approve_application', {
		application: applicationId
	});
	if (failure) throw failure;
	return data;
}

/** Declines an application with a reason. */
export async function decline(supabase: Client, applicationId: string, reason: string) {
	const { error: failure } = await supabase.rpc('decline_application', {
		application: applicationId,
		reason
	});
	if (failure) throw failure;
}

/** Creates an active section or partner; its first admin is invited next. */
export async function createOrganisation(
	supabase: Client,
	input: Omit<CreateOrganisationInput, 'admin_email'>
): Promise<string> {
	const { organisation_name: name, kind, country, website, languages, description, locale } = input;
	const { data, error: failure } = await supabase.rpc('create_organisation', {
		name,
		slug: slugify(name),
		kind,
		country,
		website,
		languages,
		description,
		locale
	});
	if (failure) throw failure;
	return data;
}

/** Undoes a creation whose first invitation failed (the organisation must still be empty). */
export async function discardEmpty(supabase: Client, organisationId: string) {
	const { error: failure } = await supabase.rpc('discard_empty_organisation', {
		organisation: organisationId
	});
	if (failure) throw failure;
}

/** A slug from a name: accents dropped, lower-case ASCII words joined by dashes (the database makes it unique). */
export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 70);
}

/**
 * Invites the first admin of an organisation just created (approved application or the
 * console's form) with invitations.invite, through the coordinator's client. When the
 * invitation fails (Auth or SMTP down, refused), the organisation is discarded again (and
 * its application is pending again): nothing is left half-made. Returns the invitation's
 * outcome.
 */
export async function inviteFirstAdmin(
	supabase: Client,
	organisationId: string,
	admin: { email: string; locale: Locale },
	origin: string
) {
	const outcome = await invitations.invite(
		supabase,
		{ organisationId, email: admin.email, role: 'admin', locale: admin.locale },
		origin
	);
	if (!outcome.ok) {
		try {
			await discardEmpty(supabase, organisationId);
		} catch (failure) {
			console.error('[console] an organisation whose invitation failed was not discarded', failure);
		}
	}
	return outcome;
}
