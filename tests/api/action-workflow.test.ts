import { afterAll, describe, expect, it } from 'vitest';
import type { ActionForm } from '../../src/lib/schemas/jointActions';
import * as jointActions from '../../src/lib/server/jointActions';
import { anonymous, db, ORG, signedIn } from './actors';
import * as items from '../../src/lib/server/items';

// The story, through the same service functions the pages call and the real API:
// a French draft, a Dutch-speaking co-lead, its Dutch translation, publication to the network.
const OWNER_EDITOR = 'editor@dei-belgique.demo';
const PARTNER_ADMIN = 'admin@kinderrechtencoalitie.demo';
const PARTNER_EDITOR = 'editor@kinderrechtencoalitie.demo';
const THIRD_MEMBER = 'member@dci-nl.demo';
const WORD = 'speelpleinwerking';

let id = '';

const draft: ActionForm = {
	organisation_id: ORG.deiBelgique,
	original_locale: 'fr',
	title: 'Plaines de jeux accessibles à tous les enfants',
	summary: 'Un inventaire commun des plaines de jeux.',
	body: 'Nous recensons les plaines de jeux inaccessibles.',
	areas: ['research_expertise'],
	crc_articles: [31],
	countries: ['BE'],
	themes: ['jeu'],
	phase: 'planned',
	starts_on: null,
	ends_on: null,
	visibility: 'network',
	intent: 'draft'
};

afterAll(async () => {
	if (id) await db.query('delete from items where id = $1', [id]);
	await db.end();
});

async function translationState() {
	const { rows } = await db.query<{ locale: string; outdated: boolean }>(
		`select t.locale, t.source_revision < j.original_revision as outdated
		 from joint_action_translations t join joint_actions j on j.id = t.action_id
		 where j.id = $1 order by t.locale`,
		[id]
	);
	return Object.fromEntries(rows.map((r) => [r.locale, r.outdated]));
}

