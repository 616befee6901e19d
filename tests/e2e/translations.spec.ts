import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
	expect,
	FAR_ZONES,
	ITEM,
	NAMESPACED_KEY,
	PEOPLE,
	scansSettled,
	servedAndHydrated,
	test,
	watchErrors
} from './fixtures';

// A page gets only its route's translation namespaces (src/lib/i18n/routes.ts), as cached files
// fetched before it hydrates, not inlined in its HTML. These check the result as a reader sees
// it: words, never keys, before and after hydration and after moving to another page.

/** Waits until the app's code and the page's translation files have arrived and run. */
async function hydrated(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
}

async function expectWordsNotKeys(page: Page): Promise<void> {
	const text = await page.locator('body').innerText();
	expect(text.match(NAMESPACED_KEY)?.[0] ?? null, `a key shown on ${page.url()}`).toBeNull();
	expect(await page.title()).not.toMatch(NAMESPACED_KEY);
}

const PUBLIC_PAGES = [
	{ path: '/fr', heading: "Ensemble pour les droits de l'enfant" },
	{ path: '/fr/actions', heading: 'Actions communes' },
	{ path: '/nl/events', heading: 'Evenementen' },
	{ path: '/es/papers', heading: 'Posicionamientos' },
	{ path: '/en/organisations', heading: 'Organisations' },
	{ path: '/de/sign-in', heading: 'Anmelden' },
	{ path: '/fr/apply', heading: 'Rejoindre le réseau' },
	{ path: '/fr/actions/00000000-0000-4000-8000-000000000000', heading: 'Erreur 404' }
];

for (const { path, heading } of PUBLIC_PAGES) {
	test(`${path} hydrates in its language with no console error and no key shown`, async ({
		page
	}) => {
		const errors = watchErrors(page);
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectWordsNotKeys(page);
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectWordsNotKeys(page);
		// The browser reports the 404 of the error page's own document: the answer, not a failure.
		const status = heading === 'Erreur 404' ? /status of 404/ : null;
		expect(errors.filter((error) => !status?.test(error))).toEqual([]);
	});
}

test('the HTML carries the addresses of its translations, not their texts', async ({ page }) => {
	const response = await page.request.get('/fr/actions');
	const html = await response.text();
	// A text of the shell's namespace that this page does not show was inlined in every page.
	expect(html).not.toContain('Cette partie de la plateforme est en construction');
	const preloads = html.match(/<link rel="preload" as="fetch" href="[^"]+\.json"/g) ?? [];
	expect(preloads.length).toBeGreaterThanOrEqual(2);
	const file = /href="([^"]+common[^"]*\.json)"/.exec(html)?.[1] ?? '';
	const asset = await page.request.get(file);
	expect(asset.headers()['cache-control']).toContain('immutable');
	expect(((await asset.json()) as Record<string, string>).nav_events).toBe('Événements');
});

test('moving to another kind of page in the app fetches its words before showing it', async ({
	page
}) => {
	const errors = watchErrors(page);
	await page.goto('/fr/actions');
	await hydrated(page);
	await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
	await page
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', {
			name: 'Événements'
		})
		.click();
	await expect(page).toHaveURL(/\/fr\/events$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Événements');
	// The same document: the app navigated, it was not a new page load.
	expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
	await expectWordsNotKeys(page);
	expect(errors).toEqual([]);
});

