import { z } from 'zod';
import * as organisationInvitations from './invitations';
import * as items from './items';
import * as memberships from './memberships';
import * as papers from './papers';
import * as translationRequests from './translationRequests';
import type { Client } from './supabase';

/**
 * What waits for the caller's answer: invitations of the organisations they administer to
 * co-lead or take part in an item, requests to co-sign those organisations must answer, and
 * invitations to join an organisation sent to their address. The invitations page answers
 * them; the dashboard lists them with a link there.
 */
export async function answersAwaited(supabase: Client, userId: string, locale: string) {
	const [invitations, mine, organisationsInviting, translations] = await Promise.all([
		items.pendingInvitations(supabase),
		memberships.mine(supabase, userId),
		organisationInvitations.mine(supabase),
		// Requests to translate, to answer (requested) or to write (accepted): editors only.
		translationRequests.pending(supabase)
	]);
	// Requests to co-sign are read by every member of the asked organisation, but only its
	// admins answer them (decide_paper_signature refuses the others): only theirs are listed.
	const adminOf = mine
		.filter((m) => m.role === 'admin' && m.organisation?.status === 'active')
		.map((m) => m.organisation!.id);
	const signatures = await papers.pendingSignatures(supabase, adminOf, locale);
	return { invitations, signatures, organisationsInviting, translations };
}

const titled = {
	item_id: z.uuid(),
	kind: z.enum(['joint_action', 'event', 'paper']),
	original_locale: z.string(),
	titles: z.record(z.string(), z.string()).nullable()
};

/** The shape `public.my_dashboard()` answers (docs in its `comment on function`). */
const dashboardSchema = z.object({
	since: z.string(),
	is_coordinator: z.boolean(),
	applications: z.number().nullable(),
	to_approve: z.array(
		z.object({ ...titled, pending: z.number(), starts_at: z.string(), time_zone: z.string() })
	),
	outdated: z.array(z.object({ ...titled, locales: z.array(z.string()) })),
	upcoming: z.array(
		z.object({
			...titled,
			starts_at: z.string(),
			ends_at: z.string(),
			time_zone: z.string(),
			cancelled: z.boolean(),
			registration: z.enum(['confirmed', 'waiting', 'pending']).nullable()
		})
	),
	news: z.array(z.object({ ...titled, changed_at: z.string(), is_new: z.boolean() })),
	organisations: z.array(
		z.object({
			id: z.uuid(),
			slug: z.string(),
			name: z.string(),
			names: z.record(z.string(), z.string()).nullable(),
			kind: z.string(),
			country: z.string(),
			role: z.enum(['member', 'editor', 'admin']),
			latest: z.object({ ...titled, at: z.string() }).nullable()
		})
	)
});

export type Dashboard = z.infer<typeof dashboardSchema>;

/**
 * The caller's dashboard: one database call (`public.my_dashboard`, read as the caller, so
 * RLS decides every row and count) beside the answers awaited of the invitations page.
 */
export async function load(supabase: Client, userId: string, locale: string) {
	const [{ data, error }, awaited] = await Promise.all([
		supabase.rpc('my_dashboard'),
		answersAwaited(supabase, userId, locale)
	]);
	if (error) throw error;
	return { ...dashboardSchema.parse(data), ...awaited };
}

/**
 * Moves the caller's "news seen" mark to the moment the dashboard they read was made (never
 * back, never beyond now: the database decides).
 */
export async function markNewsSeen(supabase: Client, seenAt: string) {
	const { error } = await supabase.rpc('mark_news_seen', { seen_at: seenAt });
	if (error) throw error;
}
