import { error } from '@sveltejs/kit';
import type { SupabaseClient, User } from '@supabase/supabase-js';
import { z } from 'zod';
import type { Database } from '#lib/database.types';
import type { Locale } from '#lib/i18n/config';
import { pickTranslation } from '#lib/i18n/content';
import * as events from '#lib/server/events';
import * as memberships from '#lib/server/memberships';

interface Context {
	locals: {
		supabase: SupabaseClient<Database>;
		user: User | null;
		locale: Locale;
		i18n: { t: (key: 'errors:not_found') => string };
	};
	params: { id: string };
}

/**
 * The event and its registrant list for an organiser; a 404 for everyone else (the same
 * answer as for an event that does not exist). Shared by the page and the CSV download.
 */
export async function loadForOrganiser({ locals, params }: Context) {
	const id = z.uuid().safeParse(params.id);
	const user = locals.user;
	if (!id.success || !user) error(404, locals.i18n.t('errors:not_found'));
	const [event, mine, list] = await Promise.all([
		events.getById(locals.supabase, id.data),
		memberships.mine(locals.supabase, user.id),
		events.registrants(locals.supabase, id.data)
	]);
	if (!event || !events.isOrganiser(event.item.attachments, mine)) {
		error(404, locals.i18n.t('errors:not_found'));
	}
	const text = pickTranslation(event.translations, locals.locale, event.original_locale);
	return {
		event,
		title: text?.title ?? '',
		titleLocale: text?.locale ?? event.original_locale,
		list
	};
}
