import { describe, expect, it } from 'vitest';
import { isCrossSiteFormForbidden, isOneClickUnsubscribe } from '../../src/lib/server/csrf';

const TOKEN = 'ab'.repeat(32);
const url = (path: string) => new URL(path, 'https://hub.example.org');
const post = (path: string, headers: Record<string, string>) =>
	[new Request(url(path), { method: 'POST', headers, body: 'x=1' }), url(path)] as const;

describe('cross-site form check (SvelteKit rule, one exception)', () => {
	it('lets a mail client one-click POST (no Origin) reach exactly the unsubscribe path', () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(isCrossSiteFormForbidden(...post(`/nl/unsubscribe/${TOKEN}`, form))).toBe(false);
		expect(isOneClickUnsubscribe('POST', `/ar/unsubscribe/${TOKEN}`)).toBe(true);
	});

	it('refuses a form POST without Origin or from another site anywhere else', () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		const foreign = { ...form, origin: 'https://evil.example' };
		for (const path of [
			'/en/account?/emailPreferences',
			`/nl/unsubscribe/${TOKEN}/extra`,
			`/nl/unsubscribe/${TOKEN.toUpperCase()}`,
			'/nl/unsubscribe/short',
			`/xx/unsubscribe/${TOKEN}`
		]) {
			expect(isCrossSiteFormForbidden(...post(path, form)), path).toBe(true);
			expect(isCrossSiteFormForbidden(...post(path, foreign)), path).toBe(true);
		}
		expect(isCrossSiteFormForbidden(...post('/en/account', { 'content-type': 'text/plain' }))).toBe(
			true
		);
	});

	it('accepts the same site, JSON bodies and reads', () => {
		const same = { 'content-type': 'multipart/form-data', origin: 'https://hub.example.org' };
		expect(isCrossSiteFormForbidden(...post('/en/account', same))).toBe(false);
		const json = { 'content-type': 'application/json', origin: 'https://evil.example' };
		expect(isCrossSiteFormForbidden(...post('/en/account', json))).toBe(false);
		const get = new Request(url('/en/account'));
		expect(isCrossSiteFormForbidden(get, url('/en/account'))).toBe(false);
	});
});
