import { given, jsonObject, once, pageJson } from './rpc';
import type { EventTitle } from '#lib/events';
import type { Client } from './supabase';
import type { QueryData } from '@supabase/supabase-js';
import { Constants, type Enums, type Json } from '#lib/database.types';
import { LANGUAGE_STATE_COLUMNS } from './translationRequests';
import { forReader, pickTranslation } from '#lib/i18n/content';
import { notAllowed } from './errors';
import { rights } from './itemRights';
import { narrowed, onePage, searchPage } from './listing';
import type { EventFilters } from '#lib/schemas/events';

export const PAGE_SIZE = 12;

const LIST_COLUMNS = `id, original_locale, starts_at, ends_at, time_zone, venue_name, is_online, capacity,
	registration_mode, cancelled_at, areas,
	item:items(status, visibility, owner:organisations!items_owner_organisation_id_fkey(slug, name)),
	translations:event_translations(locale, title)`;

/**
 * Events the caller may see (RLS decides): upcoming soonest first, or past latest first; one
 * page and whether a next page exists (one row more than a page, no count). Searched, or of
 * one organisation (found by its attachments): `search`, in the same order.
 */
export async function list(
	supabase: Client,
	filters: EventFilters,
	size = PAGE_SIZE,
	now = new Date()
) {
	if (filters.q || filters.organisation) return search(supabase, filters, size, now);
	const iso = now.toISOString();
	const query = narrowed(supabase.from('events').select(LIST_COLUMNS), {
		areas: filters.area,
		countries: filters.country
	});
	const upcoming = filters.scope === 'upcoming';
	return onePage(
		(upcoming ? query.gte('ends_at', iso) : query.lt('ends_at', iso))
			.order('starts_at', { ascending: upcoming })
			.order('id'),
		filters.page,
		size
	);
}

/**
 * One page of the events a search finds or an organisation leads or takes part in (RLS
 * decides), in the list's scope, by date as the list.
 */
async function search(supabase: Client, filters: EventFilters, size: number, now: Date) {
	const iso = now.toISOString();
	const upcoming = filters.scope === 'upcoming';
	return searchPage((args) => supabase.rpc('search_events', args).select(LIST_COLUMNS), {
		q: filters.q,
		page: filters.page,
		size,
		filters: {
			area: filters.area,
			country: filters.country,
			organisation: filters.organisation,
			...(upcoming ? { ends_after: iso, order: 'soonest' } : { ends_before: iso, order: 'latest' })
		}
	});
}

/** Events shown per day of the month view; the open day (its "+N more" link) shows up to 100. */
export const MONTH_PER_DAY = 3;

/**
 * The month view's days: per local day (each event's own zone) of the events starting in
 * [start, end), how many there are and the first few (public.events_by_day), soonest first,
 * each with the text its reader is shown.
 */
export async function byDay(
	supabase: Client,
	reader: string,
	start: Date,
	end: Date,
	filters: EventFilters & { day?: string }
) {
	const { data, error } = await supabase.rpc(
		'events_by_day',
		given({
			range_start: start.toISOString(),
			range_end: end.toISOString(),
			per_day: MONTH_PER_DAY,
			open_day: filters.day ?? null,
			area: filters.area ?? null,
			country: filters.country ?? null
		})
	);
	if (error) throw error;
	return data.map((row) => ({
		day: row.day,
		total: row.total,
		events: forReader(row.events as unknown as EventTitle[], reader)
	}));
}

/**
 * What an event's page reads, as a PostgREST select: the type of the JSON that
 * public.event_page builds in one call (PostgREST parsed this select for 4.5-8.6 ms of CPU a view;
 * docs/benchmarks.md), and the reference tests/api/item-pages.test.ts compares it with for
 * every demo account.
 */
