import { pluralRulesOf } from './format';

/** The CLDR plural categories, as i18next suffixes a key with them (`count_few`). */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_SUFFIX = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);

type Tables = Record<string, Record<string, string>>;

/** The plural categories a language's numbers fall into (en: one, other; ar: all six). */
export function pluralCategoriesOf(locale: string): string[] {
	return pluralRulesOf(locale).resolvedOptions().pluralCategories;
}

/**
 * The pluralised keys of the source (`count` for `count_one` + `count_other`): those that have
 * a key for every plural category of the source language. A key that only looks like a plural
 * form (`kind_other`, the paper kind "other") is a plain key.
 */
function pluralBases(source: Record<string, string>, sourceLocale: string): Set<string> {
	const categories = pluralCategoriesOf(sourceLocale);
	const bases = new Set<string>();
	for (const key of Object.keys(source)) {
		const base = key.replace(PLURAL_SUFFIX, '');
		if (base !== key && categories.every((category) => `${base}_${category}` in source)) {
			bases.add(base);
		}
	}
	return bases;
}

/**
 * What a locale's translations lack or have too many of, as `namespace:key`, against the
 * source (English): every plain key exactly, and for every pluralised key exactly the plural
 * forms `Intl.PluralRules(locale)` has — six in Arabic (zero, one, two, few, many, other), one
 * and other in English or German, one, many and other in French and Spanish (`many` for a
 * million). i18next picks a form by the same rules, so a form missing here would show another
 * form's words (or the key) to a reader.
 */
export function keyParity(
	source: Tables,
	sourceLocale: string,
	target: Tables,
	targetLocale: string
): { missing: string[]; unknown: string[] } {
	const categories = pluralCategoriesOf(targetLocale);
	const missing: string[] = [];
	const unknown: string[] = [];
	for (const namespace of new Set([...Object.keys(source), ...Object.keys(target)])) {
		const from = source[namespace] ?? {};
		const to = target[namespace] ?? {};
		const bases = pluralBases(from, sourceLocale);
		const expected = new Set<string>();
		for (const key of Object.keys(from)) {
			const base = key.replace(PLURAL_SUFFIX, '');
			if (base === key || !bases.has(base)) expected.add(key);
		}
		for (const base of bases) {
			for (const category of categories) expected.add(`${base}_${category}`);
		}
		for (const key of expected) if (!(key in to)) missing.push(`${namespace}:${key}`);
		for (const key of Object.keys(to)) if (!expected.has(key)) unknown.push(`${namespace}:${key}`);
	}
	return { missing: missing.sort(), unknown: unknown.sort() };
}
