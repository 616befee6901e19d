// The stack's API gateway, standing in for Supabase's Kong: one URL for supabase-js.
//   /rest/v1/*  → PostgREST   /auth/v1/*  → Auth   (prefix stripped, bodies streamed)
// Like Kong's key-auth, every request needs `apikey` (header or query) equal to the anon
// or service-role key, except Auth's browser-facing routes (verify, callback, authorize)
// that mail links and OAuth providers open directly, as in Supabase's self-hosted kong.yml.
// Unlike Kong, the Auth endpoints the hub does not use are refused to everyone but the
// service-role key (the app's server): /otp and /magiclink answered differently for members
// and unknown addresses (security issue, finding 4). A hosted project cannot do this; the
// README's production guidance says what to configure there instead.
// Run as its own process by scripts/stack.mjs: `node scripts/stack/gateway.mjs`.
import http from 'node:http';
import { HOST, PORTS, anonKey, serviceRoleKey } from './config.mjs';
import { authAvailability } from './auth.mjs';

const KEYS = new Set([anonKey, serviceRoleKey]);
const UPSTREAMS = [
	{ prefix: '/rest/v1', port: PORTS.rest, name: 'rest' },
	{ prefix: '/auth/v1', port: PORTS.auth, name: 'auth' }
];
const OPEN_AUTH_ROUTE = /^\/auth\/v1\/(verify|callback|authorize)(\/|$)/;
// What the hub uses of Auth with the publishable key (supabase-js and @supabase/ssr on the
// app's server, the tests): password and refresh-token grants, the verified user, sign-out,
// the links of Auth's emails, health and public settings. Everything else (otp, magiclink,
// signup, recover, resend, factors, sso, admin, …) needs the service-role key.
const PUBLIC_AUTH_ROUTE =
	/^\/auth\/v1\/(token|user|logout|verify|callback|authorize|health|settings|\.well-known\/jwks\.json)\/?$/;
// Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded; Node sets its own.
const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'proxy-connection',
	'transfer-encoding',
	'upgrade',
	'te',
	'trailer'
]);

// Kong's cors plugin with its defaults: any origin, preflight echoes what was asked.
const CORS = { 'access-control-allow-origin': '*' };

function sendJson(res, status, body, extra = {}) {
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...CORS, ...extra });
	res.end(JSON.stringify(body));
}

function authUnavailable(res) {
	const { available, reason } = authAvailability();
	sendJson(res, 503, {
		message: 'Auth is not available on this stack',
		reason: available
			? `Auth is not running on ${HOST}:${PORTS.auth} (npm run stack:start)`
			: reason
	});
}

// Requests proxied to each upstream since the gateway started: `npm run bench:scale` reads
// them (GET /__counts, loopback only like the whole gateway) to count the PostgREST and Auth
// requests one page view makes.
const counts = { rest: 0, auth: 0 };

const server = http.createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://gateway');
	if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
	if (url.pathname === '/__counts') return sendJson(res, 200, counts);

	if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
		res.writeHead(200, {
			...CORS,
			'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS,TRACE,CONNECT',
			'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
			'access-control-max-age': '3600',
			'content-length': '0'
		});
		return res.end();
	}

	const upstream = UPSTREAMS.find(
		({ prefix }) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)
	);
	if (!upstream) return sendJson(res, 404, { message: 'no Route matched with those values' });

	const apikey = req.headers.apikey ?? url.searchParams.get('apikey');
	const open = upstream.name === 'auth' && OPEN_AUTH_ROUTE.test(url.pathname);
	if (!open && !KEYS.has(String(apikey))) return sendJson(res, 401, { message: 'Invalid API key' });
	if (
		upstream.name === 'auth' &&
		String(apikey) !== serviceRoleKey &&
		!PUBLIC_AUTH_ROUTE.test(url.pathname)
	) {
		// The same answer whatever the body says (no email is read): nothing to learn here.
		req.resume();
		return sendJson(res, 404, {
			code: 404,
			error_code: 'endpoint_not_available',
			msg: `${url.pathname} is not available: the hub does not use this Auth endpoint (only its server may call it)`
		});
	}

	const headers = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (!HOP_BY_HOP.has(name) && name !== 'host') headers[name] = value;
	}
	if (!headers.authorization && KEYS.has(String(apikey)))
		headers.authorization = `Bearer ${apikey}`;
	const client = req.socket.remoteAddress ?? '';
	headers['x-forwarded-for'] = headers['x-forwarded-for']
		? `${headers['x-forwarded-for']}, ${client}`
		: client;
	headers['x-forwarded-host'] = req.headers.host ?? `${HOST}:${PORTS.gateway}`;
	headers['x-forwarded-proto'] = 'http';
	headers['x-forwarded-prefix'] = upstream.prefix;

	// PostgREST would read ?apikey= as a column filter: the credential stays here.
	url.searchParams.delete('apikey');
	const path = (url.pathname.slice(upstream.prefix.length) || '/') + url.search;

	counts[upstream.name] += 1;
	const proxied = http.request(
		{ host: HOST, port: upstream.port, method: req.method, path, headers },
		(answer) => {
			const out = {};
			for (const [name, value] of Object.entries(answer.headers)) {
				if (!HOP_BY_HOP.has(name)) out[name] = value;
			}
			res.writeHead(answer.statusCode ?? 502, { ...out, ...CORS });
			answer.pipe(res);
		}
	);
	proxied.on('error', (error) => {
		if (res.headersSent) return res.destroy(error);
		if (upstream.name === 'auth' && error.code === 'ECONNREFUSED') return authUnavailable(res);
		sendJson(res, 502, {
			message: `An invalid response was received from the upstream server (${upstream.name}: ${error.code ?? error.message})`
		});
	});
	req.pipe(proxied);
	req.on('error', () => proxied.destroy());
	res.on('close', () => {
		if (!res.writableFinished) proxied.destroy();
	});
});

server.keepAliveTimeout = 65_000;
server.listen(PORTS.gateway, HOST, () => {
	console.log(
		`gateway on http://${HOST}:${PORTS.gateway}: /rest/v1 → :${PORTS.rest}, /auth/v1 → :${PORTS.auth}`
	);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 2000).unref();
	});
}
