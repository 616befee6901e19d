// The record of what a page formats as the server renders it (src/lib/i18n/format.ts,
// "What the server formatted on a page"), one per request, and the element that carries it to
// the browser. The record begins when the root layout renders, after the request's form action
// and loads: an email rendered for someone else on the way (an action's notifications) is
// never put in the page.
import { AsyncLocalStorage } from 'node:async_hooks';
import { recordFormatsWith, SERVED_FORMATS_ID } from '#lib/i18n/format';

interface Request {
	record?: Map<string, unknown>;
}

const requests = new AsyncLocalStorage<Request>();

recordFormatsWith({
	begin() {
		const request = requests.getStore();
		if (request) request.record = new Map();
	},
	current: () => requests.getStore()?.record
});

/** Runs a request's handling (SvelteKit's resolve) with a place for its page's record. */
export function withFormatRecord<T>(handle: () => T): T {
	return requests.run({}, handle);
}

/** The page's record (if it began and formatted anything) as its JSON data element, or ''. */
export function formatRecordElement(): string {
	const record = requests.getStore()?.record;
	return record && record.size > 0 ? recordElement(record) : '';
}

/**
 * A record as a JSON data element, to be placed before the page's own markup and its scripts.
 * `<` is escaped, so no text in it can close the element.
 */
export function recordElement(record: Map<string, unknown>): string {
	const json = JSON.stringify([...record]).replace(/</g, '\\u003c');
	return `<script type="application/json" id="${SERVED_FORMATS_ID}">${json}</script>`;
}
