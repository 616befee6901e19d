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
