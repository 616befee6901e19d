import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { dbErrorKey, errorCode, failStatus } from './errors';

/** Field → i18n key of the first problem with it; `form` for problems of the whole form. */
export type FieldErrors = Partial<Record<string, string>>;

/** What the person typed, to show again with the errors (nothing typed is lost). */
export type FormValues = Record<string, string | string[]>;

/**
 * The values of a schema's form as typed: text for each field, a list for the fields that
 * take several (checkbox groups). Absent when the form did not send the field.
 */
export type EchoOf<S extends z.ZodType> = {
	[K in keyof z.input<S>]?: [Extract<NonNullable<z.input<S>[K]>, readonly unknown[]>] extends [
		never
	]
		? string
		: string[];
};

export type ParseResult<S extends z.ZodType> =
	{ success: true; data: z.infer<S> } | { success: false; errors: FieldErrors; values: EchoOf<S> };

/** A field whose schema states no maximum (a list typed as text): echoed up to this. */
const UNSTATED_MAX = 2000;
/** Values of a repeated field (checkboxes), at most. */
const MAX_REPEATS = 50;

type Definition = {
	type: string;
	checks?: { _zod: { def: { check?: string; maximum?: number } } }[];
	innerType?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
	options?: z.ZodType[];
	element?: z.ZodType;
	entries?: Record<string, string | number>;
	values?: unknown[];
	format?: string;
	shape?: Record<string, z.ZodType>;
};

const definition = (schema: z.ZodType) => schema._zod.def as unknown as Definition;

/** The longest a value of this schema may be, as its own checks state it. */
function maxLength(schema: z.ZodType): number | undefined {
	const def = definition(schema);
	const stated = def.checks
		?.map((check) => check._zod.def)
		.find((check) => check.check === 'max_length')?.maximum;
	switch (def.type) {
		case 'string':
			return stated ?? (def.format === 'uuid' ? 36 : def.format === 'email' ? 254 : undefined);
		case 'enum':
			return Math.max(...Object.values(def.entries ?? {}).map((v) => String(v).length));
		case 'literal':
			return Math.max(...(def.values ?? []).map((v) => String(v).length));
		case 'default':
		case 'prefault':
		case 'optional':
		case 'nullable':
		case 'catch':
		case 'readonly':
			return def.innerType && maxLength(def.innerType);
		case 'pipe':
			return (def.in && maxLength(def.in)) ?? (def.out && maxLength(def.out));
		case 'array':
			return def.element && maxLength(def.element);
		case 'union': {
			const limits = (def.options ?? []).map(maxLength).filter((n) => n !== undefined);
			return limits.length > 0 ? Math.max(...limits) : undefined;
		}
		default:
			return undefined;
	}
}

/** The object's fields, through the refinements and pipes around it. */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
	const def = definition(schema);
	if (def.shape) return def.shape;
	const inner = def.innerType ?? def.in;
	return inner ? fieldsOf(inner) : {};
}

/** The raw form, each value cut to the longest its field's schema allows: what to show again. */
export function formValues<S extends z.ZodType>(schema: S, form: FormData): EchoOf<S> {
	const fields = fieldsOf(schema);
	const values: FormValues = {};
	for (const key of new Set(form.keys())) {
		// Only the schema's own fields: a form may name anything (`valueOf`, `__proto__`).
		const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
		if (!field) continue;
		const limit = maxLength(field) ?? UNSTATED_MAX;
		const all = form
			.getAll(key)
			.filter((value): value is string => typeof value === 'string')
			.slice(0, MAX_REPEATS)
			.map((value) => value.slice(0, limit));
		const repeated = all.length > 1 || definition(field).type === 'array' || isListField(field);
		values[key] = repeated ? all : (all[0] ?? '');
	}
	return values as EchoOf<S>;
}

/** A field that takes one value or several (checkbox groups: a value or an array of them). */
function isListField(schema: z.ZodType): boolean {
	const def = definition(schema);
	if (def.type === 'array') return true;
	if (def.type === 'union') return (def.options ?? []).some(isListField);
	const inner = def.innerType ?? def.in;
	return inner ? isListField(inner) : false;
}

/**
 * Parse a form with its zod schema: the typed data, or one i18n key per field with the
 * values to show again (cut to the schema's own maximum lengths: the form's shape is stated
 * once, in the schema).
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): ParseResult<S> {
	const raw: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
	for (const key of new Set(form.keys())) {
		// A field named `__proto__` would set the object's prototype, not a value.
		if (key === '__proto__') continue;
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
	return { success: false, errors, values: formValues(schema, form) };
}

/** Values to show again with a checkbox's `on` as the boolean the page binds. */
export function withCheckbox<V extends object, K extends keyof V & string>(values: V, name: K) {
	return { ...values, [name]: (values as Record<string, unknown>)[name] === 'on' } as Omit<V, K> &
		Record<K, boolean>;
}

/** What a service threw (an Error or a coded PostgREST error), as opposed to field errors. */
function isCaught(problem: unknown): boolean {
	return problem instanceof Error || errorCode(problem) !== undefined;
}

/**
 * The one builder of a refused form, as the pages read it: `{ action, values, errors }`.
 * Given field errors (a parse), they are the answer (400). Given what a service threw, its
 * code becomes one message for the form (or for `field`) through `mapKey` (dbErrorKey by
 * default, when a refusal by the database answers 403, as the page itself would); an outage
 * answers 503 with errors:unavailable, what was typed kept.
 */
export function formFail<V extends object = Record<string, never>>(
	action: string | undefined,
	problem: FieldErrors | unknown,
	values: V = {} as V,
	{ mapKey, field = 'form' }: { mapKey?: (caught: unknown) => string; field?: string } = {}
) {
	if (!isCaught(problem)) return fail(400, { action, values, errors: problem as FieldErrors });
	const key = (mapKey ?? dbErrorKey)(problem);
	const status = failStatus(key, key === 'errors:forbidden' && !mapKey ? 403 : 400);
	return fail(status, { action, values, errors: { [field]: key } as FieldErrors });
}

/**
 * The request's form, or null when its body is larger than the server takes (adapter-node's
 * BODY_SIZE_LIMIT, answered by SvelteKit as a 413 while the body is read): a form with a file
 * says so next to its file field rather than on an error page.
 */
export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch (caught) {
		// SvelteKit's own error class (not exported) carries the status.
		if ((caught as { status?: unknown } | null)?.status === 413) return null;
		throw caught;
	}
}
