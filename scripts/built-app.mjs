// The built app (node build, through scripts/serve.mjs) as the fault and fuzz tests drive it
// over HTTP: started on its own port with its log in .data/logs/<name>.log, people signed in
// through its own sign-in form, form actions posted as a browser's enhanced form does.
import fs from 'node:fs';
import path from 'node:path';
import { build, kill, serve } from './bench/lib.mjs';
import { API_URL, LOG_DIR, ROOT, serviceRoleKey } from './stack/config.mjs';

/**
 * Builds the app when build/ is missing, starts it (scripts/bench/lib.mjs `serve`) with `env`
 * added and its output in .data/logs/<name>.log, and resolves once /healthz answers:
 * { base, stop(), logFile }. `base` is http://localhost:<port>, the origin forms are sent from.
 */
export async function startBuiltApp({ port, name, env = {} }) {
	if (!fs.existsSync(path.join(ROOT, 'build', 'handler.js'))) build();
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const logFile = path.join(LOG_DIR, `${name}.log`);
	const child = await serve(port, '/healthz', { env: { LOG_FORMAT: 'json', ...env }, logFile });
	const stop = () => kill(child);
	process.on('exit', () => child.exitCode === null && child.kill('SIGTERM'));
	return { base: `http://localhost:${port}`, stop, logFile };
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
