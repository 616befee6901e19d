/** DCI's four areas of work (the database enum `work_area`), in display order. */
export const WORK_AREAS = [
	'training_education',
	'lobbying_advocacy',
	'legal_actions',
	'research_expertise'
] as const;
export type WorkArea = (typeof WORK_AREAS)[number];

/** Phases of a joint action (the database enum `action_phase`). */
export const ACTION_PHASES = ['planned', 'ongoing', 'completed'] as const;
export type ActionPhase = (typeof ACTION_PHASES)[number];

/** Articles of the UN Convention on the Rights of the Child: 1–54. */
export const CRC_ARTICLES = Array.from({ length: 54 }, (_, index) => index + 1);

/** Kinds of position papers (the database enum `paper_kind`). */
export const PAPER_KINDS = [
	'position_statement',
	'alternative_report',
	'submission',
	'other'
] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];
