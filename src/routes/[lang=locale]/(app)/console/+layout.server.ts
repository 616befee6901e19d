import * as coordination from '#lib/server/coordination';
import type { LayoutServerLoad } from './$types';

/** Every console page: coordinators only (actions check again: a layout does not cover them). */
export const load: LayoutServerLoad = async (event) => {
	await coordination.requireCoordinator(event);
	return {};
};
