import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list']],
	// Every page state is scanned with axe (tests/e2e/fixtures.ts), which takes its time on a busy
	// machine: stories of 15 s alone take 27-30 s beside the suite on 2 cores, and one passed 60 s
	// in CI. The longest stories set more of their own.
	timeout: 120_000,
	// axe runs inside the page and can hold its main thread for one scan: 4.8 s seen in CI on a
	// busy 2-core machine, while a form's answer waited to be shown. An assertion on the page
	// waits longer than one scan (Playwright's default is 5 s).
	expect: { timeout: 15_000 },
	use: {
		baseURL: `http://localhost:${port}`,
		// Debian's Chromium: never a browser download of Playwright's own.
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update']
		},
		trace: 'retain-on-failure'
	},
	// The built app (adapter-node), as people get it, against the local stack.
	webServer: {
		command: `node scripts/serve.mjs --port ${port}`,
		url: `http://localhost:${port}/en`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
