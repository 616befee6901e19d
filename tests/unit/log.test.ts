import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { log, requestIdFrom, setLogLevel, withRequestId } from '../../src/lib/server/log';

describe('the server log', () => {
	let lines: string[];
	beforeEach(() => {
		lines = [];
	});
	afterEach(() => {
		vi.restoreAllMocks();
		setLogLevel('info');
	});

	// What the log wrote to stdout and stderr, line by line.
	const written = async (fn: () => void): Promise<Record<string, unknown>[]> => {
		const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
			lines.push(String(chunk));
			return true;
		});
		const spyErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
			lines.push(String(chunk));
			return true;
		});
		fn();
		spy.mockRestore();
		spyErr.mockRestore();
		return lines.map((line) => JSON.parse(line));
	};

	it('writes one JSON object per line with time, level, message and fields', async () => {
		const [line = {}] = await written(() =>
			log.info('request', { route: '/[lang=locale]', status: 200 })
		);
		expect(line).toMatchObject({
			level: 'info',
			msg: 'request',
			route: '/[lang=locale]',
			status: 200
		});
		expect(new Date(String(line.time)).getTime()).not.toBeNaN();
		expect(line.requestId).toBeUndefined();
	});

	it("tags every line written while a request is served with that request's id", async () => {
		const result = await written(() =>
			withRequestId('req-12345678', () => {
				log.warn('first');
				log.error('second');
			})
		);
		expect(result.map((line) => line.requestId)).toEqual(['req-12345678', 'req-12345678']);
	});

	it('keeps an error whole (name, message, stack, cause) in the line', async () => {
		const cause = new Error('connection refused');
		const [line = {}] = await written(() =>
			log.error('unexpected error', { err: new TypeError('boom', { cause }) })
		);
		const err = line.err as Record<string, unknown>;
		expect(err).toMatchObject({ name: 'TypeError', message: 'boom' });
		expect(String(err.stack)).toContain('TypeError: boom');
		expect(err.cause).toMatchObject({ message: 'connection refused' });
	});

	it('leaves out lines below the level (LOG_LEVEL)', async () => {
		setLogLevel('warn');
		const result = await written(() => {
			log.info('quiet');
			log.warn('loud');
		});
		expect(result.map((line) => line.msg)).toEqual(['loud']);
	});
});

describe('requestIdFrom', () => {
	it("keeps a proxy's sane id and replaces anything else with a new UUID", () => {
		expect(requestIdFrom(new Headers({ 'x-request-id': 'lb-7f3a9c21.eu-1' }))).toBe(
			'lb-7f3a9c21.eu-1'
		);
		for (const hostile of ['short', 'a b c d e f g h', 'x"}{"level":"error"}', 'x'.repeat(200)]) {
			expect(requestIdFrom(new Headers({ 'x-request-id': hostile }))).toMatch(/^[0-9a-f-]{36}$/);
		}
		expect(requestIdFrom(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
	});
});
