import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { anonKey, API_URL, DB_URL, serviceRoleKey } from '../../scripts/stack/config.mjs';
import { expect, mailsTo, newMailsTo, test, type Mail } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Issue 12, the email flows of an account through the hub's server (Auth's admin
 * generate_link + the hub's own emails over SMTP + the confirm page): sign-in by link and by
 * code, forgotten password, change password, change email. Every person here is a throwaway
 * account made through Auth's admin API and deleted afterwards; the throttle counters of
 * these forms are cleared before and after (only this file uses them).
 */
const options = {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
};
const admin = createClient(API_URL, serviceRoleKey, options);
const created: string[] = [];
const PASSWORD = 'first-password-42';

async function sql(text: string, values: unknown[] = []) {
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	try {
		return await db.query(text, values);
	} finally {
		await db.end();
	}
}

// Every request of this file comes from one client address: its per-address counts go before
// and after. Per-account counts stay: each test uses addresses of its own, and this file's
// tests run on several workers at once (a throttle test counting an account's requests must
// not see them wiped by another worker's clean-up).
const forgetAttempts = () =>
	sql(
		`delete from private.throttle_attempts
		 where scope = 'address'
		   and action in ('email_sign_in', 'email_code', 'password_reset', 'password_change', 'email_change')`
	);

test.beforeAll(forgetAttempts);
test.afterAll(async () => {
	await forgetAttempts();
	for (const id of created) await admin.auth.admin.deleteUser(id);
});

/** A new account (confirmed, with PASSWORD) whose preferred language is `locale`. */
async function person(locale: string, name = 'Alex Throwaway') {
	const email = `authmail-${randomUUID().slice(0, 8)}@example.org`;
	const { data, error } = await admin.auth.admin.createUser({
		email,
		password: PASSWORD,
		email_confirm: true,
		user_metadata: { display_name: name, locale }
	});
	if (error) throw error;
	created.push(data.user.id);
	return { email, id: data.user.id };
}

/** Whether Auth accepts this email and password (a real password sign-in). */
async function canSignIn(email: string, password: string): Promise<boolean> {
	const client = createClient(API_URL, anonKey, options);
	const { error } = await client.auth.signInWithPassword({ email, password });
	return !error;
}

/** The one new email to `address` since `before` of them were there. */
async function theNewMail(address: string, before: number): Promise<Mail> {
	await expect.poll(async () => (await newMailsTo(address, before)).length).toBe(1);
	return (await newMailsTo(address, before))[0]!;
}

/** The confirm page's address in an email (text part). */
function linkIn(mail: Mail): string {
	const match = /https?:\/\/\S+\/auth\/confirm\?\S+/.exec(mail.text ?? '');
	expect(match, `a confirm link in "${mail.subject}"`).not.toBeNull();
	return match![0];
}

function codeIn(mail: Mail): string {
	const match = /(\d{6})\s*$/m.exec(mail.text ?? '');
	expect(match, 'a 6-digit code').not.toBeNull();
	return match![1]!;
}

