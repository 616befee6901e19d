// The organisation admin pages (/[lang]/organisations/[slug]/members and …/profile): who
// manages an organisation, its members with their roles, role changes, removals and the
// profile. Every write goes through the caller's client: RLS and the guards of
// supabase/migrations/…_organisations_and_people.sql decide (admins of an active
// organisation; the last-admin guard answers 23514). The checks here only choose what the
// pages show and refuse early; they are not the protection.
import type { PostgrestError } from '@supabase/supabase-js';
import type { Database } from '#lib/database.types';
import type { MembershipRole } from '#lib/schemas/members';
import { membershipErrorKey } from './errors';
import type { Client } from './supabase';

export interface ManagedOrganisation {
	id: string;
	slug: string;
	name: string;
	names: Record<string, string>;
	kind: Database['public']['Enums']['organisation_kind'];
	status: Database['public']['Enums']['organisation_status'];
	country: string;
	website: string | null;
	description: Record<string, string>;
	original_locale: string;
	languages: string[];
	/** Storage key of its logo (./organisationLogos.ts), or null. */
	logo_path: string | null;
}

export interface Management {
	organisation: ManagedOrganisation;
	/** The caller is an admin of this (active) organisation. */
	isAdmin: boolean;
	/** The caller is a coordinator (admin of an active coordinating organisation). */
	isCoordinator: boolean;
}

/**
 * The organisation of `slug` with what the caller may do there, or null when the caller
 * cannot read it. The pages answer 403 unless isAdmin or isCoordinator.
 */
export async function management(
	client: Client,
	userId: string,
	slug: string
): Promise<Management | null> {
	const [organisation, mine] = await Promise.all([
		client
			.from('organisations')
			.select(
				'id, slug, name, names, kind, status, country, website, description, original_locale, languages, logo_path'
			)
			.eq('slug', slug)
			.maybeSingle(),
		client
			.from('memberships')
			.select('role, organisation:organisations(id, status, is_coordinating)')
			.eq('user_id', userId)
	]);
	if (organisation.error) throw organisation.error;
	if (mine.error) throw mine.error;
	if (!organisation.data) return null;
	return {
		organisation: {
			...organisation.data,
			names: (organisation.data.names ?? {}) as Record<string, string>,
			description: (organisation.data.description ?? {}) as Record<string, string>
		},
		...managementRights(mine.data, organisation.data.id)
	};
}

/** A membership of the caller with the state of its organisation, as the rights need it. */
export interface MyMembership {
	role: MembershipRole;
	organisation: { id: string; status: string; is_coordinating: boolean } | null;
}

/** Whether the caller administers `organisationId` and whether they coordinate the network. */
export function managementRights(
	mine: MyMembership[],
	organisationId: string
): Pick<Management, 'isAdmin' | 'isCoordinator'> {
	const active = mine.filter((m) => m.organisation?.status === 'active');
	return {
		isAdmin: active.some((m) => m.role === 'admin' && m.organisation?.id === organisationId),
		isCoordinator: active.some((m) => m.role === 'admin' && m.organisation?.is_coordinating)
	};
}

/** Members of an organisation with their roles (RLS: its members and coordinators read them). */
export async function members(client: Client, organisationId: string) {
	const { data, error } = await client
		.from('memberships')
		.select('user_id, role, created_at, profile:profiles!memberships_user_id_fkey(display_name)')
		.eq('organisation_id', organisationId);
	if (error) throw error;
	const order: Record<MembershipRole, number> = { admin: 0, editor: 1, member: 2 };
	return data
		.map((m) => ({
			userId: m.user_id,
			role: m.role,
			name: m.profile?.display_name ?? '—',
			since: m.created_at
		}))
		.sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
}

export type AdminOutcome = { ok: true } | { ok: false; status: number; key: string };

function refused(error: PostgrestError): AdminOutcome {
	const key = membershipErrorKey(error);
	return { ok: false, status: error.code === '42501' ? 403 : 400, key };
}

/** A change of one membership: refused by the database, matching none the caller may change, or done. */
function changed({ data, error }: { data: unknown[] | null; error: PostgrestError | null }) {
	if (error) return refused(error);
	if (!data?.length)
		return { ok: false, status: 403, key: 'members:error_change_refused' } as const;
	return { ok: true } as const;
}

/** Changes a member's role (refused for non-admins by RLS, for the last admin by 23514). */
export async function changeRole(
	client: Client,
	organisationId: string,
	userId: string,
	role: MembershipRole
): Promise<AdminOutcome> {
	return changed(
		await client
			.from('memberships')
			.update({ role })
			.eq('organisation_id', organisationId)
			.eq('user_id', userId)
			.select('id')
	);
}

/** Removes a member (their sessions lose what membership gave them on the next request). */
export async function removeMember(
	client: Client,
	organisationId: string,
	userId: string
): Promise<AdminOutcome> {
	return changed(
		await client
			.from('memberships')
			.delete()
			.eq('organisation_id', organisationId)
			.eq('user_id', userId)
			.select('id')
	);
}

export interface ProfileChange {
	name: string;
	names: Record<string, string>;
	description: Record<string, string>;
	original_locale: string;
	languages: string[];
	website: string | null;
	/** Only coordinators change it (guard_organisation_update); left out otherwise. */
	country?: string;
	logo_path?: string | null;
}

/** Saves the organisation's profile through the caller's client. */
export async function updateProfile(
	client: Client,
	organisationId: string,
	change: ProfileChange
): Promise<AdminOutcome> {
	const { data, error } = await client
		.from('organisations')
		.update(change)
		.eq('id', organisationId)
		.select('id');
	if (error) {
		if (error.code === '42501')
			return { ok: false, status: 403, key: 'members:error_change_refused' };
		return { ok: false, status: 400, key: 'errors:generic' };
	}
	if (!data.length) return { ok: false, status: 403, key: 'members:error_change_refused' };
	return { ok: true };
}
