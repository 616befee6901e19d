import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '#lib/i18n';
import { LOCALES, localisePath, negotiateLocale } from '#lib/i18n/config';
import { keyParity } from '#lib/i18n/parity';
import { resourcesFor } from '#lib/i18n/resources';
import { createTranslator } from '#lib/i18n/translate';

const localesDir = join(import.meta.dirname, '../../src/lib/i18n/locales');

/** Every translation file of a locale, as read from its folder (a stray file counts too). */
function tablesOf(locale: string): Record<string, Record<string, string>> {
	return Object.fromEntries(
		readdirSync(join(localesDir, locale))
			.filter((file) => file.endsWith('.json'))
			.map((file) => [
				file.replace('.json', ''),
				JSON.parse(readFileSync(join(localesDir, locale, file), 'utf8')) as Record<string, string>
			])
	);
}

describe('translations', () => {
	const english = tablesOf('en');

	it('has a folder for every locale and no other', () => {
		expect(readdirSync(localesDir).sort()).toEqual([...LOCALES].sort());
	});

	it.each(LOCALES.filter((l) => l !== 'en'))(
		'%s has exactly the keys English has, with exactly its own plural forms',
		(locale) => {
			const { missing, unknown } = keyParity(english, 'en', tablesOf(locale), locale);
			expect(missing, 'missing in ' + locale).toEqual([]);
			expect(unknown, 'unknown in ' + locale).toEqual([]);
		}
	);

	// Proper names stay in English everywhere; single words may coincide (Organisation, Phase).
	const NAMES = ['common:app_name', 'common:app_tagline', 'events:mail_signature'];

	it.each(LOCALES.filter((l) => l !== 'en'))(
		'%s translates the interface in every namespace (no sentence copied from English)',
		(locale) => {
			const en = resourcesFor('en') as Record<string, Record<string, string>>;
			const other = resourcesFor(locale) as Record<string, Record<string, string>>;
			const copied = Object.entries(en).flatMap(([namespace, texts]) =>
				Object.entries(texts)
					.filter(([key, text]) => other[namespace]?.[key] === text)
					.map(([key, text]) => [`${namespace}:${key}`, text] as const)
					.filter(([id, text]) => {
						const words = text
							.replace(/\{\{[^}]+\}\}/g, ' ')
							.trim()
							.split(/\s+/);
						return !NAMES.includes(id) && words.filter(Boolean).length >= 2;
					})
					.map(([id]) => id)
			);
			expect(Object.keys(en).length).toBeGreaterThan(5);
			expect(copied, `English text left in ${locale}`).toEqual([]);
		}
	);

	it('keeps keys sorted in every file', () => {
		for (const locale of LOCALES) {
			for (const file of readdirSync(join(localesDir, locale))) {
				const keys = Object.keys(
					JSON.parse(readFileSync(join(localesDir, locale, file), 'utf8')) as object
				);
				expect(keys, `${locale}/${file}`).toEqual([...keys].sort());
			}
		}
	});

	/** Every text of a locale as [namespace:key, text]. */
	const textsOf = (locale: string) =>
		Object.entries(tablesOf(locale)).flatMap(([namespace, texts]) =>
			Object.entries(texts).map(([key, text]) => [`${namespace}:${key}`, text] as const)
		);

	it('speaks Dutch to its reader as "je", never as "u" (docs/languages.md)', () => {
		// "u", "uw" and "uzelf" as words: the formal address, once mixed with "je" in one card.
		const formal = textsOf('nl')
			.filter(([, text]) => /(^|[^\p{L}])(u|uw|uzelf)(?![\p{L}])/iu.test(text))
			.map(([id]) => id);
		expect(formal).toEqual([]);
	});

	it('isolates addresses, file endings and Markdown syntax left to right in Arabic texts', () => {
		// Their slashes, colons and dots take the Arabic sentence's direction otherwise:
		// "https://" showed as "//:https", "(.ics)" as "(ics.)".
		const LRI = '\u2066';
		const PDI = '\u2069';
		const bare = textsOf('ar')
			.filter(([, text]) => {
				const outside = text.replace(new RegExp(`${LRI}[^${PDI}]*${PDI}`, 'g'), '');
				return /https?:\/\/|\.ics\b|\]\(|\*\*|##/.test(outside);
			})
			.map(([id]) => id);
		expect(bare).toEqual([]);
	});

	it('gives each request its own language', () => {
		const fr = createI18n('fr', resourcesFor('fr'));
		const nl = createI18n('nl', resourcesFor('nl'));
		expect(fr.t('sign_in')).toBe('Se connecter');
		expect(nl.t('sign_in')).toBe('Aanmelden');
		expect(fr.t('auth:password')).toBe('Mot de passe');
	});
});

