// Invitations and the organisation admin's powers through PostgREST, with people signed in
// through Supabase Auth: what each actor must NOT do (accept someone else's invitation,
// accept an expired, revoked or used one, invite/resend/revoke or change roles without being
// the organisation's admin), then what the right person does. The database is checked
// behind the API with the superuser connection.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, db, ORG, PEOPLE, signedIn } from './actors';

type Client = Awaited<ReturnType<typeof signedIn>>;

const token = () => randomBytes(32).toString('base64url');
const hash = (value: string) => createHash('sha256').update(value).digest('hex');
/** Emma, member of DCI Netherlands: the person DEI Belgique invites in these tests. */
const INVITEE = PEOPLE.dciNlMember;

let admin: Client;
let editor: Client;
let member: Client;
let invitee: Client;
let outsider: Client;

async function invitationRow(id: string) {
	const { rows } = await db.query(
		'select accepted_at, revoked_at, declined_at, token_hash, expires_at from invitations where id = $1',
		[id]
	);
	return rows[0];
}

async function membershipRole(userId: string, organisationId: string): Promise<string | null> {
	const { rows } = await db.query(
		'select role from memberships where user_id = $1 and organisation_id = $2',
		[userId, organisationId]
	);
	return rows[0]?.role ?? null;
}

/** The admin invites INVITEE with a fresh token, through the API; returns the id and token. */
async function invite(role: 'member' | 'editor' = 'member') {
	const secret = token();
	const { data, error } = await admin
		.from('invitations')
		.insert({
			organisation_id: ORG.deiBelgique,
			email: INVITEE.email,
			role,
			locale: 'en',
			token_hash: hash(secret)
		})
		.select('id')
		.single();
	expect(error).toBeNull();
	return { id: data!.id, secret };
}

async function cleanUp() {
	await db.query('delete from invitations where organisation_id = $1 and email = $2', [
		ORG.deiBelgique,
		INVITEE.email
	]);
	await db.query('delete from memberships where organisation_id = $1 and user_id = $2', [
		ORG.deiBelgique,
		INVITEE.id
	]);
	await db.query(
		`update memberships set role = 'editor' where organisation_id = $1 and user_id = $2`,
		[ORG.deiBelgique, PEOPLE.editor.id]
	);
}

beforeAll(async () => {
	await cleanUp();
	[admin, editor, member, invitee, outsider] = await Promise.all([
		signedIn(PEOPLE.admin.email),
		signedIn(PEOPLE.editor.email),
		signedIn(PEOPLE.member.email),
		signedIn(INVITEE.email),
		signedIn(PEOPLE.outsider.email)
	]);
});

afterAll(async () => {
	await cleanUp();
	await db.end();
});

describe('answering an invitation', () => {
	it('is refused to anyone but the invited address, even with the token', async () => {
		const { id, secret } = await invite();
		const anon = await anonymous().rpc('accept_invitation', { token: secret });
		expect(anon.error?.code).toBe('42501');
		const someoneElse = await outsider.rpc('accept_invitation', { token: secret });
		expect(someoneElse.error?.code).toBe('IN005');
		const byId = await outsider.rpc('answer_my_invitation', { invitation: id, accept: true });
		expect(byId.error?.code).toBe('IN005');
		const declined = await member.rpc('decline_invitation', { token: secret });
		expect(declined.error?.code).toBe('IN005');
		const wrongToken = await invitee.rpc('accept_invitation', { token: token() });
		expect(wrongToken.error?.code).toBe('IN001');
		expect(await invitationRow(id)).toMatchObject({ accepted_at: null, revoked_at: null });
		expect(await membershipRole(PEOPLE.outsider.id, ORG.deiBelgique)).toBeNull();
		await cleanUp();
	});

	it('refuses an expired, a revoked and a used invitation', async () => {
		const expired = await invite();
		await db.query(
			`update invitations set expires_at = now() - interval '1 minute' where id = $1`,
			[expired.id]
		);
		expect((await invitee.rpc('accept_invitation', { token: expired.secret })).error?.code).toBe(
			'IN002'
		);
		await cleanUp();

		const revoked = await invite();
		const revoke = await admin
			.from('invitations')
			.update({ revoked_at: new Date().toISOString() })
			.eq('id', revoked.id)
			.select('id');
		expect(revoke.data).toHaveLength(1);
		expect((await invitee.rpc('accept_invitation', { token: revoked.secret })).error?.code).toBe(
			'IN003'
		);
		const state = await anonymous().rpc('invitation_by_token', { token: revoked.secret });
		expect(state.data?.[0]?.state).toBe('revoked');
		await cleanUp();

		const used = await invite('editor');
		const accepted = await invitee.rpc('accept_invitation', { token: used.secret });
		expect(accepted).toMatchObject({ error: null, data: 'dei-belgique' });
		expect(await membershipRole(INVITEE.id, ORG.deiBelgique)).toBe('editor');
		expect((await invitee.rpc('accept_invitation', { token: used.secret })).error?.code).toBe(
			'IN004'
		);
		await cleanUp();
	});

	it('lets the invited person decline from the inbox (by id), leaving no membership', async () => {
		const { id } = await invite();
		const inbox = await invitee.rpc('my_pending_invitations');
		expect(inbox.data?.map((row) => row.id)).toContain(id);
		const outsiderInbox = await outsider.rpc('my_pending_invitations');
		expect(outsiderInbox.data?.map((row) => row.id)).not.toContain(id);
		const answer = await invitee.rpc('answer_my_invitation', { invitation: id, accept: false });
		expect(answer.error).toBeNull();
		expect((await invitationRow(id)).declined_at).not.toBeNull();
		expect(await membershipRole(INVITEE.id, ORG.deiBelgique)).toBeNull();
		await cleanUp();
	});
});

