import { z } from 'zod';
import type { Client } from './supabase';

/** What every signed-in page shows of its reader (the root layout). */
export interface ReaderSummary {
	/** The bell's number (counted up to 100), or null when it cannot be read now. */
	unreadNotifications: number | null;
	/** Editor or admin of some active organisation: the lists offer "new" (RLS decides writes). */
	canCreateItems: boolean;
}

/** A visitor's, or a signed-in reader's whose summary could not be read. */
export const NO_SUMMARY: ReaderSummary = { unreadNotifications: null, canCreateItems: false };

/**
 * The request and response header of private.pre_request() (…_list_pages.sql): a signed-in
 * reader's PostgREST request that asks with `1` is answered with public.reader_summary() as
 * JSON in the same header, read in that request's own transaction.
 */
export const SUMMARY_HEADER = 'x-hub-reader-summary';

/** public.reader_summary()'s row, as the function and the header's JSON give it. */
const summaryRow = z
	.object({ unread_notifications: z.number().int(), can_create: z.boolean() })
	.transform((row): ReaderSummary => ({
		unreadNotifications: row.unread_notifications,
		canCreateItems: row.can_create
	}));

/** The summary in the header's JSON, or null for anything else. */
export function parseSummaryHeader(value: string | null): ReaderSummary | null {
	if (!value) return null;
	try {
		return summaryRow.safeParse(JSON.parse(value)).data ?? null;
	} catch {
		return null;
	}
}

/**
 * A request's PostgREST requests, one of which may carry the reader summary: once the root
 * layout asks (`armed`), the next request to PostgREST asks for it in its header. The page's
 * load, which SvelteKit starts together with the layout's, usually sends one at once, so a
 * member's page costs the requests of a visitor's (docs/benchmarks.md, issue 14). Requests
 * sent before, a form action's writes among them, never carry it: their answer would predate
 * the action. `fetch` is the request client's (createRequestClient).
 */
export class SummaryCarrier {
	#armed = false;
	#sent = false;
	#settle: (summary: ReaderSummary | null) => void = () => {};
	readonly #carried = new Promise<ReaderSummary | null>((resolve) => (this.#settle = resolve));

	readonly fetch: typeof fetch = async (input, init) => {
		const url = input instanceof Request ? input.url : String(input);
		if (!this.#armed || this.#sent || !url.includes('/rest/v1/')) return fetch(input, init);
		this.#sent = true;
		const headers = new Headers(init?.headers);
		headers.set(SUMMARY_HEADER, '1');
		try {
			const response = await fetch(input, { ...init, headers });
			this.#settle(parseSummaryHeader(response.headers.get(SUMMARY_HEADER)));
			return response;
		} catch (caught) {
			this.#settle(null);
			throw caught;
		}
	};

	/**
	 * The summary carried by the page's first request, or null when none was sent while the
	 * page's load started (a page that asks PostgREST nothing, or first waits for something
	 * else) or its answer carried none (an error answer): then the caller asks on its own.
	 */
	async carried(): Promise<ReaderSummary | null> {
		this.#armed = true;
		// Every load SvelteKit started with the layout's has run up to its first wait for I/O.
		await new Promise((resolve) => setImmediate(resolve));
		if (!this.#sent) {
			this.#armed = false;
			return null;
		}
		return this.#carried;
	}
}

/**
 * The signed-in reader's unread notifications and create-right: from the page's own first
 * PostgREST request when it carried them (SummaryCarrier), otherwise in one request of its
 * own (public.reader_summary). A failure shows no number and no "new" link rather than
 * failing the page.
 */
export async function readerSummary(
	supabase: Client,
	carrier: SummaryCarrier
): Promise<ReaderSummary> {
	const carried = await carrier.carried();
	if (carried) return carried;
	const { data, error } = await supabase.rpc('reader_summary').maybeSingle();
	const summary = summaryRow.safeParse(data).data;
	if (error || !summary) {
		console.error('the reader summary could not be read', error);
		return NO_SUMMARY;
	}
	return summary;
}
