import { afterAll, describe, expect, it } from 'vitest';
import { answerInvitation } from '../../src/lib/server/items';
import { db, ORG, signedIn } from './actors';

// The CODE's draft alternative report invites the Flemish coalition as co-lead (demo seed).
const DRAFT = '30000000-0000-4000-8000-000000000002';

afterAll(async () => {
	await db.query(
		`update item_organisations set state = 'invited', responded_by = null, responded_at = null
		 where item_id = $1 and organisation_id = $2`,
		[DRAFT, ORG.kinderrechtencoalitie]
	);
	await db.end();
});

describe('the invitations inbox', () => {
	// Before the admin answers (the next test), so that the invitation is still open here.
	it("shows nothing of an open invitation to the invited organisation's editor or to another organisation", async () => {
		const admin = await (
			await signedIn('admin@kinderrechtencoalitie.demo')
		).rpc('pending_item_invitations');
		expect(admin.error).toBeNull();
		expect(admin.data?.map((row) => row.item_id)).toContain(DRAFT);

		const editor = await (
			await signedIn('editor@kinderrechtencoalitie.demo')
		).rpc('pending_item_invitations');
		expect(editor.error).toBeNull();
		expect(editor.data).toEqual([]);
		// DCI Italy's admin has invitations of its own (demo seed), but not this one.
		const other = await (await signedIn('admin@dci-italia.demo')).rpc('pending_item_invitations');
		expect(other.error).toBeNull();
		expect(other.data?.length).toBeGreaterThan(0);
		expect(other.data?.some((row) => row.item_id === DRAFT)).toBe(false);
	});

	it("shows an invited organisation's admin what to answer, and the answer opens the draft", async () => {
		const admin = await signedIn('admin@kinderrechtencoalitie.demo');
		const inbox = await admin.rpc('pending_item_invitations');
		expect(inbox.error).toBeNull();
		const invitation = inbox.data?.find((row) => row.item_id === DRAFT);
		expect(invitation).toMatchObject({
			kind: 'joint_action',
			role: 'co_lead',
			organisation_id: ORG.kinderrechtencoalitie
		});
		expect(invitation?.title).toBeTruthy();
		const before = await admin.from('joint_actions').select('id').eq('id', DRAFT);
		expect(before).toMatchObject({ error: null, data: [] });

		await answerInvitation(admin, DRAFT, ORG.kinderrechtencoalitie, true);
		expect((await admin.from('joint_actions').select('id').eq('id', DRAFT)).data).toEqual([
			{ id: DRAFT }
		]);
		const after = await admin.rpc('pending_item_invitations');
		expect(after.error).toBeNull();
		expect(after.data?.some((row) => row.item_id === DRAFT)).toBe(false);
	});
});
