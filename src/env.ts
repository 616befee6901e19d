// The hub's environment variables, read when the server starts (none is baked into the build
// and none reaches the browser: the browser never talks to Supabase). `npm start` and the
// tests set them for the local stack; README "hosted Supabase" and "production" say what a
// deployment sets. Imported from `$app/env/private`.
import { defineEnvVars } from '@sveltejs/kit/env';
import { z } from 'zod';

/** An optional variable: unset and empty both mean "use the default". */
const optional = (value: string | undefined) => (value ? value : undefined);

export const variables = defineEnvVars({
	PUBLIC_SUPABASE_URL: {
		schema: optional,
		description: 'The Supabase API URL (the local gateway for npm start).'
	},
	PUBLIC_SUPABASE_PUBLISHABLE_KEY: {
		schema: optional,
		description: 'The publishable (anon) key: requests run as the signed-in person under RLS.'
	},
	SUPABASE_SECRET_KEY: {
		schema: optional,
		description: 'The secret (service_role) key, for src/lib/server/secretClient.ts only.'
	},
	SMTP_HOST: { schema: optional, description: 'SMTP server (default 127.0.0.1).' },
	SMTP_PORT: {
		schema: z.string().regex(/^\d+$/).optional(),
		description: 'SMTP port (default: the local mail catcher).'
	},
	SMTP_SECURE: { schema: optional, description: '"true" for implicit TLS (port 465).' },
	SMTP_USER: { schema: optional, description: 'SMTP user name, if the server wants one.' },
	SMTP_PASSWORD: { schema: optional, description: 'SMTP password.' },
	MAIL_FROM: { schema: optional, description: 'The From: of the hub’s emails.' },
	MAIL_DISPATCH_INTERVAL_SECONDS: {
		schema: optional,
		description: 'How often the outbox is sent (default 60; 0 turns the timer off).'
	},
	REMINDER_INTERVAL_SECONDS: {
		schema: optional,
		description: 'How often due reminders are written (default 300; 0 turns the timer off).'
	},
	LOG_LEVEL: {
		schema: z.enum(['debug', 'info', 'warn', 'error']).optional(),
		description: 'The least severe log line written (default info: one line per request).'
	},
	LOG_FORMAT: {
		schema: z.enum(['json', 'text']).optional(),
		description: 'json (default): one JSON object per line; text under vite dev.'
	},
	ORIGIN: { schema: optional, description: 'The hub’s public address, for links in emails.' },
	STORAGE_DRIVER: { schema: optional, description: '"s3" for S3-compatible storage, else disk.' },
	STORAGE_DIR: { schema: optional, description: 'Folder of the disk storage.' },
	STORAGE_S3_ENDPOINT: { schema: optional, description: 'S3 endpoint URL.' },
	STORAGE_S3_REGION: { schema: optional, description: 'S3 region (default us-east-1).' },
	STORAGE_S3_BUCKET: { schema: optional, description: 'S3 bucket.' },
	STORAGE_S3_ACCESS_KEY_ID: { schema: optional, description: 'S3 access key id.' },
	STORAGE_S3_SECRET_ACCESS_KEY: { schema: optional, description: 'S3 secret access key.' }
});
