// What an invitation waiting for the reader's answer says: the ONE home of these lines, which
// the dashboard's "waiting for you" list and the invitations page both show.
import type { Enums } from '#lib/database.types';
import type { I18nContext } from '#lib/i18n/context';
import { formatDate } from '#lib/i18n/format';

/** An organisation's name in the reader's language, or its own name. */
export function organisationName(
	{ locale }: I18nContext,
	invitation: { organisation_names: unknown; organisation_name: string }
): string {
	const names = (invitation.organisation_names ?? {}) as Record<string, string>;
	return names[locale] || invitation.organisation_name;
}

/** "<inviter> invites you to join as <role>, until <date>." */
export function membershipLine(
	{ t, locale }: I18nContext,
	invitation: {
		invited_by_name: string | null;
		role: 'admin' | 'editor' | 'member';
		expires_at: string;
	}
): string {
	return t('members:inbox_line', {
		inviter: invitation.invited_by_name ?? '—',
		role: t(`members:role_${invitation.role}`).toLocaleLowerCase(locale),
		date: formatDate(invitation.expires_at, locale)
	});
}

/** "<owner> invites <organisation> as <role>." (a joint action, event or paper) */
export function itemLine(
	{ t, locale }: I18nContext,
	invitation: {
		owner_name: string;
		organisation_name: string;
		role: Enums<'item_organisation_role'>;
	}
): string {
	return t('account:invitations_line', {
		owner: invitation.owner_name,
		organisation: invitation.organisation_name,
		role: t(`actions:role_${invitation.role}`).toLocaleLowerCase(locale)
	});
}

/** Who asks which organisation to sign which version of a paper. */
export function signatureLine(
	{ t }: I18nContext,
	request: { owner: string; organisation: string; version: number }
): string {
	return t('papers:sign_request_line', {
		owner: request.owner,
		organisation: request.organisation,
		number: request.version
	});
}

/** Until when a paper may be signed. */
export function signatureDeadline(
	{ t, locale }: I18nContext,
	request: { deadline: string }
): string {
	return t('papers:signature_deadline', { date: formatDate(request.deadline, locale) });
}
