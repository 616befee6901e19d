import { afterAll, describe, expect, it } from 'vitest';
import { anonymous, db, ITEM, ORG, signedIn } from './actors';

afterAll(() => db.end());

async function roleOf(email: string, organisationId: string): Promise<string | undefined> {
	const { rows } = await db.query<{ role: string }>(
		`select m.role from memberships m join auth.users u on u.id = m.user_id
		 where u.email = $1 and m.organisation_id = $2`,
		[email, organisationId]
	);
	return rows[0]?.role;
}

describe('escalation attempts through the API are refused', () => {
	it('a member cannot make themself admin', async () => {
		const member = await signedIn('member@dei-belgique.demo');
		const result = await member
			.from('memberships')
			.update({ role: 'admin' })
			.eq('organisation_id', ORG.deiBelgique)
			.select();
		// RLS hides the row from a non-admin: nothing is updated, silently.
		expect(result).toMatchObject({ error: null, data: [] });
		expect(await roleOf('member@dei-belgique.demo', ORG.deiBelgique)).toBe('member');
	});

	it('an editor cannot make themself admin either, even with their own row id', async () => {
		const editor = await signedIn('editor@dei-belgique.demo');
		const { rows } = await db.query<{ id: string }>(
			`select m.id from memberships m join auth.users u on u.id = m.user_id
			 where u.email = 'editor@dei-belgique.demo' and m.organisation_id = $1`,
			[ORG.deiBelgique]
		);
		const result = await editor
			.from('memberships')
			.update({ role: 'admin' })
			.eq('id', rows[0]!.id)
			.select();
		expect(result).toMatchObject({ error: null, data: [] });
		expect(await roleOf('editor@dei-belgique.demo', ORG.deiBelgique)).toBe('editor');
	});

	it('an admin cannot raise their own role in another organisation where they are a member', async () => {
		// The demo seed has nobody who is admin here and member there: DCI Italy's admin joins
		// the Flemish coalition as a member for this test.
		const email = 'admin@dci-italia.demo';
		await db.query(
			`insert into memberships (user_id, organisation_id, role)
			 select id, $2, 'member' from auth.users where email = $1`,
			[email, ORG.kinderrechtencoalitie]
		);
		try {
			const admin = await signedIn(email);
			const result = await admin
				.from('memberships')
				.update({ role: 'admin' })
				.eq('organisation_id', ORG.kinderrechtencoalitie)
				.select();
			// Admin elsewhere gives no power here: the coalition's rows are not theirs to update.
			expect(result).toMatchObject({ error: null, data: [] });
			expect(await roleOf(email, ORG.kinderrechtencoalitie)).toBe('member');
			expect(await roleOf(email, ORG.dciItalia)).toBe('admin');
		} finally {
			await db.query(
				`delete from memberships where organisation_id = $2
				 and user_id = (select id from auth.users where email = $1)`,
				[email, ORG.kinderrechtencoalitie]
			);
		}
	});

	it('an editor cannot invite into another organisation, nor into their own', async () => {
		const editor = await signedIn('editor@dei-belgique.demo');
		for (const organisation_id of [ORG.code, ORG.deiBelgique]) {
			const { error } = await editor.from('invitations').insert({
				organisation_id,
				email: 'intruder@example.org',
				role: 'admin',
				token_hash: 'a'.repeat(64),
				locale: 'fr'
			} as never);
			expect(error?.code).toBe('42501');
		}
		const { rows } = await db.query(
			`select 1 from invitations where email = 'intruder@example.org'`
		);
		expect(rows).toHaveLength(0);
	});

	it('the last admin of an organisation can neither leave nor be demoted', async () => {
		const admin = await signedIn('admin@dci-nl.demo');
		const leave = await admin
			.from('memberships')
			.delete()
			.eq('organisation_id', ORG.dciNetherlands)
			.eq('role', 'admin')
			.select();
		expect(leave.error?.message ?? '').toMatch(/at least one admin/);
		const demote = await admin
			.from('memberships')
			.update({ role: 'member' })
			.eq('organisation_id', ORG.dciNetherlands)
			.eq('role', 'admin')
			.select();
		expect(demote.error?.message ?? '').toMatch(/at least one admin|raise your own role/);
		expect(await roleOf('admin@dci-nl.demo', ORG.dciNetherlands)).toBe('admin');
	});

	it('a partner cannot accept an attachment for another organisation', async () => {
		// The Flemish coalition is invited as co-lead of the CODE's draft; the CODE's own admin,
		// and the admin of an unrelated section, try to answer in its name.
		for (const email of ['admin@lacode.demo', 'admin@dci-italia.demo']) {
			const other = await signedIn(email);
			const result = await other
				.from('item_organisations')
				.update({ state: 'accepted' })
				.eq('item_id', ITEM.draftByCode)
				.eq('organisation_id', ORG.kinderrechtencoalitie)
				.select();
			expect(result, email).toMatchObject({ error: null, data: [] });
		}
		const { rows } = await db.query<{ state: string }>(
			'select state from item_organisations where item_id = $1 and organisation_id = $2',
			[ITEM.draftByCode, ORG.kinderrechtencoalitie]
		);
		expect(rows[0]?.state).toBe('invited');
	});

	it('an owner cannot attach another organisation as already accepted, or as owner', async () => {
		const editor = await signedIn('editor@dei-belgique.demo');
		for (const attempt of [
			{ role: 'participant', state: 'accepted' },
			{ role: 'owner', state: 'invited' }
		] as const) {
			const { error } = await editor.from('item_organisations').insert({
				item_id: ITEM.publicAction,
				organisation_id: ORG.dciItalia,
				...attempt
			});
			expect(error, JSON.stringify(attempt)).toMatchObject({
				code: '42501',
				message:
					'attaching an organisation is an invitation: role owner and state accepted/declined are refused'
			});
		}
		const { rows } = await db.query(
			'select 1 from item_organisations where item_id = $1 and organisation_id = $2',
			[ITEM.publicAction, ORG.dciItalia]
		);
		expect(rows).toHaveLength(0);
	});

	it('an organisation admin cannot change their organisation status or make it coordinating', async () => {
		const admin = await signedIn('admin@lacode.demo');
		const { error } = await admin
			.from('organisations')
			.update({ is_coordinating: true })
			.eq('id', ORG.code)
			.select();
		expect(error?.message ?? '').toMatch(/only coordinators/);
		const { rows } = await db.query<{ is_coordinating: boolean }>(
			'select is_coordinating from organisations where id = $1',
			[ORG.code]
		);
		expect(rows[0]?.is_coordinating).toBe(false);
	});
});

