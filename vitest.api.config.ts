import { defineConfig } from 'vitest/config';

/** API-level access tests: supabase-js through the local gateway, PostgREST and Postgres. */
export default defineConfig({
	// The schemas the pages use are imported as they are (#lib, package.json "imports"), to
	// parse test input the same way.
	test: {
		include: ['tests/api/**/*.test.ts'],
		environment: 'node',
		// One database: files run one after another so a file's checks see only its own changes.
		fileParallelism: false,
		testTimeout: 15_000
	}
});
