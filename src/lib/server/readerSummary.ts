import type { Client } from './supabase';

/** What every signed-in page shows of its reader (the root layout). */
export interface ReaderSummary {
	/** The bell's number (counted up to 100), or null when it cannot be read now. */
	unreadNotifications: number | null;
	/** Editor or admin of some active organisation: the lists offer "new" (RLS decides writes). */
	canCreateItems: boolean;
}

/**
 * The signed-in reader's unread notifications and create-right in one request
 * (public.reader_summary), so that a member's list page costs the requests of a visitor's
 * plus this one (docs/benchmarks.md, issue 14). A failure shows no number and no "new" link
 * rather than failing the page.
 */
export async function readerSummary(supabase: Client): Promise<ReaderSummary> {
	const { data, error } = await supabase.rpc('reader_summary').maybeSingle();
	if (error || !data) {
		console.error('the reader summary could not be read', error);
		return { unreadNotifications: null, canCreateItems: false };
	}
	return { unreadNotifications: data.unread_notifications, canCreateItems: data.can_create };
}
