// The Supabase CLI, built from source like Auth (gobuild.mjs), for one purpose: checking that
// supabase/ is what the README promises, a folder `supabase db push` accepts
// (scripts/check-cli.mjs). Without Docker, only its commands that take --db-url run here.
import { goTool } from './gobuild.mjs';

export const CLI_VERSION = 'v2.104.0';

const cli = goTool({
	title: 'The Supabase CLI',
	version: CLI_VERSION,
	commit: '1d1e7191268e068fe9cb6aba524d1c619a9c727b',
	module: 'github.com/supabase/cli',
	binary: 'supabase',
	sourceEnv: 'SUPABASE_CLI_SOURCE',
	/** sha256 of the upstream `git archive` of apps/cli-go at CLI_VERSION. */
	sourceSha256: 'e62097f915e7eeb9aeb1af688243fbcc025c5e2db8f1b20c59e7d9de5ec61960',
	// apps/cli-go of the tag, exported with `git archive` (shared/vendor/README.md).
	archiveUrl: `https://github.com/supabase/cli/tree/${CLI_VERSION}/apps/cli-go`,
	buildMinutes: 5,
	buildHint: 'node scripts/check-cli.mjs builds it'
});

export const CLI_BIN = cli.bin;

/** { available, bin } or { available: false, reason }; `build` makes a missing binary. */
export const cliAvailability = (options) => cli.availability(options);
