import { afterAll, describe, expect, it } from 'vitest';
import { anonymous, db, PEOPLE, signedIn } from './actors';

// Review cycles through the real gateway, PostgREST and RLS (supabase/migrations/
// 20261205000300_review_cycles.sql): who reads a cycle, who writes one, who links an item to
// a stage, and the feeds' functions. Seed: Belgium's CRC cycle is public, its UPR cycle is for
// the network; the Netherlands' and Costa Rica's are public. What a test writes is removed in
// afterAll (by the ids it made, and the links it added to the seed's stages).
const BE_CRC = '50000000-0000-4000-8000-000000000001';
const BE_UPR = '50000000-0000-4000-8000-000000000002';
const NL_CRC = '50000000-0000-4000-8000-000000000003';
const BE_PRE_SESSION = '51000000-0000-4000-8000-000000000103';
const BE_UPR_DEADLINE = '51000000-0000-4000-8000-000000000201';
const NL_DEADLINE = '51000000-0000-4000-8000-000000000301';
const CODE_REPORT = '30000000-0000-4000-8000-000000000301';
const CODE_ADMIN = { id: '20000000-0000-4000-8000-000000000005', email: 'admin@lacode.demo' };
const made: string[] = [];

afterAll(async () => {
	await db.query('delete from review_cycles where id = any($1)', [made]);
	await db.query('delete from review_stage_items where item_id = $1 and stage_id = $2', [
		CODE_REPORT,
		BE_UPR_DEADLINE
	]);
	await db.end();
});

const cycleIds = async (client: Awaited<ReturnType<typeof signedIn>>) => {
	const { data, error } = await client
		.from('review_cycles')
		.select('id')
		.in('id', [BE_CRC, BE_UPR, NL_CRC]);
	expect(error).toBeNull();
	return (data ?? []).map((row) => row.id).sort();
};

describe('reading review cycles', () => {
	it('gives a visitor and a person of no organisation the public cycles only', async () => {
		expect(await cycleIds(anonymous())).toEqual([BE_CRC, NL_CRC]);
		expect(await cycleIds(await signedIn(PEOPLE.outsider.email))).toEqual([BE_CRC, NL_CRC]);
		const { data } = await anonymous().from('review_stages').select('id').eq('id', BE_UPR_DEADLINE);
		expect(data).toEqual([]);
	});

	it('gives every network member every cycle, other countries included', async () => {
		expect(await cycleIds(await signedIn(PEOPLE.dciNlMember.email))).toEqual([
			BE_CRC,
			BE_UPR,
			NL_CRC
		]);
	});

	it('never shows a visitor the link of an item they may not read', async () => {
		// DEI-Belgique's network-only statement (302) answers Belgium's list of issues.
		const { data } = await anonymous()
			.from('review_stage_items')
			.select('item_id')
			.eq('item_id', '30000000-0000-4000-8000-000000000302');
		expect(data).toEqual([]);
		const member = await signedIn(PEOPLE.member.email);
		const seen = await member
			.from('review_stage_items')
			.select('item_id')
			.eq('item_id', '30000000-0000-4000-8000-000000000302');
		expect(seen.data).toHaveLength(1);
	});

	it('counts only what the caller may see in the countries index', async () => {
		const { data } = await anonymous().rpc('country_overview');
		expect(data?.find((row) => row.country === 'BE')?.cycles).toBe(1);
		const member = await signedIn(PEOPLE.member.email);
		const theirs = await member.rpc('country_overview');
		expect(theirs.data?.find((row) => row.country === 'BE')?.cycles).toBe(2);
	});
});

