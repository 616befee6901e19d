import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';

/**
 * Security issue, finding 5: wrong passwords are throttled per account (5 in 15 minutes) and
 * per client address, in Postgres (private.throttle_attempts), before Auth is asked; an
 * address without an account is counted and answered exactly like one with an account.
 * The accounts here are used by no other spec, so their block cannot disturb another test.
 */
const KNOWN = 'admin@dni-costarica.demo';
const UNKNOWN = `nobody-${randomUUID().slice(0, 8)}@example.org`;

/** Removes every attempt (account and address rows) made for these accounts. */
async function forgetAttempts(...emails: string[]) {
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	await db.query(
		`delete from private.throttle_attempts where attempt_id in (
		   select attempt_id from private.throttle_attempts
		   where action = 'sign_in' and scope = 'account'
		     and key_hash = any (select private.throttle_key_hash('sign_in', 'account', e) from unnest($1::text[]) e))`,
		[emails]
	);
	await db.end();
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => forgetAttempts(KNOWN, UNKNOWN));
// The address's count (127.0.0.1, shared by every spec) gets back what this file added.
test.afterAll(() => forgetAttempts(KNOWN, UNKNOWN));

test('five wrong passwords are answered normally, the sixth and even the right one are refused (fr)', async ({
	page
}) => {
	// Each failed sign-in answers after at least a second (same timing for every address).
	test.slow();
	await page.goto('/fr/sign-in?next=%2Ffr%2Faccount');
	// The enhanced form answers JSON; clicked before the app has hydrated, the browser would post
	// the form itself and get the page back (a busy CI machine did).
	await page.waitForLoadState('networkidle');
	const submit = async (password: string) => {
		await page.getByLabel('Adresse e-mail').fill(KNOWN);
		await page.getByLabel('Mot de passe').fill(password);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Se connecter' }).last().click()
		]);
		// use:enhance answers 200 with the action's status inside.
		return ((await response.json()) as { status: number }).status;
	};
	for (let i = 1; i <= 5; i++) {
		expect(await submit(`wrong-password-${i}`), `attempt ${i}`).toBe(400);
		await expect(page.getByRole('alert')).toHaveText(
			"L'adresse e-mail ou le mot de passe est incorrect."
		);
	}
	expect(await submit('wrong-password-6')).toBe(429);
	await expect(page.getByRole('alert')).toHaveText(
		/^Trop de tentatives\. Veuillez réessayer dans 1[45] minutes\.$/
	);
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue(KNOWN);
	await expectAccessible(page);

	// While blocked, the right password does not even reach Auth.
	expect(await submit(DEMO_PASSWORD)).toBe(429);
	await expect(page.getByRole('alert')).toHaveText(
		/^Trop de tentatives\. Veuillez réessayer dans 1[45] minutes\.$/
	);
	await expect(page).toHaveURL(/\/fr\/sign-in\?next=/);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an address without an account gets the same answers and the same block (en, HTTP 429)', async ({
		page
	}) => {
		test.slow();
		const submit = async (password: string) => {
			await page.getByLabel('Email address').fill(UNKNOWN);
			await page.getByLabel('Password').fill(password);
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.getByRole('button', { name: 'Sign in' }).last().click()
			]);
			return response;
		};
		await page.goto('/en/sign-in');
		for (let i = 1; i <= 5; i++) {
			expect((await submit(`wrong-password-${i}`)).status(), `attempt ${i}`).toBe(400);
			await expect(page.getByRole('alert')).toHaveText(
				'The email address or the password is not correct.'
			);
		}
		const refused = await submit('wrong-password-6');
		expect(refused.status()).toBe(429);
		expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(14 * 60);
		await expect(page.getByRole('alert')).toHaveText(
			/^Too many attempts\. Try again in 1[45] minutes\.$/
		);
		await expect(page.getByLabel('Email address')).toHaveValue(UNKNOWN);
	});
});

test('a blocked account stays blocked in another language, and the refused page is accessible (en)', async ({
	page
}) => {
	await page.goto('/en/sign-in');
	await page.getByLabel('Email address').fill(KNOWN);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).last().click();
	await expect(page.getByRole('alert')).toHaveText(
		/^Too many attempts\. Try again in 1[0-5] minutes\.$/
	);
	await expectAccessible(page);
});
