import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import type { Locale } from './config';
import { NAMESPACES, type Resources } from './resources';

export type { TFunction };

/**
 * A fresh i18next instance for one request (server) or one page (browser).
 * Never a shared global: two requests in two languages must not see each other's language.
 */
export function createI18n(locale: Locale, resources: Resources): I18n {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		resources: { [locale]: resources },
		ns: NAMESPACES,
		defaultNS: 'common',
		fallbackLng: false,
		initAsync: false,
		// Svelte escapes interpolated text itself.
		interpolation: { escapeValue: false }
	});
	return instance;
}
