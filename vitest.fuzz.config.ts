import { defineConfig } from 'vitest/config';

/**
 * The property-based fuzz of the built app (tests/fuzz): against `node build` on its own port
 * and the local stack, whose database it resets first.
 */
export default defineConfig({
	test: {
		include: ['tests/fuzz/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 300_000,
		hookTimeout: 120_000
	}
});
