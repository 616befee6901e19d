import type { Locale } from './config';

const files = import.meta.glob<Record<string, string>>('./locales/*/*.json', {
	eager: true,
	import: 'default'
});

/** A namespace's English file, with the type of its JSON: the keys `t()` accepts. */
const english = <Table>(namespace: string): Table =>
	files[`./locales/en/${namespace}.json`] as Table;

/**
 * English is the typed source: every other locale must have exactly these keys. One line per
 * namespace (and its file in every locale): the list of namespaces is these keys
 * (docs/languages.md, "Adding a namespace"). Server-side only: the browser gets a page's files
 * by address (src/lib/server/translations.ts), never this table.
 */
// prettier-ignore
export const sourceResources = {
	account: english<typeof import('./locales/en/account.json')>('account'),
	actions: english<typeof import('./locales/en/actions.json')>('actions'),
	auth: english<typeof import('./locales/en/auth.json')>('auth'),
	common: english<typeof import('./locales/en/common.json')>('common'),
	console: english<typeof import('./locales/en/console.json')>('console'),
	countries: english<typeof import('./locales/en/countries.json')>('countries'),
	crc: english<typeof import('./locales/en/crc.json')>('crc'),
	dashboard: english<typeof import('./locales/en/dashboard.json')>('dashboard'),
	errors: english<typeof import('./locales/en/errors.json')>('errors'),
	events: english<typeof import('./locales/en/events.json')>('events'),
	home: english<typeof import('./locales/en/home.json')>('home'),
	members: english<typeof import('./locales/en/members.json')>('members'),
	notifications: english<typeof import('./locales/en/notifications.json')>('notifications'),
	organisations: english<typeof import('./locales/en/organisations.json')>('organisations'),
	papers: english<typeof import('./locales/en/papers.json')>('papers'),
	translations: english<typeof import('./locales/en/translations.json')>('translations'),
	validation: english<typeof import('./locales/en/validation.json')>('validation')
};

export type Namespace = keyof typeof sourceResources;
export type Resources = { [N in Namespace]: Record<string, string> };
export const NAMESPACES = Object.keys(sourceResources) as Namespace[];

/** All translations of one locale: the server's i18next (errors, emails, feeds) has them all. */
export function resourcesFor(locale: Locale): Resources {
	const resources = {} as Resources;
	for (const ns of NAMESPACES) {
		resources[ns] = files[`./locales/${locale}/${ns}.json`] ?? {};
	}
	return resources;
}
