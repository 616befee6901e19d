import { defineParams } from '@sveltejs/kit/params';
// A relative path with its extension: Node itself loads this file while building.
import { isLocale } from './lib/i18n/config.ts';

/** Route parameter matchers: `[lang=locale]` is one of the hub's interface languages. */
export const params = defineParams({
	locale: (param) => (isLocale(param) ? param : undefined)
});
