import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { anonKey, API_URL } from '../../scripts/stack/config.mjs';

export const LOCALES = ['fr', 'nl', 'en', 'de', 'es'] as const;

/** Demo accounts from supabase/seed.sql (local-only demo password). */
export const DEMO_PASSWORD = 'demo-password-2026';

/** WCAG 2.2 A/AA rules: every page a test visits is checked. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Whether Supabase Auth answers behind the gateway, and if not, why. */
export async function authStatus(): Promise<{ available: boolean; reason: string }> {
	try {
		const response = await fetch(`${API_URL}/auth/v1/health`, { headers: { apikey: anonKey } });
		if (response.ok) return { available: true, reason: '' };
		const body = (await response.json().catch(() => ({}))) as { reason?: string; message?: string };
		return {
			available: false,
			reason: `Supabase Auth is not available on this stack: ${body.reason ?? body.message ?? response.status}`
		};
	} catch (error) {
		return { available: false, reason: `gateway unreachable: ${String(error)}` };
	}
}

/** The events of an iCalendar text, read by ical.js with the file's own time zones. */
export function parseCalendar(text: string): ICAL.Event[] {
	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	}
	return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

export const test = base;
export { expect };
