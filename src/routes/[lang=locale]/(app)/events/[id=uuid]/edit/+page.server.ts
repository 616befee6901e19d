import { eventDetailsSchema, eventTranslationSchema } from '#lib/schemas/events';
import * as events from '#lib/server/events';
import { eventFieldError } from '#lib/server/errors';
import { formFail, formValues, parseForm, withCheckbox } from '#lib/server/forms';
import {
	attachmentsForEditing,
	editActions,
	translationRequestsForEditing
} from '#lib/server/itemForms';
import { sendPendingEmails } from '#lib/server/mail';
import * as items from '#lib/server/items';
import { TIME_ZONES, utcToZoned } from '#lib/timeZones';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const editing = await items.loadForEditing({ locals, url, params }, 'event');
	const { item: event, locale, original, isOwnerEditor } = editing;
	const [link, linkable, organisations, translation] = await Promise.all([
		events.onlineLink(locals.supabase, event.id),
		events.linkableActions(locals.supabase, locals.locale),
		attachmentsForEditing(locals.supabase, event.item.attachments, isOwnerEditor),
		translationRequestsForEditing(locals.supabase, event.id, original, event.item.attachments)
	]);
	const start = utcToZoned(event.starts_at, event.time_zone);
	const end = utcToZoned(event.ends_at, event.time_zone);
	const deadline = event.registration_deadline
		? utcToZoned(event.registration_deadline, event.time_zone)
		: null;
	return {
		...editing.page,
		current: items.textValues(event.translations, locale, [
			'title',
			'description',
			'accessibility_notes'
		]),
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
		cancelled: event.cancelled_at !== null,
		...organisations,
		translation
	};
};

export const actions: Actions = {
	...editActions('event', { schema: eventTranslationSchema, save: events.saveText }),
	details: async ({ locals, params, request, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'event');
		const form = await request.formData();
		const values = withCheckbox(formValues(eventDetailsSchema, form), 'is_online');
		const parsed = parseForm(eventDetailsSchema, form);
		if (!parsed.success) return formFail('details', parsed.errors, values);
		try {
			await events.saveDetails(locals.supabase, id, parsed.data);
		} catch (caught) {
			// Fewer places than confirmed registrations: say so next to the capacity.
			const atField = eventFieldError(caught);
			if (atField) return formFail('details', { [atField.field]: atField.key }, values);
			return formFail('details', caught, values);
		}
		// More places confirm people from the waiting list: they hear about it now (a failed
		// email stays in the outbox for the timer).
		await sendPendingEmails(url.origin);
		return { action: 'details', saved: true };
	},
	cancel: async ({ locals, params, url }) => {
		const { id } = await items.loadForEditing({ locals, url, params }, 'event');
		try {
			await events.cancel(locals.supabase, id);
		} catch (caught) {
			return formFail('cancel', caught);
		}
		// The registrants hear about it now, each as they chose (a failed email stays in the
		// outbox for the timer).
		await sendPendingEmails(url.origin);
		return { action: 'cancel', saved: true };
	}
};