test('signed-in pages with forms hydrate with their words', async ({ asEditor }) => {
	const errors = watchErrors(asEditor);
	for (const [path, heading] of [
		['/nl/account', 'Mijn account'],
		['/nl/invitations', 'Uitnodigingen'],
		['/nl/actions/new', /actie/i]
	] as const) {
		await asEditor.goto(path);
		await hydrated(asEditor);
		await expect(asEditor.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expectWordsNotKeys(asEditor);
	}
	expect(errors).toEqual([]);
});

// The components that run in the browser, each with the namespaces of its page only, in a
// left-to-right and a right-to-left language: what a reader sees once the page has hydrated.

/** One locale's texts of a namespace, as the page should show them. */
function words(locale: string, namespace: string): Record<string, string> {
	const file = path.resolve(
		import.meta.dirname,
		`../../src/lib/i18n/locales/${locale}/${namespace}.json`
	);
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The text of a key with `{{time}}`-like values left out: the words around them. */
const around = (text: string) => text.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.trim());

for (const locale of ['fr', 'ar'] as const) {
	const common = words(locale, 'common');

	test(`${locale}: the signed-in pages, the bell and the language switcher show words once hydrated`, async ({
		as
	}) => {
		const page = await as(PEOPLE.editor.email, `/${locale}`);
		const errors = watchErrors(page);
		for (const [path, heading] of [
			[`/${locale}/dashboard`, words(locale, 'dashboard').title],
			[`/${locale}/notifications`, words(locale, 'notifications').title],
			[`/${locale}/actions/new`, words(locale, 'actions').new_action]
		] as const) {
			await page.goto(path);
			await hydrated(page);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
			await expectWordsNotKeys(page);
			// The bell: its name is a sentence of common, with the number of unread ones or not.
			const bell = page.getByRole('banner').getByRole('link', {
				name: new RegExp(`^${common.notifications_link!}`)
			});
			await expect(bell).toBeVisible();
			// The language switcher, opened: its label in the page's language, each language named
			// in itself. Opened once the page is scanned: its panel lies over the end of the
			// navigation, which axe would count as links too small to tap.
			await scansSettled(page);
			const switcher = page.getByRole('banner').locator('details', {
				hasText: common.language_switch_label!
			});
			await switcher.locator('summary').click();
			await expect(switcher.getByRole('link', { name: 'Français' })).toBeVisible();
			await expect(switcher.getByRole('link', { name: 'العربية' })).toBeVisible();
			await switcher.locator('summary').click();
		}
		expect(errors).toEqual([]);
	});

	test(`${locale}: a form refused in the browser shows the refusal in words`, async ({ page }) => {
		const errors = watchErrors(page);
		await page.goto(`/${locale}/sign-in`);
		await hydrated(page);
		const auth = words(locale, 'auth');
		const form = page
			.locator('form')
			.filter({ has: page.getByLabel(auth.password!, { exact: true }) });
		// An address no account has: the sign-in throttle of demo people is left alone.
		await form.getByLabel(auth.email!, { exact: true }).fill(`nobody-${locale}@example.org`);
		await form.getByLabel(auth.password!, { exact: true }).fill('not-the-password');
		await form.getByRole('button', { name: auth.sign_in_button!, exact: true }).click();
		await expect(page.getByRole('alert').first()).toContainText(
			words(locale, 'errors').invalid_credentials!
		);
		await expectWordsNotKeys(page);
		// The browser reports the form's 400 answer: the refusal itself, not a failure.
		expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
	});

	test(`${locale}: an event read from another time zone shows the reader's time in words`, async ({
		browser
	}) => {
		const context = await browser.newContext({ timezoneId: 'America/New_York' });
		const page = await context.newPage();
		const errors = watchErrors(page);
		await page.goto(`/${locale}/events/${ITEM.publicWebinar}`);
		await hydrated(page);
		// LocalTime runs in the browser only (the server does not know the reader's zone).
		const [before, after] = around(words(locale, 'events').your_time!);
		const local = page.locator('.local');
		await expect(local).toBeVisible();
		await expect(local).toContainText(after || before!);
		await expectWordsNotKeys(page);
		expect(errors).toEqual([]);
		await context.close();
	});
}

// What the server wrote is what the reader keeps: hydration formats dates and names again in the
// browser, whose zone and Intl data are not the server's (Chromium names Palestine and Hong Kong
// otherwise than Node).
const HYDRATED_PAGES = [
	'/fr/actions',
	'/ar/actions',
	`/fr/actions/${ITEM.schoolHelpDesk}`,
	`/en/actions/${ITEM.palestineAction}`,
	'/nl/events',
	'/es/papers',
	'/en/organisations',
	'/en/countries'
];

// The first Intl formatter a browser tab makes loads ICU's data: about 100 ms of a phone's main
// thread while the page hydrates. A page hydrates with the formats it was served instead
// (#lib/i18n/format, "What the server formatted on a page"). The event page is not here: its
// reader's own time needs the browser's zone, which only Intl tells.
const SERVED_FORMAT_PAGES = [
	...HYDRATED_PAGES,
	'/nl/events?view=month',
	`/en/papers/${ITEM.detentionPaper}`,
	'/en/organisations/code-droits-enfant',
	'/fr/apply'
];

test('pages hydrate with the dates, numbers and names they were served, making no Intl formatter', async ({
	browser
}) => {
	const context = await browser.newContext({ timezoneId: 'America/Costa_Rica' });
	await context.addInitScript(() => {
		const made: string[] = [];
		(window as unknown as { intlMade: string[] }).intlMade = made;
		// Every Intl service that loads locale data (plural rules are in V8's own small tables).
		for (const name of [
			'Collator',
			'DateTimeFormat',
			'DisplayNames',
			'ListFormat',
			'Locale',
			'NumberFormat',
			'RelativeTimeFormat'
		] as const) {
			const Made = Intl[name] as unknown as new (...args: unknown[]) => object;
			const Counted = function (...args: unknown[]) {
				made.push(`${name} ${JSON.stringify(args)}`);
				return new Made(...args);
			};
			Object.assign(Counted, Made);
			Object.defineProperty(Intl, name, { value: Counted, configurable: true, writable: true });
		}
		for (const [prototype, method] of [
			[Date.prototype, 'toLocaleDateString'],
			[Date.prototype, 'toLocaleString'],
			[Date.prototype, 'toLocaleTimeString'],
			[Number.prototype, 'toLocaleString'],
			[String.prototype, 'localeCompare']
		] as const) {
			const own = Reflect.get(prototype, method) as (...args: unknown[]) => unknown;
			Object.defineProperty(prototype, method, {
				value: function (this: unknown, ...args: unknown[]) {
					made.push(method);
					return own.apply(this, args);
				},
				configurable: true,
				writable: true
			});
		}
	});
	const page = await context.newPage();
	for (const path of SERVED_FORMAT_PAGES) {
		await page.goto(path);
		await hydrated(page);
		const made = await page.evaluate(() => (window as unknown as { intlMade: string[] }).intlMade);
		expect(made, path).toEqual([]);
	}
	await context.close();
});

test('pages read the same before and after they hydrate, a day away from Brussels', async ({
	browser
}) => {
	for (const timezoneId of FAR_ZONES) {
		for (const path of HYDRATED_PAGES) {
			const { served, hydrated } = await servedAndHydrated(browser, path, { timezoneId });
			expect(hydrated, `${path} in ${timezoneId}`).toBe(served);
		}
	}
});
