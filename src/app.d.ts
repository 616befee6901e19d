import type { SupabaseClient } from '@supabase/supabase-js';
import type { i18n as I18n } from 'i18next';
import type { Database } from '#lib/database.types';
import type { Locale } from '#lib/i18n/config';
import type { SessionUser } from '#lib/server/auth';
import type { SummaryCarrier } from '#lib/server/readerSummary';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			/** Request-scoped client: carries the caller's session, so RLS sees the caller. */
			supabase: SupabaseClient<Database>;
			/** Carries the reader summary on the page's first PostgREST request (root layout). */
			summary: SummaryCarrier;
			/**
			 * The signed-in person of this request: from the session's access token once its
			 * signature and expiry are verified (never an unverified session). For Auth's
			 * current view of the person, requireFreshUser() (#lib/server/auth).
			 */
			user: SessionUser | null;
			locale: Locale;
			i18n: I18n;
			/** This request's id (#lib/server/log): in every log line, `x-request-id` and error pages. */
			requestId: string;
			/** Set when a service the hub needs was found down: the answer becomes 503 (hooks). */
			unavailable?: boolean;
		}
	}
}

export {};
