import { describe, expect, it } from 'vitest';
import { signInSchema } from '#lib/schemas/auth';
import { parseForm } from '#lib/server/forms';

function formData(entries: Record<string, string>): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(entries)) form.append(key, value);
	return form;
}

describe('sign-in form', () => {
	it('accepts a valid email and password, trimming and lower-casing the email', () => {
		const result = parseForm(
			signInSchema,
			formData({ email: ' Admin@DEI-Belgique.demo ', password: 'x' })
		);
		expect(result).toEqual({
			success: true,
			data: { email: 'admin@dei-belgique.demo', password: 'x' }
		});
	});

	it('reports each field with an i18n key, never English text', () => {
		const result = parseForm(signInSchema, formData({ email: 'not-an-email', password: '' }));
		expect(result).toEqual({
			success: false,
			errors: { email: 'validation:email_invalid', password: 'validation:password_required' },
			values: { email: 'not-an-email', password: '' }
		});
	});

	it('treats missing fields as required', () => {
		const result = parseForm(signInSchema, new FormData());
		expect(result.success).toBe(false);
		if (!result.success) {
			expect(result.errors.email).toBe('validation:required');
			expect(result.errors.password).toBe('validation:password_required');
		}
	});
});

describe('the values a refused form shows again', () => {
	it('are cut to the lengths the schema itself states, and lists stay lists', async () => {
		const { actionFormSchema } = await import('#lib/schemas/jointActions');
		const form = new FormData();
		form.append('title', 'x'.repeat(5000));
		form.append('body', 'y'.repeat(70000));
		form.append('areas', 'lobbying_advocacy');
		form.append('organisation_id', 'z'.repeat(100));
		form.append('unknown_field', 'dropped');
		const result = parseForm(actionFormSchema, form);
		expect(result.success).toBe(false);
		if (result.success) return;
		expect(result.values.title).toHaveLength(200);
		expect(result.values.body).toHaveLength(50000);
		expect(result.values.organisation_id).toHaveLength(36);
		expect(result.values.areas).toEqual(['lobbying_advocacy']);
		expect(result.values).not.toHaveProperty('unknown_field');
	});
});

describe('field names a form may send that are no field', () => {
	// Found by the fuzz (tests/fuzz): `valueOf` made formValues read Object.prototype.valueOf as
	// a schema and answer 500.
	it('are ignored, whatever they are named', () => {
		for (const name of ['valueOf', 'toString', 'constructor', 'hasOwnProperty', '__proto__']) {
			const form = formData({ email: 'x', [name]: 'public' });
			const result = parseForm(signInSchema, form);
			expect(result).toEqual({
				success: false,
				errors: { email: 'validation:email_invalid', password: 'validation:password_required' },
				values: { email: 'x' }
			});
		}
	});

	it('do not change what a valid form parses to', () => {
		const form = formData({ email: 'a@b.example', password: 'x', ['__proto__']: '{}' });
		const result = parseForm(signInSchema, form);
		expect(result.success && Object.getPrototypeOf(result.data)).toBe(Object.prototype);
		expect(result).toEqual({ success: true, data: { email: 'a@b.example', password: 'x' } });
	});
});
