import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
	expect,
	test as base,
	type Browser,
	type BrowserContext,
	type Page,
	type TestInfo
} from '@playwright/test';
import type { AxeResults } from 'axe-core';
import ICAL from 'ical.js';
import pg from 'pg';
import { anonKey, API_URL, appEnv, DB_URL, MAIL_URL } from '../../scripts/stack/config.mjs';
import { DEMO_PASSWORD, PEOPLE } from '../seed';

export { DEMO_PASSWORD, ITEM, ORG, PEOPLE } from '../seed';

export const LOCALES = ['fr', 'nl', 'en', 'de', 'es', 'ar'] as const;
type Locale = (typeof LOCALES)[number];

/** One statement on the stack's database as its owner: a test's set-up, or a check of what was stored. */
export async function dbQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []) {
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	try {
		return (await db.query(sql, params)).rows as T[];
	} finally {
		await db.end();
	}
}

// Translations ---------------------------------------------------------------------------

/** The namespaces, as the English source has them (src/lib/i18n/locales/en/<ns>.json). */
const NAMESPACES = readdirSync(
	path.resolve(import.meta.dirname, '../../src/lib/i18n/locales/en')
).map((file) => file.replace(/\.json$/, ''));

/** A key shown instead of its words (`events:title`): what a page shows for a namespace it lacks. */
export const NAMESPACED_KEY = new RegExp(`\\b(${NAMESPACES.join('|')}):[a-z][a-z0-9_]*\\b`);

/** Console errors and uncaught exceptions of a page (a missing namespace logs one). */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

// Accessibility --------------------------------------------------------------------------

/** WCAG 2.2 A/AA rules and axe's best practices. No rule is disabled, nothing is excluded. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Results axe could not decide ("incomplete", e.g. the contrast of text over an image or a
 * pseudo-element) need a person to look; they are reported on the test (annotation
 * `axe-incomplete`), not failed: failing on them would fail on axe's doubt, not on a defect.
 * The exception is a rule listed here, whose "incomplete" only ever means a real problem.
 */
const FAIL_ON_INCOMPLETE: string[] = [];

function describeViolations(results: AxeResults): string[] {
	const failed = [
		...results.violations,
		...results.incomplete.filter((r) => FAIL_ON_INCOMPLETE.includes(r.id))
	];
	return failed.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
}

async function analyse(page: Page): Promise<AxeResults> {
	// Legacy mode runs axe in the page itself: the hub has no iframes, and the default mode
	// opens a helper page per scan (twice the work on a busy machine).
	return new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
}

/** The scanner watching each page, so that an explicit check waits its turn (axe runs once at a time). */
const scanners = new WeakMap<Page, AxeScanner>();

/** Checks the page as it is now (for a state in the middle of a test); the fixture scans the rest. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await (scanners.get(page)?.scanNow(page) ?? analyse(page));
	expect(describeViolations(results), `axe violations on ${page.url()}`).toEqual([]);
}

/** Starts noting any change of the page's DOM (changedSinceWatch tells whether one came). */
function watchChanges(): void {
	const w = window as Window & { __axeWatch?: { observer: MutationObserver; changed: boolean } };
	w.__axeWatch?.observer.disconnect();
	const watch = { observer: new MutationObserver(() => (watch.changed = true)), changed: false };
	watch.observer.observe(document.documentElement, {
		attributes: true,
		childList: true,
		characterData: true,
		subtree: true
	});
	w.__axeWatch = watch;
}

function changedSinceWatch(): boolean {
	const w = window as Window & { __axeWatch?: { observer: MutationObserver; changed: boolean } };
	w.__axeWatch?.observer.disconnect();
	return w.__axeWatch?.changed ?? true;
}

/** Lets a test wait until the axe scans of its page's current state are done before changing it. */
export async function scansSettled(page: Page): Promise<void> {
	await scanners.get(page)?.settled(page);
}

