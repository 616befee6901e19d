// Serves the built app (build/) with the Supabase settings of the local stack, unless
// PUBLIC_SUPABASE_URL is already set (a hosted project). Usage: node scripts/serve.mjs [--port N]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { appEnv, ROOT } from './stack/config.mjs';

const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? '3000');

if (!existsSync(path.join(ROOT, 'build', 'index.js'))) {
	console.error('No build found: run `npm run build` first (npm start does it for you).');
	process.exit(1);
}

const supabaseEnv = process.env.PUBLIC_SUPABASE_URL ? {} : appEnv();
const child = spawn(process.execPath, [path.join(ROOT, 'build', 'index.js')], {
	stdio: 'inherit',
	env: {
		...process.env,
		...supabaseEnv,
		PORT: String(port),
		// adapter-node needs the public origin for its CSRF check; it assumes https otherwise.
		ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
		HOST: process.env.HOST ?? '127.0.0.1'
	}
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
