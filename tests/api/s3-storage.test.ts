import { createHash, randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUnavailable } from '../../src/lib/server/errors';
import {
	download,
	FileNotStored,
	MAX_PDF_BYTES,
	removePaperFile,
	uploadPaperFile
} from '../../src/lib/server/paperFiles';
import { S3Error, S3Storage, signV4, type S3Config } from '../../src/lib/server/storage/s3';
import { startComponent, stopComponent } from '../../scripts/stack.mjs';
import {
	S3_ACCESS_KEY_ID,
	S3_BUCKET,
	S3_PORTS,
	S3_REGION,
	S3_SECRET_ACCESS_KEY,
	S3_URL,
	s3Availability,
	waitUntilWritable
} from '../../scripts/stack/seaweedfs.mjs';
import { makePdf } from '../pdf';
import { db, signedIn } from './actors';

/**
 * The S3 adapter against a real S3-compatible server: SeaweedFS, which the stack starts once
 * it is built (`node scripts/stack.mjs build-s3`). Without it this file fails with the reason:
 * a skipped run would prove nothing about S3.
 */

// The Flemish coalition's draft paper, version 1 (a Dutch PDF in the seed, nothing signed).
const PAPER = '30000000-0000-4000-8000-000000000306';
const VERSION = '32000000-0000-4000-8000-000000306001';
const EDITOR = 'editor@kinderrechtencoalitie.demo';

const config: S3Config = {
	endpoint: S3_URL,
	region: S3_REGION,
	bucket: S3_BUCKET,
	accessKeyId: S3_ACCESS_KEY_ID,
	secretAccessKey: S3_SECRET_ACCESS_KEY
};
const storage = new S3Storage(config);
/** Keys of this run, so that runs never see each other's objects. */
const run = `test-runs/${randomUUID()}`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PDF of about `size` bytes (a page whose content stream is padded), accepted by checkPdf. */
function pdfOfSize(size: number): Buffer {
	const small = makePdf('Big').toString('latin1');
	const padding = 'q Q\n'.repeat(Math.ceil((size - small.length) / 4));
	return Buffer.from(small.replace('BT /F1', `${padding}BT /F1`), 'latin1').subarray(0, size);
}

async function rows(): Promise<number> {
	const { rows } = await db.query<{ n: number }>(
		'select count(*)::int as n from paper_files where paper_id = $1',
		[PAPER]
	);
	return rows[0]!.n;
}

/** Creates the bucket (S3 CreateBucket); an existing one of ours is fine. */
async function createBucket(): Promise<void> {
	const url = new URL(`${S3_URL}/${S3_BUCKET}`);
	const payloadHash = sha256(new Uint8Array());
	const headers = {
		host: url.host,
		'x-amz-date': new Date()
			.toISOString()
			.replace(/[-:]/g, '')
			.replace(/\.\d{3}/, ''),
		'x-amz-content-sha256': payloadHash
	};
	const authorization = signV4({
		method: 'PUT',
		url,
		headers,
		payloadHash,
		region: S3_REGION,
		service: 's3',
		accessKeyId: S3_ACCESS_KEY_ID,
		secretAccessKey: S3_SECRET_ACCESS_KEY
	});
	// fetch sets Host itself from the URL.
	const response = await fetch(url, {
		method: 'PUT',
		headers: {
			'x-amz-date': headers['x-amz-date'],
			'x-amz-content-sha256': payloadHash,
			authorization
		}
	});
	const body = await response.text();
	if (!response.ok && !body.includes('BucketAlreadyOwnedByYou')) {
		throw new Error(`CreateBucket ${S3_BUCKET}: ${response.status} ${body}`);
	}
}

/**
 * A TCP relay to SeaweedFS's S3 port that calls `midway` once `after` bytes of a request went
 * through, holding the rest back until it returns: the test knows the server is stopped while
 * a PUT is half sent.
 */
