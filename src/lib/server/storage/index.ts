import * as env from '$app/env/private';
import { LocalDiskStorage } from './local';
import { S3Storage } from './s3';

export { assertValidKey } from './keys';

/**
 * Where file bytes live. Only opaque keys are stored in Postgres (paper_files.storage_key);
 * the app hands bytes out only after reading that row as the caller, so RLS decides every
 * download and no public URL exists. Local disk by default; any S3-compatible service
 * (Supabase Storage's S3 endpoint, AWS S3, MinIO…) with STORAGE_DRIVER=s3.
 */
export interface FileStorage {
	put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
	/** The bytes, or null when there is no such object. */
	get(key: string): Promise<Uint8Array | null>;
	delete(key: string): Promise<void>;
}

let storage: FileStorage | undefined;

/** The configured storage, made once per process. */
export function fileStorage(): FileStorage {
	storage ??=
		env.STORAGE_DRIVER === 's3'
			? new S3Storage({
					endpoint: required('STORAGE_S3_ENDPOINT'),
					region: env.STORAGE_S3_REGION || 'us-east-1',
					bucket: required('STORAGE_S3_BUCKET'),
					accessKeyId: required('STORAGE_S3_ACCESS_KEY_ID'),
					secretAccessKey: required('STORAGE_S3_SECRET_ACCESS_KEY')
				})
			: new LocalDiskStorage(env.STORAGE_DIR || '.data/storage', ['supabase/seed-files']);
	return storage;
}

function required(name: string): string {
	const value = env[name];
	if (!value) throw new Error(`${name} must be set when STORAGE_DRIVER=s3`);
	return value;
}