export function pageSelect(supabase: Client, id: string) {
	return supabase
		.from('events')
		.select(
			`id, original_locale, original_revision, starts_at, ends_at, time_zone, venue_name, venue_address,
			is_online, capacity, registration_mode, registration_deadline, accessibility, areas, crc_articles,
			countries, cancelled_at, updated_at, joint_action_id, registration_counts, reader_registration,
			item:items!inner(status, visibility, published_at, owner_organisation_id,
				attachments:item_organisations(role, state, organisation:organisations(id, slug, name)),
				${LANGUAGE_STATE_COLUMNS}, reader_rights),
			translations:event_translations(locale, title, description, accessibility_notes, source_revision),
			action:joint_actions(id, original_locale, translations:joint_action_translations(locale, title))` as const
		)
		.eq('id', id)
		.maybeSingle();
}

export type EventPage = QueryData<ReturnType<typeof pageSelect>>;

/** An event with what its page shows (public.event_page), or null when absent or not readable. */
export async function getById(supabase: Client, id: string): Promise<EventPage | null> {
	return pageJson<EventPage>(await supabase.rpc('event_page', { event_id: id }, { get: true }));
}

/**
 * Confirmed/waiting/pending counts (public information for whoever can read the event), as the
 * event's computed field public.registration_counts gives them: a JSON object of three numbers.
 */
export function registrationCounts(
	json: Json | null
): { confirmed: number; waiting: number; pending: number } | null {
	const { confirmed, waiting, pending } = jsonObject(json) ?? {};
	return typeof confirmed === 'number' && typeof waiting === 'number' && typeof pending === 'number'
		? { confirmed, waiting, pending }
		: null;
}

/**
 * The signed-in reader's own registration and the event's online link, as the event page read
 * them with the event (computed field public.reader_registration; RLS gives the link to
 * confirmed registrants and organisers only). Nothing for a visitor.
 */
export function readerRegistration(json: Json | null | undefined): {
	status: Enums<'registration_status'> | null;
	onlineUrl: string | null;
} {
	const { status, online_url } = jsonObject(json) ?? {};
	return {
		status: Constants.public.Enums.registration_status.find((known) => known === status) ?? null,
		onlineUrl: typeof online_url === 'string' ? online_url : null
	};
}

/** The online link: RLS returns it only to confirmed registrants and organisers. */
export async function onlineLink(supabase: Client, id: string) {
	const { data, error } = await supabase
		.from('event_online_links')
		.select('url')
		.eq('event_id', id)
		.maybeSingle();
	if (error) throw error;
	return data?.url ?? null;
}

/**
 * The public events of a calendar feed, of the network or of one organisation (lead or
 * participant): public.event_feed bounds them (the coming year and the last 30 days, capped).
 */
export async function feed(supabase: Client, organisationId?: string) {
	const { data, error } = await supabase.rpc(
		'event_feed',
		organisationId ? { organisation_id: organisationId } : {}
	);
	if (error) throw error;
	return data;
}

/**
 * The registrant list with names, emails and organisations. The database returns rows
 * only to the organisers' editors/admins (public.event_registrants), nothing to others.
 */
export async function registrants(supabase: Client, id: string) {
	const { data, error } = await supabase.rpc('event_registrants', { event_id: id });
	if (error) throw error;
	return data;
}

/**
 * The event and its registrant list for an organiser; null for everyone else (the pages
 * answer it as for an event that does not exist). Shared by the page and the CSV download.
 */
export async function forOrganiser(supabase: Client, id: string, locale: string) {
	const [event, mine, list] = await Promise.all([
		getById(supabase, id),
		rights(supabase, id, true),
		registrants(supabase, id)
	]);
	if (!event || !mine.canManage) return null;
	const text = pickTranslation(event.translations, locale, event.original_locale);
	return {
		event,
		title: text?.title ?? '',
		titleLocale: text?.locale ?? event.original_locale,
		list
	};
}

/** Registers the caller (the database decides: open, waiting list or pending approval). */
export async function register(supabase: Client, id: string) {
	const { data, error } = await supabase.rpc('register_for_event', { event_id: id });
	if (error) throw error;
	return data;
}

/** Cancels the caller's own registration; a freed place goes to the first one waiting. */
export async function cancelRegistration(supabase: Client, id: string) {
	const { error } = await supabase.rpc('cancel_event_registration', { event_id: id });
	if (error) throw error;
}

