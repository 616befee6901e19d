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
