import { HOME_ZONE } from './homeZone';
import { utcToZoned } from './timeZones';
import { DEADLINE_KINDS } from '#lib/schemas/reviewCycles';

/** Days ahead within which a deadline with nothing linked to it is flagged. */
export const WARNING_DAYS = 60;

/** Today's date (YYYY-MM-DD) in the hub's home zone, where the review calendar is kept. */
export function today(now = new Date()): string {
	return utcToZoned(now, HOME_ZONE).date;
}

/** The day `days` after a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
	const value = new Date(`${date}T00:00:00Z`);
	value.setUTCDate(value.getUTCDate() + days);
	return value.toISOString().slice(0, 10);
}

/**
 * Whether the cycle page warns about a stage: a planned deadline (State report, NGO report,
 * follow-up report) from today to WARNING_DAYS ahead, with nothing linked that the reader sees.
 */
export function needsWarning(
	stage: { kind: string; status: string; starts_on: string },
	linked: number,
	on: string
): boolean {
	return (
		linked === 0 &&
		stage.status === 'planned' &&
		DEADLINE_KINDS.includes(stage.kind) &&
		stage.starts_on >= on &&
		stage.starts_on <= addDays(on, WARNING_DAYS)
	);
}
