/**
 * What the heading of an uncounted list says about the page shown: its rows numbered
 * across pages (`from`–`to`), and the exact total when this page is the last one (null
 * while a next page exists: lists fetch one row more than a page instead of counting; 0
 * for an empty page, also past the last one).
 */
export function shownRows(page: number, pageSize: number, rows: number, hasMore: boolean) {
	const from = (page - 1) * pageSize + 1;
	const to = from + rows - 1;
	return { from, to, total: hasMore ? null : rows === 0 ? 0 : to };
}

/**
 * The query of the list being read with some parameters changed (null: removed) and its page
 * reset unless one is given: where a tab, a filter's link or the pager leads.
 */
export function listHref(
	query: Iterable<[string, string]>,
	changes: Record<string, string | null>
): string {
	const kept = [...query].filter(([key]) => !(key in changes) && key !== 'page');
	const added = Object.entries(changes).filter(
		(entry): entry is [string, string] => entry[1] !== null
	);
	return `?${new URLSearchParams([...kept, ...added])}`;
}
