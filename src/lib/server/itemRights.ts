import type { Membership } from '#lib/access';
import type { Json } from '#lib/database.types';
import type { Client } from './supabase';
import { jsonObject } from './rpc';

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
	/** The caller's own memberships (why they may read the item, lib/access.ts). */
	memberships: Membership[];
}

const NONE: ItemRights = {
	canManage: false,
	canEdit: false,
	isOwnerEditor: false,
	postAs: [],
	canCreate: false,
	memberships: []
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
	return rightsFrom(data, true);
}

/**
 * The caller's rights on an item from a row of public.item_rights: as its page read it with
 * the item (computed field public.reader_rights, one JSON object) or as `rights` asked for it.
 * Visitors have none.
 */
export function rightsFrom(json: Json | null | undefined, signedIn: boolean): ItemRights {
	const row = signedIn ? jsonObject(json) : null;
	if (!row) return NONE;
	const flag = (key: string) => row[key] === true;
	const postAs = row.post_as;
	return {
		canManage: flag('can_manage'),
		canEdit: flag('can_edit'),
		isOwnerEditor: flag('is_owner_editor'),
		postAs: Array.isArray(postAs) ? postAs.filter((id) => typeof id === 'string') : [],
		canCreate: flag('can_create'),
		memberships: readerMemberships(row.memberships)
	};
}

/**
 * The memberships public.item_rights returns: a JSON array of
 * {role, organisation: {id, slug, name, status}} that the SQL builds (migration
 * 20261202000100_item_api.sql); null (no row) is none.
 */
function readerMemberships(json: Json | null | undefined): Membership[] {
	return Array.isArray(json) ? (json as unknown as Membership[]) : [];
}
