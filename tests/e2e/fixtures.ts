import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
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

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
	for (let i = 0; i < 100; i++) {
		if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
		const ok = await fetch(url).then(
			(r) => r.status < 500,
			() => false
		);
		if (ok) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not answer within 10 s`);
}

/**
 * A second copy of the built hub whose gateway has no Auth behind it (the stack's own
 * gateway program, pointed at a port where nothing listens), while PostgREST and the
 * database are the stack's: what people get when Auth is down.
 */
export async function hubWithoutAuth(): Promise<{ baseURL: string; stop: () => void }> {
	const [gateway, deadAuth, app] = await Promise.all([freePort(), freePort(), freePort()]);
	const env = {
		...process.env,
		STACK_PORT_GATEWAY: String(gateway),
		STACK_PORT_AUTH: String(deadAuth),
		PUBLIC_SUPABASE_URL: ''
	};
	const root = path.resolve(import.meta.dirname, '../..');
	const gatewayProcess = spawn(process.execPath, ['scripts/stack/gateway.mjs'], {
		cwd: root,
		env,
		stdio: 'ignore'
	});
	const appProcess = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(app)], {
		cwd: root,
		env: { ...env, ORIGIN: `http://localhost:${app}` },
		stdio: 'ignore'
	});
	const stop = () => [gatewayProcess, appProcess].forEach((child) => child.kill());
	try {
		await waitFor(`http://127.0.0.1:${gateway}/health`, gatewayProcess);
		await waitFor(`http://127.0.0.1:${app}/en`, appProcess);
	} catch (error) {
		stop();
		throw error;
	}
	return { baseURL: `http://localhost:${app}`, stop };
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
