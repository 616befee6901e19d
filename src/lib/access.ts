/**
 * Why a reader sees an item, in one sentence. Postgres RLS has already decided *that*
 * they may; this only explains it from what the reader can read (the item, its attachments
 * and their own memberships). Display logic, never a check.
 */
export type AccessReason =
	| { key: 'why_public' }
	| { key: 'why_draft' | 'why_network'; organisation: string }
	| {
			key: 'why_owner' | 'why_co_lead' | 'why_participant' | 'why_signatory';
			organisation: string;
	  };

interface ItemAccess {
	status: 'draft' | 'published' | 'archived';
	visibility: 'public' | 'network' | 'participants';
}

interface Attachment {
	role: 'owner' | 'co_lead' | 'participant' | 'signatory';
	state: 'invited' | 'accepted' | 'declined';
	organisation: { id: string } | null;
}

export interface Membership {
	role: 'member' | 'editor' | 'admin';
	organisation: { id: string; slug?: string; name: string; status: string } | null;
}

const ROLE_ORDER = ['owner', 'co_lead', 'participant', 'signatory'] as const;

export function accessReason(
	item: ItemAccess,
	attachments: Attachment[],
	memberships: Membership[]
): AccessReason | null {
	const active = memberships.filter((m) => m.organisation?.status === 'active');
	const attachedRole = (organisationId: string) =>
		attachments.find(
			(a) =>
				a.organisation?.id === organisationId &&
				(a.state === 'accepted' || (a.role === 'signatory' && a.state === 'invited'))
		)?.role;

	if (item.status === 'draft') {
		const editor = active.find((m) => {
			const role = m.organisation && attachedRole(m.organisation.id);
			return m.role !== 'member' && (role === 'owner' || role === 'co_lead');
		});
		return editor?.organisation
			? { key: 'why_draft', organisation: editor.organisation.name }
			: null;
	}
	if (item.visibility === 'public') return { key: 'why_public' };
	if (item.visibility === 'network') {
		const first = active[0]?.organisation;
		return first ? { key: 'why_network', organisation: first.name } : null;
	}
	// participants: the reader's closest tie to the item.
	for (const role of ROLE_ORDER) {
		const via = active.find((m) => m.organisation && attachedRole(m.organisation.id) === role);
		if (via?.organisation) return { key: `why_${role}`, organisation: via.organisation.name };
	}
	return null;
}
