import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '../../src/lib/database.types';
import { anonKey, API_URL, DB_URL } from '../../scripts/stack/config.mjs';

export const DEMO_PASSWORD = 'demo-password-2026';

/** Fixed ids from supabase/seed.sql. */
export const ORG = {
	secretariat: '10000000-0000-4000-8000-000000000001',
	deiBelgique: '10000000-0000-4000-8000-000000000002',
	dciNetherlands: '10000000-0000-4000-8000-000000000003',
	dciItalia: '10000000-0000-4000-8000-000000000004',
	code: '10000000-0000-4000-8000-000000000020',
	kinderrechtencoalitie: '10000000-0000-4000-8000-000000000021',
	pending: '10000000-0000-4000-8000-000000000025',
	suspended: '10000000-0000-4000-8000-000000000026'
} as const;

export const ITEM = {
	publicAction: '30000000-0000-4000-8000-000000000001',
	draftByCode: '30000000-0000-4000-8000-000000000002',
	networkAction: '30000000-0000-4000-8000-000000000003',
	participantsLitigation: '30000000-0000-4000-8000-000000000004'
} as const;

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
