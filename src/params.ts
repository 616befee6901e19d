import { defineParams } from '@sveltejs/kit/params';
// A relative path with its extension: Node itself loads this file while building.
import { isLocale } from './lib/i18n/config.ts';

/** The ids the database hands out (RFC 9562, as `z.uuid()` accepts them). */
const UUID =
	/^([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/i;

/**
 * Route parameter matchers: `[lang=locale]` is one of the hub's interface languages;
 * `[id=uuid]` is an id, so that `/en/actions/not-an-id` is SvelteKit's translated 404
 * without reaching the database; `[iso2=country]` a country code, `[n=article]` a UNCRC article.
 */
export const params = defineParams({
	locale: (param) => (isLocale(param) ? param : undefined),
	uuid: (param) => (UUID.test(param) ? param : undefined),
	// ISO 3166-1 alpha-2, written in lower case in addresses (/en/countries/be).
	country: (param) => (/^[a-z]{2}$/.test(param) ? param : undefined),
	// A UN CRC article: 1 to 54, without a leading zero.
	article: (param) => (/^([1-9]|[1-4][0-9]|5[0-4])$/.test(param) ? param : undefined)
});
