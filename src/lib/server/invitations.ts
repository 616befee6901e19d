// The ONE home of inviting people to organisations: the members page, a coordinator creating
// an organisation with its first admin, an approved application (its applicant invited as
// admin) all call `invite`. What the database decides (supabase/migrations/
// 20261201000200_members_and_invitations.sql and earlier): who may invite whom (RLS on
// public.invitations through the CALLER's client), one open invitation per address and
// organisation, answering by token. What this module adds: the secret token (only its
// sha256 is stored; the token itself is only in the email), Auth's invite for a new address
// (admin generateLink, secret key, ./authLinks.ts), the hub's own email in the language
// chosen for the person (./mail), and undoing everything when a step fails.
import { createHash, randomBytes } from 'node:crypto';
import type { PostgrestError, User } from '@supabase/supabase-js';
import type { Locale } from '#lib/i18n/config';
import { createI18n } from '#lib/i18n/index';
import { resourcesFor } from '#lib/i18n/resources';
import type { MembershipRole } from '#lib/schemas/members';
import { accountByEmail, AuthAdminError, generateLink } from './authLinks';
import { invitationErrorKey } from './errors';
import { sendMail } from './mail';
import { renderEmail } from './mail/account';
import { secretClient } from './secretClient';
import type { Client } from './supabase';

/** How long an invitation (and a re-sent one) stays open. */
export const INVITATION_DAYS = 14;

export interface InviteRequest {
	organisationId: string;
	/** Trimmed and lower-cased by the caller's schema (src/lib/schemas/members.ts). */
	email: string;
	role: MembershipRole;
	/** Language of the email (and of the new account's interface). */
	locale: Locale;
}

/** `key` is an i18n key to show the admin; `status` the HTTP status to answer the form with. */
export type InvitationOutcome =
	| { ok: true; invitationId: string; newAccount: boolean }
	| { ok: false; status: number; key: string };

/** A new secret token (43 characters, base64url) and the hash the database stores. */
export function newToken(): { token: string; hash: string } {
	const token = randomBytes(32).toString('base64url');
	return { token, hash: tokenHash(token) };
}

