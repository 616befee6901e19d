import type { z } from 'zod';

/** Field → i18n key of the first problem with it; `form` for problems of the whole form. */
export type FieldErrors = Partial<Record<string, string>>;

export type ParseResult<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

/** Parse a form with a zod schema, keeping one i18n key per field. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): ParseResult<z.infer<S>> {
	const raw: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key);
		raw[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	const result = schema.safeParse(raw);
	if (result.success) return { success: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
		errors[field] ??= issue.message.includes(':') ? issue.message : 'validation:invalid';
	}
	return { success: false, errors };
}
