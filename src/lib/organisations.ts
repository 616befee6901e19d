/** Organisation kinds, in the order menus show them (the database enum `organisation_kind`). */
export const ORGANISATION_KINDS = ['secretariat', 'section', 'partner'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
