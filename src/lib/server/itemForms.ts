import { z } from 'zod';
import { actionInviteSchema } from '#lib/schemas/jointActions';
import { formFail, parseForm } from './forms';
import * as items from './items';
import type { Client } from './supabase';

/**
 * The form actions every item's edit page shares (joint actions and events): invite an
 * organisation, change the status. Both go through the shared item functions; RLS and
 * the database decide, these only turn the answer into a message for the form.
 */

const statusSchema = z.object({ status: z.enum(['draft', 'published', 'archived']) });

export async function inviteAction(supabase: Client, id: string, form: FormData) {
	const parsed = parseForm(actionInviteSchema, form);
	if (!parsed.success) return formFail('invite', parsed.errors);
	try {
		await items.invite(supabase, id, parsed.data.organisation_id, parsed.data.role);
	} catch (caught) {
		return formFail('invite', caught);
	}
	return { action: 'invite', saved: true };
}

export async function statusAction(supabase: Client, id: string, form: FormData) {
	const parsed = parseForm(statusSchema, form);
	if (!parsed.success) return formFail('status', parsed.errors);
	try {
		await items.setStatus(supabase, id, parsed.data.status);
	} catch (caught) {
		return formFail('status', caught);
	}
	return { action: 'status', saved: true };
}