/** The address and the structure of the page (tags, classes, roles, states), to scan each state once. */
function pageState(): string {
	const parts: string[] = [document.documentElement.lang];
	for (const el of document.querySelectorAll('body *')) {
		parts.push(
			el.tagName,
			el.getAttribute('class') ?? '',
			el.getAttribute('role') ?? '',
			el.getAttribute('lang') ?? '',
			el.getAttribute('aria-invalid') ?? '',
			el.getAttribute('aria-expanded') ?? '',
			el.getAttribute('aria-current') ?? '',
			el.hasAttribute('open') ? 'o' : '',
			(el as HTMLElement).hidden ? 'h' : ''
		);
	}
	const text = parts.join('|');
	let hash = 0;
	for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
	return `${location.pathname}${location.search}#${hash}`;
}

/** Page states already scanned by this worker: the same structure is not scanned twice. */
const scannedStates = new Set<string>();

/**
 * Scans every page of a test with axe, automatically: after each load, each client-side
 * navigation and each form result (a POST answered), and once more at the end of the test
 * (or before its browser context is closed). Scans run one after another per page, when
 * the network is idle; a scan overtaken by a navigation is dropped (the new page is
 * scanned). Violations fail the test when it ends.
 */
class AxeScanner {
	readonly violations = new Set<string>();
	readonly incomplete = new Set<string>();
	private skipped = false;
	private readonly queues = new Map<Page, Promise<void>>();
	private readonly waiting = new Set<Page>();
	/** Scans in a row that the page changed under (a page that never settles is not rescanned for ever). */
	private readonly retries = new Map<Page, number>();

	skip(reason: string, info: TestInfo): void {
		this.skipped = true;
		info.annotations.push({ type: 'axe-skipped', description: reason });
	}

	watchContext(context: BrowserContext): void {
		context.pages().forEach((page) => this.watchPage(page));
		context.on('page', (page) => this.watchPage(page));
		const close = context.close.bind(context);
		context.close = async (options) => {
			await this.finish(context.pages());
			return close(options);
		};
	}

	/** Scans the page now, after any scan under way, and returns the results. */
	async scanNow(page: Page): Promise<AxeResults> {
		const run = (this.queues.get(page) ?? Promise.resolve()).then(async () => {
			const results = await analyse(page);
			scannedStates.add(await page.evaluate(pageState));
			return results;
		});
		this.queues.set(
			page,
			run.then(
				() => undefined,
				() => undefined
			)
		);
		return run;
	}

	private watchPage(page: Page): void {
		if (this.queues.has(page)) return;
		scanners.set(page, this);
		this.queues.set(page, Promise.resolve());
		page.on('load', () => this.schedule(page));
		page.on('framenavigated', (frame) => {
			if (frame === page.mainFrame()) this.schedule(page);
		});
		page.on('requestfinished', (request) => {
			if (request.method() === 'POST' && request.frame() === page.mainFrame()) {
				this.schedule(page);
			}
		});
	}

	private schedule(page: Page): void {
		if (this.skipped || this.waiting.has(page)) return;
		this.waiting.add(page);
		const queue = (this.queues.get(page) ?? Promise.resolve()).then(async () => {
			this.waiting.delete(page);
			await this.scan(page);
		});
		this.queues.set(page, queue);
	}

	private async scan(page: Page): Promise<void> {
		if (page.isClosed() || page.url() === 'about:blank') return;
		try {
			await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
			const state = await page.evaluate(pageState);
			if (scannedStates.has(state)) return;
			// axe reads the page rule by rule over a second or more while the test goes on: a
			// page the test changed meanwhile (a menu opened over the navigation) would be judged
			// half in one state, half in another. Such a scan counts for nothing; the state the
			// page settles in is scanned again.
			await page.evaluate(watchChanges);
			const results = await analyse(page);
			if (await page.evaluate(changedSinceWatch)) {
				const retries = (this.retries.get(page) ?? 0) + 1;
				this.retries.set(page, retries);
				if (retries <= 3) this.schedule(page);
				return;
			}
			this.retries.delete(page);
			scannedStates.add(state);
			const url = new URL(results.url);
			const where = `${url.pathname}${url.search}`;
			for (const v of describeViolations(results)) this.violations.add(`${where}: ${v}`);
			for (const r of results.incomplete) this.incomplete.add(`${where}: ${r.id}`);
		} catch {
			// Closed or navigated away during the scan: the next page state is scanned instead.
		}
	}

