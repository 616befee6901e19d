import { afterAll, describe, expect, it } from 'vitest';
import type { ActionForm } from '../../src/lib/schemas/jointActions';
import { create } from '../../src/lib/server/jointActions';
import { db, ORG, signedIn } from './actors';

const EDITOR = 'editor@dei-belgique.demo';
const created: string[] = [];

const input: ActionForm = {
	organisation_id: ORG.deiBelgique,
	original_locale: 'fr',
	title: 'Test : action créée par l’API',
	summary: 'Résumé',
	body: '## Contexte\n\nTexte.',
	areas: ['legal_actions'],
	crc_articles: [12, 40],
	countries: ['BE'],
	themes: ['justice'],
	phase: 'planned',
	starts_on: '2027-01-01',
	ends_on: '2027-06-30',
	visibility: 'network',
	intent: 'draft'
};

async function userId(email: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>('select id from auth.users where email = $1', [
		email
	]);
	return rows[0]!.id;
}

async function itemsNamed(title: string): Promise<number> {
	const { rows } = await db.query<{ n: number }>(
		`select count(*)::int as n from items i
		 left join joint_action_translations t on t.action_id = i.id
		 where i.created_by = $1 and (t.title = $2 or t.title is null) and i.created_at > now() - interval '1 hour'`,
		[await userId(EDITOR), title]
	);
	return rows[0]!.n;
}

afterAll(async () => {
	if (created.length > 0) await db.query('delete from items where id = any($1)', [created]);
	await db.end();
});

describe('creating a joint action', () => {
	it('an editor saves a draft with its original text, then publishes another', async () => {
		const editor = await signedIn(EDITOR);
		const id = await create(editor, input);
		created.push(id);
		const { rows } = await db.query(
			`select i.status, i.visibility, j.original_locale, j.crc_articles, t.title
			 from items i join joint_actions j on j.id = i.id
			 join joint_action_translations t on t.action_id = i.id and t.locale = j.original_locale
			 where i.id = $1`,
			[id]
		);
		expect(rows).toEqual([
			{
				status: 'draft',
				visibility: 'network',
				original_locale: 'fr',
				crc_articles: [12, 40],
				title: input.title
			}
		]);
		// Nobody passes who did it: the database stamps the author, the text's editor and the
		// owner attachment from the session.
		const editorId = await userId(EDITOR);
		const stamps = await db.query(
			`select i.created_by, t.updated_by, o.organisation_id, o.role, o.state
			 from items i join joint_action_translations t on t.action_id = i.id
			 join item_organisations o on o.item_id = i.id
			 where i.id = $1`,
			[id]
		);
		expect(stamps.rows).toEqual([
			{
				created_by: editorId,
				updated_by: editorId,
				organisation_id: input.organisation_id,
				role: 'owner',
				state: 'accepted'
			}
		]);

		const published = await create(editor, {
			...input,
			title: 'Publiée',
			intent: 'publish'
		});
		created.push(published);
		const status = await db.query('select status from items where id = $1', [published]);
		expect(status.rows[0]).toEqual({ status: 'published' });
	});

	it('nobody creates one in the name of an organisation they do not edit for', async () => {
		const editor = await signedIn(EDITOR);
		await expect(
			create(editor, {
				...input,
				organisation_id: ORG.code,
				title: 'Usurpée'
			})
		).rejects.toMatchObject({ code: '42501' });
		const { rows } = await db.query(
			`select 1 from items where owner_organisation_id = $1 and created_by = $2`,
			[ORG.code, await userId(EDITOR)]
		);
		expect(rows).toHaveLength(0);
	});

	it('a create is one transaction: content refused after the access record was written leaves no item', async () => {
		const editor = await signedIn(EDITOR);
		const before = await itemsNamed('Bancale');
		// An article number the form would refuse: the database refuses it too (check constraint).
		await expect(
			create(editor, { ...input, title: 'Bancale', crc_articles: [99] })
		).rejects.toMatchObject({ code: '23514' });
		expect(await itemsNamed('Bancale')).toBe(before);
	});
});