describe('negotiateLocale', () => {
	it('picks the highest-weighted supported language', () => {
		expect(negotiateLocale('de-CH, en;q=0.8')).toBe('de');
		expect(negotiateLocale('it;q=1, nl-BE;q=0.9, fr;q=0.5')).toBe('nl');
		expect(negotiateLocale('en;q=0.2, es;q=0.9')).toBe('es');
	});

	it('returns null when nothing matches or the header is absent', () => {
		expect(negotiateLocale('it, pt;q=0.9')).toBeNull();
		expect(negotiateLocale('fr;q=0')).toBeNull();
		expect(negotiateLocale(null)).toBeNull();
		expect(negotiateLocale('')).toBeNull();
	});
});

describe('localisePath', () => {
	it('replaces the locale segment and keeps the rest', () => {
		expect(localisePath('/fr/events?month=2026-12', 'nl')).toBe('/nl/events?month=2026-12');
		expect(localisePath('/fr', 'de')).toBe('/de');
		expect(localisePath('/en/organisations/dci-belgium#members', 'es')).toBe(
			'/es/organisations/dci-belgium#members'
		);
	});

	it('adds a locale to a path without one', () => {
		expect(localisePath('/', 'fr')).toBe('/fr');
		expect(localisePath('/events', 'fr')).toBe('/fr/events');
	});
});

describe('the components translator', () => {
	const samples = { count: 0, name: 'Ana', id: 'x1', status: 404, reader: 'A', original: 'B' };

	it.each(LOCALES)('gives the same text as i18next for every key in %s', (locale) => {
		const resources = resourcesFor(locale);
		const i18n = createI18n(locale, resources);
		const translate = createTranslator(locale, resources);
		for (const [ns, table] of Object.entries(resources)) {
			const keys = new Set(
				Object.keys(table).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, ''))
			);
			for (const key of keys) {
				// One count of each plural category of every locale (ar: zero, one, two, few, many, other;
				// fr and es: many for a million).
				for (const count of [0, 1, 2, 5, 11, 100, 1000000]) {
					const options = { ...samples, count };
					expect(translate(`${ns}:${key}`, options), `${locale} ${ns}:${key} (${count})`).toBe(
						i18n.t(`${ns}:${key}` as 'app_name', options)
					);
				}
			}
		}
	});

	it('falls back to the key when a translation is missing', () => {
		const translate = createTranslator('fr', resourcesFor('fr'));
		expect(translate('common:no_such_key')).toBe('common:no_such_key');
	});
});

describe('values in a sentence of the other direction', () => {
	const FSI = '\u2068';
	const PDI = '\u2069';

	it('isolates every value in an Arabic sentence (a Latin name ending in a parenthesis)', () => {
		for (const translate of [
			createTranslator('ar', resourcesFor('ar')),
			createI18n('ar', resourcesFor('ar')).t as (key: string, options: object) => string
		]) {
			expect(translate('actions:why_owner', { organisation: 'DCI-Belgium (host)' })).toBe(
				`يمكنك الاطلاع على هذا العمل لأن منظمتك ${FSI}DCI-Belgium (host)${PDI} تقوده.`
			);
		}
	});

	it('isolates an Arabic name in a French sentence and leaves a Latin one as it is', () => {
		const translate = createTranslator('fr', resourcesFor('fr'));
		expect(translate('members:back_to_organisation', { organisation: 'الحركة العالمية' })).toBe(
			`Retour à ${FSI}الحركة العالمية${PDI}`
		);
		expect(translate('members:back_to_organisation', { organisation: 'DCI-Belgium' })).toBe(
			'Retour à DCI-Belgium'
		);
	});

	it('gives Arabic its six plural forms', () => {
		const translate = createTranslator('ar', resourcesFor('ar'));
		const counts = [0, 1, 2, 3, 11, 100].map((count) => translate('events:count', { count }));
		expect(counts).toEqual([
			'لا توجد أي فعالية',
			'فعالية واحدة',
			'فعاليتان',
			`${FSI}3${PDI} فعاليات`,
			`${FSI}11${PDI} فعالية`,
			`${FSI}100${PDI} فعالية`
		]);
	});
});