	/** Waits for the scans of the page that are under way or queued (a test about to change it). */
	async settled(page: Page): Promise<void> {
		await this.queues.get(page);
	}

	/** Scans the pages' current states and waits for every scan under way. */
	async finish(pages: Page[]): Promise<void> {
		pages.forEach((page) => this.schedule(page));
		await Promise.all(pages.map((page) => this.queues.get(page) ?? Promise.resolve()));
	}

	async finishAll(): Promise<void> {
		await this.finish([...this.queues.keys()].filter((page) => !page.isClosed()));
	}
}

// Signing in -------------------------------------------------------------------------------

const SIGN_IN_LABELS: Record<Locale, { email: string; password: string; submit: string }> = {
	fr: { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' },
	nl: { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden' },
	en: { email: 'Email address', password: 'Password', submit: 'Sign in' },
	de: { email: 'E-Mail-Adresse', password: 'Passwort', submit: 'Anmelden' },
	es: { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' },
	ar: { email: 'عنوان البريد الإلكتروني', password: 'كلمة المرور', submit: 'تسجيل الدخول' }
};

/**
 * Signs a demo person in through the real sign-in form (in the language of `next`), and
 * waits until they land on `next` (on the dashboard when `next` is the home page).
 */
export async function signIn(page: Page, email: string, next = '/en'): Promise<void> {
	const locale = (next.split('/')[1] ?? 'en') as Locale;
	const labels = SIGN_IN_LABELS[locale] ?? SIGN_IN_LABELS.en;
	await page.goto(`/${locale}/sign-in?next=${encodeURIComponent(next)}`);
	// The password form (the sign-in page also has a sign-in-by-email form with its own address).
	const form = page
		.locator('form')
		.filter({ has: page.getByLabel(labels.password, { exact: true }) });
	await form.getByLabel(labels.email, { exact: true }).fill(email);
	await form.getByLabel(labels.password, { exact: true }).fill(DEMO_PASSWORD);
	// Exactly the form's button: the sign-in-by-email button's words can contain the same ones
	// (Arabic: "…لتسجيل الدخول").
	await form.getByRole('button', { name: labels.submit, exact: true }).click();
	// A signed-in person's home page is their dashboard.
	const landing = /^\/[a-z]{2}$/.test(next) ? `${next}/dashboard` : next;
	const escaped = landing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	// Auth and the first render can be slow on a busy machine.
	await expect(page).toHaveURL(new RegExp(`${escaped}$`), { timeout: 20_000 });
}

/** Opens a browser context of its own for a demo person, signed in, on `next`. */
export type SignedIn = (email: string, next?: string) => Promise<Page>;

async function newSignedInPage(browser: Browser, email: string, next?: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email, next);
	return page;
}

// Hydration ------------------------------------------------------------------------------

/**
 * Samoa (UTC-11) and Kiribati (UTC+14): a day apart from Brussels at any hour, so a date the
 * browser formats again in its own zone differs from the server's in one of them.
 */
export const FAR_ZONES = ['Pacific/Pago_Pago', 'Pacific/Kiritimati'] as const;

/**
 * The text of `part` of a page as the server wrote it (read without JavaScript) and as the reader
 * keeps it once it has hydrated, in a zone, spaces read as spaces (Node's and Chromium's ICU set
 * a range's dash with thin or plain ones). Both are read from one response: the page is loaded
 * and hydrated, then the HTML it was served is shown again without JavaScript, so that another
 * test changing the data in between (a new event on the dashboard) is not taken for a change made
 * by hydration. `storageState` reads it as a signed-in person; `onHydrated` checks or trims the
 * hydrated page before it is read.
 */
export async function servedAndHydrated(
	browser: Browser,
	path: string,
	options: {
		timezoneId: string;
		part?: string;
		storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
		onHydrated?: (page: Page) => Promise<void>;
	}
): Promise<{ served: string; hydrated: string }> {
	const { timezoneId, part = 'main', storageState, onHydrated } = options;
	const textOf = async (page: Page) => (await page.locator(part).innerText()).replace(/\s+/gu, ' ');

	const reader = await browser.newContext({ timezoneId, storageState });
	const page = await reader.newPage();
	const response = await page.goto(path);
	expect(response?.ok(), `${path} answers`).toBe(true);
	const html = (await response?.text()) ?? '';
	// The app's code and the page's translation files have arrived and run.
	await page.waitForLoadState('networkidle');
	await onHydrated?.(page);
	const hydrated = await textOf(page);
	const url = page.url();
	await reader.close();

	const withoutScript = await browser.newContext({ javaScriptEnabled: false, timezoneId });
	await withoutScript.route(url, (route) =>
		route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
	);
	const served = await withoutScript.newPage();
	await served.goto(url);
	const text = await textOf(served);
	await withoutScript.close();
	return { served: text, hydrated };
}

// Mail -----------------------------------------------------------------------------------

export type Mail = { subject: string; to: { address: string }[]; text?: string; html?: string };

/** Every message in the local mailbox to `address`, oldest first (maildev's JSON API). */
export async function mailsTo(address: string): Promise<Mail[]> {
	const response = await fetch(`${MAIL_URL}/api/email`);
	expect(response.ok, 'maildev answers').toBe(true);
	return ((await response.json()) as Mail[]).filter((m) => m.to.some((t) => t.address === address));
}

/**
 * The messages to `address` that arrived after `before` of them were there (a stack reset
 * keeps the mailbox: an old message must not pass for a new one).
 */
export async function newMailsTo(address: string, before: number): Promise<Mail[]> {
	return (await mailsTo(address)).slice(before);
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
export async function freePort(): Promise<number> {
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

/**
 * A second copy of the built hub for which one service fails in the MIDDLE of a flow, while
 * signing in, sessions, PostgREST and the database are the stack's (hubWithoutAuth cannot
 * keep anyone signed in: the hub needs Auth's signing key and Auth to sign in and refresh):
 *   'auth_admin'  Auth's admin API (/auth/v1/admin/*: generate_link, deleting a user) answers
 *                 503, through a proxy in front of the stack's gateway;
 *   'smtp'        the mail server is unreachable (SMTP_PORT where nothing listens).
 */
export async function hubWithFailing(
	what: 'auth_admin' | 'smtp'
): Promise<{ baseURL: string; stop: () => void }> {
	if (what === 'auth_admin') {
		return hubBehindProxy({ refuse: (url) => url.startsWith('/auth/v1/admin/') });
	}
	return hubBehindProxy({ env: { SMTP_PORT: String(await freePort()) } });
}

/**
 * A second copy of the built hub whose requests to the stack (Auth, PostgREST) are counted,
 * so that a test sees what its own page views cost, whatever other tests do meanwhile.
 */
export function hubCounting() {
	return hubBehindProxy({});
}

/** The built hub, served on a port of its own, behind a proxy in front of the stack's gateway. */
async function hubBehindProxy(options: {
	refuse?: (url: string) => boolean;
	env?: Record<string, string>;
}): Promise<{ baseURL: string; stop: () => void; counts: { auth: number; rest: number } }> {
	const [proxyPort, app] = await Promise.all([freePort(), freePort()]);
	const upstream = new URL(API_URL);
	const counts = { auth: 0, rest: 0 };
	const proxy = http.createServer((req, res) => {
		if (options.refuse?.(req.url ?? '')) {
			res.writeHead(503, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ code: 'unavailable', message: 'Auth admin is down (test)' }));
			return;
		}
		if (req.url?.startsWith('/auth/v1/')) counts.auth += 1;
		if (req.url?.startsWith('/rest/v1/')) counts.rest += 1;
		const forward = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				path: req.url,
				method: req.method,
				headers: { ...req.headers, host: upstream.host }
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			}
		);
		forward.on('error', () => res.destroy());
		req.pipe(forward);
	});
	// As the stack's gateway (scripts/stack/gateway.mjs): the app keeps its connections to the
	// proxy open between requests, and with Node's default of 5 s the proxy may close one just
	// as the app sends on it (a reset POST is not retried). The likely cause of a red
	// two-servers.spec.ts on 2026-12-04: a sign-in after ~5 s of quiet between two tests
	// answered "the sign-in service cannot be reached" (503) in 333 ms.
	proxy.keepAliveTimeout = 65_000;
	await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
	const root = path.resolve(import.meta.dirname, '../..');
	const appProcess = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(app)], {
		cwd: root,
		env: {
			...process.env,
			...appEnv(),
			PUBLIC_SUPABASE_URL: `http://127.0.0.1:${proxyPort}`,
			...options.env,
			ORIGIN: `http://localhost:${app}`
		},
		stdio: 'ignore'
	});
	const stop = () => {
		appProcess.kill();
		proxy.close();
		proxy.closeAllConnections();
	};
	try {
		await waitFor(`http://127.0.0.1:${app}/en`, appProcess);
	} catch (error) {
		stop();
		throw error;
	}
	return { baseURL: `http://localhost:${app}`, stop, counts };
}

