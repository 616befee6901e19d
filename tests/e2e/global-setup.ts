import { authStatus } from './fixtures';

/**
 * Every end-to-end run needs Supabase Auth: a stack without it fails here, once, with the
 * reason, instead of skipping the signed-in tests (which would leave a green run that
 * proved nothing about signed-in people).
 */
export default async function requireAuth(): Promise<void> {
	const auth = await authStatus();
	if (!auth.available) throw new Error(`${auth.reason} (npm run stack:status says more)`);
}
