// The built app (node build, through scripts/serve.mjs) as the fault and fuzz tests drive it
// over HTTP: started on its own port with its log in .data/logs/<name>.log, people signed in
// through its own sign-in form, form actions posted as a browser's enhanced form does.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_URL, LOG_DIR, ROOT, serviceRoleKey } from './stack/config.mjs';

/**
 * Builds the app when build/ is missing, starts `node scripts/serve.mjs --port <port>` with
 * `env` added, and resolves once /healthz answers: { base, stop() }.
 */
export async function startBuiltApp({ port, name, env = {} }) {
	if (!fs.existsSync(path.join(ROOT, 'build', 'handler.js'))) {
		console.log('no build/: vite build');
		const built = spawnSync(
			path.join(ROOT, 'node_modules/.bin/vite'),
			['build', '--logLevel', 'warn'],
			{ cwd: ROOT, stdio: 'inherit' }
		);
		if (built.status !== 0) throw new Error('vite build failed');
	}
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const logFile = path.join(LOG_DIR, `${name}.log`);
	const log = fs.openSync(logFile, 'w');
	const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], {
		cwd: ROOT,
		stdio: ['ignore', log, log],
		env: { ...process.env, LOG_FORMAT: 'json', ...env }
	});
	fs.closeSync(log);
	const stop = () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
	};
	process.on('exit', stop);
	const base = `http://localhost:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the app exited (log: ${logFile})`);
		const up = await fetch(`${base}/healthz`)
			.then((response) => response.ok)
			.catch(() => false);
		if (up) return { base, stop, logFile };
		if (Date.now() > deadline) {
			stop();
			throw new Error(`the app did not answer on ${base} (log: ${logFile})`);
		}
		await sleep(200);
	}
}

/** `name=value; …` of the cookies a response sets (deleted ones left out). */
export const cookieHeader = (setCookies) =>
	setCookies
		.map((line) => line.split(';')[0])
		.filter((pair) => !pair.endsWith('='))
		.join('; ');

/** Signs a person in through the app's sign-in form: their session cookies. */
export async function signIn(base, email, password) {
	const response = await fetch(`${base}/en/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password })
	});
	if (response.status !== 303) throw new Error(`signing ${email} in: HTTP ${response.status}`);
	return cookieHeader(response.headers.getSetCookie());
}

/** Creates a confirmed person through Auth's admin API. */
export async function createPerson(email, password, displayName) {
	const created = await fetch(`${API_URL}/auth/v1/admin/users`, {
		method: 'POST',
		headers: {
			apikey: serviceRoleKey,
			authorization: `Bearer ${serviceRoleKey}`,
			'content-type': 'application/json'
		},
		body: JSON.stringify({
			email,
			password,
			email_confirm: true,
			user_metadata: { display_name: displayName }
		})
	});
	if (!created.ok) throw new Error(`creating ${email}: ${created.status} ${await created.text()}`);
	return (await created.json()).id;
}

/**
 * Posts a form action (`url` with its `?/name`): as the browser's enhanced form (JSON answer)
 * unless `html`, as a browser without JavaScript (the page, rendered). `fields` is a
 * URLSearchParams or a plain object. Resolves { response, body }.
 */
export async function postForm(
	base,
	url,
	{ cookie, fields = {}, html = false, timeoutMs = 15_000 }
) {
	const response = await fetch(`${base}${url}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			...(cookie ? { cookie } : {}),
			origin: base,
			accept: html ? 'text/html' : 'application/json',
			...(html ? {} : { 'x-sveltekit-action': 'true' }),
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: fields instanceof URLSearchParams ? fields : new URLSearchParams(fields),
		signal: AbortSignal.timeout(timeoutMs)
	});
	return { response, body: await response.text() };
}
