import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, db, ITEM, ORG, signedIn } from './actors';

/**
 * Joint actions through supabase-js → gateway → PostgREST → RLS, against the demo seed.
 * ITEM.participantsLitigation (DCI-NL, published, `participants`: DCI-Belgium accepted,
 * DCI Italy invited) is the action nobody outside may see; ITEM.publicAction (DCI-Belgium,
 * co-led by the CODE, Kinderrechtencoalitie and DCI-NL participants) is the one edited.
 */

// Only words of the participants-only action (its Dutch original and English translation).
const SECRET_WORDS = ['botscans', 'leeftijdsbepaling', 'collarbone'];

type Text = { title: string; summary: string; body: string; updated_by: string | null };
let savedDutchText: Text;
const createdPosts: string[] = [];

beforeAll(async () => {
	const { rows } = await db.query<Text>(
		`select title, summary, body, updated_by from joint_action_translations
		 where action_id = $1 and locale = 'nl'`,
		[ITEM.publicAction]
	);
	savedDutchText = rows[0]!;
});

afterAll(async () => {
	// Put the demo text back as it was (the trigger keeps it current, as it was).
	await db.query(
		`update joint_action_translations set title = $2, summary = $3, body = $4, updated_by = $5
		 where action_id = $1 and locale = 'nl'`,
		[
			ITEM.publicAction,
			savedDutchText.title,
			savedDutchText.summary,
			savedDutchText.body,
			savedDutchText.updated_by
		]
	);
	if (createdPosts.length) {
		await db.query('delete from joint_action_updates where id = any($1::uuid[])', [createdPosts]);
	}
	await db.end();
});

/** Everyone who must not read the participants-only action: anonymous, a section
 * attached to nothing of it, the section invited but not yet accepted, and a member of
 * the owner's co-lead elsewhere who is not attached here. */
async function outsiders() {
	return [
		['anonymous', anonymous()],
		['an outsider section (Greece)', await signedIn('admin@dci-greece.demo')],
		['the invited, not accepted section (Italy)', await signedIn('admin@dci-italia.demo')],
		['a member of an unrelated partner (the CODE)', await signedIn('member@lacode.demo')]
	] as const;
}

describe('a participants-only joint action does not leak', () => {
	it('is not read by id, nor its texts', async () => {
		for (const [who, client] of await outsiders()) {
			const action = await client
				.from('joint_actions')
				.select('*')
				.eq('id', ITEM.participantsLitigation);
			expect(action.error, who).toBeNull();
			expect(action.data, who).toEqual([]);
			const texts = await client
				.from('joint_action_translations')
				.select('locale, title')
				.eq('action_id', ITEM.participantsLitigation);
			expect(texts.error, who).toBeNull();
			expect(texts.data, who).toEqual([]);
		}
	});

	it('is not found by search, even with its own words', async () => {
		for (const [who, client] of await outsiders()) {
			for (const query of SECRET_WORDS) {
				const { data, error } = await client.rpc('search_items', { query, kind: 'joint_action' });
				expect(error, `${who} / ${query}`).toBeNull();
				expect(
					data!.map((row) => row.item_id),
					`${who} / ${query}`
				).not.toContain(ITEM.participantsLitigation);
			}
		}
	});

	it('does not come through embedded relations', async () => {
		for (const [who, client] of await outsiders()) {
			const viaItems = await client
				.from('items')
				.select('id, joint_actions(id, joint_action_translations(title))')
				.eq('id', ITEM.participantsLitigation);
			expect(viaItems, who).toMatchObject({ error: null, data: [] });

			// The owner's organisation page, down to the texts of its actions.
			const viaOrganisation = await client
				.from('organisations')
				.select(
					'id, item_organisations(item_id, items(id, joint_actions(id, joint_action_translations(title))))'
				)
				.eq('id', ORG.dciNetherlands);
			expect(viaOrganisation.error, who).toBeNull();
			const serialised = JSON.stringify(viaOrganisation.data);
			expect(serialised, who).not.toContain(ITEM.participantsLitigation);
			expect(serialised, who).not.toMatch(/botscans/i);

			// From the text side up to the action and its item.
			const viaTexts = await client
				.from('joint_action_translations')
				.select('title, joint_actions(id, items(id))')
				.ilike('title', '%botscan%');
			expect(viaTexts, who).toMatchObject({ error: null, data: [] });
		}
	});

	it('has no readable timeline', async () => {
		for (const [who, client] of await outsiders()) {
			const byAction = await client
				.from('joint_action_updates')
				.select('id, body')
				.eq('action_id', ITEM.participantsLitigation);
			expect(byAction.error, who).toBeNull();
			expect(byAction.data, who).toEqual([]);
			const byOrganisation = await client
				.from('joint_action_updates')
				.select('action_id')
				.eq('organisation_id', ORG.dciNetherlands);
			expect(byOrganisation.error, who).toBeNull();
			expect(
				byOrganisation.data!.map((p) => p.action_id),
				who
			).not.toContain(ITEM.participantsLitigation);
		}
		const { rows } = await db.query('select 1 from joint_action_updates where action_id = $1', [
			ITEM.participantsLitigation
		]);
		expect(rows.length).toBeGreaterThan(0); // there is a timeline to hide
	});

	it('the invited section sees its invitation, not the action', async () => {
		const italy = await signedIn('admin@dci-italia.demo');
		const invitation = await italy
			.from('item_organisations')
			.select('role, state')
			.eq('item_id', ITEM.participantsLitigation)
			.eq('organisation_id', ORG.dciItalia);
		expect(invitation.data).toEqual([{ role: 'participant', state: 'invited' }]);
		const action = await italy
			.from('joint_actions')
			.select('id')
			.eq('id', ITEM.participantsLitigation);
		expect(action.data).toEqual([]);
	});
});

