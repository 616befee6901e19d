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

/** How long one request may take (a 25 MB PUT over a slow link included). */
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * A refusal or failure of the S3 service, with S3's own error code (`SignatureDoesNotMatch`,
 * `NoSuchBucket`, …) and what to check. A server that cannot be reached keeps "fetch failed"
 * and its cause, which the app reports as unavailable rather than as a bug.
 */
export class S3Error extends Error {
	constructor(
		message: string,
		readonly status: number | null,
		readonly s3Code: string | null,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'S3Error';
	}
}

/** What to check for an S3 error code that means the settings are wrong. */
const SETTING_HINTS: Record<string, string> = {
	SignatureDoesNotMatch: 'check STORAGE_S3_SECRET_ACCESS_KEY (and STORAGE_S3_REGION)',
	InvalidAccessKeyId: 'check STORAGE_S3_ACCESS_KEY_ID',
	AccessDenied: 'check that the key may read and write the bucket',
	NoSuchBucket: 'check STORAGE_S3_BUCKET, or create the bucket',
	AuthorizationHeaderMalformed: 'check STORAGE_S3_REGION'
};

/** S3's XML error body → its code and message (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). */
function parseError(body: string): { code: string | null; message: string | null } {
	const field = (name: string) =>
		new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1]?.trim() || null;
	return { code: field('Code'), message: field('Message') };
}

/** Objects in one bucket of an S3-compatible service, path-style addressing. */
export class S3Storage implements FileStorage {
	constructor(private readonly config: S3Config) {}

	private async send(
		method: string,
		path: string,
		{ body, contentType, query }: { body?: Uint8Array; contentType?: string; query?: string } = {}
	) {
		const base = this.config.endpoint.replace(/\/$/, '');
		const url = new URL(`${base}/${this.config.bucket}${path}${query ? `?${query}` : ''}`);
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
		try {
			return await fetch(url, {
				method,
				headers: { ...sent, authorization },
				// The caller's bytes as they are (no 25 MB copy); they never sit on a SharedArrayBuffer.
				body: body as Uint8Array<ArrayBuffer> | undefined,
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
			});
		} catch (cause) {
			const reason = cause instanceof Error ? cause.message : String(cause);
			throw new S3Error(
				`S3 ${method} ${this.config.bucket}${path}: ${url.origin} cannot be reached (${reason})`,
				null,
				null,
				{ cause }
			);
		}
	}

	/** An S3Error for a refused request, naming S3's code and the setting to check. */
	private async refusal(method: string, key: string, response: Response): Promise<S3Error> {
		const { code, message } = parseError(await response.text().catch(() => ''));
		const hint = code && SETTING_HINTS[code] ? `; ${SETTING_HINTS[code]}` : '';
		return new S3Error(
			`S3 ${method} ${this.config.bucket}/${key}: ${response.status} ${code ?? response.statusText}` +
				`${message ? ` (${message})` : ''}${hint}`,
			response.status,
			code
		);
	}

	async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
		assertValidKey(key);
		const response = await this.send('PUT', `/${key}`, { body: bytes, contentType });
		if (!response.ok) throw await this.refusal('PUT', key, response);
		await response.body?.cancel();
	}

	async get(key: string): Promise<Uint8Array | null> {
		assertValidKey(key);
		const response = await this.send('GET', `/${key}`);
		if (response.status === 404) {
			await response.body?.cancel();
			return null;
		}
		if (!response.ok) throw await this.refusal('GET', key, response);
		return new Uint8Array(await response.arrayBuffer());
	}

	async delete(key: string): Promise<void> {
		assertValidKey(key);
		const response = await this.send('DELETE', `/${key}`);
		if (!response.ok && response.status !== 404) throw await this.refusal('DELETE', key, response);
		await response.body?.cancel();
	}

	/**
	 * The keys under `prefix` (ListObjectsV2, every page): what an operator or a test counts
	 * to find objects no row points to.
	 */
	async list(prefix: string): Promise<string[]> {
		const keys: string[] = [];
		let token: string | null = null;
		do {
			const query = new URLSearchParams({ 'list-type': '2', prefix });
			if (token) query.set('continuation-token', token);
			const response = await this.send('GET', '', { query: query.toString() });
			if (!response.ok) throw await this.refusal('LIST', prefix, response);
			const xml = await response.text();
			for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(unescapeXml(match[1]!));
			token = /<IsTruncated>true<\/IsTruncated>/.test(xml)
				? (/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? null)
				: null;
		} while (token);
		return keys;
	}
}

const unescapeXml = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
