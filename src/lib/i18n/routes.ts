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
	'/[lang=locale]/(app)/account': ['account', 'auth', 'console', 'errors', 'events', 'members', 'organisations', 'papers', 'validation'],
	'/[lang=locale]/(app)/actions/[id=uuid]/edit': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/actions/new': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/auth/set-password': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/console': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'organisations', 'papers', 'validation'],
	'/[lang=locale]/(app)/console/applications': ['account', 'auth', 'console', 'errors', 'events', 'members', 'organisations', 'papers', 'validation'],
	'/[lang=locale]/(app)/console/audit': ['actions', 'auth', 'console', 'validation'],
	'/[lang=locale]/(app)/console/new': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/dashboard': ['account', 'actions', 'auth', 'console', 'dashboard', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/events/[id=uuid]/edit': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/events/[id=uuid]/registrations': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/events/new': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/invitations': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/notifications': ['account', 'actions', 'console', 'errors', 'events', 'members', 'notifications', 'papers', 'validation'],
	'/[lang=locale]/(app)/organisations/[slug]/members': ['account', 'auth', 'console', 'errors', 'events', 'members', 'organisations', 'papers', 'validation'],
	'/[lang=locale]/(app)/organisations/[slug]/profile': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/papers/[id=uuid]/edit': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(app)/papers/new': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)': ['home'],
	'/[lang=locale]/(public)/account-deleted': ['account'],
	'/[lang=locale]/(public)/actions': ['actions', 'crc', 'organisations'],
	'/[lang=locale]/(public)/actions/[id=uuid]': ['account', 'actions', 'auth', 'console', 'crc', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)/apply': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)/auth/confirm': ['auth', 'errors'],
	'/[lang=locale]/(public)/events': ['actions', 'events', 'organisations'],
	'/[lang=locale]/(public)/events/[id=uuid]': ['account', 'actions', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)/forgot-password': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)/join/[token]': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)/organisations': ['actions', 'organisations'],
	'/[lang=locale]/(public)/organisations/[slug]': ['members', 'organisations'],
	'/[lang=locale]/(public)/papers': ['actions', 'organisations', 'papers'],
	'/[lang=locale]/(public)/papers/[id=uuid]': ['actions', 'events', 'papers'],
	'/[lang=locale]/(public)/sign-in': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)/sign-in/code': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation'],
	'/[lang=locale]/(public)/sign-in/email': ['account', 'auth', 'console', 'errors', 'events', 'members', 'papers', 'validation']
};

/** The namespaces a page loads; every one for a route the table does not know. */
export function namespacesFor(routeId: string | null): readonly Namespace[] {
	const own = routeId ? ROUTE_NAMESPACES[routeId] : undefined;
	return own ? [...BASE_NAMESPACES, ...own] : NAMESPACES;
}