describe('a participating organisation reads but does not edit', () => {
	it('a member of an accepted participant reads the action, its texts, timeline and search hit', async () => {
		const member = await signedIn('member@dei-belgique.demo');
		const action = await member
			.from('joint_actions')
			.select('id, original_locale, joint_action_translations(locale)')
			.eq('id', ITEM.participantsLitigation)
			.single();
		expect(action.error).toBeNull();
		expect(action.data!.original_locale).toBe('nl');
		expect(action.data!.joint_action_translations.map((t) => t.locale).sort()).toEqual([
			'en',
			'nl'
		]);
		const timeline = await member
			.from('joint_action_updates')
			.select('id')
			.eq('action_id', ITEM.participantsLitigation);
		expect(timeline.data!.length).toBeGreaterThan(0);
		const found = await member.rpc('search_items', { query: 'botscans', kind: 'joint_action' });
		expect(found.data!.map((r) => r.item_id)).toContain(ITEM.participantsLitigation);
	});

	it('an editor of a co-lead updates a translation; editors of participants cannot', async () => {
		const marker = `Een kind sluit je niet op (test ${Date.now()})`;
		for (const email of ['editor@kinderrechtencoalitie.demo', 'admin@dci-nl.demo']) {
			const participant = await signedIn(email);
			const result = await participant
				.from('joint_action_translations')
				.update({ title: marker })
				.eq('action_id', ITEM.publicAction)
				.eq('locale', 'nl')
				.select();
			expect(result, email).toMatchObject({ error: null, data: [] });
		}
		let { rows } = await db.query<{ title: string }>(
			`select title from joint_action_translations where action_id = $1 and locale = 'nl'`,
			[ITEM.publicAction]
		);
		expect(rows[0]!.title).toBe(savedDutchText.title);

		const coLead = await signedIn('editor@lacode.demo');
		const { data, error } = await coLead
			.from('joint_action_translations')
			.update({ title: marker, source_revision: 1 })
			.eq('action_id', ITEM.publicAction)
			.eq('locale', 'nl')
			.select('title, source_revision, joint_actions(original_revision)');
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
		// Saved → up to date, whatever source_revision the caller sent.
		expect(data![0]!.source_revision).toBe(data![0]!.joint_actions!.original_revision);
		({ rows } = await db.query<{ title: string }>(
			`select title from joint_action_translations where action_id = $1 and locale = 'nl'`,
			[ITEM.publicAction]
		));
		expect(rows[0]!.title).toBe(marker);
	});

	it('a participant posts on the timeline in its own name only', async () => {
		const participant = await signedIn('admin@dci-nl.demo');
		const own = await participant
			.from('joint_action_updates')
			.insert({
				action_id: ITEM.publicAction,
				organisation_id: ORG.dciNetherlands,
				locale: 'nl',
				body: `Test-update ${Date.now()}`
			})
			.select('id, author_id')
			.single();
		expect(own.error).toBeNull();
		createdPosts.push(own.data!.id);

		const smuggled = await participant.from('joint_action_updates').insert({
			action_id: ITEM.publicAction,
			organisation_id: ORG.deiBelgique,
			locale: 'nl',
			body: 'In naam van een ander'
		});
		expect(smuggled.error?.code).toBe('42501');
	});
});

