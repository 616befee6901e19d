import type { MessageKey } from '#lib/i18n/keys';

/**
 * A field's `aria-describedby`: its hint (`<id>-hint`) and its error (`<id>-error`), those it
 * shows; nothing when it shows neither.
 */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
	return (
		[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
	);
}

/** What every labelled field takes (Field, FormField, SelectField, TextAreaField, LocaleField). */
export interface FieldProps {
	/** The control's name in the form's data. */
	name: string;
	/** The control's id when `field-<name>` is taken (two forms with one field name on a page). */
	id?: string;
	label: string;
	hint?: string;
	/** An i18n key, translated under the control. */
	error?: MessageKey | undefined;
}

/** What Field gives its control: its id and name, and what ties it to the hint and the error. */
export interface FieldControl {
	id: string;
	name: string;
	'aria-invalid': 'true' | undefined;
	'aria-describedby': string | undefined;
}