/** sha256 of a token, hex (private.invitation_token_hash in SQL). */
export function tokenHash(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The join page of a token, as a path. */
export function joinPath(locale: Locale, token: string): string {
	return `/${locale}/join/${token}`;
}

function refused(error: PostgrestError): InvitationOutcome {
	const key = invitationErrorKey(error);
	return {
		ok: false,
		status: key === 'errors:generic' ? 500 : error.code === '42501' ? 403 : 400,
		key
	};
}

/** Names for the email: the organisation (as the caller reads it) and the caller. */
async function emailContext(caller: Client, organisationId: string) {
	const [organisation, user] = await Promise.all([
		caller.from('organisations').select('name, names').eq('id', organisationId).maybeSingle(),
		caller.auth.getUser()
	]);
	let inviter = '';
	if (user.data.user) {
		const { data } = await caller
			.from('profiles')
			.select('display_name')
			.eq('id', user.data.user.id)
			.maybeSingle();
		inviter = data?.display_name ?? '';
	}
	const row = organisation.data;
	return { row, inviter };
}

function organisationName(
	row: { name: string; names: unknown } | null | undefined,
	locale: Locale
): string {
	const names = (row?.names ?? {}) as Record<string, string>;
	return names[locale] || row?.name || '';
}

/**
 * Mails the invitation: the join page's link, open as long as the invitation (14 days). For
 * an address without a (confirmed) account Auth's invite makes the account now, unconfirmed
 * and without a password; the join page signs that person in when they choose their password
 * (signInInvited), so the link does not die with Auth's one-hour token. Returns the id of an
 * Auth account it created (to delete if anything after fails). Throws when Auth or the mail
 * server fails.
 */
async function mailInvitation(
	caller: Client,
	request: InviteRequest,
	token: string,
	origin: string
): Promise<{ createdUserId: string | null }> {
	const { row, inviter } = await emailContext(caller, request.organisationId);
	const organisation = organisationName(row, request.locale);
	const { t } = createI18n(request.locale, resourcesFor(request.locale));
	const roleName = t(`members:role_${request.role}`).toLocaleLowerCase(request.locale);
	const join = new URL(joinPath(request.locale, token), origin).href;

	const existing = await accountByEmail(request.email);
	let newPerson = false;
	let createdUserId: string | null = null;
	try {
		// Auth's invite: creates an unconfirmed account without password for a new address
		// (or renews the link of one never confirmed); a confirmed account → email_exists.
		const generated = await generateLink({
			type: 'invite',
			email: request.email,
			data: { locale: request.locale, needs_password: true }
		});
		if (!existing) createdUserId = generated.userId;
		newPerson = true;
	} catch (failure) {
		if (!(failure instanceof AuthAdminError && failure.code === 'email_exists')) throw failure;
	}

	const mail = newPerson
		? renderEmail(request.locale, {
				subject: ['members:mail_invite_new_subject', { organisation }],
				paragraphs: [
					['members:mail_invite_new_text', { organisation, inviter, role: roleName }],
					'members:mail_invite_new_steps'
				],
				action: { label: 'members:mail_invite_new_button', url: join },
				after: ['members:mail_invite_expiry', 'members:mail_invite_ignore']
			})
		: renderEmail(request.locale, {
				subject: ['members:mail_invite_existing_subject', { organisation }],
				paragraphs: [
					['members:mail_invite_existing_text', { organisation, inviter, role: roleName }]
				],
				action: { label: 'members:mail_invite_existing_button', url: join },
				after: ['members:mail_invite_expiry', 'members:mail_invite_ignore']
			});
	try {
		await sendMail({ to: request.email, ...mail });
	} catch (failure) {
		if (createdUserId) await deleteAccount(createdUserId);
		throw failure;
	}
	return { createdUserId };
}

/** Deletes an Auth account this module created for an invitation that could not be sent. */
async function deleteAccount(userId: string): Promise<void> {
	const { error } = await secretClient()!.auth.admin.deleteUser(userId);
	if (error) console.error('invitations: an account created for a failed invitation stays', userId);
}

/** What the admin is told when Auth or the mail server failed. */
function failureOutcome(failure: unknown): InvitationOutcome {
	if (failure instanceof AuthAdminError) {
		return { ok: false, status: 503, key: 'members:error_auth_unavailable' };
	}
	console.error('invitations: the invitation email could not be sent', (failure as Error)?.message);
	return { ok: false, status: 503, key: 'members:error_mail_failed' };
}

/** Removes an invitation whose email could not go (the caller has no delete right on invitations). */
async function removeRow(invitationId: string): Promise<void> {
	const { error } = await secretClient()!.from('invitations').delete().eq('id', invitationId);
	if (error) console.error('invitations: a failed invitation could not be removed', invitationId);
}

/**
 * Invites `email` to an organisation with `role`, the email in `locale`. The row is written
 * through the CALLER's client (RLS and guards decide who may); on any later failure the row
 * is removed and an Auth account created for it deleted. `origin` is the hub's public
 * origin for links (authLinks.publicOrigin(url)).
 */
export async function invite(
	caller: Client,
	request: InviteRequest,
	origin: string
): Promise<InvitationOutcome> {
	if (!secretClient()) return { ok: false, status: 503, key: 'members:error_auth_unavailable' };
	const { token, hash } = newToken();
	const { data, error } = await caller
		.from('invitations')
		.insert({
			organisation_id: request.organisationId,
			email: request.email,
			role: request.role,
			locale: request.locale,
			token_hash: hash
		})
		.select('id')
		.single();
	if (error) return refused(error);
	try {
		const { createdUserId } = await mailInvitation(caller, request, token, origin);
		return { ok: true, invitationId: data.id, newAccount: createdUserId !== null };
	} catch (failure) {
		await removeRow(data.id);
		return failureOutcome(failure);
	}
}

/**
 * Sends an open invitation again with a new token and a new expiry (the old link stops
 * working). The change goes through the caller's client; when the email cannot go, the
 * invitation is put back as it was.
 */
export async function resend(
	caller: Client,
	invitationId: string,
	origin: string
): Promise<InvitationOutcome> {
	if (!secretClient()) return { ok: false, status: 503, key: 'members:error_auth_unavailable' };
	const { data: before, error: readError } = await caller
		.from('invitations')
		.select('id, organisation_id, email, role, locale, token_hash, expires_at')
		.eq('id', invitationId)
		.is('accepted_at', null)
		.is('revoked_at', null)
		.maybeSingle();
	if (readError) return refused(readError);
	if (!before) return { ok: false, status: 404, key: 'members:error_invitation_gone' };
	const { token, hash } = newToken();
	const expires = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000).toISOString();
	const { data: changed, error } = await caller
		.from('invitations')
		.update({ token_hash: hash, expires_at: expires })
		.eq('id', invitationId)
		.select('id');
	if (error) return refused(error);
	if (!changed?.length) return { ok: false, status: 403, key: 'errors:forbidden' };
	try {
		await mailInvitation(
			caller,
			{
				organisationId: before.organisation_id,
				email: before.email,
				role: before.role,
				locale: before.locale as Locale
			},
			token,
			origin
		);
		return { ok: true, invitationId, newAccount: false };
	} catch (failure) {
		await caller
			.from('invitations')
			.update({ token_hash: before.token_hash, expires_at: before.expires_at })
			.eq('id', invitationId);
		return failureOutcome(failure);
	}
}

