import { createHash } from 'node:crypto';
import type { PostgrestError } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { dbErrorKey, paperErrorKey } from '../../src/lib/server/errors';
import { db, ITEM, ORG, signedIn } from './actors';
import * as items from '../../src/lib/server/items';

/**
 * Issue 11, the database findings as an attacker runs them through the API (PostgREST,
 * real sessions), and the race of finding 6 with two real transactions at once (a pgTAP
 * file runs in one). The rules: docs/access-model.md; the fixes are in the migrations of
 * the tables they guard (supabase/schema.md shows each table's current rules).
 */

const created: string[] = [];
afterAll(async () => {
	// Trusted path (superuser): the deletion rule applies to API callers only.
	if (created.length) await db.query('delete from items where id = any($1)', [created]);
	await db.query(`delete from invitations where email = 'coordinator@dci-is.demo'`);
	await db.end();
});

async function userId(email: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>('select id from auth.users where email = $1', [
		email
	]);
	return rows[0]!.id;
}

async function adminsOf(organisationId: string): Promise<string[]> {
	const { rows } = await db.query<{ email: string }>(
		`select u.email from memberships m join auth.users u on u.id = m.user_id
		 where m.organisation_id = $1 and m.role = 'admin' order by u.email`,
		[organisationId]
	);
	return rows.map((r) => r.email);
}

describe('finding 2: a coordinator cannot make herself admin of another organisation', () => {
	it('inviting her own address to DCI-NL as admin is refused, so there is nothing to accept', async () => {
		const coordinator = await signedIn('coordinator@dci-is.demo');
		const token_hash = createHash('sha256').update('self-invite').digest('hex');
		const { error } = await coordinator.from('invitations').insert({
			organisation_id: ORG.dciNetherlands,
			email: 'coordinator@dci-is.demo',
			role: 'admin',
			token_hash,
			locale: 'en'
		} as never);
		expect(error?.code).toBe('42501');
		const accepted = await coordinator
			.from('invitations')
			.update({ accepted_at: new Date().toISOString() })
			.eq('token_hash', token_hash)
			.select();
		expect(accepted.data ?? []).toEqual([]);
		expect(await adminsOf(ORG.dciNetherlands)).toEqual(['admin@dci-nl.demo']);
		// So the participants-only litigation of DCI-NL stays out of her reach.
		const { data } = await coordinator
			.from('items')
			.select('id')
			.eq('id', ITEM.participantsLitigation);
		expect(data).toEqual([]);
	});

	it('inviting someone else to an organisation that already has an admin is refused too', async () => {
		const coordinator = await signedIn('coordinator@dci-is.demo');
		const { error } = await coordinator.from('invitations').insert({
			organisation_id: ORG.dciNetherlands,
			email: 'accomplice@example.org',
			role: 'admin',
			token_hash: createHash('sha256').update('accomplice').digest('hex'),
			locale: 'en'
		} as never);
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe(
			'coordinators only invite the first admin of an organisation that has none; its admins invite everyone else'
		);
	});
});