describe('managing an organisation', () => {
	it('is refused to its members and editors: invite, resend, revoke, change roles, remove', async () => {
		const { id } = await invite();
		const before = await invitationRow(id);
		for (const person of [member, editor]) {
			const inserted = await person.from('invitations').insert({
				organisation_id: ORG.deiBelgique,
				email: 'someone-new@example.demo',
				role: 'member',
				token_hash: hash(token())
			});
			expect(inserted.error?.code).toBe('42501');
			const resent = await person
				.from('invitations')
				.update({
					token_hash: hash(token()),
					expires_at: new Date(Date.now() + 864e5).toISOString()
				})
				.eq('id', id)
				.select('id');
			expect(resent.data ?? []).toEqual([]);
			const revoked = await person
				.from('invitations')
				.update({ revoked_at: new Date().toISOString() })
				.eq('id', id)
				.select('id');
			expect(revoked.data ?? []).toEqual([]);
			const listed = await person.rpc('organisation_invitations', {
				organisation: ORG.deiBelgique
			});
			expect(listed.data).toEqual([]);
		}
		const promoted = await member
			.from('memberships')
			.update({ role: 'admin' })
			.eq('organisation_id', ORG.deiBelgique)
			.eq('user_id', PEOPLE.editor.id)
			.select('id');
		expect(promoted.data ?? []).toEqual([]);
		const demoted = await editor
			.from('memberships')
			.update({ role: 'member' })
			.eq('organisation_id', ORG.deiBelgique)
			.eq('user_id', PEOPLE.member.id)
			.select('id');
		expect(demoted.data ?? []).toEqual([]);
		const removed = await editor
			.from('memberships')
			.delete()
			.eq('organisation_id', ORG.deiBelgique)
			.eq('user_id', PEOPLE.member.id)
			.select('id');
		expect(removed.data ?? []).toEqual([]);
		// Nothing changed behind the API.
		expect(await invitationRow(id)).toEqual(before);
		expect(await membershipRole(PEOPLE.member.id, ORG.deiBelgique)).toBe('member');
		expect(await membershipRole(PEOPLE.editor.id, ORG.deiBelgique)).toBe('editor');
		await cleanUp();
	});

	it('lets its admin list, re-send and revoke invitations and change roles, never leaving it without an admin', async () => {
		const { id } = await invite();
		const listed = await admin.rpc('organisation_invitations', { organisation: ORG.deiBelgique });
		expect(listed.data?.map((row) => row.id)).toContain(id);
		const newHash = hash(token());
		const resent = await admin
			.from('invitations')
			.update({ token_hash: newHash })
			.eq('id', id)
			.select('id');
		expect(resent.data).toHaveLength(1);
		expect((await invitationRow(id)).token_hash).toBe(newHash);

		const role = await admin
			.from('memberships')
			.update({ role: 'member' })
			.eq('organisation_id', ORG.deiBelgique)
			.eq('user_id', PEOPLE.editor.id)
			.select('role');
		expect(role.data).toEqual([{ role: 'member' }]);

		const lastAdmin = await admin
			.from('memberships')
			.delete()
			.eq('organisation_id', ORG.deiBelgique)
			.eq('user_id', PEOPLE.admin.id);
		expect(lastAdmin.error?.code).toBe('23514');
		expect(await membershipRole(PEOPLE.admin.id, ORG.deiBelgique)).toBe('admin');
		await cleanUp();
	});
});
