import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '../../src/lib/database.types';
import { anonKey, API_URL, DB_URL, signJwt } from '../../scripts/stack/config.mjs';

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

let authAvailable: boolean | undefined;
async function hasAuth(): Promise<boolean> {
	if (authAvailable === undefined) {
		const response = await fetch(`${API_URL}/auth/v1/health`, {
			headers: { apikey: anonKey }
		}).catch(() => null);
		authAvailable = response?.ok ?? false;
	}
	return authAvailable;
}

/** A visitor without a session (the publishable key only). */
export function anonymous(): SupabaseClient<Database> {
	return createClient<Database>(API_URL, anonKey, options);
}

/**
 * A signed-in person, as the app's server client is. With Supabase Auth running this is a
 * real password sign-in. Where Auth cannot be built (the Go module proxy refuses it on our
 * machines), the access token is signed with the stack's JWT secret with exactly the claims
 * Auth puts in one — PostgREST and RLS, which these tests are about, see the same request.
 */
export async function signedIn(email: string): Promise<SupabaseClient<Database>> {
	if (await hasAuth()) {
		const client = createClient<Database>(API_URL, anonKey, options);
		const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
		if (error) throw error;
		return client;
	}
	const { rows } = await db.query<{ id: string }>('select id from auth.users where email = $1', [
		email
	]);
	const id = rows[0]?.id;
	if (!id) throw new Error(`no demo user ${email}: is the seed loaded? (npm run stack:reset)`);
	const now = Math.floor(Date.now() / 1000);
	const token = signJwt({
		iss: `${API_URL}/auth/v1`,
		sub: id,
		aud: 'authenticated',
		role: 'authenticated',
		email,
		iat: now,
		exp: now + 600,
		aal: 'aal1',
		amr: [{ method: 'password', timestamp: now }],
		session_id: randomUUID(),
		is_anonymous: false,
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: {}
	});
	return createClient<Database>(API_URL, anonKey, {
		...options,
		global: { headers: { Authorization: `Bearer ${token}` } }
	});
}
