// `npm start`: the local stack with its demo data, then the built hub on http://localhost:3000.
// With PUBLIC_SUPABASE_URL set (a hosted project), the local stack is not started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './stack/config.mjs';
import { start as startStack } from './stack.mjs';
import { requirePrerequisites } from './prerequisites.mjs';

const port = process.env.PORT ?? '3000';

/** Newest modification time under a folder (skipping nothing: src/ and static/ are small). */
function newest(dir) {
	let latest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
	}
	return latest;
}

if (!process.env.PUBLIC_SUPABASE_URL) {
	requirePrerequisites('start');
	await startStack({ quiet: false });
}

const buildEntry = path.join(ROOT, 'build', 'index.js');
const sources = ['src', 'static'].map((d) => path.join(ROOT, d));
const configs = ['vite.config.ts', 'package.json', 'package-lock.json'].map((f) =>
	path.join(ROOT, f)
);
const stale =
	!existsSync(buildEntry) ||
	Math.max(...sources.map(newest), ...configs.map((f) => statSync(f).mtimeMs)) >
		statSync(buildEntry).mtimeMs;
if (stale) {
	console.log('Building the hub…');
	const result = spawnSync(
		path.join(ROOT, 'node_modules', '.bin', 'vite'),
		['build', '--logLevel', 'warn'],
		{
			cwd: ROOT,
			stdio: 'inherit'
		}
	);
	if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log(`
DCI Network Hub: http://localhost:${port}
Demo accounts (password demo-password-2026) are listed in the README.
Stop the hub with Ctrl+C; the stack keeps running until \`npm run stack:stop\`.
`);
const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), '--port', port], {
	cwd: ROOT,
	stdio: 'inherit'
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
