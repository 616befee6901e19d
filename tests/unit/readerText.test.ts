import { describe, expect, it } from 'vitest';
import { LOCALES } from '#lib/i18n/config';
import { forReader, pickTranslation } from '#lib/i18n/content';

const text = (locale: string) => ({
	locale,
	title: `title ${locale}`,
	summary: `summary ${locale}`
});

describe('the text a reader is shown', () => {
	it('is the reader’s language when the item has it', () => {
		const picked = pickTranslation([text('fr'), text('nl'), text('en')], 'nl', 'fr');
		expect(picked).toMatchObject({ locale: 'nl', title: 'title nl', isFallback: false });
	});

	it('falls back to the original, then English, then any, and says so', () => {
		expect(pickTranslation([text('en'), text('nl')], 'ar', 'nl')).toMatchObject({
			locale: 'nl',
			isFallback: true
		});
		expect(pickTranslation([text('es'), text('en')], 'ar', 'fr')).toMatchObject({
			locale: 'en',
			isFallback: true
		});
		expect(pickTranslation([text('es')], 'ar', 'fr')).toMatchObject({
			locale: 'es',
			isFallback: true
		});
		expect(pickTranslation([], 'fr', 'fr')).toBeNull();
	});
});

describe('forReader: a list carries only the text its reader is shown', () => {
	const item = (original: string, locales: string[]) => ({
		id: `${original}:${locales.join(',')}`,
		original_locale: original,
		translations: locales.map(text)
	});

	it('keeps one row per item, the one the card picks, whatever the reader and the texts', () => {
		const items = [
			item('fr', ['fr', 'nl', 'en', 'es', 'ar']),
			item('nl', ['nl']),
			item('en', ['en', 'fr']),
			item('es', ['es', 'en']),
			item('fr', ['nl', 'es'])
		];
		for (const reader of LOCALES) {
			const shown = forReader(items, reader);
			items.forEach((full, index) => {
				const row = shown[index]!;
				expect(row.translations).toHaveLength(1);
				expect(pickTranslation(row.translations, reader, row.original_locale)).toEqual(
					pickTranslation(full.translations, reader, full.original_locale)
				);
			});
		}
	});

	it('leaves the other columns and the rows it was given untouched', () => {
		const given = item('fr', ['fr', 'nl']);
		const [shown] = forReader([given], 'nl');
		expect(shown).toEqual({ ...given, translations: [text('nl')] });
		expect(given.translations).toHaveLength(2);
	});

	it('gives an item without any text no text (the card shows its placeholder)', () => {
		expect(forReader([item('fr', [])], 'fr')).toEqual([{ ...item('fr', []), translations: [] }]);
	});
});