/** The events of an iCalendar text, read by ical.js with the file's own time zones. */
export function parseCalendar(text: string): ICAL.Event[] {
	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) {
		ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	}
	return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

// The test object every spec imports ---------------------------------------------------------

interface Fixtures {
	/** The automatic axe scan of this test; `axe.skip(reason)` turns it off and says why. */
	axe: { skip: (reason: string) => void };
	/** A signed-in demo person in a browser context of their own. */
	as: SignedIn;
	/** Sarah, member (not editor) of DEI Belgique, signed in on /fr. */
	asMember: Page;
	/** Lotte, editor at DEI Belgique, signed in on /nl. */
	asEditor: Page;
	/** Benoît, admin of DEI Belgique, signed in on /fr. */
	asAdmin: Page;
	/** Yasmina, signed in but member of no organisation, on /fr. */
	asOutsider: Page;
	/** Amira, coordinator at the international secretariat, on /en. */
	asCoordinator: Page;
}

export const test = base.extend<Fixtures>({
	axe: [
		async ({ browser, context, javaScriptEnabled }, use, testInfo) => {
			const scanner = new AxeScanner();
			// axe runs as JavaScript inside the page: a context without JavaScript cannot be
			// scanned (its pages hang on evaluate), so its tests say so and are not scanned;
			// each such form state is also reached with JavaScript in another test.
			const noScript = 'JavaScript is off in this context; axe needs it';
			if (javaScriptEnabled === false) {
				testInfo.annotations.push({ type: 'axe-skipped', description: noScript });
			} else scanner.watchContext(context);
			// Contexts a test opens itself (people side by side, JavaScript off, another zone).
			const newContext = browser.newContext.bind(browser);
			browser.newContext = async (options) => {
				const created = await newContext(options);
				if (options?.javaScriptEnabled === false) {
					testInfo.annotations.push({ type: 'axe-skipped', description: noScript });
				} else scanner.watchContext(created);
				return created;
			};
			try {
				await use({ skip: (reason) => scanner.skip(reason, testInfo) });
				await scanner.finishAll();
			} finally {
				browser.newContext = newContext;
			}
			if (scanner.incomplete.size) {
				testInfo.annotations.push({
					type: 'axe-incomplete',
					description: [...scanner.incomplete].join('; ')
				});
			}
			expect([...scanner.violations], 'axe violations on the pages of this test').toEqual([]);
		},
		// The last scans run after the test body: their own time, not the test's.
		{ auto: true, timeout: 120_000 }
	],
	as: async ({ browser }, use) => {
		const pages: Page[] = [];
		await use(async (email, next) => {
			const page = await newSignedInPage(browser, email, next);
			pages.push(page);
			return page;
		});
		for (const page of pages) await page.context().close();
	},
	asMember: async ({ as }, use) => use(await as(PEOPLE.member.email, '/fr')),
	asEditor: async ({ as }, use) => use(await as(PEOPLE.editor.email, '/nl')),
	asAdmin: async ({ as }, use) => use(await as(PEOPLE.admin.email, '/fr')),
	asOutsider: async ({ as }, use) => use(await as(PEOPLE.outsider.email, '/fr')),
	asCoordinator: async ({ as }, use) => use(await as(PEOPLE.coordinator.email, '/en'))
});
export { expect };
