import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptedEncoding } from '#lib/server/compressed';
import { calendarAnswer, renderCalendar } from '#lib/server/eventCalendar';

describe('acceptedEncoding', () => {
	it.each([
		[null, null],
		['', null],
		['identity', null],
		['br, gzip', 'br'],
		['gzip, deflate, br;q=0.5', 'br'],
		['gzip, deflate', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['BR;Q=0, GZIP;q=0.1', 'gzip'],
		['*', 'br'],
		['gzip;q=0, br;q=0, *', null],
		['gzip;q=0, *;q=0.5', 'br'],
		['br;q=nonsense', null],
		[',,;;', null]
	])('%j → %j', (header, expected) => {
		expect(acceptedEncoding(header)).toBe(expected);
	});
});

describe('a kept calendar answer', () => {
	const reader = { locale: 'en' as const, origin: 'https://hub.example', online: 'Online' };
	const events = Array.from({ length: 40 }, (_, i) => ({
		id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
		title: `Webinar ${i}`,
		description: 'A description. '.repeat(20),
		startsAt: new Date(Date.UTC(2026, 11, 1 + (i % 28), 9)),
		endsAt: new Date(Date.UTC(2026, 11, 1 + (i % 28), 11)),
		timeZone: 'Europe/Brussels',
		location: null,
		url: `https://hub.example/en/events/${i}`,
		cancelled: false
	}));
	const url = 'https://hub.example/en/events/feed.ics';

	it('goes out compressed in the encoding the client accepts, the same calendar once decoded', async () => {
		const rendered = renderCalendar('Hub', events, reader);
		const plain = Buffer.from(rendered.body).toString('utf8');
		for (const [encoding, decode] of [
			['br', brotliDecompressSync],
			['gzip', gunzipSync]
		] as const) {
			const request = new Request(url, { headers: { 'accept-encoding': encoding } });
			const response = calendarAnswer(request, 'Hub', rendered, 'public', true);
			expect(response.headers.get('content-encoding')).toBe(encoding);
			expect(response.headers.get('vary')).toBe('Accept-Encoding');
			expect(response.headers.get('etag')).toBe(`W/${rendered.etag}`);
			const bytes = Buffer.from(await response.arrayBuffer());
			expect(bytes.length).toBeLessThan(rendered.body.byteLength / 4);
			expect(decode(bytes).toString('utf8')).toBe(plain);
		}
		// Compressed once per encoding, then sent as kept.
		const first = rendered.encoded?.br;
		calendarAnswer(
			new Request(url, { headers: { 'accept-encoding': 'br' } }),
			'Hub',
			rendered,
			'public',
			true
		);
		expect(rendered.encoded?.br).toBe(first);
	});

	it('answers 304 to either form of its ETag, and goes out as it is to a client that accepts no encoding', async () => {
		const rendered = renderCalendar('Hub', events, reader);
		for (const tag of [rendered.etag, `W/${rendered.etag}`]) {
			const request = new Request(url, {
				headers: { 'accept-encoding': 'br', 'if-none-match': tag }
			});
			const response = calendarAnswer(request, 'Hub', rendered, 'public', true);
			expect(response.status).toBe(304);
			expect(response.headers.get('content-encoding')).toBeNull();
		}
		const plain = calendarAnswer(new Request(url), 'Hub', rendered, 'public', true);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('etag')).toBe(rendered.etag);
		expect(new Uint8Array(await plain.arrayBuffer())).toEqual(rendered.body);
		// An answer built for one request is left to the server's compression.
		const once = calendarAnswer(
			new Request(url, { headers: { 'accept-encoding': 'br' } }),
			'Hub',
			rendered,
			'public'
		);
		expect(once.headers.get('content-encoding')).toBeNull();
	});
});
