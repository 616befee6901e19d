import type { Database } from '#lib/database.types';
import { pickLocalised } from '#lib/i18n/content';
import type { CalendarEvent } from './ical';
import {
	calendarReader,
	calendarResponse,
	PUBLIC_FEED_CACHE,
	type CalendarReader
} from './eventCalendar';

/**
 * A row of public.review_stage_feed or public.personal_review_stages (the generated types
 * cannot say which returned columns may be null: a single day has no end, a stage no document).
 */
export type StageRow = Omit<
	Database['public']['Functions']['review_stage_feed']['Returns'][number],
	'ends_on' | 'document_url'
> & { ends_on: string | null; document_url: string | null };

/** What a stage's calendar entry says besides its data, in the reader's language. */
export interface StageWords {
	/** The stage kind's name (e.g. "NGO alternative report deadline"). */
	kind: (kind: StageRow['kind']) => string;
	/** Appended to the title of a cycle of demonstration dates. */
	demo: string;
}

/**
 * A review stage as a whole-day calendar entry: "<stage>: <cycle>", marked as a
 * demonstration date when the cycle's dates are (never presented as the Committee's).
 */
export function stageEvent(
	row: StageRow,
	reader: CalendarReader,
	words: StageWords
): CalendarEvent {
	const cycle = pickLocalised(row.cycle_names, reader.locale, 'en')?.text ?? '';
	const own = pickLocalised(row.names, reader.locale, 'en')?.text;
	const title = `${own || words.kind(row.kind)}: ${cycle}${row.is_demo ? ` (${words.demo})` : ''}`;
	const url = `${reader.origin}/${reader.locale}/countries/${row.country.toLowerCase()}/cycles/${row.cycle_id}`;
	return {
		id: `stage-${row.stage_id}`,
		title,
		description: [row.is_demo ? words.demo : '', row.document_url ?? ''].filter(Boolean).join('\n'),
		startsAt: new Date(`${row.starts_on}T00:00:00Z`),
		endsAt: new Date(`${row.ends_on ?? row.starts_on}T00:00:00Z`),
		timeZone: 'UTC',
		url,
		allDay: true,
		updatedAt: new Date(row.updated_at)
	};
}

/** The reader's words for a stage feed: the kinds' names and the demonstration-date mark. */
export function stageWords(locals: App.Locals): StageWords {
	return {
		kind: (kind) => locals.i18n.t(`countries:stage_${kind}`),
		demo: locals.i18n.t('countries:demo_badge')
	};
}

/**
 * A public review-stage feed's answer (a country's, a cycle's): its stages as whole-day entries
 * in the reader's language. Signed in, the answer is the reader's own and is not cached.
 */
export function stageFeedResponse(
	{ locals, request, url }: { locals: App.Locals; request: Request; url: URL },
	name: string,
	rows: StageRow[]
): Response {
	const reader = calendarReader(locals, url);
	const words = stageWords(locals);
	return calendarResponse(
		request,
		name,
		rows.map((row) => stageEvent(row, reader, words)),
		reader,
		locals.user ? 'private, no-cache' : PUBLIC_FEED_CACHE
	);
}
