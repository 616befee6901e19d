import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { ComponentProps } from 'svelte';
import Harness from './AccountPageHarness.svelte';

/**
 * The account page rendered on the server, as a browser without JavaScript gets it (sign-in
 * cannot run on machines without Supabase Auth, so the page is rendered from load data).
 */
type Props = ComponentProps<typeof Harness>;

const base = {
	userId: '20000000-0000-4000-8000-000000000002',
	email: 'admin@dei-belgique.demo',
	displayName: 'Benoît Lambert',
	preferredLocale: 'fr',
	memberships: [
		{
			organisationId: '10000000-0000-4000-8000-000000000002',
			role: 'admin',
			organisation: {
				slug: 'dei-belgique',
				name: 'DEI-Belgique',
				kind: 'section',
				status: 'active'
			}
		},
		{
			organisationId: '10000000-0000-4000-8000-000000000026',
			role: 'member',
			organisation: null
		}
	],
	feed: { state: 'none' },
	isCoordinator: false,
	deletionBlockers: [],
	profileSaved: false,
	emailPreferences: {
		timeZone: 'America/New_York',
		frequencies: [
			{ type: 'item_invited', frequency: 'immediately', isDefault: true },
			{ type: 'member_joined', frequency: 'weekly', isDefault: false }
		]
	},
	emailPreferencesSaved: false,
	timeZones: ['America/New_York', 'Europe/Brussels']
} as unknown as Props['data'];

function html(props: Partial<Props>): string {
	return render(Harness, { props: { locale: 'en', data: base, form: null, ...props } }).body;
}

describe('account page', () => {
	it('lists memberships, and a hidden organisation as not available instead of failing', () => {
		const body = html({});
		expect(body).toContain('href="/en/organisations/dei-belgique"');
		expect(body).toContain('National section');
		expect(body).toContain('Your role: Administrator');
		expect(body).toContain('Organisation not available');
		expect(body).toContain('Your role: Member');
	});

	it('shows each notification type with its email frequency chosen, and the time zone', () => {
		const body = html({});
		expect(body).toContain('Emails about notifications');
		expect(body).toMatch(/<select[^>]*name="item_invited"/);
		expect(body).toMatch(/<option value="immediately"[^>]*selected[^>]*>At once<\/option>/);
		expect(body).toMatch(/<option value="weekly"[^>]*selected[^>]*>Weekly summary<\/option>/);
		expect(body).toMatch(/<option value="America\/New_York"[^>]*selected/);
		expect(body).toContain('>New member</label>');
	});

	it('shows a refused email preference as the translated message beside its field', () => {
		const body = html({
			form: {
				action: 'emailPreferences',
				values: { time_zone: 'Mars/Olympus' },
				errors: { time_zone: 'validation:time_zone_unknown' }
			}
		} as Partial<Props>);
		expect(body).toContain('Choose a time zone from the list, like Europe/Brussels.');
		expect(body).toMatch(/<option value="Mars\/Olympus"[^>]*selected/);
	});

	it('offers to create a feed when there is none, without a revoke button', () => {
		const body = html({});
		expect(body).toContain('action="?/issueFeed"');
		expect(body).toContain('Create a feed address');
		expect(body).not.toContain('action="?/revokeFeed"');
	});

	it('shows a new feed address once, in a labelled read-only field inside a live region', () => {
		const url = 'http://localhost:5173/fr/calendar/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics';
		const body = html({
			locale: 'fr',
			data: { ...base, feed: { state: 'active', createdAt: '2026-11-28T10:00:00Z' } },
			form: { feedUrl: url }
		});
		const live = body.slice(body.indexOf('aria-live="polite"'));
		expect(live).toMatch(/<label for="feed-url">Votre adresse de flux<\/label>/);
		expect(live).toMatch(new RegExp(`<input id="feed-url"[^>]*readonly[^>]*value="${url}"`));
		expect(body).toContain('action="?/revokeFeed"');
		expect(body).toContain('Créer une nouvelle adresse de flux');
	});

	it('shows an action error as a translated alert', () => {
		const body = html({ form: { feedError: 'account:feed_error_issue' } });
		expect(body).toMatch(/role="alert">The feed address could not be created/);
	});
});
