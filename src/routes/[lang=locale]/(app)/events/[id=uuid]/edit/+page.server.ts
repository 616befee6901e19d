import { error, fail } from '@sveltejs/kit';
import type { PostgrestError } from '@supabase/supabase-js';
import { isLocale, LOCALES, type Locale } from '#lib/i18n/config';
import { eventDetailsSchema, eventTranslationSchema } from '#lib/schemas/events';
import * as events from '#lib/server/events';
import { requireUser } from '#lib/server/auth';
import { parseForm } from '#lib/server/forms';
import { formFailure, inviteAction, statusAction } from '#lib/server/itemForms';
import { sendPendingEmails } from '#lib/server/mail';
import * as jointActions from '#lib/server/jointActions';
import * as organisations from '#lib/server/organisations';
import { TIME_ZONES, utcToZoned } from '#lib/timeZones';
import type { Actions, PageServerLoad } from './$types';

/** What the caller may do here; the database decides again on every write. */
async function context(locals: App.Locals, id: string) {
	const user = requireUser();
	const [event, editable] = await Promise.all([
		events.getById(locals.supabase, id),
		jointActions.editableOrganisations(locals.supabase, user.id)
	]);
	if (!event) error(404, locals.i18n.t('errors:not_found'));
	const editableIds = new Set(editable.map((o) => o.id));
	const leads = event.item.attachments.filter(
		(a) =>
			a.organisation && (a.role === 'owner' || (a.role === 'co_lead' && a.state === 'accepted'))
	);
	if (!leads.some((a) => editableIds.has(a.organisation!.id))) {
		error(403, locals.i18n.t('errors:forbidden'));
	}
	const isOwnerEditor = leads.some(
		(a) => a.role === 'owner' && editableIds.has(a.organisation!.id)
	);
	return { id, event, isOwnerEditor, userId: user.id };
}

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
	const { event, isOwnerEditor } = await context(locals, params.id);
	const requested = url.searchParams.get('locale');
	const original: Locale = isLocale(event.original_locale) ? event.original_locale : 'en';
	const locale: Locale = isLocale(requested) ? requested : original;
	const texts = LOCALES.map((code) => {
		const row = event.translations.find((t) => t.locale === code);
		const state = !row
			? 'missing'
			: code === event.original_locale || row.source_revision >= event.original_revision
				? 'up_to_date'
				: 'outdated';
		return { locale: code, state, isOriginal: code === event.original_locale } as const;
	});
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
	text: async ({ locals, params, request }) => {
		const { id, userId } = await context(locals, params.id);
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
			await events.saveText(locals.supabase, userId, id, locale, text);
		} catch (caught) {
			return formFailure('text', caught, values);
		}
		return { action: 'text', saved: true };
	},
	details: async ({ locals, params, request, url }) => {
		const { id } = await context(locals, params.id);
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
	invite: async ({ locals, params, request }) => {
		const { id, userId } = await context(locals, params.id);
		return inviteAction(locals.supabase, userId, id, await request.formData());
	},
	status: async ({ locals, params, request }) => {
		const { id } = await context(locals, params.id);
		return statusAction(locals.supabase, id, await request.formData());
	},
	cancel: async ({ locals, params }) => {
		const { id } = await context(locals, params.id);
		try {
			await events.cancel(locals.supabase, id);
		} catch (caught) {
			return formFailure('cancel', caught);
		}
		return { action: 'cancel', saved: true };
	}
};
