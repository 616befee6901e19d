/** Organisation kinds, in the order menus show them (the database enum `organisation_kind`). */
export const ORGANISATION_KINDS = ['secretariat', 'section', 'partner'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Working languages offered on the application and creation forms (ISO 639-1). */
export const WORKING_LANGUAGES = [
	'fr',
	'nl',
	'en',
	'de',
	'es',
	'it',
	'pt',
	'ar',
	'el',
	'sw'
] as const;
