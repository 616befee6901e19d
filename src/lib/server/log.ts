// The server's log: one JSON object per line (time, level, msg, the request's id, fields), so
// that a log collector in front of several app servers can search and join them (issue 18).
// Every line written while a request is being served carries that request's id; the same id
// is the `x-request-id` response header and the reference on the error page a person sees.
// console.* is routed here when the server starts (`startLog`, hooks.server.ts), so the
// lines of libraries and of older code are JSON with the id too. Settings (src/env.ts):
//   LOG_LEVEL   debug | info (default) | warn | error
//   LOG_FORMAT  json (default for the built server) | text (default under `vite dev`)
import { AsyncLocalStorage } from 'node:async_hooks';
import { format, inspect } from 'node:util';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const context = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` with every log line inside it tagged with this request id. */
export const withRequestId = <T>(requestId: string, fn: () => T): T =>
	context.run({ requestId }, fn);

/** The id of the request being served here, if any. */
export const currentRequestId = (): string | undefined => context.getStore()?.requestId;

// A proxy's id is kept when it looks like one (never a header that would break a log line).
const PROXY_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's id: the reverse proxy's `x-request-id` when sane, else a new UUID. */
export function requestIdFrom(headers: Headers): string {
	const given = headers.get('x-request-id');
	return given && PROXY_ID.test(given) ? given : crypto.randomUUID();
}

// Straight to the streams: console.* itself is routed here.
const out = {
	stdout: (text: string) => void process.stdout.write(`${text}\n`),
	stderr: (text: string) => void process.stderr.write(`${text}\n`)
};

const settings = { threshold: RANK.info, json: true };

/** An Error as fields a collector keeps (its stack stays in the log, never in a response). */
function errorFields(error: Error): Record<string, unknown> {
	const fields: Record<string, unknown> = { name: error.name, message: error.message };
	if (error.stack) fields.stack = error.stack;
	if ('code' in error && error.code !== undefined) fields.code = error.code;
	if (error.cause !== undefined)
		fields.cause = error.cause instanceof Error ? errorFields(error.cause) : error.cause;
	return fields;
}

/** Writes one line at `level`: `msg`, then fields (an Error under `err`). */
export function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	if (RANK[level] < settings.threshold) return;
	const requestId = currentRequestId();
	const stream = level === 'error' || level === 'warn' ? out.stderr : out.stdout;
	if (!settings.json) {
		const extra = Object.keys(fields).length > 0 ? ` ${inspect(fields, { depth: 4 })}` : '';
		stream(`${level.toUpperCase()}${requestId ? ` [${requestId}]` : ''} ${msg}${extra}`);
		return;
	}
	const line: Record<string, unknown> = { time: new Date().toISOString(), level, msg };
	if (requestId) line.requestId = requestId;
	for (const [key, value] of Object.entries(fields)) {
		line[key] = value instanceof Error ? errorFields(value) : value;
	}
	let text: string;
	try {
		text = JSON.stringify(line);
	} catch {
		text = JSON.stringify({ ...line, ...{ fields: inspect(fields, { depth: 2 }) } });
	}
	stream(text);
}

export const log = {
	debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
	info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
	warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
	error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields)
};

/** console.* arguments as one message, with the first Error kept whole under `err`. */
function fromConsole(level: Level, args: unknown[]): void {
	const error = args.find((arg): arg is Error => arg instanceof Error);
	const rest = args.filter((arg) => arg !== error);
	const msg = rest.length > 0 ? format(...rest) : (error?.message ?? '');
	write(level, msg, error ? { err: error } : {});
}

let routed = false;

/**
 * When the server starts: the level and format, and console.log/info/debug/warn/error routed
 * through the log (once).
 */
export function startLog({
	level = 'info',
	format = 'json'
}: {
	level?: Level;
	format?: 'json' | 'text';
}): void {
	settings.threshold = RANK[level];
	settings.json = format === 'json';
	if (routed) return;
	routed = true;
	console.log = (...args: unknown[]) => fromConsole('info', args);
	console.info = (...args: unknown[]) => fromConsole('info', args);
	console.debug = (...args: unknown[]) => fromConsole('debug', args);
	console.warn = (...args: unknown[]) => fromConsole('warn', args);
	console.error = (...args: unknown[]) => fromConsole('error', args);
}

/** The level alone (tests). */
export function setLogLevel(level: Level): void {
	settings.threshold = RANK[level];
}
