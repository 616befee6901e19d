import { error, fail } from '@sveltejs/kit';
import { accessReason } from '#lib/access';
import { isLocale } from '#lib/i18n/config';
import { pickTranslation } from '#lib/i18n/content';
import { requireUser } from '#lib/server/auth';
import { registrationErrorKey } from '#lib/server/errors';
import * as events from '#lib/server/events';
import * as items from '#lib/server/items';
import * as jointActions from '#lib/server/jointActions';
import { sendPendingEmails } from '#lib/server/mail';
import { plainSummary, renderMarkdown } from '#lib/server/markdown';
import * as memberships from '#lib/server/memberships';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = params.id;
	const user = locals.user;
	const [event, counts, mine, registration, link, rights] = await Promise.all([
		events.getById(locals.supabase, id),
		events.counts(locals.supabase, id).catch(() => null),
		user ? memberships.mine(locals.supabase, user.id) : Promise.resolve([]),
		user ? events.myRegistration(locals.supabase, id, user.id) : Promise.resolve(null),
		user ? events.onlineLink(locals.supabase, id) : Promise.resolve(null),
		items.rights(locals.supabase, id, user !== null)
	]);
	// Not readable and absent look the same.
	if (!event) error(404, locals.i18n.t('errors:not_found'));

	const requested = url.searchParams.get('show');
	const text = pickTranslation(
		event.translations,
		isLocale(requested) ? requested : locals.locale,
		event.original_locale
	);
	if (!text) error(404, locals.i18n.t('errors:not_found'));

	const action = event.joint_action_id
		? await jointActions.getTitle(locals.supabase, event.joint_action_id, locals.locale)
		: null;

	const now = Date.now();
	const deadline = event.registration_deadline ?? event.starts_at;
	const registrationOpen =
		!event.cancelled_at &&
		(event.registration_mode === 'open' || event.registration_mode === 'approval') &&
		new Date(deadline).getTime() > now;

	return {
		event: {
			id: event.id,
			originalLocale: event.original_locale,
			startsAt: event.starts_at,
			endsAt: event.ends_at,
			timeZone: event.time_zone,
			venueName: event.venue_name,
			venueAddress: event.venue_address,
			isOnline: event.is_online,
			capacity: event.capacity,
			mode: event.registration_mode,
			deadline: event.registration_deadline,
			accessibility: event.accessibility,
			areas: event.areas,
			countries: event.countries,
			cancelled: event.cancelled_at !== null,
			past: new Date(event.ends_at).getTime() < now,
			status: event.item.status,
			visibility: event.item.visibility
		},
		text: {
			locale: text.locale,
			title: text.title,
			descriptionHtml: renderMarkdown(text.description),
			summary: plainSummary(text.description),
			accessibilityNotes: text.accessibility_notes,
			isFallback: text.isFallback && !isLocale(requested)
		},
		organisers: event.item.attachments
			.filter(
				(a) =>
					a.organisation && a.state === 'accepted' && (a.role === 'owner' || a.role === 'co_lead')
			)
			.sort((a) => (a.role === 'owner' ? -1 : 1))
			.map((a) => ({ slug: a.organisation!.slug, name: a.organisation!.name })),
		action,
		counts,
		registration,
		registrationOpen,
		userSignedIn: user !== null,
		// Display only (links): every write is decided again by the database.
		isOrganiser: rights.canManage,
		onlineUrl: link,
		reason: accessReason(event.item, event.item.attachments, mine),
		canEdit: rights.canManage
	};
};

export const actions: Actions = {
	register: async ({ locals, params }) => {
		requireUser();
		try {
			return { registered: await events.register(locals.supabase, params.id) };
		} catch (caught) {
			return fail(400, { error: registrationErrorKey(caught) });
		}
	},
	cancel: async ({ locals, params, url }) => {
		requireUser();
		try {
			await events.cancelRegistration(locals.supabase, params.id);
		} catch (caught) {
			return fail(400, { error: registrationErrorKey(caught) });
		}
		// A freed place may have gone to someone waiting: tell them now (errors are logged,
		// the email stays in the outbox for the timer, the cancellation stands).
		await sendPendingEmails(url.origin);
		return { cancelled: true };
	}
};
