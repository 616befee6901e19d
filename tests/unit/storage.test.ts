import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertValidKey } from '#lib/server/storage';
import { LocalDiskStorage } from '#lib/server/storage/local';
import { signV4 } from '#lib/server/storage/s3';

describe('storage keys', () => {
	it.each(['../etc/passwd', '/abs/path', 'a//b', 'papers/../../x', 'sp ace', ''])(
		'refuses %j',
		(key) => {
			expect(() => assertValidKey(key)).toThrow(`invalid storage key: ${JSON.stringify(key)}`);
		}
	);

	it('accepts plain relative keys', () => {
		expect(() => assertValidKey('papers/2f1c/9a7b-en.pdf')).not.toThrow();
	});
});

describe('local disk storage', async () => {
	const root = await mkdtemp(path.join(tmpdir(), 'hub-storage-'));
	const seed = await mkdtemp(path.join(tmpdir(), 'hub-seed-'));
	afterAll(async () => {
		await rm(root, { recursive: true, force: true });
		await rm(seed, { recursive: true, force: true });
	});
	const storage = new LocalDiskStorage(root, [seed]);

	it('stores, reads back and deletes, leaving no partial file', async () => {
		const bytes = new TextEncoder().encode('%PDF-1.4 test');
		await storage.put('papers/x/one.pdf', bytes, 'application/pdf');
		expect(await storage.get('papers/x/one.pdf')).toEqual(bytes);
		expect(await readdir(path.join(root, 'papers/x'))).toEqual(['one.pdf']);
		await storage.delete('papers/x/one.pdf');
		expect(await storage.get('papers/x/one.pdf')).toBeNull();
	});

	it('answers null for a missing key, and never reads outside its folders', async () => {
		expect(await storage.get('papers/none.pdf')).toBeNull();
		await expect(storage.get('../secret')).rejects.toThrow('invalid storage key');
	});
});

describe('S3 Signature V4', () => {
	it('matches the GET Object example of the AWS documentation', () => {
		// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (Example: GET Object)
		const emptyHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
		const authorization = signV4({
			method: 'GET',
			url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
			headers: {
				host: 'examplebucket.s3.amazonaws.com',
				range: 'bytes=0-9',
				'x-amz-content-sha256': emptyHash,
				'x-amz-date': '20130524T000000Z'
			},
			payloadHash: emptyHash,
			region: 'us-east-1',
			service: 's3',
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
		});
		expect(authorization).toBe(
			'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
				'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
				'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'
		);
	});
});
