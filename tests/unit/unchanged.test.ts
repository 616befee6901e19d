import { beforeEach, describe, expect, it } from 'vitest';
import { clearKept, kept, MAX_AGE_MS, MAX_SIZE } from '#lib/server/unchanged';

/** A build that counts its calls and gives `value` (or fails with it). */
function counted<T>(value: T, fails = false) {
	const build = async () => {
		build.calls++;
		if (fails) throw new Error(String(value));
		return value;
	};
	build.calls = 0;
	return build;
}

const length = (value: string) => value.length;

describe('kept (answers kept while the data holds still)', () => {
	beforeEach(() => clearKept());

	it('builds once for the same key and data version, and again once the version moves', async () => {
		const build = counted('feed');
		expect(await kept('feed', 'v1', build, length, 0)).toBe('feed');
		expect(await kept('feed', 'v1', build, length, 1000)).toBe('feed');
		expect(build.calls).toBe(1);
		await kept('feed', 'v2', build, length, 2000);
		expect(build.calls).toBe(2);
		// The old version is not kept beside the new one.
		await kept('feed', 'v1', build, length, 3000);
		expect(build.calls).toBe(3);
	});

	it('keeps each key apart', async () => {
		const french = counted('fr');
		const dutch = counted('nl');
		expect(await kept('feed fr', 'v1', french, length, 0)).toBe('fr');
		expect(await kept('feed nl', 'v1', dutch, length, 0)).toBe('nl');
		expect(await kept('feed fr', 'v1', dutch, length, 0)).toBe('fr');
		expect([french.calls, dutch.calls]).toEqual([1, 1]);
	});

	it('builds again after MAX_AGE_MS even if nothing was written (a feed window moves with the clock)', async () => {
		const build = counted('feed');
		await kept('feed', 'v1', build, length, 0);
		await kept('feed', 'v1', build, length, MAX_AGE_MS - 1);
		expect(build.calls).toBe(1);
		await kept('feed', 'v1', build, length, MAX_AGE_MS);
		expect(build.calls).toBe(2);
	});

	it('gives callers that ask at once under the same version one build', async () => {
		const build = counted('feed');
		const answers = await Promise.all([1, 2, 3].map(() => kept('feed', 'v1', build, length, 0)));
		expect(answers).toEqual(['feed', 'feed', 'feed']);
		expect(build.calls).toBe(1);
	});

	it('does not keep a build that failed', async () => {
		const failing = counted('database down', true);
		await expect(kept('feed', 'v1', failing, length, 0)).rejects.toThrow('database down');
		const working = counted('feed');
		expect(await kept('feed', 'v1', working, length, 0)).toBe('feed');
		expect(working.calls).toBe(1);
	});

	it('lets the least recently used entries go beyond MAX_SIZE, and never keeps one too large', async () => {
		const quarter = 'x'.repeat(MAX_SIZE / 4);
		const builds = [0, 1, 2, 3, 4].map(() => counted(quarter));
		for (const [i, build] of builds.entries()) {
			await kept(`feed ${i}`, 'v1', build, length, 0);
			// Feed 0 is used again after each other one: it stays the most recently used.
			await kept('feed 0', 'v1', builds[0]!, length, 0);
		}
		// Five quarters do not fit: the least recently used (feed 1) went, feed 0 stayed.
		await kept('feed 0', 'v1', builds[0]!, length, 0);
		await kept('feed 1', 'v1', builds[1]!, length, 0);
		expect([builds[0]!.calls, builds[1]!.calls]).toEqual([1, 2]);

		const huge = counted('x'.repeat(MAX_SIZE / 4 + 1));
		await kept('huge', 'v1', huge, length, 0);
		await kept('huge', 'v1', huge, length, 0);
		expect(huge.calls).toBe(2);
	});
});
