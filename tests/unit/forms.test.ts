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
			errors: { email: 'validation:email_invalid', password: 'validation:password_required' }
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
