import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translationRequestErrorKey } from '../../src/lib/server/errors';
import * as papers from '../../src/lib/server/papers';
import * as translationRequests from '../../src/lib/server/translationRequests';
import { db, ITEM, ORG, PEOPLE, signedIn } from './actors';

// Issue 16's translation requests through the gateway, PostgREST and RLS, with the server
// module the pages use: DEI Belgique's French paper (network) asks DCI Palestine for German
// (the end-to-end test uses Arabic on the same paper).
const PAPER = ITEM.juvenileJusticePaper;
const ABSTRACT =
	"Position de DEI-Belgique sur le projet d'ordonnance : pas d'enfermement avant 16 ans, des mesures restauratrices d'abord, un avocat spécialisé à chaque étape.";

async function refusal(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (caught) {
		return translationRequestErrorKey(caught);
	}
	return 'no refusal';
}

const inDays = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function reset() {
	await db.query(
		`delete from notifications where item_id = $1 and type::text like 'translation_request%' and data ->> 'locale' = 'de'`,
		[PAPER]
	);
	await db.query(`delete from translation_requests where item_id = $1 and locale = 'de'`, [PAPER]);
	await db.query(`delete from paper_translations where paper_id = $1 and locale = 'de'`, [PAPER]);
	await db.query(
		`update paper_translations set abstract = $2 where paper_id = $1 and locale = 'fr' and abstract <> $2`,
		[PAPER, ABSTRACT]
	);
}

beforeAll(reset);
afterAll(async () => {
	await reset();
	await db.end();
});

