import { loadResources } from '#lib/i18n/load';
import type { LayoutLoad } from './$types';

/**
 * The page's translations, the files the server named: read from the server's bundle when
 * rendering and fetched (cached, immutable) by the browser before it hydrates, so the page
 * shows the same words and none of them is serialized into the HTML.
 */
export const load: LayoutLoad = async ({ data, fetch }) => ({
	...data,
	resources: await loadResources(data.locale, data.translations, fetch)
});
