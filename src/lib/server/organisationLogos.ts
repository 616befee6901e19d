// Organisation logos: an optional PNG, JPEG or WebP image of at most MAX_LOGO_BYTES, kept in
// the file storage (./storage) under logos/<organisation id>/<sha256>.<ext>, its key in
// organisations.logo_path. Who may set it is RLS on organisations (the organisation's admins,
// coordinators), through the caller's client; who may see it is whoever may read the
// organisation (the logo route reads the row as the caller first). SVG is refused: an image
// format that carries scripts has no place on a page anyone can open.
import { createHash } from 'node:crypto';
import type { Client } from './supabase';
import type { FileStorage } from './storage';

/** 512 KB: a logo is shown small; a larger file is a photo or a print file. */
export const MAX_LOGO_BYTES = 512 * 1024;

const FORMATS = {
	png: 'image/png',
	jpg: 'image/jpeg',
	webp: 'image/webp'
} as const;
type Extension = keyof typeof FORMATS;

export type LogoProblem = 'validation:logo_too_large' | 'validation:logo_format';

/** The image format of `bytes` from their signature (never from the name or the browser). */
export function logoFormat(bytes: Uint8Array): Extension | null {
	const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
	if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
	if (starts(0xff, 0xd8, 0xff)) return 'jpg';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
	if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	return null;
}

/** Why `bytes` cannot be a logo (an i18n key), or null. */
export function checkLogo(bytes: Uint8Array): LogoProblem | null {
	if (bytes.length > MAX_LOGO_BYTES) return 'validation:logo_too_large';
	return logoFormat(bytes) ? null : 'validation:logo_format';
}

/** The content type to serve a stored logo with, from its key's extension. */
export function contentTypeOf(key: string): string {
	const extension = key.slice(key.lastIndexOf('.') + 1) as Extension;
	return FORMATS[extension] ?? 'application/octet-stream';
}

/** Stores a checked logo for an organisation; its storage key (not yet on the row). */
export async function store(
	storage: FileStorage,
	organisationId: string,
	bytes: Uint8Array
): Promise<string> {
	const extension = logoFormat(bytes);
	if (!extension) throw new Error('store() needs a checked logo');
	const digest = createHash('sha256').update(bytes).digest('hex');
	const key = `logos/${organisationId}/${digest}.${extension}`;
	await storage.put(key, bytes, FORMATS[extension]);
	return key;
}

/** Removes a stored logo that no row points to (a refused save, a replaced logo). */
export async function discard(storage: FileStorage, key: string | null): Promise<void> {
	if (!key) return;
	try {
		await storage.delete(key);
	} catch (failure) {
		console.error('logos: a logo no row points to stays in storage', key, failure);
	}
}

/** The logo of the organisation `slug` if the caller may read that organisation, or null. */
export async function read(client: Client, storage: FileStorage, slug: string) {
	const { data, error } = await client
		.from('organisations')
		.select('logo_path')
		.eq('slug', slug)
		.maybeSingle();
	if (error) throw error;
	if (!data?.logo_path) return null;
	const bytes = await storage.get(data.logo_path);
	return bytes && { bytes, contentType: contentTypeOf(data.logo_path), key: data.logo_path };
}
