import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, db, ORG, PEOPLE, signedIn } from './actors';

// In-app notifications through the real gateway and PostgREST (supabase/migrations/
// 20261203000100_notifications.sql): an invitation written through the API notifies the
// invited organisation's admin and nobody else; nobody but the recipient reads, marks, writes
// or deletes a notification. An action of CODE's is made here and removed afterwards (with it,
// through the item's cascade, every notification about it).
const ITEM_ID = randomUUID();
const TITLE = `Notifications API ${ITEM_ID.slice(0, 8)}`;

const unread = (id: string) =>
	db
		.query<{ read_at: string | null }>('select read_at from notifications where id = $1', [id])
		.then((r) => r.rows[0]?.read_at === null);

/** The notifications about the test's item, as "email:type". */
async function aboutItem(): Promise<string[]> {
	const { rows } = await db.query<{ who: string }>(
		`select u.email || ':' || n.type as who from notifications n join auth.users u on u.id = n.recipient_id
		 where n.item_id = $1 order by 1`,
		[ITEM_ID]
	);
	return rows.map((r) => r.who);
}

let notificationId = '';

beforeAll(async () => {
	await db.query(
		`insert into items (id, kind, owner_organisation_id, status, visibility, created_by)
		 values ($1, 'joint_action', $2, 'published', 'network', $3)`,
		[ITEM_ID, ORG.code, PEOPLE.codeEditor.id]
	);
	await db.query(
		`insert into joint_actions (id, original_locale, areas) values ($1, 'fr', '{legal_actions}')`,
		[ITEM_ID]
	);
	await db.query(
		`insert into joint_action_translations (action_id, locale, title) values ($1, 'fr', $2)`,
		[ITEM_ID, TITLE]
	);
});

afterAll(async () => {
	await db.query('delete from items where id = $1', [ITEM_ID]);
	await db.end();
});

describe('notifications are written by the database, for the right people only', () => {
	it("an invitation through the API notifies the invited organisation's admin, not the inviting editor nor the other members", async () => {
		const editor = await signedIn(PEOPLE.codeEditor.email);
		const invited = await editor
			.from('item_organisations')
			.insert({ item_id: ITEM_ID, organisation_id: ORG.deiBelgique, role: 'participant' });
		expect(invited.error).toBeNull();
		expect(await aboutItem()).toEqual(['admin@dei-belgique.demo:item_invited']);

		const admin = await signedIn(PEOPLE.admin.email);
		const page = await admin.rpc('my_notifications', { page_limit: 101 });
		expect(page.error).toBeNull();
		const mine = page.data?.find((n) => n.item_id === ITEM_ID);
		expect(mine).toMatchObject({
			type: 'item_invited',
			item_kind: 'joint_action',
			original_locale: 'fr',
			titles: { fr: TITLE },
			read_at: null
		});
		notificationId = mine!.id;
	});
});

describe('nobody but the recipient reads or changes a notification', () => {
	it('an anonymous visitor can neither read, count, mark nor write notifications', async () => {
		const visitor = anonymous();
		const read = await visitor.from('notifications').select('id');
		expect(read.error?.code).toBe('42501');
		const count = await visitor.rpc('unread_notification_count');
		expect(count.error?.code).toBe('42501');
		const marked = await visitor.rpc('mark_notifications_read', { ids: [notificationId] });
		expect(marked.error?.code).toBe('42501');
		const written = await visitor
			.from('notifications')
			.insert({ recipient_id: PEOPLE.admin.id, type: 'member_joined' });
		expect(written.error?.code).toBe('42501');
		expect(await unread(notificationId)).toBe(true);
	});

	for (const [who, email] of [
		['a colleague (member of the same organisation)', PEOPLE.member.email],
		['a colleague who edits for the same organisation', PEOPLE.editor.email],
		['the editor who sent the invitation', PEOPLE.codeEditor.email],
		['a person without an organisation', PEOPLE.outsider.email]
	] as const) {
		it(`${who} neither reads, marks, moves nor deletes the admin's notification`, async () => {
			const other = await signedIn(email);
			const read = await other.from('notifications').select('id').eq('id', notificationId);
			expect(read).toMatchObject({ error: null, data: [] });
			const listed = await other.rpc('my_notifications', { page_limit: 101 });
			expect(listed.error).toBeNull();
			expect(listed.data?.some((n) => n.id === notificationId)).toBe(false);

			const marked = await other.rpc('mark_notifications_read', { ids: [notificationId] });
			expect(marked).toMatchObject({ error: null, data: 0 });
			const updated = await other
				.from('notifications')
				.update({ read_at: new Date().toISOString() })
				.eq('id', notificationId)
				.select('id');
			expect(updated).toMatchObject({ error: null, data: [] });
			const moved = await other
				.from('notifications')
				.update({ recipient_id: PEOPLE.outsider.id })
				.eq('id', notificationId);
			expect(moved.error?.code).toBe('42501');
			const deleted = await other.from('notifications').delete().eq('id', notificationId);
			expect(deleted.error?.code).toBe('42501');
			const written = await other
				.from('notifications')
				.insert({ recipient_id: PEOPLE.admin.id, type: 'member_joined' });
			expect(written.error?.code).toBe('42501');
			const reminders = await other.rpc('create_due_reminders', {});
			expect(reminders.error?.code).toBe('42501');

			expect(await unread(notificationId)).toBe(true);
		});
	}

	it('the recipient cannot delete it, give it away or change what it says, only mark it read', async () => {
		const admin = await signedIn(PEOPLE.admin.email);
		const deleted = await admin.from('notifications').delete().eq('id', notificationId);
		expect(deleted.error?.code).toBe('42501');
		const moved = await admin
			.from('notifications')
			.update({ recipient_id: PEOPLE.member.id })
			.eq('id', notificationId);
		expect(moved.error?.code).toBe('42501');
		const changed = await admin
			.from('notifications')
			.update({ type: 'application_submitted' })
			.eq('id', notificationId);
		expect(changed.error?.code).toBe('42501');

		const before = await admin.rpc('unread_notification_count');
		expect(before.error).toBeNull();
		const marked = await admin.rpc('mark_notifications_read', { ids: [notificationId] });
		expect(marked).toMatchObject({ error: null, data: 1 });
		const after = await admin.rpc('unread_notification_count');
		expect(after.data).toBe((before.data ?? 0) - 1);
		expect(await unread(notificationId)).toBe(false);

		// A read notification stays read, whatever the recipient writes.
		const unmarked = await admin
			.from('notifications')
			.update({ read_at: null })
			.eq('id', notificationId)
			.select('read_at');
		expect(unmarked.error).toBeNull();
		expect(unmarked.data?.[0]?.read_at).not.toBeNull();
	});
});
