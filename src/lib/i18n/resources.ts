import type { Locale } from './config';
import enAccount from './locales/en/account.json';
import enActions from './locales/en/actions.json';
import enAuth from './locales/en/auth.json';
import enCommon from './locales/en/common.json';
import enConsole from './locales/en/console.json';
import enCrc from './locales/en/crc.json';
import enDashboard from './locales/en/dashboard.json';
import enErrors from './locales/en/errors.json';
import enEvents from './locales/en/events.json';
import enHome from './locales/en/home.json';
import enMembers from './locales/en/members.json';
import enNotifications from './locales/en/notifications.json';
import enOrganisations from './locales/en/organisations.json';
import enPapers from './locales/en/papers.json';
import enValidation from './locales/en/validation.json';

/** English is the typed source: every other locale must have exactly these keys. */
export const sourceResources = {
	account: enAccount,
	actions: enActions,
	auth: enAuth,
	common: enCommon,
	console: enConsole,
	crc: enCrc,
	dashboard: enDashboard,
	errors: enErrors,
	events: enEvents,
	home: enHome,
	members: enMembers,
	notifications: enNotifications,
	organisations: enOrganisations,
	papers: enPapers,
	validation: enValidation
};

export type Namespace = keyof typeof sourceResources;
export type Resources = { [N in Namespace]: Record<string, string> };
// Written out (not Object.keys(sourceResources)) so the English JSON is not bundled for the browser.
export const NAMESPACES: Namespace[] = [
	'account',
	'actions',
	'auth',
	'common',
	'console',
	'crc',
	'dashboard',
	'errors',
	'events',
	'home',
	'members',
	'notifications',
	'organisations',
	'papers',
	'validation'
];

const files = import.meta.glob<Record<string, string>>('./locales/*/*.json', {
	eager: true,
	import: 'default'
});

/** All translations of one locale, as sent to the browser with the page (a few KB). */
export function resourcesFor(locale: Locale): Resources {
	const resources = {} as Resources;
	for (const ns of NAMESPACES) {
		resources[ns] = files[`./locales/${locale}/${ns}.json`] ?? {};
	}
	return resources;
}
