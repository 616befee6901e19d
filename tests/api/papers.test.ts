import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, db, ORG, signedIn } from './actors';

/**
 * Position papers through supabase-js → gateway → PostgREST → RLS: a file's metadata row
 * (the only way to its storage key) does not leak to outsiders, and only the admins of an
 * organisation asked to co-sign answer in its name, before the deadline. The papers are
 * created behind the API (DCI-Belgium's, by Lotte) and removed afterwards; signature is
 * opened and organisations are invited through the API as Lotte.
 */
const LOTTE = '20000000-0000-4000-8000-000000000003';
const createdItems: string[] = [];

afterAll(async () => {
	if (createdItems.length) {
		// Content, versions, files and signatures cascade from the item.
		await db.query('delete from items where id = any($1::uuid[])', [createdItems]);
	}
	await db.end();
});

/** A paper of DCI-Belgium with version 1 and a French and an English file row. */
async function createPaper(visibility: 'public' | 'participants') {
	const { rows } = await db.query<{ id: string }>(
		`insert into items (kind, owner_organisation_id, status, visibility, created_by)
		 values ('paper', $1, 'published', $2, $3) returning id`,
		[ORG.deiBelgique, visibility, LOTTE]
	);
	const id = rows[0]!.id;
	createdItems.push(id);
	await db.query(`insert into papers (id, original_locale) values ($1, 'fr')`, [id]);
	await db.query(
		`insert into paper_translations (paper_id, locale, title) values ($1, 'fr', 'Note de test API')`,
		[id]
	);
	const version = await db.query<{ id: string }>(
		`insert into paper_versions (paper_id, created_by) values ($1, $2) returning id`,
		[id, LOTTE]
	);
	const versionId = version.rows[0]!.id;
	const files = await db.query<{ id: string; locale: string }>(
		`insert into paper_files (paper_id, version_id, locale, storage_key, filename, size_bytes, sha256)
		 select $1::uuid, $2::uuid, l, 'papers/' || $1::text || '/' || l || '.pdf', 'note-' || l || '.pdf', 1000, repeat('a', 64)
		 from unnest(array['fr', 'en']) as l
		 returning id, locale`,
		[id, versionId]
	);
	const fileId = Object.fromEntries(files.rows.map((r) => [r.locale, r.id])) as Record<
		'fr' | 'en',
		string
	>;
	return { id, versionId, fileId };
}

async function signatureId(paperId: string, organisationId: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		'select id from paper_signatures where paper_id = $1 and organisation_id = $2',
		[paperId, organisationId]
	);
	return rows[0]!.id;
}

describe('paper files do not leak', () => {
	let open: Awaited<ReturnType<typeof createPaper>>;
	let closed: Awaited<ReturnType<typeof createPaper>>;

	beforeAll(async () => {
		open = await createPaper('public');
		closed = await createPaper('participants');
	});

	it('an outsider gets no row for a participants paper’s file, by id or by its paper', async () => {
		// Emma (member of DCI-NL) is in the network, but DCI-NL is not attached to the paper.
		const emma = await signedIn('member@dci-nl.demo');
		const byId = await emma.from('paper_files').select('storage_key').eq('id', closed.fileId.en);
		expect(byId.error).toBeNull();
		expect(byId.data).toEqual([]);
		const byPaper = await emma.from('paper_files').select('storage_key').eq('paper_id', closed.id);
		expect(byPaper.data).toEqual([]);
		const rpc = await emma.rpc('paper_file_for_download', { file_id: closed.fileId.en });
		expect(rpc.error).toBeNull();
		expect(rpc.data).toEqual([]);

		const anon = await anonymous()
			.from('paper_files')
			.select('storage_key')
			.eq('id', closed.fileId.fr);
		expect(anon.data).toEqual([]);
	});

	it('nor through an embedding, nor by pairing a readable paper’s id with the file id', async () => {
		const emma = await signedIn('member@dci-nl.demo');
		const embedded = await emma
			.from('paper_versions')
			.select('id, paper_files(storage_key)')
			.eq('id', closed.versionId);
		expect(embedded.error).toBeNull();
		expect(embedded.data).toEqual([]);
		const mismatch = await emma
			.from('paper_files')
			.select('storage_key')
			.eq('paper_id', open.id)
			.eq('id', closed.fileId.en);
		expect(mismatch.data).toEqual([]);
		expect(JSON.stringify([embedded, mismatch])).not.toContain(closed.id);
	});

	it('the public paper’s files are read by anyone (the checks above can fail)', async () => {
		const { data } = await anonymous()
			.from('paper_files')
			.select('locale, storage_key')
			.eq('paper_id', open.id)
			.order('locale');
		expect(data).toEqual([
			{ locale: 'en', storage_key: `papers/${open.id}/en.pdf` },
			{ locale: 'fr', storage_key: `papers/${open.id}/fr.pdf` }
		]);
	});

	it('a file row cannot be written by an outsider, nor point into another paper’s folder', async () => {
		const outsider = await signedIn('admin@dci-italia.demo');
		const foreign = await outsider.from('paper_files').insert({
			paper_id: open.id,
			version_id: open.versionId,
			locale: 'de',
			storage_key: `papers/${open.id}/de.pdf`,
			filename: 'x.pdf',
			size_bytes: 10,
			sha256: 'a'.repeat(64)
		});
		expect(foreign.error?.code).toBe('42501');
		const lotte = await signedIn('editor@dei-belgique.demo');
		const pointing = await lotte.from('paper_files').insert({
			paper_id: open.id,
			version_id: open.versionId,
			locale: 'de',
			storage_key: `papers/${closed.id}/en.pdf`,
			filename: 'x.pdf',
			size_bytes: 10,
			sha256: 'a'.repeat(64)
		});
		expect(pointing.error?.code).toBe('23514');
	});
});

