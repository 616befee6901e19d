import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Numbers, dates and names of languages and countries on a page are formatted in the reader's
// locale in one place, src/lib/i18n/format.ts, which knows that Arabic pages use Latin digits
// (intlLocale). A formatter made elsewhere with the page's locale would show Arabic-Indic
// digits in a browser whose Intl data defaults to them. Formatters with a fixed locale
// ('en-CA' for YYYY-MM-DD keys, 'sv-SE' for a spreadsheet's sortable stamps) are technical and
// allowed.

const SRC = resolve(import.meta.dirname, '../../src');
const HOME = join(SRC, 'lib/i18n/format.ts');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

/** Formatters made with a locale that is not a fixed string, and locale-dependent toString calls. */
const READER_FORMATTER =
	/new Intl\.(DateTimeFormat|NumberFormat|DisplayNames|RelativeTimeFormat|ListFormat|PluralRules)\(\s*(?!['"][\w-]+['"]\s*[,)])|\.toLocale(Date|Time)?String\(/g;

describe('the formatting home', () => {
	it('is where every reader-locale formatter of src/ is made', () => {
		const found = files(SRC)
			.filter((path) => path !== HOME)
			.flatMap((path) =>
				[...readFileSync(path, 'utf8').matchAll(READER_FORMATTER)].map(
					(match) => `${relative(SRC, path)}: ${match[0]}`
				)
			);
		expect(found).toEqual([]);
	});

	it('would notice one', () => {
		const code = "const f = new Intl.DateTimeFormat(i18n.locale, {}); n.toLocaleString('ar');";
		expect(code.match(READER_FORMATTER)).toHaveLength(2);
		expect("new Intl.DateTimeFormat('en-CA', {})".match(READER_FORMATTER)).toBeNull();
	});
});