describe('writing review cycles and stages', () => {
	const cycle = (country: string) => ({
		country,
		mechanism: 'complaint_opic' as const,
		names: { en: 'API test complaint' }
	});

	it('refuses a visitor, a member and an editor', async () => {
		expect((await anonymous().from('review_cycles').insert(cycle('BE'))).error?.code).toBe('42501');
		for (const email of [PEOPLE.member.email, PEOPLE.editor.email, PEOPLE.outsider.email]) {
			const client = await signedIn(email);
			expect((await client.from('review_cycles').insert(cycle('BE'))).error?.code).toBe('42501');
			const { data } = await client
				.from('review_cycles')
				.update({ is_public: true })
				.eq('id', BE_UPR)
				.select('id');
			expect(data ?? []).toEqual([]);
		}
		const { rows } = await db.query('select is_public from review_cycles where id = $1', [BE_UPR]);
		expect(rows[0].is_public).toBe(false);
	});

	it("lets an admin in the country create one, in the database's name, and not another country's", async () => {
		// Marie, admin of CODE (a Belgian partner; DEI-Belgique's admins are coordinators).
		const admin = await signedIn(CODE_ADMIN.email);
		const { data, error } = await admin
			.from('review_cycles')
			.insert({ ...cycle('BE'), created_by: PEOPLE.member.id })
			.select('id')
			.single();
		expect(error).toBeNull();
		made.push(data!.id);
		const { rows } = await db.query('select created_by from review_cycles where id = $1', [
			data!.id
		]);
		expect(rows[0].created_by).toBe(CODE_ADMIN.id);
		expect((await admin.from('review_cycles').insert(cycle('NL'))).error?.code).toBe('42501');
		const { data: nl } = await admin
			.from('review_stages')
			.update({ status: 'done' })
			.eq('id', NL_DEADLINE)
			.select('id');
		expect(nl ?? []).toEqual([]);
	});

	it('refuses to move a stage to another cycle with its own code', async () => {
		const admin = await signedIn(PEOPLE.admin.email);
		const { error } = await admin
			.from('review_stages')
			.update({ cycle_id: BE_UPR })
			.eq('id', BE_PRE_SESSION);
		expect(error?.code).toBe('RC001');
	});
});

describe('linking items to stages', () => {
	it("refuses a member and another organisation's editor", async () => {
		for (const email of ['member@lacode.demo', PEOPLE.editor.email]) {
			const client = await signedIn(email);
			const { error } = await client
				.from('review_stage_items')
				.insert({ stage_id: BE_UPR_DEADLINE, item_id: CODE_REPORT });
			expect(error?.code).toBe('42501');
		}
	});

	it("lets the item's editor link it, and offers it among their linkable items", async () => {
		const editor = await signedIn(PEOPLE.codeEditor.email);
		const linkable = await editor.rpc('linkable_items', { country: 'BE' });
		expect(linkable.data?.map((row) => row.item_id)).toContain(CODE_REPORT);
		const { error } = await editor
			.from('review_stage_items')
			.insert({ stage_id: BE_UPR_DEADLINE, item_id: CODE_REPORT, created_by: PEOPLE.admin.id });
		expect(error).toBeNull();
		const { rows } = await db.query(
			'select created_by from review_stage_items where stage_id = $1 and item_id = $2',
			[BE_UPR_DEADLINE, CODE_REPORT]
		);
		expect(rows[0].created_by).toBe(PEOPLE.codeEditor.id);
		// A visitor reads neither the network cycle's stage nor the draft report.
		const { data } = await anonymous()
			.from('review_stage_items')
			.select('item_id')
			.eq('item_id', CODE_REPORT);
		expect(data).toEqual([]);
	});

	it('gives a visitor no linkable items', async () => {
		const { error } = await anonymous().rpc('linkable_items', { country: 'BE' });
		expect(error?.code).toBe('42501');
	});
});

describe('feeds', () => {
	it("puts the stages of the countries of a person's organisations in their personal feed", async () => {
		// Sarah's demo token (supabase/seed.sql): member of DEI-Belgique.
		const { data, error } = await anonymous().rpc('personal_review_stages', {
			token: 'demo-calendar-sarah'
		});
		expect(error).toBeNull();
		const countries = new Set(data?.map((row) => row.country));
		expect([...countries]).toEqual(['BE']);
		expect(data?.map((row) => row.stage_id)).toContain(BE_UPR_DEADLINE);
		const unknown = await anonymous().rpc('personal_review_stages', {
			token: 'not-a-token-at-all'
		});
		expect(unknown.data).toEqual([]);
	});

	it("gives a visitor's country feed the public cycles' stages only", async () => {
		const { data } = await anonymous().rpc('review_stage_feed', { country: 'BE' });
		expect(data?.every((row) => row.cycle_id === BE_CRC)).toBe(true);
		expect(data?.length).toBeGreaterThan(0);
	});
});
