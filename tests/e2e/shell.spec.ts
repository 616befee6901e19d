import { expect, expectAccessible, LOCALES, test } from './fixtures';

const headings: Record<(typeof LOCALES)[number], string> = {
	fr: "Ensemble pour les droits de l'enfant",
	nl: 'Samen voor de rechten van het kind',
	en: "Working together for children's rights",
	de: 'Gemeinsam für die Rechte des Kindes',
	es: 'Juntos por los derechos de la niñez',
	ar: 'معًا من أجل حقوق الطفل'
};

for (const locale of LOCALES) {
	test(`home page in ${locale}: translated heading, lang attribute and hreflang alternates`, async ({
		page
	}) => {
		await page.goto(`/${locale}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(headings[locale]);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		for (const other of LOCALES) {
			await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute(
				'href',
				new RegExp(`/${other}$`)
			);
		}
		await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
		await expectAccessible(page);
	});
}

test('the bare address goes to the browser language, then to the remembered choice', async ({
	browser
}) => {
	const context = await browser.newContext({
		locale: 'nl-BE',
		extraHTTPHeaders: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' }
	});
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/\/nl$/);

	await page.goto('/de');
	await page.goto('/');
	await expect(page).toHaveURL(/\/de$/);
	await context.close();
});

test('a path without a locale gets one', async ({ page }) => {
	await page.goto('/sign-in', { waitUntil: 'commit' });
	await expect(page).toHaveURL(/\/(fr|nl|en|de|es|ar)\/sign-in$/);
});

test('switching language keeps the current page', async ({ page }) => {
	await page.goto('/fr/sign-in');
	await page.locator('summary', { hasText: 'Choisir une langue' }).click();
	await page.getByRole('link', { name: 'Nederlands' }).click();
	await expect(page).toHaveURL(/\/nl\/sign-in$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden');
	await expectAccessible(page);
});

test('navigation reaches every section in the reader language', async ({ page }) => {
	await page.goto('/es');
	const nav = page.getByRole('navigation', { name: 'Navegación principal' });
	for (const name of ['Acciones conjuntas', 'Eventos', 'Posicionamientos', 'Organizaciones']) {
		await nav.getByRole('link', { name }).click();
		await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		await expectAccessible(page);
	}
});

test('an unknown page answers 404 with a translated message', async ({ page }) => {
	const response = await page.goto('/de/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByText('Diese Seite existiert nicht')).toBeVisible();
	await expectAccessible(page);
});

test('security headers are sent with every page', async ({ request }) => {
	const response = await request.get('/en');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('the skip link moves focus to the main content', async ({ page }) => {
	await page.goto('/en');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main#main')).toBeFocused();
});
