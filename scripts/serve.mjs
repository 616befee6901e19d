// Serves the built app (build/) with the Supabase settings of the local stack, unless
// PUBLIC_SUPABASE_URL is already set (a hosted project). Usage: node scripts/serve.mjs [--port N]
// adapter-node's handler behind gzip/brotli compression: adapter-node precompresses static
// assets but not the server-rendered HTML, which is most of what a reader downloads.
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import { appEnv, ROOT } from './stack/config.mjs';

const portFlag = process.argv.indexOf('--port');
const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? '3000'));
const host = process.env.HOST ?? '127.0.0.1';
const handlerFile = path.join(ROOT, 'build', 'handler.js');

if (!existsSync(handlerFile)) {
	console.error('No build found: run `npm run build` first (npm start does it for you).');
	process.exit(1);
}

if (!process.env.PUBLIC_SUPABASE_URL) Object.assign(process.env, appEnv());
// adapter-node 6 builds each request's origin from its Host header and the protocol, which
// it takes for https unless PROTOCOL_HEADER names a header saying otherwise; SvelteKit's CSRF
// check compares that origin with the form's Origin. This server speaks plain HTTP, so it sets
// that header itself on every request (overwriting whatever a client sent). Behind a TLS proxy
// in production nothing is needed (https is the default); see README "Production".
process.env.PROTOCOL_HEADER ??= 'x-hub-protocol';
const protocolHeader = process.env.PROTOCOL_HEADER.toLowerCase();
// The hub's own links in emails (src/lib/server/mail) use ORIGIN.
process.env.ORIGIN ??= `http://localhost:${port}`;
// adapter-node refuses request bodies over 512 kB by default; a paper's PDF may be 25 MB
// (MAX_PDF_BYTES), plus the multipart form around it. Bigger bodies get adapter-node's 413.
process.env.BODY_SIZE_LIMIT ??= '27M';

const { handler } = await import(pathToFileURL(handlerFile).href);
// Brotli with a 256 KB window instead of its 4 MB default: a page is smaller than that (the
// largest, a month of events at 100k items, is 72 KB; kept feeds come compressed already), so
// the answers are as small as before (same sizes measured), while each answer's encoder
// allocates and touches a sixteenth of the memory: with ten answers at a time the default
// window cost the app 6.1-6.8 ms of CPU per 72 KB page, this one 4.9-5.2 (docs/benchmarks.md).
const compress = compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } } });
const server = http.createServer((req, res) => {
	req.headers[protocolHeader] = 'http';
	compress(req, res, () => handler(req, res));
});
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 2000).unref();
	});
}
