import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '../../src/lib/database.types';
import { anonKey, API_URL, DB_URL } from '../../scripts/stack/config.mjs';
import { DEMO_PASSWORD } from '../seed';

export { DEMO_PASSWORD, ITEM, ORG, PEOPLE } from '../seed';

/** Superuser connection, to check what really is in the database behind the API. */
export const db = new pg.Pool({ connectionString: DB_URL, max: 2 });

const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	// Node 20 has no global WebSocket; realtime is constructed even when unused.
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
};

/** A visitor without a session (the publishable key only). */
export function anonymous(): SupabaseClient<Database> {
	return createClient<Database>(API_URL, anonKey, options);
}

/**
 * A signed-in person, as the app's server client is: a real password sign-in through the
 * gateway and Supabase Auth, so the access token is the one Auth issues.
 */
export async function signedIn(email: string): Promise<SupabaseClient<Database>> {
	const client = createClient<Database>(API_URL, anonKey, options);
	const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
	if (error) {
		throw new Error(
			`${email} could not sign in through Supabase Auth (${error.status ?? ''} ${error.message}); ` +
				'every API test needs Auth: npm run stack:status says why it is not running'
		);
	}
	return client;
}
