import type { Database } from '#lib/database.types';

type AuditRow = Database['public']['Functions']['console_audit_events']['Returns'][number];
type Translate = (key: string, values?: object) => string;

/**
 * An audit event as a sentence in the reader's language ("Amira suspended CODE."), from
 * the kinds private.audit_event_kind names. A deleted person is "a former member"; a change
 * made on a trusted path (migration, the server's secret key) is "the hub".
 */
export function auditSentence(row: AuditRow, t: Translate, locale: string): string {
	const actor =
		row.actor_id === null
			? t('console:actor_system')
			: (row.actor_name ?? t('console:actor_former_member'));
	const subject = row.subject_name ?? (row.subject_id ? t('account:former_member') : '');
	const role = (value: string | null) =>
		value && ['member', 'editor', 'admin'].includes(value)
			? // Role names are nouns: lower-case inside a sentence, except in German.
				locale === 'de'
				? t(`organisations:role_${value}`)
				: t(`organisations:role_${value}`).toLocaleLowerCase(locale)
			: (value ?? '');
	const kindNames: Record<string, string> = {
		joint_action: t('account:kind_joint_action'),
		event: t('account:kind_event'),
		paper: t('account:kind_paper')
	};
	const values = {
		actor,
		subject,
		email: row.subject_email ?? '',
		organisation: row.organisation_name ?? t('console:deleted_organisation'),
		role: role(row.role),
		previous: role(row.previous_role),
		item: kindNames[row.item_kind ?? ''] ?? t('console:item')
	};
	// A person leaving is a removal they made themselves.
	const kind =
		row.kind === 'member_removed' && row.actor_id !== null && row.actor_id === row.subject_id
			? 'member_left'
			: row.kind;
	return t(`console:audit_${kind}`, values);
}
