import { requireUser } from '#lib/server/auth';
import type { LayoutServerLoad } from './$types';

/** Every page in (app) has a verified user: the auth guard (hooks.server.ts) sent others to sign in. */
export const load: LayoutServerLoad = () => ({ userId: requireUser().id });
