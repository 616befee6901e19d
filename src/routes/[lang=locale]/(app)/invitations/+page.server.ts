import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { answerInvitationSchema } from '#lib/schemas/members';
import { paperDecisionSchema } from '#lib/schemas/papers';
import { requireUser } from '#lib/server/auth';
import {
	dbErrorKey,
	failStatus,
	paperErrorKey,
	translationRequestErrorKey
} from '#lib/server/errors';
import { parseForm } from '#lib/server/forms';
import * as organisationInvitations from '#lib/server/invitations';
import * as dashboard from '#lib/server/dashboard';
import * as items from '#lib/server/items';
import * as papers from '#lib/server/papers';
import { answerTranslationSchema } from '#lib/schemas/translationRequests';
import * as translationRequests from '#lib/server/translationRequests';
import type { Actions, PageServerLoad } from './$types';

const answerSchema = z.object({
	item_id: z.uuid(),
	organisation_id: z.uuid(),
	answer: z.enum(['accept', 'decline'])
});

export const load: PageServerLoad = async ({ locals }) => {
	// Not from parent(): that would wait for every layout's load (the bell's count among them).
	return dashboard.answersAwaited(locals.supabase, requireUser().id, locals.locale);
};

export const actions: Actions = {
	/** Accept (→ the organisation's page) or decline an invitation to join an organisation. */
	join: async ({ locals, request }) => {
		const parsed = parseForm(answerInvitationSchema, await request.formData());
		if (!parsed.success) return fail(400, { errors: { form: 'errors:generic' } });
		const accept = parsed.data.answer === 'accept';
		const answer = await organisationInvitations.answerById(
			locals.supabase,
			parsed.data.invitation_id,
			accept
		);
		if (!answer.ok) return fail(answer.status, { errors: { form: answer.key } });
		if (accept) redirect(303, `/${locals.locale}/organisations/${answer.slug}`);
		return { joinDeclined: true };
	},
	answer: async ({ locals, request }) => {
		const parsed = parseForm(answerSchema, await request.formData());
		if (!parsed.success) return fail(400, { errors: { form: 'errors:generic' } });
		try {
			await items.answerInvitation(
				locals.supabase,
				parsed.data.item_id,
				parsed.data.organisation_id,
				parsed.data.answer === 'accept'
			);
		} catch (caught) {
			const key = dbErrorKey(caught);
			// Not theirs to answer (RLS refused): 403, with the message on the form.
			return fail(failStatus(key, key === 'errors:forbidden' ? 403 : 400), {
				errors: { form: key }
			});
		}
		return { answered: true };
	},
	/** The asked organisation's editors accept or decline a translation request. */
	translate: async ({ locals, request }) => {
		const parsed = parseForm(answerTranslationSchema, await request.formData());
		if (!parsed.success) return fail(400, { errors: { form: 'errors:generic' } });
		const accept = parsed.data.answer === 'accept';
		try {
			await translationRequests.setStatus(
				locals.supabase,
				parsed.data.request_id,
				accept ? 'accepted' : 'declined'
			);
		} catch (caught) {
			const key = translationRequestErrorKey(caught);
			return fail(failStatus(key, key === 'errors:forbidden' ? 403 : 400), {
				errors: { form: key }
			});
		}
		// Accepted: straight to the translation editor.
		if (accept) redirect(303, `/${locals.locale}/translations/${parsed.data.request_id}`);
		return { translationDeclined: true };
	},
	sign: async ({ locals, request }) => {
		const form = await request.formData();
		const parsed = parseForm(paperDecisionSchema, form);
		const signatureId = String(form.get('signature_id') ?? '').slice(0, 64);
		if (!parsed.success) {
			return fail(400, {
				signatureId,
				comment: String(form.get('comment') ?? '').slice(0, 2100),
				errors: parsed.errors.comment
					? { comment: parsed.errors.comment }
					: { form: 'errors:generic' }
			});
		}
		let state: string | null;
		try {
			state = await papers.decide(
				locals.supabase,
				parsed.data.signature_id,
				parsed.data.answer === 'sign',
				parsed.data.comment
			);
		} catch (caught) {
			const key = paperErrorKey(caught);
			return fail(failStatus(key), {
				signatureId,
				comment: parsed.data.comment,
				errors: { form: key }
			});
		}
		return { decided: state };
	}
};
