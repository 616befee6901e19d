// What `npm start` and `npm test` need from the machine, checked before anything runs, so
// a missing program is named once with its install command (a missing Chromium used to
// surface as one failure per browser test).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './stack/config.mjs';
import { PG_MAJOR } from './stack/postgres.mjs';
import { AUTH_BIN, AUTH_VERSION } from './stack/auth.mjs';

const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/**
 * The missing prerequisites of `purpose` ('start' or 'test'): [{ what, install }].
 * Auth counts as present when its binary is cached or Go can build it.
 */
export function missingPrerequisites(purpose) {
	const pgBin = process.env.PG_BINDIR || `/usr/lib/postgresql/${PG_MAJOR}/bin`;
	const checks = [
		{
			what: 'node_modules',
			ok: fs.existsSync(path.join(ROOT, 'node_modules', '.bin', 'vite')),
			install: 'npm ci'
		},
		{
			what: `PostgreSQL ${PG_MAJOR} server (${pgBin}/postgres)`,
			ok: fs.existsSync(path.join(pgBin, 'postgres')),
			install: `apt-get install postgresql-${PG_MAJOR}`
		},
		{
			what: `Supabase Auth ${AUTH_VERSION} (a cached build, or Go to build it)`,
			ok: fs.existsSync(AUTH_BIN) || onPath('go'),
			install: 'the Go toolchain ≥ 1.25.8 (README: "Supabase Auth")'
		}
	];
	if (purpose === 'test') {
		const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
		checks.push(
			{
				what: 'pg_prove (pgTAP runner)',
				ok: onPath('pg_prove'),
				install: `apt-get install postgresql-${PG_MAJOR}-pgtap libtap-parser-sourcehandler-pgtap-perl`
			},
			{
				what: `Chromium (${chromium})`,
				ok: fs.existsSync(chromium),
				install: 'apt-get install chromium fonts-noto-core'
			}
		);
	}
	return checks.filter((check) => !check.ok);
}

/** Prints what is missing and exits 1, or returns when everything is there. */
export function requirePrerequisites(purpose) {
	const missing = missingPrerequisites(purpose);
	if (missing.length === 0) return;
	console.error(`npm ${purpose} cannot run: this machine lacks`);
	for (const { what, install } of missing) console.error(`  - ${what}: ${install}`);
	console.error('(.ci/run installs all of it on a fresh Debian machine.)');
	process.exit(1);
}
