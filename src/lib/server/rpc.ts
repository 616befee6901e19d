import type { Json } from '#lib/database.types';

/**
 * The JSON an item page's database function returned (public.joint_action_page, event_page,
 * paper_page), as the type of the select it stands for: tests/api/item-pages.test.ts holds the
 * two equal for every demo reader and item. Null when the item is absent or not readable.
 */
export function pageJson<T>({ data, error }: { data: Json | null; error: unknown }): T | null {
	if (error) throw error;
	return data as T | null;
}

/**
 * Arguments of a database function without the nulls: a null is "not given", so the
 * function's own default applies (generated types make defaulted arguments optional).
 */
export function given<T extends Record<string, unknown>>(values: T) {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) as {
		[K in keyof T]: null extends T[K] ? Exclude<T[K], null> | undefined : T[K];
	};
}

/**
 * A JSON object a database function built (a computed field's jsonb), or null for anything
 * else (null, an array, a scalar), so that its keys can be read one by one.
 */
export function jsonObject(
	json: Json | null | undefined
): { [key: string]: Json | undefined } | null {
	return json && typeof json === 'object' && !Array.isArray(json) ? json : null;
}

/**
 * The request header that carries a form's submission key to the database with a create call
 * (…_form_submissions.sql): the same key twice is refused with HB001, so a form posted twice
 * creates one item.
 */
export const SUBMISSION_HEADER = 'x-hub-submission';

/** `call` with the form's submission key, when it has one. */
export function once<B extends { setHeader(name: string, value: string): B }>(
	call: B,
	submission: string | undefined
): B {
	return submission ? call.setHeader(SUBMISSION_HEADER, submission) : call;
}

/** The answer of a paged console function, whose rows each carry the total count. */
export function counted<T extends { total_count: number }>({
	data,
	error
}: {
	data: T[] | null;
	error: unknown;
}) {
	if (error) throw error;
	const rows = data ?? [];
	return { rows, total: Number(rows[0]?.total_count ?? 0) };
}
