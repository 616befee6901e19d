import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import WebSocket from 'ws';
import * as env from '$app/env/private';
import type { Database } from '#lib/database.types';

/** The request's (or a test's) typed Supabase client, as every service takes it. */
export type Client = SupabaseClient<Database>;

/** Cookies are HttpOnly (no token in browser JavaScript), Lax, and Secure outside localhost. */
export function isLocalOrigin(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Supabase's auth cookies are named `sb-<project ref>-auth-token` (possibly chunked). */
export function hasAuthCookie(cookies: Cookies): boolean {
	return cookies
		.getAll()
		.some(({ name }) => name.startsWith('sb-') && name.includes('-auth-token'));
}

/**
 * The request's Supabase client. It reads and writes the session in cookies, so every
 * query runs as the signed-in person and Postgres RLS decides what they may see.
 */
export function createRequestClient(
	url: URL,
	cookies: Cookies,
	setHeaders: (headers: Record<string, string>) => void,
	/** What sends its requests (the reader summary's carrier, #lib/server/readerSummary). */
	requestFetch: typeof fetch = fetch
): SupabaseClient<Database> {
	const { PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_PUBLISHABLE_KEY } = env;
	if (!PUBLIC_SUPABASE_URL || !PUBLIC_SUPABASE_PUBLISHABLE_KEY) {
		throw new Error(
			'PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_PUBLISHABLE_KEY must be set (npm start sets them for the local stack).'
		);
	}
	const secure = !isLocalOrigin(url) || url.protocol === 'https:';
	return createServerClient<Database>(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_PUBLISHABLE_KEY, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (toSet, headers) => {
				for (const { name, value, options } of toSet) {
					cookies.set(name, value, {
						...options,
						path: '/',
						httpOnly: true,
						secure,
						sameSite: 'lax'
					});
				}
				// Cache-Control etc.: a response that sets a session must never be cached for others.
				if (Object.keys(headers).length > 0) {
					try {
						setHeaders(headers);
					} catch {
						// The header was already set by a load function; it is at least as strict.
					}
				}
			}
		},
		// Node 20 has no global WebSocket; realtime is unused on the server but is constructed.
		realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
		global: { fetch: requestFetch },
		// The session as JSON, which SvelteKit's cookies percent-encode, instead of @supabase/ssr's
		// default "base64-" + base64url(JSON): that one is decoded in JavaScript each time the
		// session is read, four times a signed-in request. Cookies of the base64 form still read.
		cookieEncoding: 'raw',
		auth: { flowType: 'pkce', detectSessionInUrl: false, persistSession: true }
	});
}
