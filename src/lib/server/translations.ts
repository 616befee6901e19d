import type { Locale } from '#lib/i18n/config';
import type { TranslationFiles } from '#lib/i18n/load';
import { namespacesFor } from '#lib/i18n/routes';

// Each translation file is an asset of the build (`/_app/immutable/assets/actions.<hash>.json`,
// kept out of the inline limit in vite.config.ts), served with an immutable cache lifetime.
// The table of every file stays on the server: a page is told the few it needs.
const urls = import.meta.glob<string>('../i18n/locales/*/*.json', {
	query: '?url',
	import: 'default',
	eager: true
});

/** The translation files of a route's page in a locale (namespace → address). */
export function translationFiles(locale: Locale, routeId: string | null): TranslationFiles {
	return Object.fromEntries(
		namespacesFor(routeId).flatMap((namespace) => {
			const url = urls[`../i18n/locales/${locale}/${namespace}.json`];
			return url ? [[namespace, url]] : [];
		})
	);
}