describe('co-signature', () => {
	let paper: Awaited<ReturnType<typeof createPaper>>;

	beforeAll(async () => {
		paper = await createPaper('public');
		const lotte = await signedIn('editor@dei-belgique.demo');
		const deadline = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString();
		const opened = await lotte.rpc('open_paper_signature', {
			paper_id: paper.id,
			version_id: paper.versionId,
			deadline
		});
		expect(opened.error).toBeNull();
		const invited = await lotte.rpc('invite_paper_signatories', {
			paper_id: paper.id,
			organisation_ids: [ORG.code, ORG.kinderrechtencoalitie, ORG.dciNetherlands, ORG.dciItalia]
		});
		expect(invited.error).toBeNull();
		expect(invited.data).toBe(4);
	});

	it('an editor of the invited organisation cannot sign for it', async () => {
		const julien = await signedIn('editor@lacode.demo');
		const { data, error } = await julien.rpc('decide_paper_signature', {
			signature_id: await signatureId(paper.id, ORG.code),
			approve: true
		});
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe(
			'only admins of the organisation asked to sign can sign or decline in its name'
		);
	});

	it('the owner’s admin cannot sign on another organisation’s behalf', async () => {
		const benoit = await signedIn('admin@dei-belgique.demo');
		const { error } = await benoit.rpc('decide_paper_signature', {
			signature_id: await signatureId(paper.id, ORG.code),
			approve: true
		});
		expect(error?.code).toBe('42501');
		const { rows } = await db.query<{ state: string }>(
			'select state from paper_signatures where paper_id = $1 and organisation_id = $2',
			[paper.id, ORG.code]
		);
		expect(rows[0]!.state).toBe('invited');
	});

	it('the admins of two organisations sign, and anyone reads the signatures of the public paper', async () => {
		for (const [email, org] of [
			['admin@lacode.demo', ORG.code],
			['admin@kinderrechtencoalitie.demo', ORG.kinderrechtencoalitie]
		] as const) {
			const admin = await signedIn(email);
			const { data, error } = await admin.rpc('decide_paper_signature', {
				signature_id: await signatureId(paper.id, org),
				approve: true,
				comment: 'Nous co-signons.'
			});
			expect(error, email).toBeNull();
			expect(data, email).toBe('signed');
		}
		const { data } = await anonymous()
			.from('paper_signatures')
			.select('organisation_id, state, organisations(slug), paper_versions(number)')
			.eq('paper_id', paper.id)
			.order('organisation_id');
		expect(data).toEqual([
			{
				organisation_id: ORG.code,
				state: 'signed',
				organisations: { slug: 'code-droits-enfant' },
				paper_versions: { number: 1 }
			},
			{
				organisation_id: ORG.kinderrechtencoalitie,
				state: 'signed',
				organisations: { slug: 'kinderrechtencoalitie' },
				paper_versions: { number: 1 }
			}
		]);
	});

	it('an admin declines; the answer is final and not public', async () => {
		const maarten = await signedIn('admin@dci-nl.demo');
		const id = await signatureId(paper.id, ORG.dciNetherlands);
		const declined = await maarten.rpc('decide_paper_signature', {
			signature_id: id,
			approve: false,
			comment: 'Niet deze keer.'
		});
		expect(declined.data).toBe('declined');
		const again = await maarten.rpc('decide_paper_signature', { signature_id: id, approve: true });
		expect(again.error?.code).toBe('PA004');
		const { data } = await anonymous()
			.from('paper_signatures')
			.select('state')
			.eq('paper_id', paper.id);
		expect(data?.map((r) => r.state)).toEqual(['signed', 'signed']);
		const own = await maarten
			.from('paper_signatures')
			.select('state, comment')
			.eq('paper_id', paper.id)
			.eq('organisation_id', ORG.dciNetherlands);
		expect(own.data).toEqual([{ state: 'declined', comment: 'Niet deze keer.' }]);
	});

	it('nobody signs after the deadline', async () => {
		await db.query(
			`update papers set signature_deadline = now() - interval '1 minute' where id = $1`,
			[paper.id]
		);
		const giulia = await signedIn('admin@dci-italia.demo');
		const { data, error } = await giulia.rpc('decide_paper_signature', {
			signature_id: await signatureId(paper.id, ORG.dciItalia),
			approve: true
		});
		expect(data).toBeNull();
		expect(error?.code).toBe('PA002');
		expect(error?.message).toBe('the signature deadline has passed');
	});
});
