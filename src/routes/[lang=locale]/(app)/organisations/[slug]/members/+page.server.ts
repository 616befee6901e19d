import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import {
	invitationIdSchema,
	inviteSchema,
	removeMemberSchema,
	roleChangeSchema
} from '#lib/schemas/members';
import { publicOrigin } from '#lib/server/authLinks';
import { parseForm } from '#lib/server/forms';
import * as invitations from '#lib/server/invitations';
import * as admin from '#lib/server/organisationAdmin';
import * as throttle from '#lib/server/throttle';
import { managed, managedForAction } from '../manage';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { organisation, isAdmin, isCoordinator, userId } = await managed(event);
	const [members, pending] = await Promise.all([
		admin.members(event.locals.supabase, organisation.id),
		invitations.ofOrganisation(event.locals.supabase, organisation.id)
	]);
	const hasAdmin = members.some((m) => m.role === 'admin');
	return {
		organisation,
		isAdmin,
		isCoordinator,
		members,
		invitations: pending,
		// Admins invite anyone; a coordinator only the first admin of an organisation without one.
		canInvite: isAdmin || (isCoordinator && !hasAdmin),
		inviteRoles: isAdmin ? (['member', 'editor', 'admin'] as const) : (['admin'] as const),
		userId
	};
};

/** The invite form's values, echoed back on a refusal. */
function inviteValues(form: FormData) {
	return {
		email: String(form.get('email') ?? '').slice(0, 254),
		role: String(form.get('role') ?? '').slice(0, 20),
		locale: String(form.get('locale') ?? '').slice(0, 5)
	};
}

/** The invite and resend forms are throttled per account and client address (Postgres). */
async function throttled(event: Parameters<Actions[string]>[0], userId: string) {
	try {
		const verdict = await throttle.attempt('invite', {
			account: userId,
			address: throttle.clientAddressKey(event)
		});
		if (verdict.allowed) return null;
		event.setHeaders({ 'retry-after': String(verdict.retryAfterSeconds) });
		return { status: 429, key: 'errors:too_many_attempts', count: verdict.retryMinutes };
	} catch (failure) {
		console.error('invite refused: the throttle cannot be asked', failure);
		return { status: 503, key: 'members:error_auth_unavailable', count: 0 };
	}
}

export const actions: Actions = {
	invite: async (event) => {
		const form = await event.request.formData();
		const values = inviteValues(form);
		const access = await managedForAction(event);
		if (!access.ok)
			return fail(403, { invite: true, values, errors: { form: 'errors:forbidden' } });
		const parsed = parseForm(inviteSchema, form);
		if (!parsed.success) return fail(400, { invite: true, values, errors: parsed.errors });
		const limited = await throttled(event, access.userId);
		if (limited) {
			return fail(limited.status, {
				invite: true,
				values,
				errors: { form: limited.key },
				count: limited.count
			});
		}
		const outcome = await invitations.invite(
			event.locals.supabase,
			{
				organisationId: access.organisation.id,
				email: parsed.data.email,
				role: parsed.data.role,
				locale: parsed.data.locale
			},
			publicOrigin(event.url)
		);
		if (!outcome.ok) {
			return fail(outcome.status, { invite: true, values, errors: { form: outcome.key } });
		}
		return { invited: parsed.data.email };
	},

	resend: memberAction(
		invitationIdSchema,
		(event, access, data) =>
			invitations.resend(event.locals.supabase, data.invitation_id, publicOrigin(event.url)),
		(_, form) => ({ resent: String(form.get('email') ?? '').slice(0, 254) }),
		{ throttled: true }
	),
	revoke: memberAction(
		invitationIdSchema,
		(event, access, data) => invitations.revoke(event.locals.supabase, data.invitation_id),
		(_, form) => ({ revoked: String(form.get('email') ?? '').slice(0, 254) })
	),
	role: memberAction(
		roleChangeSchema,
		(event, access, data) =>
			admin.changeRole(event.locals.supabase, access.organisation.id, data.user_id, data.role),
		(data) => ({ roleChanged: { userId: data.user_id, role: data.role } })
	),
	remove: memberAction(
		removeMemberSchema,
		(event, access, data) =>
			admin.removeMember(event.locals.supabase, access.organisation.id, data.user_id),
		(_, form) => ({ removed: String(form.get('name') ?? '').slice(0, 120) })
	)
};

type ActionEvent = Parameters<Actions[string]>[0];
type Access = Extract<Awaited<ReturnType<typeof managedForAction>>, { ok: true }>;

/**
 * An admin's action on one member or invitation: the admin is checked afresh, the form is
 * parsed (a tampered one is a generic error) and throttled when asked, then `run`; its
 * refusal is said for the form, its success answered with `done`.
 */
function memberAction<S extends z.ZodType, R>(
	schema: S,
	run: (
		event: ActionEvent,
		access: Access,
		data: z.infer<S>
	) => Promise<{ ok: true } | { ok: false; status: number; key: string }>,
	done: (data: z.infer<S>, form: FormData) => R,
	{ throttled: throttledFirst = false } = {}
) {
	return async (event: ActionEvent) => {
		const form = await event.request.formData();
		const access = await managedForAction(event);
		if (!access.ok) return access.failure;
		const parsed = parseForm(schema, form);
		if (!parsed.success) return fail(400, { errors: { form: 'errors:generic' } });
		const limited = throttledFirst ? await throttled(event, access.userId) : null;
		if (limited) {
			return fail(limited.status, { errors: { form: limited.key }, count: limited.count });
		}
		const outcome = await run(event, access, parsed.data);
		if (!outcome.ok) return fail(outcome.status, { errors: { form: outcome.key } });
		return done(parsed.data, form);
	};
}
