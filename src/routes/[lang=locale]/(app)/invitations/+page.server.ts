import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { PostgrestError } from '@supabase/supabase-js';
import { dbErrorKey } from '$lib/server/errors';
import { parseForm } from '$lib/server/forms';
import { answerInvitation } from '$lib/server/jointActions';
import type { Actions, PageServerLoad } from './$types';

const answerSchema = z.object({
	item_id: z.uuid(),
	organisation_id: z.uuid(),
	answer: z.enum(['accept', 'decline'])
});

export const load: PageServerLoad = async ({ locals }) => {
	// Admins only see rows: pending_item_invitations() filters on the caller's admin roles.
	const { data, error } = await locals.supabase.rpc('pending_item_invitations');
	if (error) throw error;
	return { invitations: data };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const parsed = parseForm(answerSchema, await request.formData());
		if (!parsed.success) return fail(400, { errors: { form: 'errors:generic' } });
		try {
			await answerInvitation(
				locals.supabase,
				parsed.data.item_id,
				parsed.data.organisation_id,
				parsed.data.answer === 'accept'
			);
		} catch (caught) {
			return fail(400, { errors: { form: dbErrorKey(caught as PostgrestError) } });
		}
		return { answered: true };
	}
};
