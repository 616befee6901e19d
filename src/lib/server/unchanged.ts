import type { Client } from './supabase';

/**
 * Answers built from the database alone, kept in this process while the database holds
 * still: a calendar feed is the same bytes for everyone who asks with the same key until
 * something is written, and at 100k items it is 500 events to read and render.
 *
 * An entry is used again only under the data version it was built under
 * (public.data_version: the snapshot, which moves with any transaction that writes), and
 * for at most MAX_AGE_MS, because an answer may depend on the clock too (a feed's window is
 * "the coming year"). Callers that ask at once under the same version share one build.
 * Bounded in size: the least recently used entries go first.
 */
export const MAX_AGE_MS = 60_000;
export const MAX_SIZE = 32 * 1024 * 1024;

interface Entry {
	version: string;
	builtAt: number;
	size: number;
	value: Promise<unknown>;
}

const entries = new Map<string, Entry>();
let used = 0;

/** The database's data version as the caller sees it (one small request). */
export async function dataVersion(supabase: Client): Promise<string> {
	const { data, error } = await supabase.rpc('data_version');
	if (error) throw error;
	return data;
}

function forget(key: string) {
	const entry = entries.get(key);
	if (!entry) return;
	entries.delete(key);
	used -= entry.size;
}

/**
 * The value kept under `key` for this data version, or `build()`'s, kept for the next
 * caller. `size` measures a value (a string's length, say) against MAX_SIZE; a value larger
 * than a quarter of it is not kept. A build that fails is not kept either.
 */
export function kept<T>(
	key: string,
	version: string,
	build: () => Promise<T>,
	size: (value: T) => number,
	now = Date.now()
): Promise<T> {
	const entry = entries.get(key);
	if (entry && entry.version === version && now - entry.builtAt < MAX_AGE_MS) {
		// Most recently used last: eviction starts from the front.
		entries.delete(key);
		entries.set(key, entry);
		return entry.value as Promise<T>;
	}
	forget(key);
	const value = build();
	const fresh: Entry = { version, builtAt: now, size: 0, value };
	entries.set(key, fresh);
	value.then(
		(built) => {
			if (entries.get(key) !== fresh) return;
			fresh.size = size(built);
			if (fresh.size > MAX_SIZE / 4) return forget(key);
			used += fresh.size;
			for (const oldest of entries.keys()) {
				if (used <= MAX_SIZE) break;
				forget(oldest);
			}
		},
		() => {
			if (entries.get(key) === fresh) entries.delete(key);
		}
	);
	return value;
}

/** `kept` under the caller's current data version. */
export async function whileUnchanged<T>(
	supabase: Client,
	key: string,
	build: () => Promise<T>,
	size: (value: T) => number
): Promise<T> {
	return kept(key, await dataVersion(supabase), build, size);
}

/** Empties the store (tests). */
export function clearKept() {
	entries.clear();
	used = 0;
}