/** Asks for a sign-in email on the sign-in page (the second form). */
async function askSignInEmail(page: Page, locale: string, email: string, next?: string) {
	await page.goto(`/${locale}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
	const form = page.locator('#email-sign-in');
	await form.getByRole('textbox').fill(email);
	// Each request is answered before the next begins (the throttle counts them one by one).
	await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		form.getByRole('button').click()
	]);
}

async function signInWithPassword(page: Page, locale: string, email: string, password: string) {
	await page.goto(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/account`)}`);
	const form = page.locator('form').filter({ has: page.locator('input[type=password]') });
	await form.locator('input[type=email]').fill(email);
	await form.locator('input[type=password]').fill(password);
	await form.getByRole('button').click();
	await expect(page).toHaveURL(new RegExp(`/${locale}/account$`), { timeout: 20_000 });
}

test('sign-in link (fr): the email in French, opening the link twice consumes nothing, the button signs in, the link then says it was used', async ({
	page,
	browser
}) => {
	const someone = await person('fr', 'Zoé <Martin>');
	const before = (await mailsTo(someone.email)).length;
	await askSignInEmail(page, 'fr', someone.email, '/fr/account');
	await expect(page).toHaveURL(/\/fr\/sign-in\/code\?/);
	await expect(page.getByRole('status')).toHaveText(
		`Si un compte utilise ${someone.email}, nous lui avons envoyé un lien de connexion et un code à 6 chiffres. Ils sont valables une fois, pendant une heure. Rien reçu ? Regardez dans vos indésirables, ou redemandez dans quelques minutes.`
	);

	const mail = await theNewMail(someone.email, before);
	expect(mail.subject).toBe('Votre lien de connexion au DCI Network Hub');
	expect(mail.text).toContain('Ou saisissez ce code de connexion :');
	const link = linkIn(mail);
	expect(new URL(link).searchParams.get('next')).toBe('/fr/account');

	// A mail scanner: two GETs without cookies.
	for (let i = 0; i < 2; i++) expect((await page.request.get(link)).status()).toBe(200);

	const reader = await (await browser.newContext()).newPage();
	await reader.goto(link);
	await reader.reload();
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Connexion par e-mail');
	await reader.getByRole('button', { name: 'Se connecter' }).click();
	await expect(reader).toHaveURL(/\/fr\/account$/);
	await expect(reader.getByText(someone.email, { exact: true })).toBeVisible();

	const again = await (await browser.newContext()).newPage();
	await again.goto(link);
	await again.getByRole('button', { name: 'Se connecter' }).click();
	await expect(again.getByRole('alert')).toHaveText(
		'Ce lien de connexion a expiré ou a déjà été utilisé. Demandez-en un nouveau.'
	);
	await expect(
		again.getByRole('link', { name: 'Demander un nouveau lien de connexion' })
	).toHaveAttribute('href', '/fr/sign-in#email-sign-in');
	await expect(again).toHaveURL(/\/fr\/auth\/confirm\?/);
});

test('sign-in code (nl): the email in Dutch, a wrong code is refused, the right one signs in', async ({
	page
}) => {
	const someone = await person('nl');
	const before = (await mailsTo(someone.email)).length;
	// Asked from the English page: the email follows the person's own language.
	await askSignInEmail(page, 'en', someone.email, '/en/account');
	const mail = await theNewMail(someone.email, before);
	expect(mail.subject).toBe('Je aanmeldlink voor de DCI Network Hub');
	expect(mail.text).toContain('Of typ deze aanmeldcode:');
	const code = codeIn(mail);

	await expect(page.getByLabel('Email address')).toHaveValue(someone.email);
	const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
	await page.getByLabel('6-digit code').fill(wrong);
	await page.getByRole('button', { name: 'Sign in' }).last().click();
	await expect(page.locator('#field-code-error')).toHaveText(
		'This code is not correct, has expired or was already used. Check it, or ask for a new one.'
	);
	await page.getByLabel('6-digit code').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
	await page.getByRole('button', { name: 'Sign in' }).last().click();
	await expect(page).toHaveURL(/\/en\/account$/);
});

test('an expired sign-in link says so and leads to a new one (en)', async ({ page }) => {
	const someone = await person('en');
	const before = (await mailsTo(someone.email)).length;
	await askSignInEmail(page, 'en', someone.email);
	const link = linkIn(await theNewMail(someone.email, before));
	// Two hours later (the links live one hour: GOTRUE_MAILER_OTP_EXP).
	await sql(`update auth.users set recovery_sent_at = now() - interval '2 hours' where id = $1`, [
		someone.id
	]);
	await page.goto(link);
	await page.getByRole('button', { name: 'Sign in' }).last().click();
	await expect(page.getByRole('alert')).toHaveText(
		'This sign-in link has expired or was already used. Ask for a new one.'
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used');
});

test('a broken link gets a clear page, not an error', async ({ page }) => {
	await page.goto('/nl/auth/confirm?token_hash=nope&type=magiclink');
	await expect(page.getByRole('alert')).toHaveText(
		'Deze link is onvolledig of ongeldig. Kopieer de hele link uit de e-mail, of vraag een nieuwe aan.'
	);
	const response = await page.request.post('/nl/auth/confirm?token_hash=nope&type=recovery', {
		form: {},
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(response.status()).toBe(400);
});

test('an unknown address gets the same page and no email; a known one gets its email at once', async ({
	page
}) => {
	const known = await person('en');
	const unknown = `nobody-${randomUUID().slice(0, 8)}@example.org`;
	const knownBefore = (await mailsTo(known.email)).length;

	await askSignInEmail(page, 'en', known.email);
	await expect(page).toHaveURL(/\/en\/sign-in\/code\?/);
	const knownText = await page.getByRole('status').textContent();
	expect(await newMailsTo(known.email, knownBefore)).toHaveLength(1);

	await askSignInEmail(page, 'en', unknown);
	await expect(page).toHaveURL(/\/en\/sign-in\/code\?/);
	expect(await page.getByRole('status').textContent()).toBe(
		knownText!.replace(known.email, unknown)
	);
	expect(await mailsTo(unknown)).toHaveLength(0);

	// The forgotten password form answers the same too.
	await page.goto('/en/forgot-password');
	await page.getByLabel('Email address').fill(unknown);
	await page.getByRole('button', { name: 'Email me a reset link' }).click();
	await expect(page.getByRole('status')).toHaveText(
		`If an account uses ${unknown}, we have sent it a link to choose a new password. It works once, for one hour. Nothing arrived? Check your spam folder, or ask again in a few minutes.`
	);
	expect(await mailsTo(unknown)).toHaveLength(0);
	const { rows } = await sql('select 1 from auth.users where email = $1', [unknown]);
	expect(rows, 'no account was made for the unknown address').toHaveLength(0);
});

test('the email sign-in form is throttled: the fourth request for one address in 15 minutes is refused (de)', async ({
	page
}) => {
	const address = `nobody-${randomUUID().slice(0, 8)}@example.org`;
	for (let i = 1; i <= 3; i++) {
		await askSignInEmail(page, 'de', address);
		await expect(page, `request ${i}`).toHaveURL(/\/de\/sign-in\/code\?/);
	}
	await askSignInEmail(page, 'de', address);
	await expect(page).toHaveURL(/\/de\/sign-in\/email/);
	await expect(page.getByRole('alert')).toHaveText(
		/^Zu viele Versuche\. Bitte versuchen Sie es in 1[45] Minuten erneut\.$/
	);
	await expect(page.getByRole('textbox')).toHaveValue(address);
});

test('forgotten password (en): the email in English, the link, a new password, signed in; the old password no longer works', async ({
	page,
	browser
}) => {
	const someone = await person('en');
	const before = (await mailsTo(someone.email)).length;
	await page.goto('/en/sign-in');
	await page.getByRole('link', { name: 'Forgotten your password?' }).click();
	// The sign-in page has an "Email address" too: fill the new page's, once it is there.
	await expect(page).toHaveURL(/\/en\/forgot-password$/);
	await page.getByLabel('Email address').fill(someone.email);
	await page.getByRole('button', { name: 'Email me a reset link' }).click();
	await expect(page.getByRole('status')).toContainText(`If an account uses ${someone.email}`);

	const mail = await theNewMail(someone.email, before);
	expect(mail.subject).toBe('Choose a new password for the DCI Network Hub');
	const link = linkIn(mail);
	expect((await page.request.get(link)).status()).toBe(200);

	const reader = await (await browser.newContext()).newPage();
	await reader.goto(link);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
	await reader.getByRole('button', { name: 'Continue' }).click();
	await expect(reader).toHaveURL(/\/en\/auth\/set-password$/);
	await reader.getByLabel('New password', { exact: true }).fill('second-password-42');
	await reader.getByLabel('New password, again').fill('second-password-43');
	await reader.getByRole('button', { name: 'Save the password' }).click();
	await expect(reader.locator('#field-password_again-error')).toHaveText(
		'The two passwords are not the same.'
	);
	await reader.getByLabel('New password', { exact: true }).fill('second-password-42');
	await reader.getByLabel('New password, again').fill('second-password-42');
	await reader.getByRole('button', { name: 'Save the password' }).click();
	await expect(reader).toHaveURL(/\/en\/account\?password=set$/);
	await expect(reader.getByRole('status')).toHaveText(
		'Your new password is saved. You are signed in.'
	);

	expect(await canSignIn(someone.email, PASSWORD)).toBe(false);
	expect(await canSignIn(someone.email, 'second-password-42')).toBe(true);
});

test('the set-password page refuses a session that did not come from an email link', async ({
	page
}) => {
	const someone = await person('en');
	await signInWithPassword(page, 'en', someone.email, PASSWORD);
	await page.goto('/en/auth/set-password');
	await expect(page.getByRole('alert')).toHaveText(
		'For your security, a new password can be chosen here only within 30 minutes of opening a link from one of our emails. Ask for a new reset link, or change your password on your account page.'
	);
	await expect(page.getByRole('button', { name: 'Save the password' })).toHaveCount(0);
	// A direct POST is refused as well.
	const response = await page.request.post('/en/auth/set-password', {
		form: { password: 'sneaky-password-1', password_again: 'sneaky-password-1' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(response.status()).toBe(403);
	expect(await canSignIn(someone.email, PASSWORD)).toBe(true);
});

test('change password on the account page (es): the current one is checked, then the old one no longer works', async ({
	page
}) => {
	const someone = await person('es');
	await signInWithPassword(page, 'es', someone.email, PASSWORD);
	const section = page
		.locator('section')
		.filter({ has: page.getByRole('heading', { name: 'Contraseña' }) });
	await section.getByLabel('Contraseña actual').fill('not-my-password');
	await section.getByLabel('Nueva contraseña', { exact: true }).fill('third-password-42');
	await section.getByLabel('Repita la nueva contraseña').fill('third-password-42');
	await section.getByRole('button', { name: 'Cambiar la contraseña' }).click();
	await expect(section.locator('#field-current_password-error')).toHaveText(
		'La contraseña actual no es correcta.'
	);
	await section.getByLabel('Contraseña actual').fill(PASSWORD);
	await section.getByLabel('Nueva contraseña', { exact: true }).fill('third-password-42');
	await section.getByLabel('Repita la nueva contraseña').fill('third-password-42');
	await section.getByRole('button', { name: 'Cambiar la contraseña' }).click();
	await expect(section.getByText('Su contraseña se ha cambiado.')).toBeVisible();

	expect(await canSignIn(someone.email, PASSWORD)).toBe(false);
	expect(await canSignIn(someone.email, 'third-password-42')).toBe(true);
	// Still signed in here.
	await page.reload();
	await expect(page).toHaveURL(/\/es\/account$/);
});

test('change email (fr): both addresses confirm in French, the old one stays until then, then the new one signs in', async ({
	page,
	browser
}) => {
	const someone = await person('fr', 'Camille Dupont');
	const newEmail = `authmail-new-${randomUUID().slice(0, 8)}@example.org`;
	const before = (await mailsTo(someone.email)).length;
	await signInWithPassword(page, 'fr', someone.email, PASSWORD);
	const section = page
		.locator('section')
		.filter({ has: page.getByRole('heading', { name: 'Adresse e-mail' }) });
	await section.getByLabel('Nouvelle adresse e-mail').fill(someone.email.toUpperCase());
	await section.getByRole('button', { name: "Changer l'adresse e-mail" }).click();
	await expect(section.locator('#field-new_email-error')).toHaveText(
		"C'est déjà votre adresse e-mail."
	);
	await section.getByLabel('Nouvelle adresse e-mail').fill(newEmail);
	await section.getByRole('button', { name: "Changer l'adresse e-mail" }).click();
	await expect(
		section.getByText(
			`Nous avons envoyé des liens de confirmation à ${someone.email} et à ${newEmail}.`,
			{ exact: false }
		)
	).toBeVisible();

	const toCurrent = await theNewMail(someone.email, before);
	const toNew = await theNewMail(newEmail, 0);
	expect(toCurrent.subject).toBe('Confirmez le changement de votre adresse e-mail');
	expect(toCurrent.text).toMatch(/^Bonjour Camille Dupont,/);
	expect(toNew.subject).toBe('Confirmez votre nouvelle adresse e-mail');

	const reader = await (await browser.newContext()).newPage();
	await reader.goto(linkIn(toCurrent));
	await reader.getByRole('button', { name: 'Confirmer cette adresse' }).click();
	await expect(reader.getByRole('status')).toHaveText(
		'Cette adresse est confirmée. Ouvrez maintenant le lien envoyé à votre autre adresse : votre adresse e-mail change quand les deux sont confirmées.'
	);
	const halfway = await sql('select email from auth.users where id = $1', [someone.id]);
	expect(halfway.rows[0].email).toBe(someone.email);
	expect(await canSignIn(someone.email, PASSWORD)).toBe(true);

	await reader.goto(linkIn(toNew));
	await reader.getByRole('button', { name: 'Confirmer cette adresse' }).click();
	// A client-side navigation into the account page (its chunks and six translation files): as
	// after signing in above, up to 20 s on a busy CI machine (it once took more than 5).
	await expect(reader).toHaveURL(/\/fr\/account\?email=changed$/, { timeout: 20_000 });
	await expect(reader.getByRole('status')).toHaveText(
		`Votre adresse e-mail est maintenant ${newEmail}.`
	);

	expect(await canSignIn(newEmail, PASSWORD)).toBe(true);
	expect(await canSignIn(someone.email, PASSWORD)).toBe(false);
});

test('change email to an address another account has is refused on the page', async ({ page }) => {
	const someone = await person('en');
	const other = await person('en');
	await signInWithPassword(page, 'en', someone.email, PASSWORD);
	const section = page
		.locator('section')
		.filter({ has: page.getByRole('heading', { name: 'Email address', exact: true }) });
	await section.getByLabel('New email address').fill(other.email);
	await section.getByRole('button', { name: 'Change the email address' }).click();
	await expect(section.locator('#field-new_email-error')).toHaveText(
		'This address cannot be used for your account (it may already belong to another account).'
	);
	expect(await mailsTo(other.email)).toHaveLength(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('email sign-in and the code page work as plain forms (nl)', async ({ page }) => {
		const someone = await person('nl');
		const before = (await mailsTo(someone.email)).length;
		await askSignInEmail(page, 'nl', someone.email, '/nl/account');
		await expect(page).toHaveURL(/\/nl\/sign-in\/code\?/);
		const code = codeIn(await theNewMail(someone.email, before));
		await page.getByLabel('Code van 6 cijfers').fill(code);
		await page.getByRole('button', { name: 'Aanmelden' }).last().click();
		await expect(page).toHaveURL(/\/nl\/account$/);
	});

	test('an invalid email on the email sign-in form is answered with the form again', async ({
		page
	}) => {
		await askSignInEmail(page, 'fr', 'not-an-address');
		await expect(page).toHaveURL(/\/fr\/sign-in\/email/);
		await expect(page.locator('#field-sign-in-email-error')).toHaveText(
			'Saisissez une adresse e-mail valide, par exemple nom@exemple.org.'
		);
		await expect(page.getByRole('textbox')).toHaveValue('not-an-address');
	});

	test('forgotten password, link and new password work as plain forms (fr)', async ({ page }) => {
		const someone = await person('fr');
		const before = (await mailsTo(someone.email)).length;
		await page.goto('/fr/forgot-password');
		await page.getByLabel('Adresse e-mail').fill(someone.email);
		await page.getByRole('button', { name: "M'envoyer un lien de réinitialisation" }).click();
		await expect(page.getByRole('status')).toContainText(`Si un compte utilise ${someone.email}`);
		const mail = await theNewMail(someone.email, before);
		expect(mail.subject).toBe('Choisissez un nouveau mot de passe pour le DCI Network Hub');
		await page.goto(linkIn(mail));
		await page.getByRole('button', { name: 'Continuer' }).click();
		await expect(page).toHaveURL(/\/fr\/auth\/set-password$/);
		await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('new-password-fr-1');
		await page.getByLabel('Nouveau mot de passe, à nouveau').fill('new-password-fr-1');
		await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
		await expect(page).toHaveURL(/\/fr\/account\?password=set$/);
		expect(await canSignIn(someone.email, 'new-password-fr-1')).toBe(true);
	});
});

test('the code page shows "we have sent" only for an address, not for any text put in its link', async ({
	page
}) => {
	await page.goto('/en/sign-in/code?email=Your%20account%20is%20blocked.%20Call%20%2B1%20555');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your sign-in code');
	await expect(page.getByRole('status')).toHaveCount(0);
	await expect(page.getByLabel('Email address')).toHaveValue('');
});
