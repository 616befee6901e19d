import type { Locale } from './config';
import type { Namespace, Resources } from './resources';

/** The translations one page has: the namespaces its components use, in its language. */
export type PageResources = Partial<Resources>;
/** Where a page's translation files are: namespace → address of the file in the build. */
export type TranslationFiles = Partial<Record<Namespace, string>>;
type Table = Record<string, string>;

// The server reads the files from its bundle (no request to itself); the browser build drops
// this table (`import.meta.env.SSR` is false there) and fetches the files instead.
const bundled = import.meta.env.SSR
	? import.meta.glob<Table>('./locales/*/*.json', { import: 'default', eager: true })
	: {};

/** Files already asked for in this browser tab, so a navigation fetches only what is new. */
const fetched = new Map<string, Promise<Table>>();

function fetchTable(url: string, fetcher: typeof fetch): Promise<Table> {
	let table = fetched.get(url);
	if (!table) {
		table = fetcher(url).then((response) => {
			if (!response.ok) throw new Error(`${url}: ${response.status}`);
			return response.json() as Promise<Table>;
		});
		// A failed fetch (offline for a moment) is tried again on the next navigation.
		table.catch(() => fetched.delete(url));
		fetched.set(url, table);
	}
	return table;
}

/**
 * A page's translations (src/lib/server/translations.ts says which files): read from the
 * bundle on the server, fetched as immutable, cached files in the browser. Nothing of them is
 * serialized into the page.
 */
export async function loadResources(
	locale: Locale,
	files: TranslationFiles,
	fetcher: typeof fetch
): Promise<PageResources> {
	const namespaces = Object.keys(files) as Namespace[];
	const tables = await Promise.all(
		namespaces.map((namespace) =>
			import.meta.env.SSR
				? Promise.resolve(bundled[`./locales/${locale}/${namespace}.json`] ?? {})
				: fetchTable(files[namespace]!, fetcher)
		)
	);
	return Object.fromEntries(namespaces.map((namespace, i) => [namespace, tables[i]]));
}
