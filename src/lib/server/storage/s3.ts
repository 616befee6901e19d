import { createHash, createHmac } from 'node:crypto';
import type { FileStorage } from './index';
import { assertValidKey } from './keys';

export interface S3Config {
	/** e.g. https://<project>.supabase.co/storage/v1/s3 or https://s3.eu-west-1.amazonaws.com */
	endpoint: string;
	region: string;
	bucket: string;
	accessKeyId: string;
	secretAccessKey: string;
}

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) =>
	createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding of each path segment, as Signature V4 wants it. */
function encodePath(pathname: string): string {
	return pathname
		.split('/')
		.map((segment) =>
			encodeURIComponent(decodeURIComponent(segment)).replace(
				/[!'()*]/g,
				(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
			)
		)
		.join('/');
}

/**
 * AWS Signature Version 4 for one request (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html).
 * Returns the Authorization header value; `headers` must include host, x-amz-date and
 * x-amz-content-sha256.
 */
export function signV4(input: {
	method: string;
	url: URL;
	headers: Record<string, string>;
	payloadHash: string;
	region: string;
	service: string;
	accessKeyId: string;
	secretAccessKey: string;
}): string {
	const amzDate = input.headers['x-amz-date']!;
	const day = amzDate.slice(0, 8);
	const names = Object.keys(input.headers)
		.map((name) => name.toLowerCase())
		.sort();
	const lower = Object.fromEntries(
		Object.entries(input.headers).map(([name, value]) => [name.toLowerCase(), value.trim()])
	);
	const canonicalHeaders = names.map((name) => `${name}:${lower[name]}\n`).join('');
	const signedHeaders = names.join(';');
	const query = [...input.url.searchParams]
		.map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	const canonicalRequest = [
		input.method,
		encodePath(input.url.pathname),
		query,
		canonicalHeaders,
		signedHeaders,
		input.payloadHash
	].join('\n');
	const scope = `${day}/${input.region}/${input.service}/aws4_request`;
	const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
	const key = hmac(
		hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), input.service),
		'aws4_request'
	);
	const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
	return `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** Objects in one bucket of an S3-compatible service, path-style addressing. */
export class S3Storage implements FileStorage {
	constructor(private readonly config: S3Config) {}

	private async send(method: string, key: string, body?: Uint8Array, contentType?: string) {
		assertValidKey(key);
		const base = this.config.endpoint.replace(/\/$/, '');
		const url = new URL(`${base}/${this.config.bucket}/${key}`);
		const payloadHash = sha256Hex(body ?? '');
		const headers: Record<string, string> = {
			host: url.host,
			'x-amz-date': new Date()
				.toISOString()
				.replace(/[-:]/g, '')
				.replace(/\.\d{3}/, ''),
			'x-amz-content-sha256': payloadHash
		};
		if (contentType) headers['content-type'] = contentType;
		const authorization = signV4({
			method,
			url,
			headers,
			payloadHash,
			region: this.config.region,
			service: 's3',
			accessKeyId: this.config.accessKeyId,
			secretAccessKey: this.config.secretAccessKey
		});
		// fetch sets Host itself from the URL (it was signed above).
		const sent = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'host'));
		return fetch(url, {
			method,
			headers: { ...sent, authorization },
			body: body ? Buffer.from(body) : undefined
		});
	}

	async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
		const response = await this.send('PUT', key, bytes, contentType);
		if (!response.ok) throw new Error(`S3 PUT ${key}: ${response.status} ${await response.text()}`);
	}

	async get(key: string): Promise<Uint8Array | null> {
		const response = await this.send('GET', key);
		if (response.status === 404) return null;
		if (!response.ok) throw new Error(`S3 GET ${key}: ${response.status}`);
		return new Uint8Array(await response.arrayBuffer());
	}

	async delete(key: string): Promise<void> {
		const response = await this.send('DELETE', key);
		if (!response.ok && response.status !== 404)
			throw new Error(`S3 DELETE ${key}: ${response.status}`);
	}
}
