// Probes for load balancers and orchestrators (issue 18, operability):
//   GET /healthz  the process answers (no dependency is asked: a database outage must not make
//                 a balancer restart every app server)
//   GET /readyz   this app server can serve pages: Postgres through PostgREST, and Supabase Auth,
//                 each answering within two seconds; 503 with what failed otherwise.
// Both answer JSON, are never cached and carry no cookie, whatever the language or session.
import * as env from '$app/env/private';

export const HEALTH_PATHS = new Set(['/healthz', '/readyz']);

const TIMEOUT_MS = 2000;

type Check = 'ok' | string;

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});

/** What failed, in a few words (the reason, never a stack trace or a key). */
function failure(error: unknown): string {
	if (error instanceof Error && error.name === 'TimeoutError')
		return `no answer in ${TIMEOUT_MS} ms`;
	return error instanceof Error ? error.message.slice(0, 200) : 'unreachable';
}

async function probe(url: string, key: string): Promise<Check> {
	try {
		const response = await fetch(url, {
			headers: { apikey: key, authorization: `Bearer ${key}` },
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		await response.body?.cancel();
		return response.ok ? 'ok' : `HTTP ${response.status}`;
	} catch (error) {
		return failure(error);
	}
}

/** The answer for a health path. */
export async function healthResponse(pathname: string): Promise<Response> {
	if (pathname === '/healthz') return json(200, { status: 'ok' });
	const base = env.PUBLIC_SUPABASE_URL;
	const key = env.PUBLIC_SUPABASE_PUBLISHABLE_KEY;
	if (!base || !key) {
		return json(503, {
			status: 'unavailable',
			checks: { configuration: 'missing Supabase URL or key' }
		});
	}
	const [database, auth] = await Promise.all([
		// A one-row read of a public table: PostgREST answers it only with Postgres up.
		probe(`${base}/rest/v1/organisations?select=id&limit=1`, key),
		probe(`${base}/auth/v1/health`, key)
	]);
	const ready = database === 'ok' && auth === 'ok';
	return json(ready ? 200 : 503, {
		status: ready ? 'ready' : 'unavailable',
		checks: { database, auth }
	});
}
