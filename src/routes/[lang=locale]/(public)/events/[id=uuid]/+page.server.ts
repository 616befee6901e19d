import { fail } from '@sveltejs/kit';
import { accessReason } from '#lib/access';
import { requireUser } from '#lib/server/auth';
import { failStatus, registrationErrorKey } from '#lib/server/errors';
import * as events from '#lib/server/events';
import * as items from '#lib/server/items';
import * as translationRequests from '#lib/server/translationRequests';
import * as jointActions from '#lib/server/jointActions';
import { sendPendingEmails } from '#lib/server/mail';
import { plainSummary, renderMarkdown } from '#lib/server/markdown';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const id = params.id;
	const user = locals.user;
	// One request: the event with its counts, its languages' states and, for a signed-in reader,
	// their registration, the online link RLS gives them, their rights and memberships (why
	// they may read it).
	const found = await events.getById(locals.supabase, id);
	const { item: event, text } = items.shownText(found, locals, url);
	const rights = items.rightsFrom(event.item.reader_rights, user !== null);
	const mine = events.readerRegistration(event.reader_registration);
	// Every language's state: the original, up to date, outdated since, requested from, missing.
	const translationStates = translationRequests.statesFor(event, event.item);

	const action = jointActions.actionLink(event.action, locals.locale);

	const now = Date.now();
	const deadline = event.registration_deadline ?? event.starts_at;
	// As register_for_event decides: a draft (its organisers preview it) or an archived event
	// takes no registration.
	const registrationOpen =
		event.item.status === 'published' &&
		!event.cancelled_at &&
		(event.registration_mode === 'open' || event.registration_mode === 'approval') &&
		new Date(deadline).getTime() > now;

	return {
		translationStates,
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
			isFallback: text.isFallback
		},
		organisers: event.item.attachments
			.filter(
				(a) =>
					a.organisation && a.state === 'accepted' && (a.role === 'owner' || a.role === 'co_lead')
			)
			.sort((a) => (a.role === 'owner' ? -1 : 1))
			.map((a) => ({ slug: a.organisation!.slug, name: a.organisation!.name })),
		action,
		counts: events.registrationCounts(event.registration_counts),
		registration: mine.status,
		registrationOpen,
		userSignedIn: user !== null,
		// Display only (links): every write is decided again by the database.
		isOrganiser: rights.canManage,
		onlineUrl: mine.onlineUrl,
		reason: accessReason(event.item, event.item.attachments, rights.memberships),
		canEdit: rights.canManage
	};
};

export const actions: Actions = {
	register: async ({ locals, params }) => {
		requireUser();
		try {
			return { registered: await events.register(locals.supabase, params.id) };
		} catch (caught) {
			const key = registrationErrorKey(caught);
			return fail(failStatus(key), { error: key });
		}
	},
	cancel: async ({ locals, params, url }) => {
		requireUser();
		try {
			await events.cancelRegistration(locals.supabase, params.id);
		} catch (caught) {
			const key = registrationErrorKey(caught);
			return fail(failStatus(key), { error: key });
		}
		// A freed place may have gone to someone waiting: tell them now (errors are logged,
		// the email stays in the outbox for the timer, the cancellation stands).
		await sendPendingEmails(url.origin);
		return { cancelled: true };
	}
};
