import { fail } from '@sveltejs/kit';
import type { PostgrestError } from '@supabase/supabase-js';
import { eventDetailsSchema, eventTranslationSchema } from '#lib/schemas/events';
import * as events from '#lib/server/events';
import { parseForm } from '#lib/server/forms';
import { formFailure, inviteAction, statusAction } from '#lib/server/itemForms';
import { sendPendingEmails } from '#lib/server/mail';
import * as items from '#lib/server/items';
import * as organisations from '#lib/server/organisations';
import { TIME_ZONES, utcToZoned } from '#lib/timeZones';
import type { Actions, PageServerLoad } from './$types';

/** The details form as typed, to show again after an error. */
function echoDetails(form: FormData) {
	const text = (name: string, max = 500) => String(form.get(name) ?? '').slice(0, max);
	return {
		time_zone: text('time_zone', 64),
		start_date: text('start_date', 20),
		start_time: text('start_time', 20),
		end_date: text('end_date', 20),
		end_time: text('end_time', 20),
		venue_name: text('venue_name', 300),
		venue_address: text('venue_address', 600),
		is_online: form.get('is_online') === 'on',
		online_url: text('online_url', 2100),
		capacity: text('capacity', 20),
		registration_mode: text('registration_mode', 20),
		deadline_date: text('deadline_date', 20),
		deadline_time: text('deadline_time', 20),
		accessibility: form.getAll('accessibility').map(String).slice(0, 10),
		joint_action_id: text('joint_action_id', 64)
	};
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const {
		item: event,
		texts,
		locale,
		isOwnerEditor
	} = await items.loadForEditing({ locals, url, params }, 'event');
	const current = event.translations.find((t) => t.locale === locale);
	const originalText = event.translations.find((t) => t.locale === event.original_locale);
	const [link, linkable, directory] = await Promise.all([
		events.onlineLink(locals.supabase, event.id),
		events.linkableActions(locals.supabase, locals.locale),
		isOwnerEditor ? organisations.list(locals.supabase, {}) : Promise.resolve([])
	]);
	const start = utcToZoned(event.starts_at, event.time_zone);
	const end = utcToZoned(event.ends_at, event.time_zone);
	const deadline = event.registration_deadline
		? utcToZoned(event.registration_deadline, event.time_zone)
		: null;
	const attachedIds = new Set(event.item.attachments.map((a) => a.organisation?.id));
	return {
		id: event.id,
		title: originalText?.title ?? '',
		locale,
		texts,
		current: {
			title: current?.title ?? '',
			description: current?.description ?? '',
			accessibility_notes: current?.accessibility_notes ?? ''
		},
		details: {
			time_zone: event.time_zone,
			start_date: start.date,
			start_time: start.time,
			end_date: end.date,
			end_time: end.time,
			venue_name: event.venue_name ?? '',
			venue_address: event.venue_address ?? '',
			is_online: event.is_online,
			online_url: link ?? '',
			capacity: event.capacity === null ? '' : String(event.capacity),
			registration_mode: event.registration_mode,
			deadline_date: deadline?.date ?? '',
			deadline_time: deadline?.time ?? '',
			accessibility: event.accessibility,
			joint_action_id: event.joint_action_id ?? ''
		},
		timeZones: TIME_ZONES,
		jointActions: linkable,
		status: event.item.status,
		cancelled: event.cancelled_at !== null,
		isOwnerEditor,
		attachments: event.item.attachments
			.filter((a) => a.organisation)
			.map((a) => ({ role: a.role, state: a.state, name: a.organisation!.name })),
		invitable: directory.filter((o) => !attachedIds.has(o.id)).map(({ id, name }) => ({ id, name }))
	};
};

export const actions: Actions = {
	text: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'event');
		const form = await request.formData();
		const values = Object.fromEntries(
			['locale', 'title', 'description', 'accessibility_notes'].map((k) => [
				k,
				String(form.get(k) ?? '').slice(0, 25000)
			])
		);
		const parsed = parseForm(eventTranslationSchema, form);
		if (!parsed.success) return fail(400, { action: 'text', values, errors: parsed.errors });
		const { locale, ...text } = parsed.data;
		try {
			await events.saveText(locals.supabase, id, locale, text);
		} catch (caught) {
			return formFailure('text', caught, values);
		}
		return { action: 'text', saved: true };
	},
	details: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'event');
		const form = await request.formData();
		const values = echoDetails(form);
		const parsed = parseForm(eventDetailsSchema, form);
		if (!parsed.success) return fail(400, { action: 'details', values, errors: parsed.errors });
		try {
			await events.saveDetails(locals.supabase, id, parsed.data);
		} catch (caught) {
			const error = caught as PostgrestError;
			// Fewer places than confirmed registrations: say so next to the capacity.
			if (error.message?.includes('capacity')) {
				return fail(400, {
					action: 'details',
					values,
					errors: { capacity: 'validation:capacity_below_confirmed' }
				});
			}
			return formFailure('details', caught, values);
		}
		// More places confirm people from the waiting list: they hear about it now (a failed
		// email stays in the outbox for the timer).
		await sendPendingEmails(url.origin);
		return { action: 'details', saved: true };
	},
	invite: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'event');
		return inviteAction(locals.supabase, id, await request.formData());
	},
	status: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'event');
		return statusAction(locals.supabase, id, await request.formData());
	},
	cancel: async ({ locals, params, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'event');
		try {
			await events.cancel(locals.supabase, id);
		} catch (caught) {
			return formFailure('cancel', caught);
		}
		return { action: 'cancel', saved: true };
	}
};
