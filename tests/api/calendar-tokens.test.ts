import { createHash } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types';
import * as calendarTokens from '../../src/lib/server/calendarTokens';
import { dataVersion, whileUnchanged } from '../../src/lib/server/unchanged';
import { anonymous, db, signedIn } from './actors';

/** The stored form of a token, computed here rather than by the module under test. */
function sha256(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The personal calendar feed's token, through supabase-js → gateway → PostgREST → RLS and
 * the table's trigger: issuing, replacing and revoking with the account page's service,
 * the feed read anonymously (as a calendar app does), and another person's attempts.
 * Emma (DCI Netherlands member) has no token in supabase/seed.sql; Sarah has one.
 */
const EMMA = { id: '20000000-0000-4000-8000-000000000011', email: 'member@dci-nl.demo' };
const SARAH = { id: '20000000-0000-4000-8000-000000000004', email: 'member@dei-belgique.demo' };
/** Emma is confirmed for this public DCI-NL webinar in the seed. */
const PUBLIC_WEBINAR = '30000000-0000-4000-8000-000000000203';

type TokenRow = { user_id: string; token_hash: string; created_at: Date; revoked_at: Date | null };
let saved: TokenRow[] = [];
let emma: SupabaseClient<Database>;
let sarah: SupabaseClient<Database>;

beforeAll(async () => {
	const { rows } = await db.query<TokenRow>(
		'select * from calendar_tokens where user_id = any($1::uuid[])',
		[[EMMA.id, SARAH.id]]
	);
	saved = rows;
	await db.query('delete from calendar_tokens where user_id = $1', [EMMA.id]);
	emma = await signedIn(EMMA.email);
	sarah = await signedIn(SARAH.email);
});

afterAll(async () => {
	// Back to the seed's rows (as superuser the trigger leaves the values as given).
	await db.query('delete from calendar_tokens where user_id = any($1::uuid[])', [
		[EMMA.id, SARAH.id]
	]);
	for (const row of saved) {
		await db.query(
			'insert into calendar_tokens (user_id, token_hash, created_at, revoked_at) values ($1, $2, $3, $4)',
			[row.user_id, row.token_hash, row.created_at, row.revoked_at]
		);
	}
	await db.end();
});

/** The feed as a calendar app reads it: no session, only the token. */
async function feed(token: string) {
	const { data, error } = await anonymous().rpc('personal_calendar', { token });
	if (error) throw error;
	return data;
}

async function eventIds(client: SupabaseClient<Database>): Promise<string[]> {
	const { data, error } = await client.from('events').select('id');
	if (error) throw error;
	return data.map((row) => row.id).sort();
}

async function storedRow(userId: string) {
	const { rows } = await db.query<{ token_hash: string; revoked_at: Date | null }>(
		'select token_hash, revoked_at from calendar_tokens where user_id = $1',
		[userId]
	);
	return rows[0] ?? null;
}

describe('calendar tokens: the owner', () => {
	let first = '';
	let second = '';

	it('has no feed before issuing one', async () => {
		await expect(calendarTokens.status(emma, EMMA.id)).resolves.toEqual({ state: 'none' });
	});

	it('issues a random URL-safe token and only its sha256 is stored', async () => {
		first = await calendarTokens.issue(emma, EMMA.id);
		expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const row = await storedRow(EMMA.id);
		expect(row?.token_hash).toBe(sha256(first));
		expect(row?.token_hash).not.toContain(first);
		expect(row?.revoked_at).toBeNull();
		await expect(calendarTokens.status(emma, EMMA.id)).resolves.toMatchObject({
			state: 'active'
		});
	});

	it('gives an anonymous caller with the token exactly the events the owner can read in the feed window', async () => {
		const rows = await feed(first);
		const ids = rows.map((row) => row.event_id).sort();
		// The window of every feed (README "Calendar feeds"): the coming year, the last 30 days.
		const day = 86_400_000;
		const { data, error } = await emma
			.from('events')
			.select('id')
			.gte('starts_at', new Date(Date.now() - 30 * day).toISOString())
			.lt('starts_at', new Date(Date.now() + 365 * day).toISOString());
		if (error) throw error;
		expect(ids).toEqual(data.map((row) => row.id).sort());
		// The seed's guardianship meeting started 35 days ago: readable, out of the window.
		expect((await eventIds(emma)).length).toBeGreaterThan(ids.length);
		// More than a visitor sees: the members-only events of the network are in it.
		const visitor = await eventIds(anonymous());
		expect(ids.filter((id) => !visitor.includes(id)).length).toBeGreaterThan(0);
		expect(rows.find((row) => row.event_id === PUBLIC_WEBINAR)?.registration_status).toBe(
			'confirmed'
		);
	});

	it('replaces the old token when issuing again: the old one returns nothing', async () => {
		second = await calendarTokens.issue(emma, EMMA.id);
		expect(second).not.toBe(first);
		await expect(feed(first)).resolves.toEqual([]);
		expect((await feed(second)).length).toBeGreaterThan(0);
		expect((await storedRow(EMMA.id))?.token_hash).toBe(sha256(second));
	});

	it('revokes: the feed returns nothing and the status says revoked', async () => {
		await expect(calendarTokens.revoke(emma, EMMA.id)).resolves.toBe(true);
		await expect(feed(second)).resolves.toEqual([]);
		await expect(calendarTokens.status(emma, EMMA.id)).resolves.toMatchObject({
			state: 'revoked'
		});
		// Revoking again changes nothing.
		await expect(calendarTokens.revoke(emma, EMMA.id)).resolves.toBe(false);
	});

	it('cannot bring a revoked token back, only issue a new one', async () => {
		const { error } = await emma
			.from('calendar_tokens')
			.update({ revoked_at: null })
			.eq('user_id', EMMA.id);
		expect(error?.code).toBe('42501');
		await expect(feed(second)).resolves.toEqual([]);

		const third = await calendarTokens.issue(emma, EMMA.id);
		expect((await feed(third)).length).toBeGreaterThan(0);
		await expect(calendarTokens.status(emma, EMMA.id)).resolves.toMatchObject({
			state: 'active'
		});
	});
});

describe('calendar tokens: someone else', () => {
	let token = '';

	beforeAll(async () => {
		token = await calendarTokens.issue(emma, EMMA.id);
	});

	it("cannot read another person's token row", async () => {
		const { data, error } = await sarah.from('calendar_tokens').select('user_id, token_hash');
		expect(error).toBeNull();
		expect(data?.map((row) => row.user_id)).toEqual([SARAH.id]);
		await expect(calendarTokens.status(sarah, EMMA.id)).resolves.toEqual({ state: 'none' });
	});

	it("cannot revoke another person's token", async () => {
		await expect(calendarTokens.revoke(sarah, EMMA.id)).resolves.toBe(false);
		expect((await storedRow(EMMA.id))?.revoked_at).toBeNull();
		expect((await feed(token)).length).toBeGreaterThan(0);
	});

	it("cannot replace another person's token with one of their own", async () => {
		await expect(calendarTokens.issue(sarah, EMMA.id)).rejects.toMatchObject({ code: '42501' });
		const { data, error } = await sarah
			.from('calendar_tokens')
			.update({ token_hash: sha256('chosen-by-sarah') })
			.eq('user_id', EMMA.id)
			.select('user_id');
		expect(error).toBeNull();
		expect(data).toEqual([]);
		expect((await storedRow(EMMA.id))?.token_hash).toBe(sha256(token));
	});

	it('reads no token rows at all without a session', async () => {
		const { data, error } = await anonymous().from('calendar_tokens').select('user_id');
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});
});

describe('a personal feed kept while the data holds still (src/lib/server/unchanged.ts)', () => {
	/** The feed as the app keeps it: under the data version an anonymous caller sees. */
	function keptFeed(token: string) {
		return whileUnchanged(
			anonymous(),
			`calendar ${sha256(token)}`,
			() => feed(token),
			(rows) => rows.length
		);
	}

	it('is never given from the store once the token is revoked or replaced', async () => {
		const token = await calendarTokens.issue(emma, EMMA.id);
		const before = await dataVersion(anonymous());
		expect(before).toMatch(/^[0-9a-f]{32}$/);
		expect((await keptFeed(token)).length).toBeGreaterThan(0);

		// A committed write anywhere moves the version a visitor sees.
		await expect(calendarTokens.revoke(emma, EMMA.id)).resolves.toBe(true);
		expect(await dataVersion(anonymous())).not.toBe(before);
		await expect(keptFeed(token)).resolves.toEqual([]);

		const next = await calendarTokens.issue(emma, EMMA.id);
		expect((await keptFeed(next)).length).toBeGreaterThan(0);
		await expect(keptFeed(token)).resolves.toEqual([]);
	});
});
