import { afterAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types';
import { anonymous, db, PEOPLE, signedIn } from './actors';

/** The item ids of the caller's network news (the dashboard page makes the same call). */
async function newsOf(client: SupabaseClient<Database>): Promise<string[]> {
	const { data, error } = await client.rpc('my_dashboard');
	expect(error).toBeNull();
	return (data as { news: { item_id: string }[] }).news.map((n) => n.item_id);
}

// Demo seed: a joint action open to its participants only (DEI-Belgique, CODE and the Flemish
// coalition), and one DCI-Netherlands takes part in.
const NOT_FOR_NL = '30000000-0000-4000-8000-000000000115';
const FOR_NL = '30000000-0000-4000-8000-000000000004';

afterAll(async () => {
	await db.query('delete from private.news_marks where user_id = $1', [PEOPLE.dciNlMember.id]);
	await db.end();
});

describe('the dashboard through the API', () => {
	it('has nothing for a visitor: no dashboard and no mark to move', async () => {
		const visitor = anonymous();
		expect((await visitor.rpc('my_dashboard')).error?.code).toBe('42501');
		expect(
			(await visitor.rpc('mark_news_seen', { seen_at: new Date().toISOString() })).error?.code
		).toBe('42501');
	});

	it("lists a member's news as RLS decides, and only moves the caller's own mark", async () => {
		await db.query('delete from private.news_marks where user_id = $1', [PEOPLE.dciNlMember.id]);
		const nl = await signedIn(PEOPLE.dciNlMember.email);
		const ids = await newsOf(nl);
		expect(ids).toContain(FOR_NL);
		expect(ids).not.toContain(NOT_FOR_NL);

		const mark = await nl.rpc('mark_news_seen', { seen_at: new Date().toISOString() });
		expect(mark.error).toBeNull();
		expect(await newsOf(nl)).toEqual([]);
		const rows = await db.query<{ user_id: string }>('select user_id from private.news_marks');
		expect(rows.rows.map((r) => r.user_id)).toContain(PEOPLE.dciNlMember.id);
		// Sarah (another member) did not mark anything: her news are still there.
		const sarah = await signedIn(PEOPLE.member.email);
		expect((await newsOf(sarah)).length).toBeGreaterThan(0);
	});
});