/** An organiser approves or declines a pending registration; returns its new status. */
export async function decide(supabase: Client, registrationId: string, approve: boolean) {
	const { data, error } = await supabase.rpc('decide_event_registration', {
		registration_id: registrationId,
		approve
	});
	if (error) throw error;
	return data;
}

type EventForm = import('#lib/schemas/events').EventForm;
type EventDetails = import('#lib/schemas/events').EventDetails;
type EventText = import('#lib/schemas/events').EventText;

/** The columns of the events row that the details form writes. */
function eventRow(details: EventDetails) {
	return {
		starts_at: details.starts_at,
		ends_at: details.ends_at,
		time_zone: details.time_zone,
		venue_name: details.venue_name,
		venue_address: details.venue_address,
		is_online: details.is_online,
		capacity: details.capacity,
		registration_mode: details.registration_mode,
		registration_deadline: details.registration_deadline,
		accessibility: details.accessibility,
		joint_action_id: details.joint_action_id
	};
}

/** Writes, replaces or removes the online link (RLS: the event's lead editors). */
async function saveOnlineLink(supabase: Client, id: string, url: string | null) {
	const { error } = url
		? await supabase
				.from('event_online_links')
				.upsert({ event_id: id, url, updated_at: new Date().toISOString() })
		: await supabase.from('event_online_links').delete().eq('event_id', id);
	if (error) throw error;
}

/**
 * Creates an event with its original text and online link (its owner attachment is the
 * database's), published when asked: one database call, one transaction.
 */
export async function create(supabase: Client, input: EventForm, submission?: string) {
	const { data, error } = await once(
		supabase.rpc(
			'create_event',
			given({
				organisation_id: input.organisation_id,
				visibility: input.visibility,
				original_locale: input.original_locale,
				title: input.title,
				description: input.description,
				accessibility_notes: input.accessibility_notes,
				...eventRow(input),
				online_url: input.online_url,
				publish: input.intent === 'publish'
			})
		),
		submission
	);
	if (error) throw error;
	return data;
}

/** Writes one language's texts (adds it or replaces it); saving marks the text up to date. */
export async function saveText(supabase: Client, id: string, locale: string, text: EventText) {
	const { error } = await supabase
		.from('event_translations')
		.upsert({ event_id: id, locale, ...text }, { onConflict: 'event_id,locale' });
	if (error) throw error;
}

/** Changes when, where and how to register (lead editors; RLS decides), and the online link. */
export async function saveDetails(supabase: Client, id: string, details: EventDetails) {
	const { data, error } = await supabase
		.from('events')
		.update(eventRow(details))
		.eq('id', id)
		.select('id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
	await saveOnlineLink(supabase, id, details.online_url);
}

/** Cancels the event: it stays readable, nobody can register (the database stamps the time). */
export async function cancel(supabase: Client, id: string) {
	const { data, error } = await supabase
		.from('events')
		.update({ cancelled_at: new Date().toISOString() })
		.eq('id', id)
		.is('cancelled_at', null)
		.select('id');
	if (error) throw error;
	if (data.length === 0) throw notAllowed();
}

/** Joint actions the caller can read, to link an event to (titles in the reader's language). */
export async function linkableActions(supabase: Client, locale: string) {
	const { data, error } = await supabase
		.from('joint_actions')
		.select('id, original_locale, translations:joint_action_translations(locale, title)')
		.order('created_at', { ascending: false })
		.limit(200);
	if (error) throw error;
	return data
		.map((action) => {
			const byLocale = new Map(action.translations.map((t) => [t.locale, t.title]));
			return {
				id: action.id,
				title: byLocale.get(locale) ?? byLocale.get(action.original_locale) ?? ''
			};
		})
		.sort((a, b) => a.title.localeCompare(b.title, locale));
}

/** The time zone proposed for a new event of an organisation: its country's, else Brussels. */
export async function organisationCountries(supabase: Client, ids: string[]) {
	if (ids.length === 0) return new Map<string, string>();
	const { data, error } = await supabase.from('organisations').select('id, country').in('id', ids);
	if (error) throw error;
	return new Map(data.map((o) => [o.id, o.country]));
}
