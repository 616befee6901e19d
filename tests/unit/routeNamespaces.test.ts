import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_NAMESPACES, ROUTE_NAMESPACES, namespacesFor } from '#lib/i18n/routes';
import { NAMESPACES } from '#lib/i18n/resources';

// Each page loads only the translation namespaces src/lib/i18n/routes.ts lists for it. This
// reads the code a page runs to find the namespaces it names, so that the list cannot lag
// behind: a `t('events:…')` added to a component a page uses fails here until the page's
// entry has `events`.
//
// What a page runs: its +page.svelte and the layouts above it, with every module they import
// (#lib/… and relative); and, when the page has form actions, its +page.server.ts with what it
// imports, because a refused form comes back with message keys (`validation:…`, `errors:…`,
// any namespace dbErrorKey maps a refusal to) that the page translates. A namespace is named
// by a quoted `ns:` prefix (`'events:title'`, `` `actions:area_${a}` ``) or passed to a
// component as `ns="papers"`. Comments are ignored.

const SRC = resolve(import.meta.dirname, '../../src');
const ROUTES = join(SRC, 'routes');
const named = new RegExp(`['"\`](${NAMESPACES.join('|')}):`, 'g');
const passed = new RegExp(`\\bns=["'{]*(${NAMESPACES.join('|')})\\b`, 'g');
const imported = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g;

function withoutComments(code: string): string {
	return code
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/^\s*\/\/.*$/gm, '');
}

function resolveImport(from: string, specifier: string): string | null {
	let base: string;
	if (specifier.startsWith('#lib/')) base = join(SRC, 'lib', specifier.slice('#lib/'.length));
	else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else return null;
	const candidates = [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')];
	return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

/** The namespaces named in these files and everything they import. */
function namespacesOf(entries: string[]): Set<string> {
	const found = new Set<string>();
	const seen = new Set<string>();
	const queue = [...entries];
	for (let file = queue.pop(); file; file = queue.pop()) {
		if (seen.has(file) || file.endsWith('.json') || file.endsWith('.css')) continue;
		seen.add(file);
		const code = withoutComments(readFileSync(file, 'utf8'));
		for (const [, namespace] of code.matchAll(named)) found.add(namespace!);
		for (const [, namespace] of code.matchAll(passed)) found.add(namespace!);
		for (const [, from, dynamic] of code.matchAll(imported)) {
			const target = resolveImport(file, (from ?? dynamic)!);
			if (target) queue.push(target);
		}
	}
	return found;
}

function pageFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory()) return pageFiles(join(dir, entry.name));
		return entry.name === '+page.svelte' ? [join(dir, entry.name)] : [];
	});
}

/** What each page of the [lang] layout names, beyond the namespaces every page has. */
function scanPages(): Record<string, string[]> {
	const pages: Record<string, string[]> = {};
	for (const page of pageFiles(join(ROUTES, '[lang=locale]'))) {
		const folder = dirname(page);
		const entries = [page];
		for (let dir = folder; dir.startsWith(ROUTES); dir = dirname(dir)) {
			for (const name of ['+layout.svelte', '+layout.ts', '+error.svelte']) {
				if (existsSync(join(dir, name))) entries.push(join(dir, name));
			}
		}
		const server = join(folder, '+page.server.ts');
		if (existsSync(server) && /export const actions\b/.test(readFileSync(server, 'utf8'))) {
			entries.push(server);
		}
		const id = '/' + relative(ROUTES, folder).split(sep).join('/');
		pages[id] = [...namespacesOf(entries)]
			.filter((namespace) => !(BASE_NAMESPACES as readonly string[]).includes(namespace))
			.sort();
	}
	return pages;
}

describe('translation namespaces per page', () => {
	const scanned = scanPages();

	it('finds the pages and what they name', () => {
		expect(Object.keys(scanned).length).toBeGreaterThan(20);
		expect(scanned['/[lang=locale]/(public)/events']).toContain('events');
	});

	it('lists, for every page, exactly the namespaces its code names', () => {
		// On failure, the expected value is the table to put in src/lib/i18n/routes.ts.
		const listed = Object.fromEntries(
			Object.entries(ROUTE_NAMESPACES).map(([id, namespaces]) => [id, [...namespaces].sort()])
		);
		expect(listed).toEqual(scanned);
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
