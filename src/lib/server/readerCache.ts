/**
 * A short-lived, per-reader memo for answers that RLS computes per person and that may be
 * a minute old, such as filter menus. Keyed by the reader (a user id, or `anon` for every
 * visitor, who all see the same rows), so nobody ever gets an answer computed for someone
 * else. In memory, per server process; the oldest entries go first beyond `max`.
 */
export function readerCache<T>({ ttlMs, max }: { ttlMs: number; max: number }) {
	const entries = new Map<string, { value: Promise<T>; expires: number }>();
	return async function cached(
		reader: string,
		compute: () => Promise<T>,
		now = Date.now()
	): Promise<T> {
		const hit = entries.get(reader);
		if (hit && hit.expires > now) return hit.value;
		entries.delete(reader);
		const value = compute();
		entries.set(reader, { value, expires: now + ttlMs });
		// A failed computation is not remembered.
		value.catch(() => entries.delete(reader));
		while (entries.size > max) entries.delete(entries.keys().next().value as string);
		return value;
	};
}