describe('what leaks to whom', () => {
	it('anonymous visitors see active organisations and nothing of people', async () => {
		const anon = anonymous();
		const organisations = await anon.from('organisations').select('id, status');
		expect(organisations.error).toBeNull();
		expect(organisations.data!.length).toBeGreaterThan(10);
		expect(organisations.data!.every((o) => o.status === 'active')).toBe(true);
		for (const table of ['profiles', 'memberships', 'invitations', 'audit_events'] as const) {
			// No grant to visitors at all: refused, not only filtered to no rows.
			const result = await anon.from(table).select('*');
			expect(result, table).toMatchObject({
				data: null,
				error: { code: '42501', message: `permission denied for table ${table}` }
			});
		}
	});

	it('anonymous visitors see only published public items, never their attachments', async () => {
		const anon = anonymous();
		const { data } = await anon.from('items').select('id, status, visibility');
		expect(data!.length).toBeGreaterThan(0);
		expect(data!.every((i) => i.visibility === 'public' && i.status !== 'draft')).toBe(true);
		const byId = await anon.from('items').select('id').eq('id', ITEM.participantsLitigation);
		expect(byId).toMatchObject({ error: null, data: [] });
		const embedded = await anon
			.from('item_organisations')
			.select('organisation_id')
			.eq('item_id', ITEM.participantsLitigation);
		expect(embedded).toMatchObject({ error: null, data: [] });
	});

	it('an outsider reads a participants-only item neither by id nor through an embedded relation', async () => {
		const outsider = await signedIn('admin@dci-italia.demo');
		const byId = await outsider.from('items').select('id').eq('id', ITEM.participantsLitigation);
		expect(byId).toMatchObject({ error: null, data: [] });
		const viaOrganisation = await outsider
			.from('organisations')
			.select('id, item_organisations(item_id)')
			.eq('id', ORG.dciNetherlands);
		// DCI Netherlands' attachments to public items show; the participants-only one does not.
		expect(viaOrganisation.error).toBeNull();
		const attached = viaOrganisation.data![0]!.item_organisations;
		expect(attached).toContainEqual({ item_id: ITEM.publicAction });
		expect(attached).not.toContainEqual({ item_id: ITEM.participantsLitigation });
	});

	it('a member of an attached organisation reads the participants-only item', async () => {
		const member = await signedIn('member@dei-belgique.demo');
		const { data } = await member.from('items').select('id').eq('id', ITEM.participantsLitigation);
		expect(data).toEqual([{ id: ITEM.participantsLitigation }]);
	});

	it('a member of a suspended organisation loses what membership gave them', async () => {
		const suspended = await signedIn('member@kinderstem.demo');
		const network = await suspended.from('items').select('id').eq('id', ITEM.networkAction);
		expect(network).toMatchObject({ error: null, data: [] });
		const members = await suspended
			.from('memberships')
			.select('user_id')
			.eq('organisation_id', ORG.suspended)
			.neq(
				'user_id',
				(
					await db.query<{ id: string }>(
						`select id from auth.users where email = 'member@kinderstem.demo'`
					)
				).rows[0]!.id
			);
		expect(members).toMatchObject({ error: null, data: [] });
	});

	it('a draft is hidden from members of the owner and from the invited co-lead', async () => {
		for (const email of ['member@lacode.demo', 'admin@kinderrechtencoalitie.demo']) {
			const reader = await signedIn(email);
			const result = await reader.from('items').select('id').eq('id', ITEM.draftByCode);
			expect(result, email).toMatchObject({ error: null, data: [] });
		}
		const editor = await signedIn('editor@lacode.demo');
		const { data } = await editor.from('items').select('id').eq('id', ITEM.draftByCode);
		expect(data).toEqual([{ id: ITEM.draftByCode }]);
	});
});
