import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, hubWithoutAuth, test } from './fixtures';

const DEMO_MEMBER = 'member@dei-belgique.demo';

test('a protected page sends a signed-out visitor to sign in, and back afterwards', async ({
	page
}) => {
	await page.goto('/fr/account');
	await expect(page).toHaveURL(/\/fr\/sign-in\?next=%2Ffr%2Faccount/);
	await expect(page.getByRole('status')).toHaveText(
		'Veuillez vous connecter pour voir cette page.'
	);
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an invalid email gets a translated message next to the field and stays typed', async ({
		page
	}) => {
		await page.goto('/nl/sign-in');
		await page.getByLabel('E-mailadres').fill('niet-een-adres');
		await page.getByLabel('Wachtwoord').fill('x');
		await page.getByRole('button', { name: 'Aanmelden' }).click();
		await expect(page.getByText('Vul een geldig e-mailadres in')).toBeVisible();
		await expect(page.getByLabel('E-mailadres')).toHaveValue('niet-een-adres');
		await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
		// axe needs JavaScript: the same error state is checked in the next test.
	});

	test('an empty form asks for both fields', async ({ page }) => {
		await page.goto('/de/sign-in');
		await page.getByRole('button', { name: 'Anmelden', exact: true }).last().click();
		await expect(page.getByText('Dieses Feld ist erforderlich.')).toBeVisible();
		await expect(page.getByText('Geben Sie Ihr Passwort ein.')).toBeVisible();
	});
});

test('the sign-in form with errors stays accessible (with JavaScript)', async ({ page }) => {
	await page.goto('/en/sign-in');
	await page.getByLabel('Email address').fill('not-an-address');
	await page.getByRole('button', { name: 'Sign in' }).last().click();
	await expect(page.getByText('Enter a valid email address')).toBeVisible();
	await expect(page.getByText('Enter your password.')).toBeVisible();
	await expectAccessible(page);
});

test('a wrong password shows a translated error and keeps the email', async ({ page }) => {
	await page.goto('/fr/sign-in');
	await page.getByLabel('Adresse e-mail').fill(DEMO_MEMBER);
	await page.getByLabel('Mot de passe').fill('not-the-password');
	await page.getByRole('button', { name: 'Se connecter' }).last().click();
	await expect(page.getByRole('alert')).toHaveText(
		"L'adresse e-mail ou le mot de passe est incorrect."
	);
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue(DEMO_MEMBER);
});

test('a demo member signs in, reaches the protected page, and signs out', async ({ page }) => {
	await page.goto('/en/account');
	await page.getByLabel('Email address').fill(DEMO_MEMBER);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).last().click();
	await expect(page).toHaveURL(/\/en\/account$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
	await expect(page.getByText(DEMO_MEMBER)).toBeVisible();
	await expectAccessible(page);

	await page.getByText('Account', { exact: true }).click();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/en$/);
	await page.goto('/en/account');
	await expect(page).toHaveURL(/\/en\/sign-in/);
});

test('when Auth cannot be reached, signing in says so in the reader language (no 500)', async ({
	page
}) => {
	const hub = await hubWithoutAuth();
	try {
		await signInWithoutAuth(page, hub.baseURL);
	} finally {
		hub.stop();
	}
});

async function signInWithoutAuth(page: Page, baseURL: string) {
	await page.goto(`${baseURL}/es/sign-in`);
	await page.getByLabel('Correo electrónico').fill(DEMO_MEMBER);
	await page.getByLabel('Contraseña').fill(DEMO_PASSWORD);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Iniciar sesión' }).last().click()
	]);
	// Auth being down is the service's state, not a crash: 503, never 500.
	expect(response.status()).toBe(503);
	await expect(page.getByRole('alert')).toHaveText(
		/El servicio de inicio de sesión no está disponible/
	);
	await expect(page.getByLabel('Correo electrónico')).toHaveValue(DEMO_MEMBER);
	await expectAccessible(page);
}
