import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	parseSummaryHeader,
	SUMMARY_HEADER,
	SummaryCarrier
} from '../../src/lib/server/readerSummary';

// What goes out on the wire: which requests ask PostgREST for the reader summary. The database
// side (private.pre_request) is pgTAP 047's; the whole round trip is reader-summary.spec.ts's.

const REST = 'http://127.0.0.1:54321/rest/v1/papers?select=id';
const AUTH = 'http://127.0.0.1:54321/auth/v1/user';
const SUMMARY = '{"unread_notifications" : 4, "can_create" : true}';

/** A stand-in for the network that records whether each request asked, and answers `answer`. */
function network(answer: () => Response = () => new Response('[]')) {
	const asked: { url: string; asks: boolean }[] = [];
	vi.stubGlobal(
		'fetch',
		vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
			asked.push({
				url: String(input),
				asks: new Headers(init?.headers).get(SUMMARY_HEADER) === '1'
			});
			return answer();
		})
	);
	return asked;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('parseSummaryHeader', () => {
	it('reads the count and the create-right', () => {
		expect(parseSummaryHeader(SUMMARY)).toEqual({ unreadNotifications: 4, canCreateItems: true });
		expect(parseSummaryHeader('{"unread_notifications":0,"can_create":false}')).toEqual({
			unreadNotifications: 0,
			canCreateItems: false
		});
	});

	it('takes nothing else for a summary', () => {
		for (const value of [
			null,
			'',
			'not json',
			'null',
			'[]',
			'{"unread_notifications":"4","can_create":true}',
			'{"unread_notifications":1.5,"can_create":true}',
			'{"unread_notifications":null,"can_create":true}',
			'{"unread_notifications":4,"can_create":"true"}'
		]) {
			expect(parseSummaryHeader(value), String(value)).toBeNull();
		}
	});
});

describe('SummaryCarrier', () => {
	it('asks on the first PostgREST request sent after the layout asks, and on that one only', async () => {
		const asked = network(() => new Response('[]', { headers: { [SUMMARY_HEADER]: SUMMARY } }));
		const carrier = new SummaryCarrier();
		// Before: a form action's write, say; its answer would predate the action.
		await carrier.fetch(REST, { method: 'POST' });
		const summary = carrier.carried();
		// The page's load, started with the layout's: Auth first, then its queries.
		await carrier.fetch(AUTH);
		await carrier.fetch(REST, { headers: { apikey: 'key' } });
		await carrier.fetch(REST);
		expect(await summary).toEqual({ unreadNotifications: 4, canCreateItems: true });
		expect(asked.map((request) => request.asks)).toEqual([false, false, true, false]);
	});

	it('keeps the request’s own headers when it adds its own', async () => {
		const seen: Headers[] = [];
		vi.stubGlobal(
			'fetch',
			vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
				seen.push(new Headers(init?.headers));
				return new Response('[]');
			})
		);
		const carrier = new SummaryCarrier();
		const summary = carrier.carried();
		await carrier.fetch(REST, { headers: { apikey: 'key', authorization: 'Bearer t' } });
		await summary;
		expect(seen[0]?.get('apikey')).toBe('key');
		expect(seen[0]?.get('authorization')).toBe('Bearer t');
		expect(seen[0]?.get(SUMMARY_HEADER)).toBe('1');
	});

	it('gives nothing when no request went out with the page’s load, and asks no later one', async () => {
		const asked = network();
		const carrier = new SummaryCarrier();
		expect(await carrier.carried()).toBeNull();
		await carrier.fetch(REST);
		expect(asked).toEqual([{ url: REST, asks: false }]);
	});

	it('gives nothing when the answer carried no summary (an error answer), or none came', async () => {
		network(() => new Response('{"code":"PGRST116"}', { status: 406 }));
		const refused = new SummaryCarrier();
		const fromRefused = refused.carried();
		await refused.fetch(REST);
		expect(await fromRefused).toBeNull();

		vi.stubGlobal(
			'fetch',
			vi.fn(async () => {
				throw new TypeError('fetch failed');
			})
		);
		const down = new SummaryCarrier();
		const fromDown = down.carried();
		await expect(down.fetch(REST)).rejects.toThrow('fetch failed');
		expect(await fromDown).toBeNull();
	});
});