describe('a joint action from draft to network, in two languages', () => {
	it('an editor saves a French draft and invites a Dutch-speaking partner as co-lead', async () => {
		const editor = await signedIn(OWNER_EDITOR);
		id = await jointActions.create(editor, draft);
		await items.invite(editor, id, ORG.kinderrechtencoalitie, 'co_lead');
		const { rows } = await db.query(
			`select i.status, i.visibility, i.owner_organisation_id, j.original_locale,
			        array(select io.organisation_id || ':' || io.role || ':' || io.state
			              from item_organisations io where io.item_id = i.id order by io.role) as attached
			 from items i join joint_actions j on j.id = i.id where i.id = $1`,
			[id]
		);
		expect(rows).toEqual([
			{
				status: 'draft',
				visibility: 'network',
				owner_organisation_id: ORG.deiBelgique,
				original_locale: 'fr',
				attached: [
					`${ORG.deiBelgique}:owner:accepted`,
					`${ORG.kinderrechtencoalitie}:co_lead:invited`
				]
			}
		]);
	});

	it('the invited partner sees the invitation but not the draft until its admin accepts', async () => {
		const partnerEditor = await signedIn(PARTNER_EDITOR);
		const before = await partnerEditor.from('joint_actions').select('id').eq('id', id);
		expect(before).toMatchObject({ error: null, data: [] });
		// Only the partner's admin answers in its name; its editor cannot.
		await expect(
			items.answerInvitation(partnerEditor, id, ORG.kinderrechtencoalitie, true)
		).rejects.toMatchObject({ code: '42501' });
		await items.answerInvitation(
			await signedIn(PARTNER_ADMIN),
			id,
			ORG.kinderrechtencoalitie,
			true
		);
		const after = await partnerEditor.from('joint_actions').select('id').eq('id', id);
		expect(after.data).toEqual([{ id }]);
	});

	it("the partner's editor adds the Dutch translation; it is up to date", async () => {
		const partnerEditor = await signedIn(PARTNER_EDITOR);
		await jointActions.saveText(partnerEditor, id, 'nl', {
			title: 'Toegankelijke speelpleinen voor alle kinderen',
			summary: 'Een gezamenlijke inventaris van de speelpleinen.',
			body: `We brengen de ontoegankelijke speelpleinen en de ${WORD} in kaart.`
		});
		expect(await translationState()).toEqual({ fr: false, nl: false });
	});

	it('nobody but the owner publishes; then a member of a third organisation finds it by a Dutch word', async () => {
		await expect(
			items.setStatus(await signedIn(PARTNER_EDITOR), id, 'published')
		).rejects.toMatchObject({
			code: '42501',
			message: 'only editors of the owner organisation can publish, archive or change visibility'
		});
		expect((await db.query('select status from items where id = $1', [id])).rows).toEqual([
			{ status: 'draft' }
		]);
		await items.setStatus(await signedIn(OWNER_EDITOR), id, 'published');

		const third = await signedIn(THIRD_MEMBER);
		const found = await third.rpc('search_items', { query: WORD, kind: 'joint_action' });
		expect(found.data?.map((hit) => hit.item_id)).toContain(id);
		const visitor = await anonymous().rpc('search_items', { query: WORD, kind: 'joint_action' });
		expect(visitor.error).toBeNull();
		expect(visitor.data?.map((hit) => hit.item_id)).not.toContain(id);
	});

	it('editing the French original marks the Dutch translation outdated', async () => {
		await jointActions.saveText(await signedIn(OWNER_EDITOR), id, 'fr', {
			title: draft.title,
			summary: draft.summary,
			body: `${draft.body} Nouvelle section sur les quartiers.`
		});
		expect(await translationState()).toEqual({ fr: false, nl: true });
	});

	it('a participating organisation reads but does not edit; an outsider does neither', async () => {
		const ownerEditor = await signedIn(OWNER_EDITOR);
		// Participants only: a network action would be readable by every member organisation.
		const narrowed = await ownerEditor
			.from('items')
			.update({ visibility: 'participants' })
			.eq('id', id)
			.select('id');
		expect(narrowed).toMatchObject({ error: null, data: [{ id }] });
		await items.invite(ownerEditor, id, ORG.dciNetherlands, 'participant');
		await items.answerInvitation(await signedIn('admin@dci-nl.demo'), id, ORG.dciNetherlands, true);
		const participant = await signedIn('admin@dci-nl.demo');
		await expect(
			jointActions.saveText(participant, id, 'en', {
				title: 'Accessible playgrounds',
				summary: '',
				body: ''
			})
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			jointActions.saveDetails(participant, id, {
				areas: ['legal_actions'],
				crc_articles: [],
				countries: [],
				themes: [],
				phase: 'completed',
				starts_on: null,
				ends_on: null
			})
		).rejects.toMatchObject({ code: '42501' });
		expect((await participant.from('joint_actions').select('id').eq('id', id)).data).toEqual([
			{ id }
		]);

		// DCI Greece is in the network but not attached.
		const outsider = await signedIn('admin@dci-greece.demo');
		const read = await outsider.from('joint_actions').select('id').eq('id', id);
		expect(read).toMatchObject({ error: null, data: [] });
		await expect(
			jointActions.saveText(outsider, id, 'en', {
				title: 'Accessible playgrounds',
				summary: '',
				body: ''
			})
		).rejects.toMatchObject({ code: '42501' });
		const { rows } = await db.query(
			`select locale from joint_action_translations where action_id = $1 order by locale`,
			[id]
		);
		expect(rows).toEqual([{ locale: 'fr' }, { locale: 'nl' }]);
	});

	it('attached organisations post on the timeline in their own name only', async () => {
		const partnerEditor = await signedIn(PARTNER_EDITOR);
		await jointActions.postUpdate(
			partnerEditor,
			id,
			ORG.kinderrechtencoalitie,
			'nl',
			'Eerste telling klaar.'
		);
		await expect(
			jointActions.postUpdate(partnerEditor, id, ORG.deiBelgique, 'nl', 'In naam van een ander.')
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			jointActions.postUpdate(
				await signedIn('admin@dci-italia.demo'),
				id,
				ORG.dciItalia,
				'en',
				'Hello'
			)
		).rejects.toMatchObject({ code: '42501' });
	});

	it('an archived action is read-only', async () => {
		const ownerEditor = await signedIn(OWNER_EDITOR);
		await items.setStatus(ownerEditor, id, 'archived');
		await expect(
			jointActions.saveText(ownerEditor, id, 'fr', {
				title: 'Changement tardif',
				summary: '',
				body: ''
			})
		).rejects.toMatchObject({
			code: '42501',
			message: 'new row violates row-level security policy for table "joint_action_translations"'
		});
		const { rows } = await db.query(
			`select title from joint_action_translations where action_id = $1 and locale = 'fr'`,
			[id]
		);
		expect(rows[0]).toEqual({ title: draft.title });
	});
});
