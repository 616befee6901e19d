/**
 * The demo seed (supabase/seed.sql) as the API and end-to-end tests know it: fixed ids of
 * organisations, items and people, and the local-only demo password. One home, so that a
 * seed change is made here once.
 */

/** Local-only password of every demo account (seed.sql). */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Fixed organisation ids. */
export const ORG = {
	secretariat: '10000000-0000-4000-8000-000000000001',
	deiBelgique: '10000000-0000-4000-8000-000000000002',
	dciNetherlands: '10000000-0000-4000-8000-000000000003',
	dciItalia: '10000000-0000-4000-8000-000000000004',
	dciGreece: '10000000-0000-4000-8000-000000000005',
	code: '10000000-0000-4000-8000-000000000020',
	kinderrechtencoalitie: '10000000-0000-4000-8000-000000000021',
	dciPalestine: '10000000-0000-4000-8000-000000000007',
	pending: '10000000-0000-4000-8000-000000000025',
	suspended: '10000000-0000-4000-8000-000000000026'
} as const;

/** Fixed item ids (joint actions and events). */
export const ITEM = {
	publicAction: '30000000-0000-4000-8000-000000000001',
	draftByCode: '30000000-0000-4000-8000-000000000002',
	networkAction: '30000000-0000-4000-8000-000000000003',
	participantsLitigation: '30000000-0000-4000-8000-000000000004',
	/** DEI Belgique's training (network). */
	belgianTraining: '30000000-0000-4000-8000-000000000201',
	/** DCI Netherlands' public webinar in Amsterdam. */
	publicWebinar: '30000000-0000-4000-8000-000000000203',
	/** DEI Belgique's study day, a draft with no place yet (80 places once published). */
	draftStudyDay: '30000000-0000-4000-8000-000000000213',
	/** CODE's seminar, approval required; Julien organises it. */
	codeSeminar: '30000000-0000-4000-8000-000000000204',
	/** DCI Palestine's public action, English original with an Arabic (and a French) text. */
	palestineAction: '30000000-0000-4000-8000-000000000106',
	/** SDJ's legal help desk in schools (public, French): planned from 10 January to 30 June 2027. */
	schoolHelpDesk: '30000000-0000-4000-8000-000000000108',
	/** The Secretariat's public paper on children in immigration detention, open for co-signature. */
	detentionPaper: '30000000-0000-4000-8000-000000000005',
	/** DEI Belgique's position paper on juvenile justice in Brussels (French original, network). */
	juvenileJusticePaper: '30000000-0000-4000-8000-000000000302',
	/** DCI Palestine's network webinar, English original with an Arabic text; Benoît registered. */
	palestineWebinar: '30000000-0000-4000-8000-000000000007'
} as const;

/** Demo people by role, with the id, email and name the seed gives them. */
export const PEOPLE = {
	/** Amira, coordinator at the international secretariat. */
	coordinator: {
		id: '20000000-0000-4000-8000-000000000001',
		email: 'coordinator@dci-is.demo',
		name: 'Amira Haddad'
	},
	/** Benoît, admin of DEI Belgique. */
	admin: {
		id: '20000000-0000-4000-8000-000000000002',
		email: 'admin@dei-belgique.demo',
		name: 'Benoît Lambert'
	},
	/** Lotte, editor at DEI Belgique and member of the Flemish coalition. */
	editor: {
		id: '20000000-0000-4000-8000-000000000003',
		email: 'editor@dei-belgique.demo',
		name: 'Lotte Peeters'
	},
	/** Sarah, member (not editor) of DEI Belgique. */
	member: {
		id: '20000000-0000-4000-8000-000000000004',
		email: 'member@dei-belgique.demo',
		name: 'Sarah El Amrani'
	},
	/** Julien, editor at CODE. */
	codeEditor: {
		id: '20000000-0000-4000-8000-000000000006',
		email: 'editor@lacode.demo',
		name: 'Julien Claes'
	},
	/** Fien, editor at the Flemish coalition. */
	coalitionEditor: {
		id: '20000000-0000-4000-8000-000000000009',
		email: 'editor@kinderrechtencoalitie.demo',
		name: 'Fien De Smet'
	},
	/** Emma, member of DCI Netherlands (English). */
	dciNlMember: {
		id: '20000000-0000-4000-8000-000000000011',
		email: 'member@dci-nl.demo',
		name: 'Emma Bakker'
	},
	/** Khaled, admin of DCI Palestine, who reads the hub and his emails in Arabic. */
	palestineAdmin: {
		id: '20000000-0000-4000-8000-000000000015',
		email: 'admin@dci-palestine.demo',
		name: 'Khaled Mansour'
	},
	/** Lina, editor (translator) at DCI Palestine, who reads the hub in Arabic. */
	palestineEditor: {
		id: '20000000-0000-4000-8000-000000000028',
		email: 'editor@dci-palestine.demo',
		name: 'Lina Khalil'
	},
	/** Yasmina, signed in but member of no organisation. */
	outsider: {
		id: '20000000-0000-4000-8000-000000000023',
		email: 'newcomer@example.demo',
		name: 'Yasmina Ouali'
	}
} as const;
