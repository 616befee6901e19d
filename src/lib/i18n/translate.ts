import { isolate } from './bidi';
import { directionOf, type Locale } from './config';
import { pluralRulesOf } from './format';
import type { PageResources } from './load';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The translate function components use, on the server and in the browser alike.
 * It reads the same JSON as the server's per-request i18next instance, with the subset of
 * i18next's format the hub uses — `ns:key`, `{{name}}` interpolation, `_one`/`_other`/…
 * plural suffixes chosen by Intl.PluralRules, each value isolated as bidi.ts says — so the
 * browser is spared i18next's 16 KB.
 * tests/unit/i18n.test.ts checks that both give the same text for every key in every locale.
 */
export function createTranslator(locale: Locale, resources: PageResources): Translate {
	const plurals = pluralRulesOf(locale);
	const direction = directionOf(locale);
	const missing = new Set<string>();
	return (key, options = {}) => {
		const separator = key.indexOf(':');
		const ns = (separator > 0 ? key.slice(0, separator) : 'common') as keyof PageResources;
		const name = separator > 0 ? key.slice(separator + 1) : key;
		const table = resources[ns];
		if (!table) {
			// A page gets only the namespaces src/lib/i18n/routes.ts lists for it: say which is
			// missing (once), on the server and in the browser, instead of showing keys silently.
			if (!missing.has(ns)) console.error(`i18n: namespace "${ns}" is not loaded for ${key}`);
			missing.add(ns);
			return key;
		}
		let text = table[name];
		if (typeof options.count === 'number') {
			text = table[`${name}_${plurals.select(options.count)}`] ?? table[`${name}_other`] ?? text;
		}
		if (text === undefined) return key;
		return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, variable: string) => {
			const value = options[variable];
			return value === undefined || value === null ? match : isolate(String(value), direction);
		});
	};
}
