import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { download, uploadPaperFile } from '../../src/lib/server/paperFiles';
import type { FileStorage } from '../../src/lib/server/storage';
import { LocalDiskStorage } from '../../src/lib/server/storage/local';
import { anonymous, db, signedIn } from './actors';

// The Flemish coalition's draft paper (network), version 1 has a Dutch PDF and no signatures.
const PAPER = '30000000-0000-4000-8000-000000000306';
const VERSION = '32000000-0000-4000-8000-000000306001';
const PDF = new TextEncoder().encode(
	'%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n'
);

const root = await mkdtemp(path.join(tmpdir(), 'hub-upload-'));
const storage = new LocalDiskStorage(root);

async function storedFiles(): Promise<string[]> {
	try {
		return await readdir(path.join(root, 'papers', PAPER));
	} catch {
		return [];
	}
}

async function rowCount(): Promise<number> {
	const { rows } = await db.query<{ n: number }>(
		'select count(*)::int as n from paper_files where paper_id = $1',
		[PAPER]
	);
	return rows[0]!.n;
}

afterAll(async () => {
	await db.query(`delete from paper_files where paper_id = $1 and storage_key like 'papers/%'`, [
		PAPER
	]);
	await db.end();
	await rm(root, { recursive: true, force: true });
});

describe('uploading a paper PDF never leaves half a file', () => {
	it('an editor of the owner stores bytes and row together, and can read them back', async () => {
		const editor = await signedIn('editor@kinderrechtencoalitie.demo');
		const before = await rowCount();
		const { id, storageKey } = await uploadPaperFile(editor, storage, {
			paperId: PAPER,
			versionId: VERSION,
			locale: 'en',
			filename: 'Child poverty — EN.pdf',
			bytes: PDF
		});
		expect(await rowCount()).toBe(before + 1);
		expect(await storedFiles()).toEqual([path.basename(storageKey)]);
		const file = await download(editor, storage, id);
		expect(file?.bytes).toEqual(PDF);
		expect(file?.filename).toBe('Child-poverty-EN.pdf');
	});

	it('when the row is refused (an outsider), the stored bytes are removed', async () => {
		const outsider = await signedIn('admin@dci-italia.demo');
		const files = await storedFiles();
		const before = await rowCount();
		await expect(
			uploadPaperFile(outsider, storage, {
				paperId: PAPER,
				versionId: VERSION,
				locale: 'es',
				filename: 'x.pdf',
				bytes: PDF
			})
		).rejects.toMatchObject({ code: '42501' });
		expect(await storedFiles()).toEqual(files);
		expect(await rowCount()).toBe(before);
	});

	it('when the row fails after the bytes are stored (a second Dutch file), the bytes are removed', async () => {
		const editor = await signedIn('editor@kinderrechtencoalitie.demo');
		const files = await storedFiles();
		await expect(
			uploadPaperFile(editor, storage, {
				paperId: PAPER,
				versionId: VERSION,
				locale: 'nl',
				filename: 'again.pdf',
				bytes: PDF
			})
		).rejects.toMatchObject({ code: '23505' });
		expect(await storedFiles()).toEqual(files);
	});

	it('when storing the bytes fails, no row is written', async () => {
		const editor = await signedIn('editor@kinderrechtencoalitie.demo');
		const broken: FileStorage = {
			put: () => Promise.reject(new Error('disk full')),
			get: () => Promise.resolve(null),
			delete: () => Promise.resolve()
		};
		const before = await rowCount();
		await expect(
			uploadPaperFile(editor, broken, {
				paperId: PAPER,
				versionId: VERSION,
				locale: 'de',
				filename: 'x.pdf',
				bytes: PDF
			})
		).rejects.toThrow('disk full');
		expect(await rowCount()).toBe(before);
	});

	it('an outsider or a visitor cannot download the draft paper file, even knowing its id', async () => {
		const { rows } = await db.query<{ id: string }>(
			`select id from paper_files where paper_id = $1 and locale = 'nl'`,
			[PAPER]
		);
		const fileId = rows[0]!.id;
		const seedStorage = new LocalDiskStorage(root, ['supabase/seed-files']);
		const member = await signedIn('admin@kinderrechtencoalitie.demo');
		expect(await download(member, seedStorage, fileId)).not.toBeNull();
		for (const client of [await signedIn('admin@dci-italia.demo'), anonymous()]) {
			expect(await download(client, seedStorage, fileId)).toBeNull();
		}
	});
});