async function relay(after: number, midway: () => Promise<void>) {
	let done: Promise<void> = Promise.resolve();
	const server = net.createServer((client) => {
		const upstream = net.connect(S3_PORTS.s3, '127.0.0.1');
		let forwarded = 0;
		let triggered = false;
		client.on('data', (chunk) => {
			upstream.write(chunk);
			forwarded += chunk.length;
			if (forwarded >= after && !triggered) {
				triggered = true;
				client.pause();
				done = midway().finally(() => client.resume());
			}
		});
		upstream.on('data', (chunk) => client.write(chunk));
		const close = () => {
			client.destroy();
			upstream.destroy();
		};
		for (const socket of [client, upstream]) {
			socket.on('error', close);
			socket.on('close', close);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		/** Resolves once `midway` has run (the upload may fail before it returns). */
		midway: () => done,
		close: () => server.close()
	};
}

beforeAll(async () => {
	const weed = s3Availability();
	if (!weed.available) throw new Error(`SeaweedFS is required by this test: ${weed.reason}`);
	await startComponent('s3');
	await waitUntilWritable();
	await createBucket();
}, 90_000);

afterAll(async () => {
	await db.query(`delete from paper_files where paper_id = $1 and storage_key like 'papers/%'`, [
		PAPER
	]);
	await db.end();
	// The stack's S3 server runs again for whoever comes next.
	await startComponent('s3');
	for (const key of await storage.list(`${run}/`)) await storage.delete(key);
}, 90_000);

describe('the S3 adapter against SeaweedFS', () => {
	it('stores, reads back (byte for byte) and deletes an object', async () => {
		const key = `${run}/small.pdf`;
		const bytes = makePdf('S3');
		await storage.put(key, bytes, 'application/pdf');
		expect(await storage.list(`${run}/`)).toEqual([key]);
		expect(Buffer.from((await storage.get(key))!)).toEqual(bytes);
		await storage.delete(key);
		expect(await storage.get(key)).toBeNull();
		expect(await storage.list(`${run}/`)).toEqual([]);
		// Deleting what is gone is not an error (a retried removal).
		await expect(storage.delete(key)).resolves.toBeUndefined();
	});

	it('stores and reads back a 25 MB object intact', async () => {
		const key = `${run}/large.bin`;
		const bytes = randomBytes(MAX_PDF_BYTES);
		await storage.put(key, bytes, 'application/octet-stream');
		const back = await storage.get(key);
		expect(back?.length).toBe(MAX_PDF_BYTES);
		expect(sha256(back!)).toBe(sha256(bytes));
		await storage.delete(key);
	}, 60_000);

	it('refuses a wrong secret as SignatureDoesNotMatch, naming the setting to check, and stores nothing', async () => {
		const wrong = new S3Storage({ ...config, secretAccessKey: 'not-the-secret' });
		const refused = await wrong.put(`${run}/wrong.pdf`, makePdf('x'), 'application/pdf').then(
			() => null,
			(error: unknown) => error
		);
		expect(refused).toBeInstanceOf(S3Error);
		expect(refused).toMatchObject({ status: 403, s3Code: 'SignatureDoesNotMatch' });
		expect((refused as Error).message).toContain('check STORAGE_S3_SECRET_ACCESS_KEY');
		await expect(wrong.get(`${run}/wrong.pdf`)).rejects.toMatchObject({
			s3Code: 'SignatureDoesNotMatch'
		});
		expect(await storage.list(`${run}/`)).toEqual([]);
	});

	it('refuses an unknown access key as InvalidAccessKeyId', async () => {
		const unknown = new S3Storage({ ...config, accessKeyId: 'nobody' });
		await expect(
			unknown.put(`${run}/x.pdf`, makePdf('x'), 'application/pdf')
		).rejects.toMatchObject({
			s3Code: 'InvalidAccessKeyId',
			message: expect.stringContaining('check STORAGE_S3_ACCESS_KEY_ID')
		});
	});
});

describe('paper files on S3: row and object together', () => {
	it('an editor uploads a 25 MB PDF: one row, one object, read back through RLS, then removed', async () => {
		const editor = await signedIn(EDITOR);
		const before = { rows: await rows(), objects: await storage.list(`papers/${PAPER}/`) };
		const pdf = pdfOfSize(MAX_PDF_BYTES);
		const { id, storageKey } = await uploadPaperFile(editor, storage, {
			paperId: PAPER,
			versionId: VERSION,
			locale: 'fr',
			filename: 'grand.pdf',
			bytes: pdf
		});
		expect(await rows()).toBe(before.rows + 1);
		expect(await storage.list(`papers/${PAPER}/`)).toEqual([...before.objects, storageKey].sort());
		const file = await download(editor, storage, id);
		expect(file?.size_bytes).toBe(MAX_PDF_BYTES);
		expect(sha256(file!.bytes)).toBe(sha256(pdf));
		await removePaperFile(editor, storage, PAPER, id);
		expect(await rows()).toBe(before.rows);
		expect(await storage.list(`papers/${PAPER}/`)).toEqual(before.objects);
	}, 60_000);

	it('the S3 server stopped mid-upload: a clear "unavailable" error, no row, and no object after it is back', async () => {
		const editor = await signedIn(EDITOR);
		const before = { rows: await rows(), objects: await storage.list(`papers/${PAPER}/`) };
		let stopped = false;
		// Stop SeaweedFS (SIGKILL, as a crash) once 5 MB of the 25 MB PUT went through.
		const cut = await relay(5 * 1024 * 1024, async () => {
			stopped = await stopComponent('s3', { signal: 'SIGKILL' });
		});
		try {
			const failed = await uploadPaperFile(
				editor,
				new S3Storage({ ...config, endpoint: cut.endpoint }),
				{
					paperId: PAPER,
					versionId: VERSION,
					locale: 'de',
					filename: 'abgebrochen.pdf',
					bytes: pdfOfSize(MAX_PDF_BYTES)
				}
			).then(
				() => null,
				(error: unknown) => error
			);
			await cut.midway();
			expect(stopped).toBe(true);
			expect(failed).toBeInstanceOf(FileNotStored);
			expect(isUnavailable(failed)).toBe(true);
			expect(await rows()).toBe(before.rows);
		} finally {
			cut.close();
		}
		// The server comes back: the cut-off PUT left no object behind.
		expect(await startComponent('s3')).toBe(true);
		await waitUntilWritable();
		expect(await storage.list(`papers/${PAPER}/`)).toEqual(before.objects);
		expect(await rows()).toBe(before.rows);
	}, 120_000);

	it('the S3 server down before an upload: unavailable, no row; it works again once back', async () => {
		const editor = await signedIn(EDITOR);
		const before = await rows();
		expect(await stopComponent('s3', { signal: 'SIGKILL' })).toBe(true);
		const input = {
			paperId: PAPER,
			versionId: VERSION,
			locale: 'es',
			filename: 'x.pdf',
			bytes: makePdf('x')
		};
		const failed = await uploadPaperFile(editor, storage, input).then(
			() => null,
			(error: unknown) => error
		);
		expect(failed).toBeInstanceOf(FileNotStored);
		expect(isUnavailable(failed)).toBe(true);
		expect(await rows()).toBe(before);
		await startComponent('s3');
		await waitUntilWritable();
		const { id } = await uploadPaperFile(editor, storage, input);
		expect(await rows()).toBe(before + 1);
		await removePaperFile(editor, storage, PAPER, id);
	}, 120_000);
});
