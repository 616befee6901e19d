import { NAMESPACES, type Namespace } from './resources';

/** What every page shows: the header, the footer and the error page (keys without a prefix). */
export const BASE_NAMESPACES = ['common'] as const satisfies readonly Namespace[];

/**
 * The namespaces each page translates with besides the base ones, by route id: its components',
 * and for a page with forms, those of the messages a refused form comes back with.
 * tests/unit/routeNamespaces.test.ts reads the code of every page and fails when this table
 * is not exactly what it names.
 */
// prettier-ignore
export const ROUTE_NAMESPACES: Record<string, readonly Namespace[]> = {
	'/[lang=locale]/(app)/account': ['account', 'auth', 'errors', 'events', 'notifications', 'organisations', 'papers', 'validation'],
	'/[lang=locale]/(app)/actions/[id=uuid]/edit': ['actions', 'errors', 'events', 'papers', 'translations', 'validation'],
	'/[lang=locale]/(app)/actions/new': ['actions', 'errors', 'events', 'papers', 'validation'],
	'/[lang=locale]/(app)/auth/set-password': ['auth', 'errors', 'validation'],
	'/[lang=locale]/(app)/console': ['actions', 'auth', 'console', 'errors', 'events', 'members', 'organisations', 'papers', 'validation'],
	'/[lang=locale]/(app)/console/applications': ['auth', 'console', 'errors', 'events', 'members', 'organisations', 'papers', 'validation'],
	'/[lang=locale]/(app)/console/audit': ['actions', 'console'],
	'/[lang=locale]/(app)/console/new': ['auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/dashboard': ['account', 'actions', 'auth', 'dashboard', 'errors', 'events', 'members', 'papers', 'translations', 'validation'],
	'/[lang=locale]/(app)/events/[id=uuid]/edit': ['actions', 'auth', 'countries', 'errors', 'events', 'notifications', 'papers', 'translations', 'validation'],
	'/[lang=locale]/(app)/events/[id=uuid]/registrations': ['auth', 'countries', 'errors', 'events', 'notifications', 'papers', 'validation'],
	'/[lang=locale]/(app)/events/new': ['actions', 'errors', 'events', 'papers', 'validation'],
	'/[lang=locale]/(app)/invitations': ['account', 'actions', 'auth', 'errors', 'events', 'members', 'papers', 'translations', 'validation'],
	'/[lang=locale]/(app)/notifications': ['actions', 'countries', 'errors', 'events', 'notifications', 'papers', 'validation'],
	'/[lang=locale]/(app)/organisations/[slug]/members': ['auth', 'errors', 'events', 'members', 'organisations', 'papers', 'validation'],
	'/[lang=locale]/(app)/organisations/[slug]/profile': ['errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/papers/[id=uuid]/edit': ['actions', 'errors', 'events', 'papers', 'translations', 'validation'],
	'/[lang=locale]/(app)/papers/new': ['actions', 'errors', 'events', 'papers', 'validation'],
	'/[lang=locale]/(app)/translations/[id=uuid]': ['actions', 'errors', 'events', 'papers', 'translations', 'validation'],
	'/[lang=locale]/(public)': ['home'],
	'/[lang=locale]/(public)/account-deleted': ['account'],
	'/[lang=locale]/(public)/actions': ['actions', 'crc', 'organisations'],
	'/[lang=locale]/(public)/actions/[id=uuid]': ['account', 'actions', 'crc', 'errors', 'events', 'papers', 'translations', 'validation'],
	'/[lang=locale]/(public)/apply': ['auth', 'console', 'errors', 'validation'],
	'/[lang=locale]/(public)/auth/confirm': ['auth', 'errors'],
	'/[lang=locale]/(public)/countries': ['countries'],
	'/[lang=locale]/(public)/countries/[iso2=country]': ['countries', 'errors', 'events', 'papers', 'validation'],
	'/[lang=locale]/(public)/countries/[iso2=country]/cycles/[id=uuid]': ['countries', 'errors', 'events', 'papers', 'validation'],
	'/[lang=locale]/(public)/crc/[n=article]': ['countries', 'crc'],
	'/[lang=locale]/(public)/events': ['actions', 'events', 'organisations'],
	'/[lang=locale]/(public)/events/[id=uuid]': ['actions', 'auth', 'countries', 'errors', 'events', 'notifications', 'papers', 'translations', 'validation'],
	'/[lang=locale]/(public)/forgot-password': ['auth', 'errors', 'validation'],
	'/[lang=locale]/(public)/join/[token]': ['account', 'auth', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)/organisations': ['actions', 'organisations'],
	'/[lang=locale]/(public)/organisations/[slug]': ['countries', 'members', 'organisations'],
	'/[lang=locale]/(public)/papers': ['actions', 'organisations', 'papers'],
	'/[lang=locale]/(public)/papers/[id=uuid]': ['actions', 'events', 'papers', 'translations'],
	'/[lang=locale]/(public)/sign-in': ['auth', 'errors', 'validation'],
	'/[lang=locale]/(public)/sign-in/code': ['auth', 'errors', 'validation'],
	'/[lang=locale]/(public)/sign-in/email': ['auth', 'errors', 'validation'],
	'/[lang=locale]/(public)/unsubscribe/[token]': ['errors', 'notifications']
};

/** The namespaces a page loads; every one for a route the table does not know. */
export function namespacesFor(routeId: string | null): readonly Namespace[] {
	const own = routeId ? ROUTE_NAMESPACES[routeId] : undefined;
	return own ? [...BASE_NAMESPACES, ...own] : NAMESPACES;
}
