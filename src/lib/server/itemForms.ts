import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { PostgrestError } from '@supabase/supabase-js';
import { actionInviteSchema } from '#lib/schemas/jointActions';
import { dbErrorKey } from './errors';
import { parseForm } from './forms';
import * as items from './items';
import type { Client } from './supabase';

/**
 * The form actions every item's edit page shares (joint actions and events): invite an
 * organisation, change the status. Both go through the shared item functions; RLS and
 * the database decide, these only turn the answer into a message for the form.
 */

const statusSchema = z.object({ status: z.enum(['draft', 'published', 'archived']) });

/** A refused write, as the edit pages show it: one message for the form named `action`. */
export function formFailure(action: string, caught: unknown, values: Record<string, unknown> = {}) {
	const key = dbErrorKey(caught as PostgrestError);
	// A refusal by the database is a 403, as the page itself would answer; the rest is input.
	return fail(key === 'errors:forbidden' ? 403 : 400, { action, values, errors: { form: key } });
}

export async function inviteAction(supabase: Client, id: string, form: FormData) {
	const parsed = parseForm(actionInviteSchema, form);
	if (!parsed.success) return fail(400, { action: 'invite', values: {}, errors: parsed.errors });
	try {
		await items.invite(supabase, id, parsed.data.organisation_id, parsed.data.role);
	} catch (caught) {
		return formFailure('invite', caught);
	}
	return { action: 'invite', saved: true };
}

export async function statusAction(supabase: Client, id: string, form: FormData) {
	const parsed = parseForm(statusSchema, form);
	if (!parsed.success) return fail(400, { action: 'status', values: {}, errors: parsed.errors });
	try {
		await items.setStatus(supabase, id, parsed.data.status);
	} catch (caught) {
		return formFailure('status', caught);
	}
	return { action: 'status', saved: true };
}