describe('translation requests', () => {
	it('are asked by the owner’s editors only, with a translated message for each refusal', async () => {
		const owner = await signedIn(PEOPLE.editor.email);
		const member = await signedIn(PEOPLE.member.email);
		const stranger = await signedIn(PEOPLE.codeEditor.email);
		const ask = { organisationId: ORG.dciPalestine, dueOn: inDays(20), message: 'Bitte!' };

		expect(await refusal(translationRequests.ask(member, PAPER, { ...ask, locale: 'de' }))).toBe(
			'errors:forbidden'
		);
		expect(await refusal(translationRequests.ask(stranger, PAPER, { ...ask, locale: 'de' }))).toBe(
			'errors:forbidden'
		);
		expect(await refusal(translationRequests.ask(owner, PAPER, { ...ask, locale: 'fr' }))).toBe(
			'translations:error_original'
		);
		expect(
			await refusal(
				translationRequests.ask(owner, PAPER, { ...ask, locale: 'de', dueOn: inDays(-1) })
			)
		).toBe('validation:deadline_past');
		expect(
			await refusal(
				translationRequests.ask(owner, PAPER, {
					...ask,
					organisationId: ORG.deiBelgique,
					locale: 'de'
				})
			)
		).toBe('translations:error_cannot_ask');

		await translationRequests.ask(owner, PAPER, { ...ask, locale: 'de' });
		expect(await refusal(translationRequests.ask(owner, PAPER, { ...ask, locale: 'de' }))).toBe(
			'translations:error_already_asked'
		);
		const { rows } = await db.query(
			`select requested_by_organisation_id, requested_by, status from translation_requests
			 where item_id = $1 and locale = 'de'`,
			[PAPER]
		);
		expect(rows).toEqual([
			{
				requested_by_organisation_id: ORG.deiBelgique,
				requested_by: PEOPLE.editor.id,
				status: 'requested'
			}
		]);

		// Anyone who reads the paper reads who was asked; nobody else reads the request itself.
		const states = await translationRequests.forItem(
			await signedIn(PEOPLE.dciNlMember.email),
			PAPER
		);
		expect(states.find((r) => r.locale === 'de')).toMatchObject({
			organisation_name: 'Defense for Children International – Palestine',
			due_on: inDays(20)
		});
		expect(
			(await stranger.from('translation_requests').select('id').eq('item_id', PAPER)).data
		).toEqual([]);
	});

	it("are answered by the asked organisation's editors, who then write that language only", async () => {
		const translator = await signedIn(PEOPLE.palestineEditor.email);
		const stranger = await signedIn(PEOPLE.codeEditor.email);
		const inbox = await translationRequests.pending(translator);
		const request = inbox.find((r) => r.item_id === PAPER && r.locale === 'de');
		expect(request).toMatchObject({ kind: 'paper', status: 'requested', message: 'Bitte!' });
		const id = request!.id;

		// The notification reached her, as it reached every editor of DCI Palestine.
		const { rows: notified } = await db.query(
			`select recipient_id from notifications
			 where type = 'translation_requested' and item_id = $1 and data ->> 'locale' = 'de'
			 order by recipient_id`,
			[PAPER]
		);
		expect(notified.map((n) => n.recipient_id)).toEqual([
			PEOPLE.palestineAdmin.id,
			PEOPLE.palestineEditor.id
		]);

		// Before accepting, nothing may be written; another organisation cannot answer.
		expect(
			await refusal(
				translationRequests.saveText(translator, { id: PAPER, kind: 'paper' }, 'de', {
					title: 'Reform'
				})
			)
		).toBe('errors:forbidden');
		expect(await refusal(translationRequests.setStatus(stranger, id, 'accepted'))).toBe(
			'errors:forbidden'
		);
		expect(await translationRequests.getById(stranger, id)).toBeNull();

		await translationRequests.setStatus(translator, id, 'accepted');
		expect(await refusal(translationRequests.setStatus(translator, id, 'declined'))).toBe(
			'translations:error_status'
		);
		await translationRequests.saveText(translator, { id: PAPER, kind: 'paper' }, 'de', {
			title: 'Reform der Jugendjustiz in Brüssel',
			abstract: 'Keine Haft unter 16 Jahren.'
		});
		// Not another language, not the original.
		expect(
			await refusal(
				translationRequests.saveText(translator, { id: PAPER, kind: 'paper' }, 'nl', { title: 'X' })
			)
		).toBe('errors:forbidden');
		expect(
			await refusal(
				translationRequests.saveText(translator, { id: PAPER, kind: 'paper' }, 'fr', { title: 'X' })
			)
		).toBe('errors:forbidden');
		const { rows } = await db.query(
			`select locale, title, updated_by from paper_translations where paper_id = $1 order by locale`,
			[PAPER]
		);
		expect(rows.find((r) => r.locale === 'de')).toEqual({
			locale: 'de',
			title: 'Reform der Jugendjustiz in Brüssel',
			updated_by: PEOPLE.palestineEditor.id
		});
		expect(rows.find((r) => r.locale === 'fr')?.title).not.toBe('X');

		// The asking side is told.
		const { rows: answered } = await db.query(
			`select recipient_id from notifications
			 where type = 'translation_request_answered' and item_id = $1 and data ->> 'locale' = 'de'`,
			[PAPER]
		);
		expect(answered.map((n) => n.recipient_id)).toContain(PEOPLE.editor.id);
	});

	it('shows the translator what changed in the original since, and records the revision reviewed', async () => {
		const owner = await signedIn(PEOPLE.editor.email);
		const translator = await signedIn(PEOPLE.palestineEditor.email);
		await papers.saveText(owner, PAPER, 'fr', {
			title: 'Réforme de la justice des mineurs à Bruxelles',
			abstract: ABSTRACT.replace('16 ans', '14 ans')
		});

		const item = await translationRequests.translatable(translator, PAPER, 'paper');
		const kept = await translationRequests.revisions(translator, PAPER);
		const german = item!.texts.find((t) => t.locale === 'de')!;
		expect(german.source_revision).toBeLessThan(item!.originalRevision);
		const changes = translationRequests.changesSince(item!, kept, german.source_revision);
		const abstract = changes?.find((c) => c.field === 'abstract');
		expect(abstract?.changed).toBe(true);
		expect(abstract?.parts.filter((p) => p.op !== 'equal')).toEqual([
			{ op: 'delete', text: '16' },
			{ op: 'insert', text: '14' }
		]);
		expect(changes?.find((c) => c.field === 'title')?.changed).toBe(false);

		// The paper page's states, from its one request (the revisions and open requests come
		// with the paper).
		const paper = (await papers.getById(translator, PAPER))!;
		const outdated = translationRequests.statesFor(paper, paper.item);
		expect(outdated.find((s) => s.locale === 'de')).toMatchObject({ state: 'outdated' });
		expect(outdated.find((s) => s.locale === 'fr')).toEqual({ locale: 'fr', state: 'original' });

		// Mark as up to date: the text saved as it is.
		await translationRequests.saveText(translator, item!, 'de', german.fields);
		const { rows } = await db.query(
			`select t.source_revision = p.original_revision as current from paper_translations t
			 join papers p on p.id = t.paper_id where t.paper_id = $1 and t.locale = 'de'`,
			[PAPER]
		);
		expect(rows).toEqual([{ current: true }]);
	});

	it('ends when the asking side cancels: the translator writes nothing more', async () => {
		const owner = await signedIn(PEOPLE.editor.email);
		const translator = await signedIn(PEOPLE.palestineEditor.email);
		const ids = await translationRequests.openIds(owner, PAPER);
		const id = ids.get('de')!;
		expect(await refusal(translationRequests.setStatus(translator, id, 'cancelled'))).toBe(
			'translations:error_status'
		);
		await translationRequests.setStatus(owner, id, 'cancelled', PAPER);
		expect(
			await refusal(
				translationRequests.saveText(translator, { id: PAPER, kind: 'paper' }, 'de', {
					title: 'Nach dem Ende'
				})
			)
		).toBe('errors:forbidden');
	});
});
