import { describe, expect, it } from 'vitest';
import { readerCache } from '#lib/server/readerCache';

describe('readerCache', () => {
	it('answers each reader with what was computed for that reader, until it expires', async () => {
		const cached = readerCache<string>({ ttlMs: 1000, max: 10 });
		let calls = 0;
		const compute = (value: string) => async () => {
			calls += 1;
			return value;
		};
		expect(await cached('alice', compute('for alice'), 0)).toBe('for alice');
		expect(await cached('bob', compute('for bob'), 10)).toBe('for bob');
		expect(await cached('alice', compute('other'), 500)).toBe('for alice');
		expect(calls).toBe(2);
		expect(await cached('alice', compute('fresh'), 1000)).toBe('fresh');
		expect(calls).toBe(3);
	});

	it('does not remember a failure', async () => {
		const cached = readerCache<string>({ ttlMs: 1000, max: 10 });
		await expect(cached('anon', () => Promise.reject(new Error('down')), 0)).rejects.toThrow(
			'down'
		);
		expect(await cached('anon', async () => 'back', 1)).toBe('back');
	});

	it('keeps at most max readers, dropping the oldest', async () => {
		const cached = readerCache<number>({ ttlMs: 1000, max: 2 });
		await cached('a', async () => 1, 0);
		await cached('b', async () => 2, 0);
		await cached('c', async () => 3, 0);
		expect(await cached('a', async () => 10, 1)).toBe(10);
		expect(await cached('c', async () => 30, 1)).toBe(3);
	});
});
