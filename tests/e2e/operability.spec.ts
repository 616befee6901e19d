// What operators rely on (issue 18, operability): /healthz and /readyz as a load balancer asks
// them, against the real stack and against a server whose Supabase cannot be reached; the
// request id that ties a person's page to the server's log lines.
import { spawn } from 'node:child_process';
import { expect, freePort, test } from './fixtures';

test('/healthz says the process answers, without a language redirect, cookie or cache', async ({
	request
}) => {
	const response = await request.get('/healthz', { maxRedirects: 0 });
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok' });
	expect(response.headers()['cache-control']).toBe('no-store');
	expect(response.headers()['set-cookie']).toBeUndefined();
});

test('/readyz is ready when Postgres (through PostgREST) and Auth answer', async ({ request }) => {
	const response = await request.get('/readyz', { maxRedirects: 0 });
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({
		status: 'ready',
		checks: { database: 'ok', auth: 'ok' }
	});
	expect(response.headers()['cache-control']).toBe('no-store');
});

test('an app server that cannot reach Supabase is alive, not ready, and every page says so in its language (503)', async () => {
	const [appPort, supabasePort] = [await freePort(), await freePort()];
	const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(appPort)], {
		env: {
			...process.env,
			PUBLIC_SUPABASE_URL: `http://127.0.0.1:${supabasePort}`,
			PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'not-a-key',
			SUPABASE_SECRET_KEY: '',
			MAIL_DISPATCH_INTERVAL_SECONDS: '0',
			REMINDER_INTERVAL_SECONDS: '0'
		},
		stdio: 'ignore'
	});
	try {
		const base = `http://127.0.0.1:${appPort}`;
		await expect
			.poll(
				async () => {
					try {
						return (await fetch(`${base}/healthz`)).status;
					} catch {
						return 0;
					}
				},
				{ timeout: 20_000 }
			)
			.toBe(200);
		const ready = await fetch(`${base}/readyz`);
		expect(ready.status).toBe(503);
		const body = await ready.json();
		expect(body.status).toBe('unavailable');
		expect(body.checks.database).not.toBe('ok');
		expect(body.checks.auth).not.toBe('ok');
		// The reason, never a key or a stack trace.
		expect(JSON.stringify(body)).not.toContain('not-a-key');
		expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);

		// Every page: a translated "temporarily unavailable" with 503 and Retry-After, never a 500.
		for (const [path, words] of [
			['/fr/actions', 'Le hub est momentanément indisponible.'],
			['/nl/events', 'De hub is tijdelijk niet beschikbaar.'],
			['/ar/papers', 'المنصة غير متاحة مؤقتًا.']
		] as const) {
			const page = await fetch(`${base}${path}`);
			expect(page.status, path).toBe(503);
			expect(page.headers.get('retry-after'), path).toBe('5');
			const html = await page.text();
			expect(html, path).toContain(words);
			expect(html, path).not.toMatch(/fetch failed|ECONNREFUSED|\n\s+at /);
		}
	} finally {
		server.kill();
	}
});

test('every answer names its request id; a sane id from the proxy is kept, any other replaced', async ({
	request
}) => {
	const own = await request.get('/en');
	expect(own.headers()['x-request-id']).toMatch(
		/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
	);
	const again = await request.get('/en');
	expect(again.headers()['x-request-id']).not.toBe(own.headers()['x-request-id']);

	const proxied = await request.get('/en/actions', {
		headers: { 'x-request-id': 'lb-7f3a9c21.eu-1' }
	});
	expect(proxied.headers()['x-request-id']).toBe('lb-7f3a9c21.eu-1');

	// A header that would forge or break a log line is not trusted.
	const hostile = await request.get('/en/actions', {
		headers: { 'x-request-id': 'x"} {"level":"error"}' }
	});
	expect(hostile.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
