import type { Client } from './supabase';

/** What the caller may do with an item: display only, every write is decided again by RLS. */
export interface ItemRights {
	/** Editor/admin of the owner or an accepted co-lead: the edit page, the registrant list. */
	canManage: boolean;
	/** The same, while the item is not archived. */
	canEdit: boolean;
	/** Editor/admin of the owner: status and invitations. */
	isOwnerEditor: boolean;
	/** Attached organisations (not as signatory) the caller may post for; none when archived. */
	postAs: string[];
	/** Editor/admin of some active organisation: may create items. */
	canCreate: boolean;
}

const NONE: ItemRights = {
	canManage: false,
	canEdit: false,
	isOwnerEditor: false,
	postAs: [],
	canCreate: false
};

/**
 * The caller's rights on an item, or (no item) whether they may create one, asked of the
 * database once (public.item_rights). Visitors have none: no round trip for them.
 */
export async function rights(
	supabase: Client,
	id: string | null,
	signedIn: boolean
): Promise<ItemRights> {
	if (!signedIn) return NONE;
	const { data, error } = await supabase.rpc('item_rights', id ? { item_id: id } : {}).single();
	if (error) throw error;
	return {
		canManage: data.can_manage,
		canEdit: data.can_edit,
		isOwnerEditor: data.is_owner_editor,
		postAs: data.post_as,
		canCreate: data.can_create
	};
}