describe('search by language', () => {
	it('a member of a third organisation finds a Dutch network action by a Dutch word; anonymous does not', async () => {
		const third = await signedIn('admin@dci-greece.demo');
		const found = await third.rpc('search_items', { query: 'jeugdwerker', kind: 'joint_action' });
		expect(found.data!.map((r) => r.item_id)).toEqual([ITEM.networkAction]);
		const anon = await anonymous().rpc('search_items', {
			query: 'jeugdwerker',
			kind: 'joint_action'
		});
		expect(anon.error).toBeNull();
		expect(anon.data).toEqual([]);
	});

	it('a blank query finds nothing', async () => {
		const { data, error } = await anonymous().rpc('search_items', {
			query: '  ',
			kind: 'joint_action'
		});
		expect(error).toBeNull();
		expect(data).toEqual([]);
	});
});

describe('a search page (public.search_page: ranked, filtered and paged in SQL)', () => {
	const ids = (rows: { item_id: string }[] | null) => (rows ?? []).map((row) => row.item_id);

	it('never finds the participants-only action for outsiders, with or without filters', async () => {
		for (const [who, client] of await outsiders()) {
			for (const query of SECRET_WORDS) {
				for (const filters of [{}, { country: 'NL' }, { area: 'legal_actions' }]) {
					const { data, error } = await client.rpc('search_page', {
						query,
						kind: 'joint_action',
						filters
					});
					expect(error, `${who} / ${query}`).toBeNull();
					expect(ids(data), `${who} / ${query}`).not.toContain(ITEM.participantsLitigation);
				}
			}
		}
		const participant = await signedIn('member@dei-belgique.demo');
		const found = await participant.rpc('search_page', {
			query: 'botscans',
			kind: 'joint_action',
			filters: { country: 'NL' }
		});
		expect(ids(found.data)).toEqual([ITEM.participantsLitigation]);
	});

	it('finds a draft only for the editors of its leads', async () => {
		const readers = [
			['anonymous', anonymous(), false],
			['a network member (Greece)', await signedIn('admin@dci-greece.demo'), false],
			['a plain member of the owner (the CODE)', await signedIn('member@lacode.demo'), false],
			['an editor of the owner (the CODE)', await signedIn('editor@lacode.demo'), true]
		] as const;
		for (const [who, client, finds] of readers) {
			const { data, error } = await client.rpc('search_page', {
				query: 'rapport alternatif',
				kind: 'joint_action'
			});
			expect(error, who).toBeNull();
			expect(ids(data).includes(ITEM.draftByCode), who).toBe(finds);
		}
	});

	it('pages are slices of the ranked hits, one more row telling that a next page exists', async () => {
		const member = await signedIn('admin@dci-greece.demo');
		const all = await member.rpc('search_page', {
			query: 'enfants',
			kind: 'joint_action',
			page_limit: 100
		});
		expect(all.error).toBeNull();
		expect(all.data!.length).toBeGreaterThan(3);
		const ranks = all.data!.map((hit) => hit.rank);
		expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
		const first = await member.rpc('search_page', {
			query: 'enfants',
			kind: 'joint_action',
			page_limit: 3
		});
		const second = await member.rpc('search_page', {
			query: 'enfants',
			kind: 'joint_action',
			page_limit: 3,
			page_offset: 2
		});
		expect(ids(first.data)).toEqual(ids(all.data).slice(0, 3));
		expect(ids(second.data)).toEqual(ids(all.data).slice(2, 5));
	});

	it('keeps only the hits that match the list filters', async () => {
		const member = await signedIn('admin@dci-greece.demo');
		const { data, error } = await member.rpc('search_page', {
			query: 'enfants',
			kind: 'joint_action',
			filters: { country: 'BE', area: 'legal_actions' },
			page_limit: 100
		});
		expect(error).toBeNull();
		expect(data!.length).toBeGreaterThan(0);
		const { rows } = await db.query<{ id: string }>(
			`select id from joint_actions where countries @> '{BE}' and areas @> '{legal_actions}'`
		);
		const matching = new Set(rows.map((row) => row.id));
		for (const id of ids(data)) expect(matching.has(id), id).toBe(true);
	});
});
