import { describe, expect, it } from 'vitest';
import { safeRedirectPath, signInPath } from '#lib/redirects';

describe('safeRedirectPath', () => {
	it.each([
		['/fr/account', '/fr/account'],
		['/fr/account?tab=orgs', '/fr/account?tab=orgs'],
		['/fr/actions?q=droits&page=2#list', '/fr/actions?q=droits&page=2#list'],
		// Dot segments that stay on the site are resolved, as the browser would.
		['/fr/events/../papers', '/fr/papers'],
		['/fr/./account', '/fr/account'],
		// Encoded characters stay encoded: a path on this site, never a host.
		['/fr/%2F/evil.example', '/fr/%2F/evil.example'],
		['/%2F/evil.example', '/%2F/evil.example'],
		['/%5c/evil.example', '/%5c/evil.example'],
		['/%5C%5Cevil.example', '/%5C%5Cevil.example'],
		['/fr/a%0d%0aSet-Cookie:x', '/fr/a%0d%0aSet-Cookie:x'],
		['/javascript:alert(1)', '/javascript:alert(1)']
	])('keeps the path on this site: %j → %j', (next, expected) => {
		expect(safeRedirectPath(next, 'fr')).toBe(expected);
	});

	it.each([
		// Another origin or scheme.
		'https://evil.example/',
		'http:evil.example',
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'evil.example',
		// Protocol-relative, raw or after the URL parser's normalisation (issue 11, finding 1).
		'//evil.example/path',
		'///evil.example',
		'/.//evil.example/x',
		'/././/evil.example',
		'/%2e//evil.example/x',
		'/%2E//evil.example',
		'/a/..//evil.example/x',
		'/a/%2e%2e//evil.example',
		'/a/.%2e//evil.example',
		'/fr/../..//evil.example',
		'/..//evil.example',
		// Backslashes, which the URL parser reads as slashes in http(s) URLs.
		'/\\evil.example',
		'\\\\evil.example',
		'/a/..\\/evil.example',
		'/.\\/evil.example',
		// Tabs, newlines and other control characters, which the URL parser drops.
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/.\t//evil.example',
		'/%2e\n//evil.example',
		'/fr/account\u0000',
		'/fr/\u007faccount',
		'/fr/account\r\nSet-Cookie: x=1',
		// Nothing at all.
		'',
		null,
		undefined
	])('refuses %j and goes to the locale home instead', (next) => {
		expect(safeRedirectPath(next, 'nl')).toBe('/nl');
	});
});

describe('signInPath', () => {
	it('puts the return path in the query, encoded', () => {
		expect(signInPath('fr', '/fr/events/x#y&z')).toBe(
			'/fr/sign-in?next=%2Ffr%2Fevents%2Fx%23y%26z'
		);
		expect(signInPath('en', '/en/account?tab=1', 'protected')).toBe(
			'/en/sign-in?next=%2Fen%2Faccount%3Ftab%3D1&reason=protected'
		);
	});

	it('never carries a return path that would leave the site', () => {
		expect(signInPath('de', '/.//evil.example')).toBe('/de/sign-in?next=%2Fde');
	});
});
