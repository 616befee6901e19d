import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A page gets only its route's translation namespaces (src/lib/i18n/routes.ts), as cached files
// fetched before it hydrates, not inlined in its HTML. These check the result as a reader sees
// it: words, never keys, before and after hydration and after moving to another page.

const NAMESPACED_KEY =
	/\b(account|actions|auth|common|console|crc|errors|events|home|members|organisations|papers|validation):[a-z][a-z0-9_]*\b/;

/** Console errors and uncaught exceptions of a page (a missing namespace logs one). */
function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

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
