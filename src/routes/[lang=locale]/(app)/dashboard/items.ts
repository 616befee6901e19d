/** What the dashboard's rows link to: a joint action, an event or a paper, with its titles. */
export type Kind = 'joint_action' | 'event' | 'paper';

export interface Titled {
	item_id: string;
	kind: Kind;
	original_locale: string;
	titles: Record<string, string> | null;
}

/** Each kind's list (its path) and the heading of its news. */
export const KINDS = [
	{ kind: 'joint_action', path: 'actions', heading: 'nav_actions' },
	{ kind: 'event', path: 'events', heading: 'nav_events' },
	{ kind: 'paper', path: 'papers', heading: 'nav_papers' }
] as const;

/** The path of a kind's pages (`actions`, `events`, `papers`). */
export const pathOf = (kind: Kind) => KINDS.find((k) => k.kind === kind)!.path;
