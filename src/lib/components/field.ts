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

/** What a field's control carries so that its hint and error are read with it (Field gives it). */
export interface FieldAria {
	'aria-invalid': 'true' | undefined;
	'aria-describedby': string | undefined;
}

/** The control's aria attributes for a field with this id, hint and error. */
export function fieldAria(id: string, hint: unknown, error: unknown): FieldAria {
	return {
		'aria-invalid': error ? 'true' : undefined,
		'aria-describedby': describedBy(id, hint, error)
	};
}

/** What every labelled field takes (FormField, SelectField, TextAreaField, LocaleField). */
export interface FieldProps {
	/** The control's name in the form's data. */
	name: string;
	/** The control's id when the field's own is taken (two forms with one field name on a page). */
	id?: string;
	label: string;
	hint?: string;
	/** An i18n key, translated under the control. */
	error?: MessageKey | undefined;
}
