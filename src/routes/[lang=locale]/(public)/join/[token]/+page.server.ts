// The join page of an invitation email: /[lang]/join/[token]. A GET only shows what the
// token invites to and never changes anything (mail scanners open links); accepting,
// declining and a new person's password are POSTs. The database checks the token's hash,
// expiry, revocation, use and that the signed-in person's verified address is the invited
// one (private.answer_invitation). A new person (an account the invitation made, without a
// password) chooses a name and password here, signed out: the POST signs them in through
// Auth (invitations.signInInvited), so the link lasts as long as the invitation.
import { fail, redirect } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';
import { signInPath } from '#lib/redirects';
import * as account from '#lib/server/account';
import { freshUser, setPassword } from '#lib/server/auth';
import { joinAccountSchema, tokenSchema } from '#lib/schemas/members';
import { parseForm } from '#lib/server/forms';
import * as invitations from '#lib/server/invitations';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type View = 'state' | 'sign_in' | 'wrong_account' | 'new_account' | 'answer';

async function invitationOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const token = tokenSchema.safeParse(event.params.token);
	if (!token.success) return null;
	return invitations.byToken(event.locals.supabase, token.data);
}

/** A person who arrived through Auth's invite and has not chosen a password yet. */
function needsPassword(user: Pick<User, 'user_metadata'> | null): boolean {
	return user?.user_metadata?.needs_password === true;
}

/** Whether the invited address is a new person's, awaiting a password (never throws). */
async function newPersonInvited(email: string): Promise<boolean> {
	try {
		return await invitations.awaitsPassword(email);
	} catch (failure) {
		console.error('join: cannot tell whether the invited account has a password', failure);
		return false;
	}
}

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	// What one invitation offers, to whoever holds its secret address: never a shared cache's.
	event.setHeaders({ 'cache-control': 'private, no-store' });
	// Auth's current record (not the token's): whether the person has chosen a password yet.
	const [invitation, user] = await Promise.all([invitationOf(event), freshUser()]);
	let view: View = 'state';
	if (invitation?.state === 'open') {
		if (!user) view = (await newPersonInvited(invitation.email)) ? 'new_account' : 'sign_in';
		else if (user.email?.toLowerCase() !== invitation.email) view = 'wrong_account';
		else if (needsPassword(user)) view = 'new_account';
		else view = 'answer';
	}
	return {
		invitation: invitation && {
			organisationSlug: invitation.organisation_slug,
			organisationName:
				((invitation.organisation_names ?? {}) as Record<string, string>)[locals.locale] ||
				invitation.organisation_name,
			email: invitation.email,
			role: invitation.role,
			inviter: invitation.invited_by_name,
			expiresAt: invitation.expires_at,
			state: invitation.state
		},
		view,
		currentEmail: user?.email ?? null,
		signIn: signInPath(locals.locale, url.pathname)
	};
};

function orgPath(event: RequestEvent, slug: string): string {
	return `/${event.locals.locale}/organisations/${slug}`;
}

export const actions: Actions = {
	accept: async (event) => {
		const token = tokenSchema.safeParse(event.params.token);
		if (!event.locals.user) return fail(401, { errors: { form: 'errors:forbidden' } });
		if (!token.success) return fail(400, { errors: { form: 'members:error_unknown' } });
		const answer = await invitations.answerByToken(event.locals.supabase, token.data, true);
		if (!answer.ok) return fail(answer.status, { errors: { form: answer.key } });
		redirect(303, orgPath(event, answer.slug));
	},

	decline: async (event) => {
		const token = tokenSchema.safeParse(event.params.token);
		if (!event.locals.user) return fail(401, { errors: { form: 'errors:forbidden' } });
		if (!token.success) return fail(400, { errors: { form: 'members:error_unknown' } });
		const answer = await invitations.answerByToken(event.locals.supabase, token.data, false);
		if (!answer.ok) return fail(answer.status, { errors: { form: answer.key } });
		return { declined: true };
	},

	/** A new person (arrived through Auth's invite): name and password, then accepts. */
	create: async (event) => {
		const { locals } = event;
		const form = await event.request.formData();
		const values = { display_name: String(form.get('display_name') ?? '').slice(0, 120) };
		let user = await freshUser();
		const token = tokenSchema.safeParse(event.params.token);
		if (user && !needsPassword(user)) {
			return fail(403, { values, errors: { form: 'errors:forbidden' } });
		}
		if (!token.success) return fail(400, { values, errors: { form: 'members:error_unknown' } });
		const parsed = parseForm(joinAccountSchema, form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		// Before the password: an invitation that cannot be accepted any more says so first.
		const invitation = await invitations.byToken(locals.supabase, token.data);
		if (invitation?.state !== 'open') {
			return fail(400, { values, errors: { form: 'members:error_unknown' } });
		}
		if (!user) {
			// Signed out: only the new person an invitation made an account for signs in here.
			if (!(await newPersonInvited(invitation.email))) {
				return fail(403, { values, errors: { form: 'errors:forbidden' } });
			}
			try {
				user = await invitations.signInInvited(locals.supabase, invitation.email);
			} catch (failure) {
				console.error('join: Auth could not sign the invited person in', failure);
				return fail(503, { values, errors: { form: 'members:error_auth_unavailable' } });
			}
		}
		const refused = await setPassword(parsed.data.password, {
			needs_password: false,
			display_name: parsed.data.display_name
		});
		if (refused) {
			return fail(refused.status, {
				values,
				errors: refused.key ? { password: refused.key } : { form: 'members:error_auth_unavailable' }
			});
		}
		// The new name and needs_password: false in the session's token from the next page on.
		await account.refreshToken(locals.supabase);
		await account
			.saveProfile(locals.supabase, user.id, {
				display_name: parsed.data.display_name,
				preferred_locale: locals.locale
			})
			.catch((failure: unknown) => console.error('join: the profile was not saved', failure));
		const answer = await invitations.answerByToken(locals.supabase, token.data, true);
		if (!answer.ok) return fail(answer.status, { values, errors: { form: answer.key } });
		redirect(303, orgPath(event, answer.slug));
	}
};
