/**
 * A field's `aria-describedby`: its hint (`<id>-hint`) and its error (`<id>-error`), those it
 * shows; nothing when it shows neither. Shared by FormField, SelectField and TextAreaField.
 */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
	return (
		[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
	);
}
