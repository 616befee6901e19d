import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Pages are laid out right to left in Arabic by the browser alone, because every style says
// start and end (margin-inline-start, inset-inline-end, border-inline-start, text-align: start)
// instead of left and right, which stay where they are whatever the direction. This scan fails
// on a physical left/right property in any stylesheet, <style> block or style attribute under
// src/ where CSS has a logical one (https://www.w3.org/TR/css-logical-1/).

const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(css|svelte)$/.test(name) ? [path] : [];
	});
}

/** The CSS of a file: a stylesheet, or a component's <style> blocks and style attributes. */
function cssOf(path: string): string {
	const code = readFileSync(path, 'utf8');
	const css = path.endsWith('.css')
		? code
		: [
				...[...code.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]),
				...[...code.matchAll(/\bstyle=(?:"([^"]*)"|\{`([^`]*)`\})/g)].map((m) => m[1] ?? m[2])
			].join('\n');
	return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

const PHYSICAL = [
	/\b(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b/g,
	/\bborder-(?:top|bottom)-(?:left|right)-radius\b/g,
	/(?:^|[;{\s])(?:left|right)\s*:/g,
	/\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b/g
];

export function physicalProperties(css: string): string[] {
	return PHYSICAL.flatMap((pattern) => [...css.matchAll(pattern)].map((m) => m[0].trim()));
}

describe('styles', () => {
	it('use logical properties (start/end), never left/right, everywhere under src/', () => {
		const found = files(SRC).flatMap((path) =>
			physicalProperties(cssOf(path)).map((property) => `${relative(SRC, path)}: ${property}`)
		);
		expect(found).toEqual([]);
	});

	it('would notice each kind of physical property', () => {
		const css = `.a { margin-left: 1rem; } .b { right: 0; } .c { text-align: left }
			.d { border-top-right-radius: 2px; float: right; padding-right: 0 }`;
		expect(physicalProperties(css)).toHaveLength(6);
		expect(
			physicalProperties('.a { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start }')
		).toEqual([]);
	});
});