describe('finding 3: plain members of a participant organisation do not read a paper draft', () => {
	it('DCI-NL accepted as participant: its member reads neither the draft nor its versions', async () => {
		const editor = await signedIn('editor@dci-is.demo');
		const item = await editor
			.from('items')
			.insert({
				kind: 'paper',
				owner_organisation_id: ORG.secretariat,
				status: 'draft',
				visibility: 'participants',
				created_by: await userId('editor@dci-is.demo')
			})
			.select('id')
			.single();
		expect(item.error).toBeNull();
		const id = item.data!.id;
		created.push(id);
		expect((await editor.from('papers').insert({ id, original_locale: 'en' })).error).toBeNull();
		expect(
			(
				await editor
					.from('paper_translations')
					.insert({ paper_id: id, locale: 'en', title: 'Draft' })
			).error
		).toBeNull();
		expect(
			(await editor.from('paper_versions').insert({ paper_id: id, number: 1, note: '' })).error
		).toBeNull();
		const invite = await editor.from('item_organisations').insert({
			item_id: id,
			organisation_id: ORG.dciNetherlands,
			role: 'participant',
			state: 'invited'
		});
		expect(invite.error).toBeNull();

		const admin = await signedIn('admin@dci-nl.demo');
		const answer = await admin
			.from('item_organisations')
			.update({ state: 'accepted' })
			.eq('item_id', id)
			.eq('organisation_id', ORG.dciNetherlands)
			.select();
		expect(answer.data).toHaveLength(1);

		const member = await signedIn('member@dci-nl.demo');
		expect((await member.from('items').select('id').eq('id', id)).data).toEqual([]);
		expect((await member.from('paper_versions').select('id').eq('paper_id', id)).data).toEqual([]);
		expect(
			(await member.from('paper_translations').select('title').eq('paper_id', id)).data
		).toEqual([]);
	});
});

describe('finding 7: lead editors cannot write items.published_at', () => {
	it('the co-lead editor of action 001 cannot pin it to the top of the lists', async () => {
		const before = await db.query<{ published_at: Date }>(
			'select published_at from items where id = $1',
			[ITEM.publicAction]
		);
		const coLead = await signedIn('editor@lacode.demo');
		const { error } = await coLead
			.from('items')
			.update({ published_at: '2099-01-01T00:00:00Z' })
			.eq('id', ITEM.publicAction);
		expect(error?.code).toBe('42501');
		const after = await db.query<{ item: Date; action: Date }>(
			`select i.published_at as item, ja.published_at as action
			 from items i join joint_actions ja on ja.id = i.id where i.id = $1`,
			[ITEM.publicAction]
		);
		expect(after.rows[0]!.item).toEqual(before.rows[0]!.published_at);
		expect(after.rows[0]!.action).toEqual(before.rows[0]!.published_at);
	});
});

/** A transaction on its own connection, as an API caller (role authenticated + claims). */
type ApiTransaction = pg.Client & { pid: number };

async function apiTransaction(email: string): Promise<ApiTransaction> {
	const client = new pg.Client({ connectionString: DB_URL });
	await client.connect();
	const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
	await client.query('begin');
	await client.query(
		`select set_config('role', 'authenticated', true),
		set_config('request.jwt.claims', $1, true)`,
		[JSON.stringify({ sub: await userId(email), role: 'authenticated', email })]
	);
	return Object.assign(client, { pid: rows[0]!.pid });
}

const settle = <T>(promise: Promise<T>) =>
	promise.then(
		(value) => ({ value, error: undefined }),
		(error: { code?: string; message?: string }) => ({ value: undefined, error })
	);

/**
 * Resolves once the transaction's statement waits for a lock held by the other one, or
 * once it has finished without waiting (the race then has no guard and the test's
 * assertions fail). Replaces a fixed sleep: on a busy machine 300 ms was sometimes too
 * short for the statement to reach the guard, so the race was not really run.
 */
