import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_NAMESPACES, ROUTE_NAMESPACES, namespacesFor } from '#lib/i18n/routes';
import { NAMESPACES } from '#lib/i18n/resources';
import { NAMESPACE_FILES, namespacesOf, scanPages } from '../../scripts/i18n-routes.mjs';

// Each page loads only the translation namespaces src/lib/i18n/routes.ts lists for it.
// scripts/i18n-routes.mjs reads the code a page runs to find the namespaces it names, so that
// the list cannot lag behind: a `t('events:…')` added to a component a page uses fails here
// until the page's entry has `events` (`npm run i18n:routes -- --write` writes the table).

const scan = (entries: string[]): Set<string> => namespacesOf(entries);

describe('translation namespaces per page', () => {
	const scanned: Record<string, string[]> = scanPages();

	it('finds the pages and what they name', () => {
		expect(Object.keys(scanned).length).toBeGreaterThan(20);
		expect(scanned['/[lang=locale]/(public)/events']).toContain('events');
	});

	it('lists, for every page, exactly the namespaces its code names', () => {
		// On failure: `npm run i18n:routes -- --write` puts the scanned table in routes.ts.
		const listed = Object.fromEntries(
			Object.entries(ROUTE_NAMESPACES).map(([id, namespaces]) => [id, [...namespaces].sort()])
		);
		expect(listed).toEqual(scanned);
	});

	it('knows every namespace of the English source, and only those', () => {
		expect(NAMESPACE_FILES).toEqual([...NAMESPACES].sort());
	});

	it('gives a form the keys its refusals come back with, not those of every other form', () => {
		// sign-in's action maps Auth's refusals (errors.ts authErrorKey) and parses with the auth
		// schemas (validation:…); errors.ts also maps the events' and papers' refusals.
		expect(scanned['/[lang=locale]/(public)/sign-in']).toEqual(['auth', 'errors', 'validation']);
		// The item forms meet dbErrorKey, which maps a signed paper and an event with
		// registrations (papers:, events:) for every kind of item.
		expect(scanned['/[lang=locale]/(app)/actions/new']).toEqual(
			expect.arrayContaining(['actions', 'errors', 'events', 'papers', 'validation'])
		);
	});

	it('gives a page it does not know every namespace rather than too few', () => {
		expect([...namespacesFor('/[lang=locale]/unknown')].sort()).toEqual([...NAMESPACES].sort());
		expect(namespacesFor(null)).toEqual(NAMESPACES);
	});

	it('gives every page the shell (header, footer, error page) and its own namespaces', () => {
		expect(namespacesFor('/[lang=locale]/(public)/events')).toEqual([
			...BASE_NAMESPACES,
			...ROUTE_NAMESPACES['/[lang=locale]/(public)/events']!
		]);
	});
});

describe('the scan follows what is imported, name by name', () => {
	const dir = mkdtempSync(join(tmpdir(), 'route-namespaces-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const write = (name: string, code: string) => {
		mkdirSync(join(dir, name, '..'), { recursive: true });
		writeFileSync(join(dir, name), code);
		return join(dir, name);
	};

	write(
		'errors.ts',
		`const table = { A1: 'papers:error_a' };
		function helper(code: string) { return table[code] ?? 'errors:generic'; }
		export function used(code: string) { return helper(code); }
		export function unused() { return 'events:error_b'; }
		export const other = () => 'members:error_c';`
	);
	write('index.ts', `export { used as reexported } from './errors';\nexport * from './more';`);
	write('more.ts', `export const more = () => 'console:x';\nconsole.log(\`dashboard:loaded\`);`);
	write('lazy.ts', `export const lazy = () => 'crc:article';`);

	it('takes the function imported, what it uses of its module, and not the rest', () => {
		const page = write('a/+page.svelte', `<script>import { used } from '../errors';</script>`);
		expect([...scan([page])].sort()).toEqual(['errors', 'papers']);
	});

	it('follows re-exports, `export *`, and a module top-level code', () => {
		const page = write(
			'b/+page.svelte',
			`<script>import { reexported, more } from '../index';</script>`
		);
		expect([...scan([page])].sort()).toEqual(['console', 'dashboard', 'errors', 'papers']);
	});

	it('takes a module imported whole, or at run time, whole', () => {
		const whole = write('c/+page.svelte', `<script>import * as e from '../errors';</script>`);
		expect([...scan([whole])].sort()).toEqual(['errors', 'events', 'members', 'papers']);
		const lazy = write(
			'd/+page.svelte',
			`<script>const load = () => import('../lazy');</script><p>{t('home:title')}</p>`
		);
		expect([...scan([lazy])].sort()).toEqual(['crc', 'home']);
	});

	it('reads a component whole: its markup and `ns` props, not its comments', () => {
		const component = write(
			'e/Field.svelte',
			`<!-- t('account:old') --><script>\n\t// 'auth:old'\n</script><Label ns="papers" />`
		);
		const page = write('e/+page.svelte', `<script>import Field from './Field.svelte';</script>`);
		expect([...scan([page])]).toEqual(['papers']);
		expect([...scan([component])]).toEqual(['papers']);
	});
});
