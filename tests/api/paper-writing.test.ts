import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperForm } from '../../src/lib/schemas/papers';
import { paperErrorKey } from '../../src/lib/server/errors';
import { download, removePaperFile, uploadPaperFile } from '../../src/lib/server/paperFiles';
import * as papers from '../../src/lib/server/papers';
import { LocalDiskStorage } from '../../src/lib/server/storage/local';
import { anonymous, db, ORG, signedIn } from './actors';
import * as items from '../../src/lib/server/items';

/**
 * The writing side of issue 7's story, through the server functions the pages call, as
 * each actor: an editor of DEI-Belgique creates a paper, uploads a French and an English
 * PDF, asks three organisations to co-sign version 1; two admins sign, one declines; a
 * second version is uploaded and the signatories are asked again; it is published as
 * public and a visitor downloads the English PDF. What each actor must NOT do is checked
 * on the way.
 */
const EDITOR = 'editor@dei-belgique.demo';
const pdf = (text: string) =>
	new TextEncoder().encode(`%PDF-1.4\n% ${text}\ntrailer\n<<>>\n%%EOF\n`);

const root = await mkdtemp(path.join(tmpdir(), 'hub-paper-writing-'));
const storage = new LocalDiskStorage(root);
let paperId = '';

const input: PaperForm = {
	organisation_id: ORG.deiBelgique,
	original_locale: 'fr',
	title: 'Test API : enfants en détention, note commune',
	abstract: 'Résumé de la note.',
	paper_kind: 'position_statement',
	areas: ['lobbying_advocacy'],
	crc_articles: [37],
	countries: ['BE'],
	joint_action_id: null,
	visibility: 'public',
	intent: 'draft'
};

async function userId(email: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>('select id from auth.users where email = $1', [
		email
	]);
	return rows[0]!.id;
}

async function requestFor(client: Awaited<ReturnType<typeof signedIn>>, admin: string) {
	const { rows } = await db.query<{ organisation_id: string }>(
		`select m.organisation_id from memberships m join auth.users u on u.id = m.user_id
		 where u.email = $1 and m.role = 'admin'`,
		[admin]
	);
	const pending = await papers.pendingSignatures(
		client,
		rows.map((r) => r.organisation_id),
		'fr'
	);
	return pending.filter((p) => p.paperId === paperId);
}

async function versions() {
	const { rows } = await db.query<{ id: string; number: number }>(
		'select id, number from paper_versions where paper_id = $1 order by number',
		[paperId]
	);
	return rows;
}

afterAll(async () => {
	if (paperId) await db.query('delete from items where id = $1', [paperId]);
	await db.end();
	await rm(root, { recursive: true, force: true });
});

