import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FileStorage } from './index';
import { assertValidKey } from './keys';

/**
 * Files on the local disk under one folder. Extra read-only folders are looked in after it
 * (the demo PDFs shipped in supabase/seed-files), so a fresh stack serves its seed files.
 */
export class LocalDiskStorage implements FileStorage {
	private readonly root: string;
	private readonly readOnly: string[];

	constructor(root: string, readOnlyRoots: string[] = []) {
		this.root = path.resolve(root);
		this.readOnly = readOnlyRoots.map((r) => path.resolve(r));
	}

	private pathOf(root: string, key: string): string {
		assertValidKey(key);
		return path.join(root, key);
	}

	async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
		const target = this.pathOf(this.root, key);
		await mkdir(path.dirname(target), { recursive: true });
		// Write then rename: a reader never sees half a file.
		const temporary = `${target}.${randomUUID()}.partial`;
		await writeFile(temporary, bytes, { flag: 'wx' });
		await rename(temporary, target);
	}

	async get(key: string): Promise<Uint8Array | null> {
		for (const root of [this.root, ...this.readOnly]) {
			try {
				return new Uint8Array(await readFile(this.pathOf(root, key)));
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			}
		}
		return null;
	}

	async delete(key: string): Promise<void> {
		await rm(this.pathOf(this.root, key), { force: true });
	}
}
