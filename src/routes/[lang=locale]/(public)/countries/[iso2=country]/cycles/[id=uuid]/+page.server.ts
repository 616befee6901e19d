import { error } from '@sveltejs/kit';
import { cycleSchema, linkSchema, stageIdSchema, stageSchema } from '#lib/schemas/reviewCycles';
import { requireUser } from '#lib/server/auth';
import { formFail, parseForm } from '#lib/server/forms';
import * as reviewCycles from '#lib/server/reviewCycles';
import { today } from '#lib/reviewStages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The cycle of the address, or a 404 (absent, not readable, or of another country). */
async function cycleOf({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	const cycle = await reviewCycles.getById(locals.supabase, params.id);
	if (!cycle || cycle.country !== params.iso2.toUpperCase()) {
		error(404, locals.i18n.t('errors:not_found'));
	}
	return cycle;
}

/**
 * A review cycle: its stages by date, per stage what the network prepared (the links the
 * reader may read), the deadline warnings; for its editors the cycle and stage forms, for
 * editors of items about the country the link forms.
 */
export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	const cycle = await cycleOf(event);
	const [links, canEdit, linkable] = await Promise.all([
		reviewCycles.links(
			locals.supabase,
			cycle.stages.map((stage) => stage.id)
		),
		reviewCycles.canEdit(locals.supabase, locals.user?.id, cycle.country),
		locals.user ? reviewCycles.linkable(locals.supabase, cycle.country) : Promise.resolve([])
	]);
	return { cycle, links, canEdit, linkable, today: today() };
};

export const actions: Actions = {
	/** The cycle's mechanism, a name and whether it is public. */
	saveCycle: async (event) => {
		requireUser();
		const parsed = parseForm(cycleSchema, await event.request.formData());
		if (!parsed.success) return formFail('saveCycle', parsed.errors, parsed.values);
		const cycle = await cycleOf(event);
		try {
			await reviewCycles.updateCycle(event.locals.supabase, cycle, parsed.data);
		} catch (caught) {
			return formFail('saveCycle', caught);
		}
		return { action: 'saveCycle', saved: true };
	},
	/** A new stage, or a change of one (stage_id). */
	saveStage: async (event) => {
		requireUser();
		const parsed = parseForm(stageSchema, await event.request.formData());
		const action = parsed.success ? `saveStage-${parsed.data.stage_id ?? 'new'}` : undefined;
		if (!parsed.success) {
			const stageId = typeof parsed.values.stage_id === 'string' ? parsed.values.stage_id : '';
			return formFail(`saveStage-${stageId || 'new'}`, parsed.errors, parsed.values);
		}
		const cycle = await cycleOf(event);
		try {
			await reviewCycles.saveStage(event.locals.supabase, cycle, parsed.data);
		} catch (caught) {
			return formFail(action, caught, parsed.data);
		}
		return { action, saved: true };
	},
	deleteStage: async (event) => {
		requireUser();
		const parsed = parseForm(stageIdSchema, await event.request.formData());
		if (!parsed.success) return formFail('deleteStage', parsed.errors);
		try {
			await reviewCycles.deleteStage(event.locals.supabase, event.params.id, parsed.data.stage_id);
		} catch (caught) {
			return formFail('deleteStage', caught);
		}
		return { action: 'deleteStage', saved: true };
	},
	/** One of the caller's items linked to a stage (RLS: they edit it and read the cycle). */
	link: async (event) => {
		requireUser();
		const parsed = parseForm(linkSchema, await event.request.formData());
		if (!parsed.success) {
			const stageId = typeof parsed.values.stage_id === 'string' ? parsed.values.stage_id : '';
			return formFail(`link-${stageId}`, parsed.errors, parsed.values);
		}
		const action = `link-${parsed.data.stage_id}`;
		const cycle = await cycleOf(event);
		if (!cycle.stages.some((stage) => stage.id === parsed.data.stage_id)) {
			return formFail(action, { item_id: 'errors:not_found' });
		}
		try {
			await reviewCycles.link(event.locals.supabase, parsed.data.stage_id, parsed.data.item_id);
		} catch (caught) {
			return formFail(action, caught);
		}
		return { action, saved: true };
	},
	unlink: async (event) => {
		requireUser();
		const parsed = parseForm(linkSchema, await event.request.formData());
		if (!parsed.success) return formFail('unlink', parsed.errors);
		try {
			await reviewCycles.unlink(event.locals.supabase, parsed.data.stage_id, parsed.data.item_id);
		} catch (caught) {
			return formFail('unlink', caught);
		}
		return { action: 'unlink', saved: true };
	}
};