describe('writing a position paper and having it co-signed', () => {
	const files: Record<string, string> = {};

	beforeAll(async () => {
		const lotte = await signedIn(EDITOR);
		paperId = await papers.create(lotte, input);
	});

	it('the editor’s paper starts as a draft with its original text and an empty version 1', async () => {
		const { rows } = await db.query(
			`select i.status, i.visibility, p.original_locale, p.crc_articles, t.title
			 from items i join papers p on p.id = i.id
			 join paper_translations t on t.paper_id = p.id and t.locale = p.original_locale
			 where i.id = $1`,
			[paperId]
		);
		expect(rows).toEqual([
			{
				status: 'draft',
				visibility: 'public',
				original_locale: 'fr',
				crc_articles: [37],
				title: input.title
			}
		]);
		expect((await versions()).map((v) => v.number)).toEqual([1]);
	});

	it('nobody creates a paper for an organisation they do not edit for, and nothing is left', async () => {
		const julien = await signedIn('editor@lacode.demo');
		await expect(
			papers.create(julien, {
				...input,
				title: 'Usurpée'
			})
		).rejects.toMatchObject({ code: '42501' });
		const { rows } = await db.query(
			`select 1 from items where owner_organisation_id = $1 and created_by = $2`,
			[ORG.deiBelgique, await userId('editor@lacode.demo')]
		);
		expect(rows).toHaveLength(0);
	});

	it('the editor uploads a French and an English PDF to version 1', async () => {
		const lotte = await signedIn(EDITOR);
		const [v1] = await versions();
		for (const locale of ['fr', 'en']) {
			const { id } = await uploadPaperFile(lotte, storage, {
				paperId,
				versionId: v1!.id,
				locale,
				filename: `note-${locale}.pdf`,
				bytes: pdf(`version 1 ${locale}`)
			});
			files[`1${locale}`] = id;
		}
		const paper = await papers.getForEditing(lotte, paperId);
		expect(paper?.files.map((f) => f.locale).sort()).toEqual(['en', 'fr']);
	});

	it('a draft’s file is refused to an outsider and a visitor', async () => {
		for (const client of [await signedIn('admin@dci-italia.demo'), anonymous()]) {
			expect(await download(client, storage, files['1en']!)).toBeNull();
		}
	});

	it('the editor opens version 1 for signature and asks three organisations', async () => {
		const lotte = await signedIn(EDITOR);
		const [v1] = await versions();
		const deadline = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString();
		expect(await papers.openSignature(lotte, paperId, v1!.id, deadline)).toBe(0);
		expect(
			await papers.inviteSignatories(lotte, paperId, [
				ORG.code,
				ORG.kinderrechtencoalitie,
				ORG.dciNetherlands
			])
		).toBe(3);
		// A suspended organisation, or the owner itself, cannot be asked: a clear message.
		const refused = await lotte.rpc('invite_paper_signatories', {
			paper_id: paperId,
			organisation_ids: [ORG.suspended]
		});
		expect(paperErrorKey(refused.error!)).toBe('papers:error_cannot_invite');
	});

	it('the asked organisations’ admins see the request in their inbox; an outsider’s inbox has none', async () => {
		const admin = await signedIn('admin@lacode.demo');
		expect(await requestFor(admin, 'admin@lacode.demo')).toMatchObject([
			{ title: input.title, version: 1, organisation: expect.any(String) }
		]);
		const outsider = await signedIn('admin@dci-italia.demo');
		expect(await requestFor(outsider, 'admin@dci-italia.demo')).toEqual([]);
	});

	it('an editor of an asked organisation cannot sign in its name', async () => {
		const julien = await signedIn('editor@lacode.demo');
		const [request] = await requestFor(await signedIn('admin@lacode.demo'), 'admin@lacode.demo');
		await expect(papers.decide(julien, request!.id, true, '')).rejects.toMatchObject({
			code: '42501'
		});
	});

	it('two admins sign, one declines with a comment', async () => {
		for (const [email, approve] of [
			['admin@lacode.demo', true],
			['admin@kinderrechtencoalitie.demo', true],
			['admin@dci-nl.demo', false]
		] as const) {
			const admin = await signedIn(email);
			const [request] = await requestFor(admin, email);
			expect(await papers.decide(admin, request!.id, approve, approve ? '' : 'Niet nu.')).toBe(
				approve ? 'signed' : 'declined'
			);
			// Answered: no longer in the inbox, and a second answer is refused clearly.
			expect(await requestFor(admin, email)).toEqual([]);
			const again = await admin.rpc('decide_paper_signature', {
				signature_id: request!.id,
				approve: true
			});
			expect(paperErrorKey(again.error!)).toBe('papers:error_already_answered');
		}
		const { rows } = await db.query<{ state: string; n: number }>(
			`select state, count(*)::int as n from paper_signatures where paper_id = $1 group by state order by state`,
			[paperId]
		);
		expect(rows).toEqual([
			{ state: 'signed', n: 2 },
			{ state: 'declined', n: 1 }
		]);
	});

	it('a signed version is frozen: no upload, no removal, and no stray bytes left', async () => {
		const lotte = await signedIn(EDITOR);
		const [v1] = await versions();
		const failed = await uploadPaperFile(lotte, storage, {
			paperId,
			versionId: v1!.id,
			locale: 'nl',
			filename: 'nl.pdf',
			bytes: pdf('late')
		}).catch((caught) => caught);
		expect(paperErrorKey(failed)).toBe('papers:error_version_frozen');
		// The refused upload's bytes were removed: only version 1's two PDFs are stored.
		expect(await readdir(path.join(root, 'papers', paperId))).toHaveLength(2);
		await expect(removePaperFile(lotte, storage, paperId, files['1fr']!)).rejects.toMatchObject({
			code: 'PA007'
		});
		expect(await download(lotte, storage, files['1fr']!)).not.toBeNull();
	});

	it('a second version with new PDFs, opened for signature, asks every signatory again', async () => {
		const lotte = await signedIn(EDITOR);
		const v2 = await papers.addVersion(lotte, paperId, 'Chiffres 2026 mis à jour');
		expect(v2.number).toBe(2);
		for (const locale of ['fr', 'en']) {
			const { id } = await uploadPaperFile(lotte, storage, {
				paperId,
				versionId: v2.id,
				locale,
				filename: `note-v2-${locale}.pdf`,
				bytes: pdf(`version 2 ${locale}`)
			});
			files[`2${locale}`] = id;
		}
		const deadline = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
		expect(await papers.openSignature(lotte, paperId, v2.id, deadline)).toBe(3);
		const admin = await signedIn('admin@dci-nl.demo');
		expect(await requestFor(admin, 'admin@dci-nl.demo')).toMatchObject([{ version: 2 }]);
		// Version 1's answers stay as history.
		const { rows } = await db.query<{ number: number; state: string }>(
			`select v.number, s.state from paper_signatures s join paper_versions v on v.id = s.version_id
			 where s.paper_id = $1 order by v.number, s.state`,
			[paperId]
		);
		expect(rows).toEqual([
			{ number: 1, state: 'signed' },
			{ number: 1, state: 'signed' },
			{ number: 1, state: 'declined' },
			{ number: 2, state: 'invited' },
			{ number: 2, state: 'invited' },
			{ number: 2, state: 'invited' }
		]);
	});

	it('an old request cannot be answered once another version is open', async () => {
		const admin = await signedIn('admin@kinderrechtencoalitie.demo');
		const { rows } = await db.query<{ id: string }>(
			`select s.id from paper_signatures s join paper_versions v on v.id = s.version_id
			 where s.paper_id = $1 and v.number = 1 and s.organisation_id = $2`,
			[paperId, ORG.kinderrechtencoalitie]
		);
		const old = await admin.rpc('decide_paper_signature', {
			signature_id: rows[0]!.id,
			approve: false
		});
		expect(paperErrorKey(old.error!)).toBe('papers:error_not_open_version');
	});

	it('published as public, a visitor downloads the English PDF of version 2', async () => {
		const lotte = await signedIn(EDITOR);
		await items.setStatus(lotte, paperId, 'published');
		const file = await download(anonymous(), storage, files['2en']!);
		expect(file?.locale).toBe('en');
		expect(new TextDecoder().decode(file!.bytes)).toContain('version 2 en');
		// Only the owner's editors publish or archive.
		const julien = await signedIn('editor@lacode.demo');
		await expect(items.setStatus(julien, paperId, 'archived')).rejects.toMatchObject({
			code: '42501'
		});
	});

	it('after closing, nobody signs: a clear message, not a failure', async () => {
		const lotte = await signedIn(EDITOR);
		await papers.closeSignature(lotte, paperId);
		const admin = await signedIn('admin@lacode.demo');
		expect(await requestFor(admin, 'admin@lacode.demo')).toEqual([]);
		const { rows } = await db.query<{ id: string }>(
			`select id from paper_signatures where paper_id = $1 and organisation_id = $2 and state = 'invited'`,
			[paperId, ORG.code]
		);
		const late = await admin.rpc('decide_paper_signature', {
			signature_id: rows[0]!.id,
			approve: true
		});
		expect(paperErrorKey(late.error!)).toBe('papers:error_signature_closed');
		// And only the owner's editors close or open signature.
		const julien = await signedIn('editor@lacode.demo');
		await expect(papers.closeSignature(julien, paperId)).rejects.toMatchObject({ code: '42501' });
	});
});
