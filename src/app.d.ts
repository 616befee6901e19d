import type { SupabaseClient, User } from '@supabase/supabase-js';
import type { i18n as I18n } from 'i18next';
import type { Database } from '#lib/database.types';
import type { Locale } from '#lib/i18n/config';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			/** Request-scoped client: carries the caller's session, so RLS sees the caller. */
			supabase: SupabaseClient<Database>;
			/** The user verified by Auth for this request (never an unverified session). */
			user: User | null;
			locale: Locale;
			i18n: I18n;
		}
	}
}

export {};
