import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { isolate } from './bidi';
import { directionOf, type Locale } from './config';
import { NAMESPACES, type Resources } from './resources';

export type { TFunction };

/**
 * A fresh i18next instance for one request (server) or one page (browser).
 * Never a shared global: two requests in two languages must not see each other's language.
 */
export function createI18n(locale: Locale, resources: Resources): I18n {
	const instance = i18next.createInstance();
	const direction = directionOf(locale);
	void instance.init({
		lng: locale,
		resources: { [locale]: resources },
		ns: NAMESPACES,
		defaultNS: 'common',
		fallbackLng: false,
		initAsync: false,
		// Svelte escapes interpolated text itself (and the emails escape their HTML part), so
		// i18next's "escape" only isolates each value from the sentence around it (bidi.ts), as
		// the components' translator does.
		interpolation: { escapeValue: true, escape: (value: string) => isolate(value, direction) }
	});
	return instance;
}
