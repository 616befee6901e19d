// The one place in src/ that uses the secret key (SUPABASE_SECRET_KEY): a Supabase client
// that acts as service_role, for the few server tasks no person's session may do (the email
// outbox, the forms' throttle). It is made on first use, never put on `locals`, and only
// server modules (src/lib/server/) import it.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import * as env from '$app/env/private';
import * as publicEnv from '$app/env/private';
import type { Database } from '#lib/database.types';

let client: SupabaseClient<Database> | null | undefined;

/** The service_role client, or null when PUBLIC_SUPABASE_URL or SUPABASE_SECRET_KEY is not set. */
export function secretClient(): SupabaseClient<Database> | null {
	if (client !== undefined) return client;
	const url = publicEnv.PUBLIC_SUPABASE_URL;
	const key = env.SUPABASE_SECRET_KEY;
	client =
		url && key
			? createClient<Database>(url, key, {
					auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
					realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
				})
			: null;
	return client;
}
