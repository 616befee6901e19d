// `npm test`: every check the project has, in one run, failing on any failure.
// Static checks → unit tests → (stack up) generated types, database tests, end-to-end tests.
// Brings the local stack up if it is not running and leaves it as it found it (running or not;
// its database is reset to the migrations and demo seed for the run).
// Ends with a line saying what was counted (pgTAP counts assertions, not files) and then one
// line `N passed, N failed[, N skipped]` (tests of every runner, plus one per static check).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ROOT, DATA_DIR } from './stack/config.mjs';
import { reset as resetStack, start as startStack, stop as stopStack } from './stack.mjs';
import { authAvailability } from './stack/auth.mjs';
import { requirePrerequisites } from './prerequisites.mjs';

requirePrerequisites('test');
// npm scripts run the Node of the `node` dev dependency (node_modules/.bin comes first on
// their PATH): Node 24 LTS whatever Node launched npm.
console.log(
	`Node ${process.version} (${path.relative(ROOT, process.execPath) || process.execPath})`
);

const reports = path.join(DATA_DIR, 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
// What the totals are made of: pgTAP counts assertions, the other runners count tests.
const parts = [];
const failures = [];
// The failed tests by name, repeated at the end: a CI log is often read from its tail.
const failedTests = [];
const firstLine = (text) =>
	String(text ?? '')
		.split('\n')
		.find((line) => line.trim()) ?? '';

function run(command, args, env = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', ...env }
		});
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
		child.on('error', () => resolve(127));
	});
}

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

async function step(name, fn) {
	const started = Date.now();
	console.log(`\n▶ ${name}`);
	let ok = false;
	try {
		ok = await fn();
	} catch (error) {
		console.error(error);
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	console.log(`${ok ? '✔' : '✘'} ${name} (${seconds} s)`);
	if (!ok) failures.push(name);
	return ok;
}

/** A check with no test count of its own counts as one test. */
async function check(name, command, args, env) {
	return step(name, async () => {
		const ok = (await run(command, args, env)) === 0;
		totals[ok ? 'passed' : 'failed'] += 1;
		return ok;
	});
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

/** Playwright's JSON report: the specs whose outcome was unexpected, with their first error. */
function failedSpecs(suites) {
	const out = [];
	for (const suite of suites) {
		for (const spec of suite.specs ?? []) {
			const failed = (spec.tests ?? []).find((test) => test.status === 'unexpected');
			if (!failed) continue;
			const error = failed.results?.find((result) => result.error)?.error?.message;
			out.push(`${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
		}
		out.push(...failedSpecs(suite.suites ?? []));
	}
	return out;
}

/** A vitest run, counted by its JSON report. */
async function vitest(name, reportName, args) {
	return step(name, async () => {
		const out = path.join(reports, reportName);
		const code = await run(bin('vitest'), [
			'run',
			...args,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${out}`
		]);
		const report = readJson(out);
		if (report) {
			totals.passed += report.numPassedTests;
			totals.failed += report.numFailedTests;
			parts.push(`${report.numPassedTests + report.numFailedTests} ${name.split(' (')[0]}`);
			totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
			for (const file of report.testResults ?? [])
				for (const test of file.assertionResults ?? [])
					if (test.status === 'failed')
						failedTests.push(
							`${path.relative(ROOT, file.name)} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`
						);
		} else totals.failed += 1;
		return code === 0 && !!report;
	});
}

await check('format (prettier)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
await check('lint (eslint)', bin('eslint'), ['.']);
await check('types (svelte-check)', bin('svelte-check'), [
	'--tsconfig',
	'./tsconfig.json',
	'--fail-on-warnings',
	'--output',
	'human'
]);

await vitest('unit tests (vitest)', 'vitest.json', []);

let startedStack = false;
const stackUp = await step('local stack (Postgres, PostgREST, Auth, mail, gateway)', async () => {
	startedStack = await startStack({ quiet: false });
	// Every run starts from the same data: a fresh database with all migrations and the demo
	// seed (a cluster left by an earlier checkout or by manual use would otherwise decide).
	await resetStack({ quiet: true });
	// Every API and end-to-end test signs people in through real Auth: without it the run
	// fails here, with the reason, rather than skipping what it cannot prove.
	const auth = authAvailability();
	if (!auth.available) console.error(`Supabase Auth is required by the tests: ${auth.reason}`);
	return auth.available;
});

if (stackUp) {
	await check('generated database types are current', process.execPath, [
		'scripts/db-types.mjs',
		'--check'
	]);
	await check('schema snapshot (supabase/schema.md) is current', process.execPath, [
		'scripts/db-schema.mjs',
		'--check'
	]);

	// Before any test writes: the check compares the CLI's database with the fresh demo data.
	await check('the Supabase CLI pushes supabase/ with its seed', process.execPath, [
		'scripts/check-cli.mjs'
	]);

	await step('database tests (pgTAP + security lints)', async () => {
		const out = path.join(reports, 'db.json');
		const code = await run(process.execPath, ['scripts/test-db.mjs'], { TEST_DB_REPORT: out });
		const report = readJson(out);
		if (report) {
			totals.passed += report.passed;
			totals.failed += report.failed;
			parts.push(`${report.passed + report.failed} pgTAP assertions and security lints`);
		} else totals.failed += 1;
		return code === 0;
	});

	await vitest('API access tests (supabase-js → gateway → PostgREST → RLS)', 'api.json', [
		'--config',
		'vitest.api.config.ts'
	]);

	const built = await check('build (vite build)', bin('vite'), ['build', '--logLevel', 'warn']);

	if (built) {
		await step('end-to-end tests (Playwright + axe)', async () => {
			const out = path.join(reports, 'playwright.json');
			const code = await run(bin('playwright'), ['test', '--reporter=list,json'], {
				PLAYWRIGHT_JSON_OUTPUT_NAME: out
			});
			const report = readJson(out);
			if (report?.stats) {
				const { expected, unexpected, flaky = 0 } = report.stats;
				parts.push(`${expected + unexpected + flaky} end-to-end tests`);
				totals.passed += report.stats.expected + (report.stats.flaky ?? 0);
				totals.failed += report.stats.unexpected;
				totals.skipped += report.stats.skipped;
				failedTests.push(...failedSpecs(report.suites ?? []));
			} else totals.failed += 1;
			return code === 0;
		});
	}

	if (built) {
		// After the browser tests, each resetting the database first: the fuzz of every form
		// and query parameter (about a minute), then outages of each component under load.
		await vitest('fuzz (fast-check, built app)', 'fuzz.json', [
			'--config',
			'vitest.fuzz.config.ts'
		]);
		// It resets the database and stops each component in turn
		// (about a minute; docs/reliability.md).
		await check('faults: outages under load (test:faults)', process.execPath, [
			'scripts/test-faults.mjs'
		]);
	}

	// Last: it replaces the stack's database (with a backup of itself).
	await check('backup and restore (database and files)', process.execPath, [
		'scripts/test-backup.mjs'
	]);
} else {
	totals.failed += 1;
}

if (startedStack) {
	console.log('\n▶ stopping the stack this run started');
	await stopStack({ quiet: true });
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
for (const test of failedTests) console.log(`  ✘ ${stripVTControlCharacters(test).slice(0, 400)}`);
const checks = totals.passed + totals.failed - parts.reduce((sum, part) => sum + parseInt(part), 0);
console.log(`\nCounted: ${[...parts, `${checks} static checks`].join(', ')}.`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
