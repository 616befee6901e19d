import type { SubmitFunction } from '$app/forms';
import type { MessageKey } from '#lib/i18n/keys';

/** What a named form action returns on refusal or success (`fail(400, { action, values, errors })`). */
export interface ActionResult {
	action?: string;
	values?: Record<string, unknown>;
	errors?: Record<string, string>;
	saved?: boolean;
}

/** One form's view of the page's `form`: its errors, the values to echo and whether it saved. */
export interface FormResult<V extends object = Record<string, string>> {
	/** Field name (or `form`) → message key; empty unless this form was the one refused. */
	errors: Partial<Record<string, MessageKey>>;
	/** What was typed, echoed back after a refusal; empty otherwise. */
	values: Partial<V>;
	/** The action answered this form and saved. */
	saved: boolean;
	/** The action answered this form and refused some of it. */
	refused: boolean;
}

/**
 * The part of the page's `form` that belongs to the form posting to `?/<action>` (or, without
 * `action`, the page's only form). Message keys come from the server's own message files; `V`
 * is the shape of the echoed values where they are not all strings (an event's details).
 */
export function formResult<V extends object = Record<string, string>>(
	form: unknown,
	action?: string
): FormResult<V> {
	const result = (form ?? {}) as ActionResult;
	const mine = form != null && (action === undefined || result.action === action);
	if (!mine) return { errors: {}, values: {}, saved: false, refused: false };
	return {
		errors: (result.errors ?? {}) as Partial<Record<string, MessageKey>>,
		values: (result.values ?? {}) as Partial<V>,
		saved: result.saved === true,
		refused: result.errors !== undefined
	};
}

/** `use:enhance` that keeps what was typed after the answer (SvelteKit resets a form by default). */
export const keepValues: SubmitFunction =
	() =>
	({ update }) =>
		update({ reset: false });

/** What a labelled field takes from its form's result: its name, id, value to show and error. */
export interface BoundField {
	name: string;
	id?: string;
	value: string | undefined;
	error: MessageKey | undefined;
}

/**
 * The one place a form's fields meet its result: `field('email')` is the field's name, the value
 * to show (what was typed, echoed after a refusal; else the stored one) and its error, to spread
 * on a FormField, TextAreaField, SelectField or LocaleField
 * (`<FormField {...field('email')} label={…} required />`). The id is the component's own
 * (`field-<name>`) unless `id` says otherwise: a prefix (two forms with one field name on a page)
 * makes `<prefix>-<name, with dashes>`; a function, whatever it returns.
 */
export function fieldsOf(
	result: { errors: FormResult['errors']; values: object },
	stored: object = {},
	id?: string | ((name: string) => string)
): (name: string) => BoundField {
	const echoed = result.values as Record<string, unknown>;
	const saved = stored as Record<string, unknown>;
	const idOf = typeof id === 'string' ? (name: string) => `${id}-${name.replaceAll('_', '-')}` : id;
	return (name) => {
		const value = echoed[name] ?? saved[name];
		return {
			name,
			...(idOf ? { id: idOf(name) } : {}),
			value: value == null ? undefined : String(value),
			error: result.errors[name]
		};
	};
}
