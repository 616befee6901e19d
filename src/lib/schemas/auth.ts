import { z } from 'zod';

/** Error messages are i18n keys; the page translates them in the reader's language. */
export const email = z
	.string({ error: 'validation:required' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'validation:required' })
	.max(254, { error: 'validation:too_long' })
	.pipe(z.email({ error: 'validation:email_invalid' }));

export const signInSchema = z.object({
	email,
	password: z
		.string({ error: 'validation:password_required' })
		.min(1, { error: 'validation:password_required' })
		.max(200, { error: 'validation:too_long' })
});

export type SignInInput = z.infer<typeof signInSchema>;

/** "Email me a sign-in link" and "forgotten password": an address only. */
export const emailOnlySchema = z.object({ email });

/** The 6-digit code of a sign-in email (spaces people type between digits are ignored). */
export const signInCodeSchema = z.object({
	email,
	code: z
		.string({ error: 'auth:code_format' })
		.max(20, { error: 'auth:code_format' })
		.transform((value) => value.replace(/\s+/g, ''))
		.pipe(z.string().regex(/^\d{6}$/, { error: 'auth:code_format' }))
});

/** A new password: Auth's minimum (GOTRUE_PASSWORD_MIN_LENGTH 8), bcrypt's maximum (72 bytes). */
const newPassword = z
	.string({ error: 'auth:password_too_short' })
	.min(8, { error: 'auth:password_too_short' })
	.refine((value) => new TextEncoder().encode(value).length <= 72, {
		error: 'auth:password_too_long'
	});

/** A new password, typed twice. */
export const newPasswordSchema = z
	.object({
		password: newPassword,
		password_again: z.string({ error: 'validation:required' })
	})
	.refine((form) => form.password === form.password_again, {
		error: 'auth:passwords_differ',
		path: ['password_again']
	});

/** Change password on the account page: the current one, then the new one twice. */
export const changePasswordSchema = z
	.object({
		current_password: z
			.string({ error: 'validation:password_required' })
			.min(1, { error: 'validation:password_required' })
			.max(200, { error: 'validation:too_long' }),
		password: newPassword,
		password_again: z.string({ error: 'validation:required' })
	})
	.refine((form) => form.password === form.password_again, {
		error: 'auth:passwords_differ',
		path: ['password_again']
	});

/** Change email on the account page. */
export const changeEmailSchema = z.object({ new_email: email });