async function waitingForLock(transaction: ApiTransaction, statement: Promise<unknown>) {
	let finished = false;
	void statement.finally(() => (finished = true));
	for (let polls = 0; polls < 400 && !finished; polls++) {
		const { rows } = await db.query<{ waiting: boolean }>(
			`select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1`,
			[transaction.pid]
		);
		if (rows[0]?.waiting) return;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

describe('finding 6: two admins removing each other at the same moment leave one admin', () => {
	const first = 'admin@dci-nl.demo';
	const second = 'member@dci-nl.demo';

	async function setRoles(firstRole: string, secondRole: string) {
		await db.query(
			`update memberships set role = $1::membership_role
			 where organisation_id = $3 and user_id = (select id from auth.users where email = $2)`,
			[firstRole, first, ORG.dciNetherlands]
		);
		await db.query(
			`update memberships set role = $1::membership_role
			 where organisation_id = $3 and user_id = (select id from auth.users where email = $2)`,
			[secondRole, second, ORG.dciNetherlands]
		);
	}

	const started = new Date();

	afterAll(async () => {
		// Back to the seed: Maarten admin, Emma member, and no trace of these tests in the
		// audit trail (008's coordinator view of it lists the seed's memberships changes).
		await db.query(
			`delete from audit_events where table_name = 'memberships' and organisation_id = $1 and created_at >= $2`,
			[ORG.dciNetherlands, started]
		);
		await db.query(
			`insert into memberships (user_id, organisation_id, role)
			 select id, $1, 'member' from auth.users where email = $2
			 on conflict (user_id, organisation_id) do nothing`,
			[ORG.dciNetherlands, second]
		);
		await setRoles('admin', 'member');
	});

	for (const secondMove of ['demote', 'leave'] as const) {
		it(`one demotes the other while the other ${secondMove === 'demote' ? 'demotes' : 'removes'} the first: the second is refused`, async () => {
			await db.query(
				`insert into memberships (user_id, organisation_id, role)
				 select id, $1, 'member' from auth.users where email = $2
				 on conflict (user_id, organisation_id) do nothing`,
				[ORG.dciNetherlands, second]
			);
			await setRoles('admin', 'admin');
			const a = await apiTransaction(first);
			const b = await apiTransaction(second);
			try {
				await a.query(
					`update memberships set role = 'member'
					 where organisation_id = $1 and user_id = $2`,
					[ORG.dciNetherlands, await userId(second)]
				);
				// The other admin, at the same moment, on the other row.
				const other = settle(
					secondMove === 'demote'
						? b.query(
								`update memberships set role = 'member' where organisation_id = $1 and user_id = $2`,
								[ORG.dciNetherlands, await userId(first)]
							)
						: b.query(`delete from memberships where organisation_id = $1 and user_id = $2`, [
								ORG.dciNetherlands,
								await userId(first)
							])
				);
				// The second statement reaches the guard and waits before the first commits.
				await waitingForLock(b, other);
				await a.query('commit');
				const outcome = await other;
				expect(outcome.error?.code).toBe('23514');
				expect(outcome.error?.message).toBe('an organisation must keep at least one admin');
				await b.query('rollback');
			} finally {
				await a.end();
				await b.end();
			}
			expect(await adminsOf(ORG.dciNetherlands)).toEqual([first]);
		});
	}
});

describe('same class: a PDF added while an organisation signs does not land in the signed version', () => {
	it('the upload waits for the signature, then is refused (PA007)', async () => {
		const greece = '10000000-0000-4000-8000-000000000005';
		const editor = await signedIn('editor@dci-is.demo');
		const item = await editor
			.from('items')
			.insert({
				kind: 'paper',
				owner_organisation_id: ORG.secretariat,
				status: 'draft',
				visibility: 'network',
				created_by: await userId('editor@dci-is.demo')
			})
			.select('id')
			.single();
		const id = item.data!.id;
		created.push(id);
		await editor.from('papers').insert({ id, original_locale: 'en' });
		await editor.from('paper_translations').insert({ paper_id: id, locale: 'en', title: 'Race' });
		const version = await editor
			.from('paper_versions')
			.insert({ paper_id: id, number: 1, note: '' })
			.select('id')
			.single();
		const versionId = version.data!.id;
		const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
		expect(
			(await editor.rpc('open_paper_signature', { paper_id: id, version_id: versionId, deadline }))
				.error
		).toBeNull();
		expect(
			(await editor.rpc('invite_paper_signatories', { paper_id: id, organisation_ids: [greece] }))
				.error
		).toBeNull();
		const { rows } = await db.query<{ id: string }>(
			'select id from paper_signatures where paper_id = $1 and organisation_id = $2',
			[id, greece]
		);

		const signer = await apiTransaction('admin@dci-greece.demo');
		const uploader = await apiTransaction('editor@dci-is.demo');
		try {
			await signer.query(`select public.decide_paper_signature($1, true, '')`, [rows[0]!.id]);
			const upload = settle(
				uploader.query(
					`insert into paper_files (paper_id, version_id, locale, storage_key, filename, size_bytes, sha256)
					 values ($1, $2, 'fr', $3, 'late.pdf', 100, $4)`,
					[id, versionId, `papers/${id}/late.pdf`, 'a'.repeat(64)]
				)
			);
			await waitingForLock(uploader, upload);
			await signer.query('commit');
			const outcome = await upload;
			expect(outcome.error?.code).toBe('PA007');
			await uploader.query('rollback');
		} finally {
			await signer.end();
			await uploader.end();
		}
		const files = await db.query('select 1 from paper_files where paper_id = $1', [id]);
		expect(files.rows).toHaveLength(0);
	});
});

describe('same class: an invitation answered while the item is being archived', () => {
	afterAll(async () => {
		// Back to the seed: the CODE's draft, the Kinderrechtencoalitie's request open.
		await db.query(`update items set status = 'draft' where id = $1`, [ITEM.draftByCode]);
		await db.query(
			`update item_organisations set state = 'invited', responded_by = null, responded_at = null
			 where item_id = $1 and organisation_id = $2`,
			[ITEM.draftByCode, ORG.kinderrechtencoalitie]
		);
	});

	it('the answer waits for the archiving, then is refused: an archived item is read-only', async () => {
		const archiver = await apiTransaction('editor@lacode.demo');
		const answerer = await apiTransaction('admin@kinderrechtencoalitie.demo');
		try {
			await archiver.query(`update items set status = 'archived' where id = $1`, [
				ITEM.draftByCode
			]);
			const answer = settle(
				answerer.query(
					`update item_organisations set state = 'accepted' where item_id = $1 and organisation_id = $2`,
					[ITEM.draftByCode, ORG.kinderrechtencoalitie]
				)
			);
			await waitingForLock(answerer, answer);
			await archiver.query('commit');
			const outcome = await answer;
			expect(outcome.error?.code).toBe('42501');
			expect(outcome.error?.message).toBe('an archived item is read-only; restore it first');
			await answerer.query('rollback');
		} finally {
			await archiver.end();
			await answerer.end();
		}
		const { rows } = await db.query<{ state: string }>(
			'select state from item_organisations where item_id = $1 and organisation_id = $2',
			[ITEM.draftByCode, ORG.kinderrechtencoalitie]
		);
		expect(rows[0]!.state).toBe('invited');
	});
});

describe('finding 9 through the edit pages: what others recorded keeps the item', () => {
	const paper005 = '30000000-0000-4000-8000-000000000005';
	const event203 = '30000000-0000-4000-8000-000000000203';

	async function refusal(run: () => Promise<unknown>) {
		try {
			await run();
		} catch (caught) {
			return caught as PostgrestError;
		}
		throw new Error('the change was accepted');
	}

	it('the Secretariat cannot set paper 005 (signed by DEI-Belgique) back to draft: a translated message', async () => {
		const editor = await signedIn('editor@dci-is.demo');
		const error = await refusal(() => items.setStatus(editor, paper005, 'draft'));
		expect(error.code).toBe('PA009');
		expect(paperErrorKey(error)).toBe('papers:error_signed_kept');
		const { rows } = await db.query('select status from items where id = $1', [paper005]);
		expect(rows[0].status).toBe('published');
	});

	it('DCI-NL cannot set event 203 (people registered) back to draft: a translated message', async () => {
		const admin = await signedIn('admin@dci-nl.demo');
		const error = await refusal(() => items.setStatus(admin, event203, 'draft'));
		expect(error.code).toBe('EV008');
		expect(dbErrorKey(error)).toBe('events:error_has_registrations');
		const { rows } = await db.query('select status from items where id = $1', [event203]);
		expect(rows[0].status).toBe('published');
	});
});