/** Revokes an open invitation (its link then says so). Through the caller's client. */
export async function revoke(caller: Client, invitationId: string): Promise<InvitationOutcome> {
	const { data, error } = await caller
		.from('invitations')
		.update({ revoked_at: new Date().toISOString() })
		.eq('id', invitationId)
		.is('accepted_at', null)
		.is('revoked_at', null)
		.select('id');
	if (error) return refused(error);
	if (!data?.length) return { ok: false, status: 404, key: 'members:error_invitation_gone' };
	return { ok: true, invitationId, newAccount: false };
}

/** What a token invites to (join page), or null for an unknown token. */
export async function byToken(client: Client, token: string) {
	const { data, error } = await client.rpc('invitation_by_token', { token }).maybeSingle();
	if (error) throw error;
	return data;
}

/** Accepts (true) or declines by token; the organisation's slug, or an i18n key. */
export async function answerByToken(
	client: Client,
	token: string,
	accept: boolean
): Promise<{ ok: true; slug: string } | { ok: false; status: number; key: string }> {
	const { data, error } = await client.rpc(accept ? 'accept_invitation' : 'decline_invitation', {
		token
	});
	if (error) return refused(error) as { ok: false; status: number; key: string };
	return { ok: true, slug: data };
}

/** Accepts or declines one of the caller's invitations by id (inbox). */
export async function answerById(
	client: Client,
	invitationId: string,
	accept: boolean
): Promise<{ ok: true; slug: string } | { ok: false; status: number; key: string }> {
	const { data, error } = await client.rpc('answer_my_invitation', {
		invitation: invitationId,
		accept
	});
	if (error) return refused(error) as { ok: false; status: number; key: string };
	return { ok: true, slug: data };
}

/** Open invitations to the caller's verified address (inbox). */
export async function mine(client: Client) {
	const { data, error } = await client.rpc('my_pending_invitations');
	if (error) throw error;
	return data;
}

/** Open invitations of an organisation, for those who manage them (members page). */
export async function ofOrganisation(client: Client, organisationId: string) {
	const { data, error } = await client.rpc('organisation_invitations', {
		organisation: organisationId
	});
	if (error) throw error;
	return data;
}

/**
 * Whether `email` belongs to an account an invitation made that has no password yet (its
 * person has never followed an invitation). Server only (secret key).
 */
export async function awaitsPassword(email: string): Promise<boolean> {
	const account = await accountByEmail(email);
	if (!account) return false;
	const { data, error } = await secretClient()!.auth.admin.getUserById(account.userId);
	if (error) throw error;
	return data.user.user_metadata?.needs_password === true && !data.user.last_sign_in_at;
}

/**
 * Signs in, on `client` (the request's: its cookies get the session), the new person an open
 * invitation is for, when they choose their password on the join page. Holding the
 * invitation's token proves the mailbox as Auth's own invite link would (it came only in the
 * email to that address, and works once, for 14 days); the server makes a fresh Auth invite
 * token and verifies it at once, so Auth still decides and records the sign-in. Only for an
 * account that awaitsPassword: a person with a password signs in as usual.
 */
export async function signInInvited(client: Client, email: string): Promise<User> {
	const { hashedToken } = await generateLink({ type: 'invite', email });
	const { data, error } = await client.auth.verifyOtp({ token_hash: hashedToken, type: 'invite' });
	if (error) throw error;
	if (!data.user) throw new Error('Auth verified the invitation without a user');
	return data.user;
}
