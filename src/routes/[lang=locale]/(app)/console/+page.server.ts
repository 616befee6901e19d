import { fail } from '@sveltejs/kit';
import { overviewFilterSchema, statusChangeSchema } from '#lib/schemas/console';
import * as coordination from '#lib/server/coordination';
import { consoleErrorKey } from '#lib/server/errors';
import { parseForm } from '#lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
	await parent();
	const filters = overviewFilterSchema.parse(Object.fromEntries(url.searchParams));
	const { rows, total } = await coordination.organisations(locals.supabase, filters);
	return {
		filters,
		total,
		created: url.searchParams.get('created') === '1',
		organisations: rows.map((o) => ({
			id: o.id,
			slug: o.slug,
			name: o.name,
			kind: o.kind,
			status: o.status,
			isCoordinating: o.is_coordinating,
			country: o.country,
			members: Number(o.member_count),
			admins: Number(o.admin_count),
			lastActivityAt: o.last_activity_at
		}))
	};
};

export const actions: Actions = {
	/** Suspends (with a reason) or reactivates an organisation. */
	status: async (event) => {
		await coordination.requireCoordinator(event);
		const form = await event.request.formData();
		const organisationId = String(form.get('organisation_id') ?? '').slice(0, 40);
		const values = { reason: String(form.get('reason') ?? '').slice(0, 1200) };
		const parsed = parseForm(statusChangeSchema, form);
		if (!parsed.success) return fail(400, { organisationId, values, errors: parsed.errors });
		try {
			await coordination.setStatus(
				event.locals.supabase,
				parsed.data.organisation_id,
				parsed.data.status,
				parsed.data.reason
			);
		} catch (failure) {
			const key = consoleErrorKey(failure);
			if (key === 'errors:generic') console.error('[console] status change failed', failure);
			return fail(key === 'errors:forbidden' ? 403 : 409, {
				organisationId,
				values,
				errors: { form: key }
			});
		}
		return { organisationId, changed: parsed.data.status };
	}
};
