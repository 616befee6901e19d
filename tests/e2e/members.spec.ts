import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { DB_URL } from '../../scripts/stack/config.mjs';
import {
	DEMO_PASSWORD,
	expect,
	hubWithFailing,
	mailsTo,
	newMailsTo,
	ORG,
	PEOPLE,
	signIn,
	test,
	type Mail
} from './fixtures';

/**
 * Issue 12, "Invite" and "Organisation admin": Benoît, admin of DEI Belgique, invites people
 * from the members page; emails go to the mail catcher in the language he chose; new people
 * confirm, set a password and land on the organisation; existing people accept in the hub.
 * Members and editors reach neither the page nor its actions; a failure of Auth or of the
 * mail server in the middle leaves nothing behind.
 */
const MEMBERS = '/fr/organisations/dei-belgique/members';
const ORG_NAME = 'Défense des Enfants International – Belgique';

async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []) {
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	try {
		return (await db.query(sql, params)).rows as T[];
	} finally {
		await db.end();
	}
}

const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.demo`;

async function invitationCount(email: string): Promise<number> {
	const rows = await query<{ n: number }>(
		'select count(*)::int as n from invitations where email = $1',
		[email]
	);
	return rows[0]!.n;
}

async function accountCount(email: string): Promise<number> {
	const rows = await query<{ n: number }>(
		'select count(*)::int as n from auth.users where email = $1',
		[email]
	);
	return rows[0]!.n;
}

/** Fills and sends the invite form of the French members page. */
async function invite(page: Page, email: string, role: string, language: string) {
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Rôle', { exact: true }).selectOption({ label: role });
	await page.getByLabel("Langue de l'e-mail").selectOption({ label: language });
	await page.getByRole('button', { name: "Envoyer l'invitation", exact: true }).click();
}

/** The one new email to `address` (waits for the mail catcher to have it). */
async function onlyMailTo(address: string, before = 0): Promise<Mail> {
	await expect.poll(async () => (await newMailsTo(address, before)).length).toBe(1);
	return (await newMailsTo(address, before))[0]!;
}

/** Auth's stored password hash of an account (to prove a refused form changed nothing). */
async function passwordHashOf(email: string): Promise<string> {
	const rows = await query<{ encrypted_password: string }>(
		'select encrypted_password from auth.users where email = $1',
		[email]
	);
	return rows[0]!.encrypted_password;
}

function linkIn(mail: Mail, path: string): string {
	const link = (mail.text ?? '').match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
	expect(link, `a link to ${path} in "${mail.subject}"`).toBeTruthy();
	return link!;
}

/** The path of a join link (the page is opened on the test's own origin). */
function joinPathOf(joinLink: string): string {
	return new URL(joinLink).pathname;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	// The invite form is throttled per account and address: this file's earlier runs do not count.
	await query(`delete from private.throttle_attempts where action = 'invite'`);
	await query(`delete from invitations where organisation_id = $1 and email = $2`, [
		ORG.deiBelgique,
		PEOPLE.dciNlMember.email
	]);
	await query(`delete from memberships where organisation_id = $1 and user_id = $2`, [
		ORG.deiBelgique,
		PEOPLE.dciNlMember.id
	]);
});

/** Addresses this file invites (unique() prefixes): their rows and accounts go afterwards. */
const MINE = '^(nieuw|nouvelle|newcomer|intrus|sans-mail|sans-auth)-[0-9a-f]{8}@example\\.demo$';

test.afterAll(async () => {
	await query(`delete from private.throttle_attempts where action = 'invite'`);
	await query('delete from invitations where email ~ $1', [MINE]);
	await query('delete from invitations where organisation_id = $1 and email = $2', [
		ORG.deiBelgique,
		PEOPLE.dciNlMember.email
	]);
	await query('delete from auth.users where email ~ $1', [MINE]);
	await query(
		`update organisations set names = '{}', website = 'https://www.dei-belgique.be', logo_path = null
		 where id = $1`,
		[ORG.deiBelgique]
	);
	await query(`delete from memberships where organisation_id = $1 and user_id = $2`, [
		ORG.deiBelgique,
		PEOPLE.dciNlMember.id
	]);
});

test('a new person invited in Dutch chooses a password on the join page, lands on the organisation; removed, loses access at once', async ({
	asAdmin,
	browser
}) => {
	test.slow();
	const address = unique('nieuw');
	await asAdmin.goto(MEMBERS);
	await invite(asAdmin, address, 'Éditeur·rice', 'Nederlands');
	await expect(asAdmin.getByRole('status')).toHaveText(`Invitation envoyée à ${address}.`);
	await expect(asAdmin.getByRole('listitem').filter({ hasText: address })).toBeVisible();

	const mail = await onlyMailTo(address);
	expect(mail.subject).toBe(`Uitnodiging om lid te worden van ${ORG_NAME} op de DCI Network Hub`);
	expect(mail.text).toContain('als redacteur');
	const join = linkIn(mail, '/nl/join/');
	expect(join).toMatch(/\/nl\/join\/[\w-]{43}$/);

	// The link outlives Auth's one-hour email tokens: the invitation was sent two hours ago.
	await query(
		`update auth.users set invited_at = invited_at - interval '2 hours',
		   confirmation_sent_at = confirmation_sent_at - interval '2 hours' where email = $1`,
		[address]
	);
	const page = await (await browser.newContext()).newPage();
	// Opening the link consumes nothing: the page asks for a name and a password.
	await page.goto(joinPathOf(join));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Uitnodiging om lid te worden van ${ORG_NAME}`
	);
	await page.getByLabel('Je naam').fill('Noor Janssens');
	await page.getByLabel('Wachtwoord').fill('short');
	await page.getByRole('button', { name: 'Account aanmaken en lid worden' }).click();
	await expect(page.getByText('Kies een wachtwoord van minstens 10 tekens.')).toBeVisible();
	await expect(page.getByLabel('Je naam')).toHaveValue('Noor Janssens');
	await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Account aanmaken en lid worden' }).click();
	await expect(page).toHaveURL(/\/nl\/organisations\/dei-belgique$/);
	const members = page.getByRole('region', { name: 'Leden' });
	await expect(members.getByText('Noor Janssens')).toBeVisible();

	// The password works: signing in again with it.
	await page.context().clearCookies();
	await signIn(page, address, '/nl/organisations/dei-belgique');
	await expect(members.getByText('Noor Janssens')).toBeVisible();

	// Benoît removes her; her very next request shows no member's view any more.
	await asAdmin.goto(MEMBERS);
	const row = asAdmin.getByRole('listitem').filter({ hasText: 'Noor Janssens' });
	await row.getByRole('button', { name: 'Retirer Noor Janssens' }).click();
	await expect(asAdmin.getByRole('status')).toHaveText(
		"Noor Janssens ne fait plus partie de l'organisation."
	);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Leden' })).toHaveCount(0);
	await page.context().close();
});

test('invitations in French and English; a revoked one says so on its link', async ({
	asAdmin,
	page
}) => {
	const french = unique('nouvelle');
	const english = unique('newcomer');
	await asAdmin.goto(MEMBERS);
	await invite(asAdmin, french, 'Membre', 'Français');
	await expect(asAdmin.getByRole('status')).toHaveText(`Invitation envoyée à ${french}.`);
	await invite(asAdmin, english, 'Membre', 'English');
	await expect(asAdmin.getByRole('status')).toHaveText(`Invitation envoyée à ${english}.`);

	const frMail = await onlyMailTo(french);
	expect(frMail.subject).toBe(`Invitation à rejoindre ${ORG_NAME} sur le DCI Network Hub`);
	expect(frMail.text).toContain('comme membre');
	linkIn(frMail, '/fr/join/');
	const enMail = await onlyMailTo(english);
	expect(enMail.subject).toBe(`Invitation to join ${ORG_NAME} on the DCI Network Hub`);
	const join = joinPathOf(linkIn(enMail, '/en/join/'));

	// Before the revocation, the link shows the invitation to anyone holding it.
	await page.goto(join);
	await expect(
		page.getByText(`Benoît Lambert invites ${english} to join ${ORG_NAME} as member.`)
	).toBeVisible();

	await asAdmin.getByRole('button', { name: `Annuler l'invitation à ${english}` }).click();
	await expect(asAdmin.getByRole('status')).toHaveText(
		`L'invitation à ${english} a été annulée : son lien ne fonctionne plus.`
	);
	await page.goto(join);
	await expect(page.getByRole('alert')).toHaveText(
		'This invitation was withdrawn by the organisation. Ask its admin if you think this is a mistake.'
	);
	// Sending again makes a new link (and email); the first one stops working.
	const firstJoin = joinPathOf(linkIn(frMail, '/fr/join/'));
	await asAdmin.getByRole('button', { name: `Renvoyer l'invitation à ${french}` }).click();
	await expect(asAdmin.getByRole('status')).toHaveText(
		`L'invitation a été renvoyée à ${french}, avec un nouveau lien.`
	);
	const again = await onlyMailTo(french, 1);
	const secondJoin = joinPathOf(linkIn(again, '/fr/join/'));
	expect(secondJoin).not.toBe(firstJoin);
	await page.goto(firstJoin);
	await expect(page.getByRole('alert')).toContainText("Ce lien d'invitation n'est pas valide.");
	await page.goto(secondJoin);
	await expect(page.getByText(`Benoît Lambert invite ${french}`)).toBeVisible();

	await page.goto('/en/join/not-a-token');
	await expect(page.getByRole('alert')).toContainText('This invitation link is not valid.');
});

test('a person with an account accepts in the hub (inbox), after being told to sign in as the invited address', async ({
	asAdmin,
	as
}) => {
	const emma = PEOPLE.dciNlMember;
	const before = (await mailsTo(emma.email)).length;
	await asAdmin.goto(MEMBERS);
	await invite(asAdmin, emma.email, 'Membre', 'English');
	await expect(asAdmin.getByRole('status')).toHaveText(`Invitation envoyée à ${emma.email}.`);
	const mail = await onlyMailTo(emma.email, before);
	expect(mail.subject).toBe(`${ORG_NAME} invites you on the DCI Network Hub`);
	const join = linkIn(mail, '/en/join/');
	expect(await accountCount(emma.email)).toBe(1);

	// Someone else signed in is told so, and cannot answer.
	const sarah = await as(PEOPLE.member.email, '/en');
	await sarah.goto(new URL(join).pathname);
	await expect(sarah.getByRole('alert')).toContainText(
		`You are signed in as ${PEOPLE.member.email}, but this invitation is for ${emma.email}.`
	);
	await expect(sarah.getByRole('button', { name: 'Accept and join' })).toHaveCount(0);

	// Signed out, the link of a person who has a password only asks them to sign in: the
	// page offers no password form, and a direct POST of one is refused, changing nothing.
	const visitor = await (await sarah.context().browser()!.newContext()).newPage();
	await visitor.goto(new URL(join).pathname);
	await expect(visitor.getByLabel('Password')).toHaveCount(0);
	const hashBefore = await passwordHashOf(emma.email);
	const forged = await visitor.request.post(`${new URL(join).pathname}?/create`, {
		form: { display_name: 'Intruder', password: 'an-intruders-password' },
		headers: { origin: new URL(visitor.url()).origin, 'x-sveltekit-action': 'true' }
	});
	expect(forged.status()).toBe(403);
	// The page's own refusal (a form failure), not SvelteKit's cross-site check.
	expect(await forged.json()).toMatchObject({ type: 'failure', status: 403 });
	expect(await passwordHashOf(emma.email)).toBe(hashBefore);
	await visitor.context().close();

	const page = await as(emma.email, '/en/invitations');
	const card = page.getByRole('listitem').filter({ hasText: ORG_NAME });
	await expect(card).toContainText('Benoît Lambert invites you to join as member.');
	await card.getByRole('button', { name: 'Accept and join' }).click();
	await expect(page).toHaveURL(/\/en\/organisations\/dei-belgique$/);
	await expect(page.getByRole('region', { name: 'Members' }).getByText(emma.name)).toBeVisible();

	// The link is used now.
	await page.goto(new URL(join).pathname);
	await expect(page.getByRole('alert')).toContainText('This invitation was already used.');
});

test('without JavaScript: the invite form shows its errors and sends; the invited person accepts on the join page', async ({
	browser
}) => {
	const emma = PEOPLE.dciNlMember;
	await query(`delete from memberships where organisation_id = $1 and user_id = $2`, [
		ORG.deiBelgique,
		emma.id
	]);
	const adminContext = await browser.newContext({ javaScriptEnabled: false });
	const admin = await adminContext.newPage();
	await signIn(admin, PEOPLE.admin.email, MEMBERS);
	await invite(admin, 'not-an-address', 'Membre', 'English');
	await expect(admin.locator('#invite-email-error')).toHaveText(
		'Saisissez une adresse e-mail valide, par exemple nom@exemple.org.'
	);
	await expect(admin.getByLabel('Adresse e-mail')).toHaveValue('not-an-address');
	// Inviting oneself is refused by the database, with a translated reason.
	await invite(admin, PEOPLE.admin.email, 'Membre', 'Français');
	await expect(admin.getByRole('alert')).toContainText(
		'Vous ne pouvez pas envoyer cette invitation'
	);
	expect(await invitationCount(PEOPLE.admin.email)).toBe(0);

	const before = (await mailsTo(emma.email)).length;
	await invite(admin, emma.email, 'Éditeur·rice', 'English');
	await expect(admin.getByRole('status')).toHaveText(`Invitation envoyée à ${emma.email}.`);
	// A second open invitation to the same address is refused (one at a time).
	await invite(admin, emma.email, 'Membre', 'English');
	await expect(admin.getByRole('alert')).toContainText(
		'Cette adresse a déjà une invitation en attente'
	);
	const join = linkIn(await onlyMailTo(emma.email, before), '/en/join/');

	const emmaContext = await browser.newContext({ javaScriptEnabled: false });
	const page = await emmaContext.newPage();
	await signIn(page, emma.email, '/en');
	await page.goto(new URL(join).pathname);
	await page.getByRole('button', { name: 'Accept and join' }).click();
	await expect(page).toHaveURL(/\/en\/organisations\/dei-belgique$/);
	const rows = await query<{ role: string }>(
		'select role from memberships where organisation_id = $1 and user_id = $2',
		[ORG.deiBelgique, emma.id]
	);
	expect(rows).toEqual([{ role: 'editor' }]);

	// A new person, without JavaScript too: name and password on the join page, the organisation.
	const address = unique('newcomer');
	await invite(admin, address, 'Membre', 'English');
	await expect(admin.getByRole('status')).toHaveText(`Invitation envoyée à ${address}.`);
	const newcomerContext = await browser.newContext({ javaScriptEnabled: false });
	const newcomer = await newcomerContext.newPage();
	await newcomer.goto(joinPathOf(linkIn(await onlyMailTo(address), '/en/join/')));
	await newcomer.getByLabel('Your name').fill('Sam Newcomer');
	await newcomer.getByLabel('Password').fill(DEMO_PASSWORD);
	await newcomer.getByRole('button', { name: 'Create my account and join' }).click();
	await expect(newcomer).toHaveURL(/\/en\/organisations\/dei-belgique$/);
	await expect(
		newcomer.getByRole('region', { name: 'Members' }).getByText('Sam Newcomer')
	).toBeVisible();
	await newcomerContext.close();
	await adminContext.close();
	await emmaContext.close();
});

test('a member or an editor reaches neither the admin pages nor their actions', async ({
	asMember,
	asEditor
}) => {
	const address = unique('intrus');
	for (const page of [asMember, asEditor]) {
		const lang = page === asMember ? 'fr' : 'nl';
		for (const path of ['members', 'profile']) {
			const response = await page.goto(`/${lang}/organisations/dei-belgique/${path}`);
			expect(response?.status()).toBe(403);
		}
		await expect(
			page.getByRole('link', { name: /Membres et invitations|Leden en uitnodigingen/ })
		).toHaveCount(0);
		const origin = new URL(page.url()).origin;
		const post = (action: string, form: Record<string, string>) =>
			page.request.post(`/${lang}/organisations/dei-belgique/members?/${action}`, {
				form,
				// As a browser's form post without JavaScript (with JSON, SvelteKit answers 200
				// and puts the 403 in the body).
				headers: { origin, accept: 'text/html' },
				maxRedirects: 0
			});
		expect((await post('invite', { email: address, role: 'admin', locale: 'fr' })).status()).toBe(
			403
		);
		expect((await post('role', { user_id: PEOPLE.editor.id, role: 'admin' })).status()).toBe(403);
		expect((await post('remove', { user_id: PEOPLE.admin.id })).status()).toBe(403);
		const profile = await page.request.post(`/${lang}/organisations/dei-belgique/profile`, {
			form: { name: 'Hijacked', original_locale: 'fr', languages: 'fr', website: '' },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(profile.status()).toBe(403);
	}
	expect(await invitationCount(address)).toBe(0);
	const roles = await query<{ email: string; role: string }>(
		`select u.email, m.role from memberships m join auth.users u on u.id = m.user_id
		 where m.organisation_id = $1 and u.email = any($2) order by u.email`,
		[ORG.deiBelgique, [PEOPLE.admin.email, PEOPLE.editor.email]]
	);
	expect(roles).toEqual([
		{ email: PEOPLE.admin.email, role: 'admin' },
		{ email: PEOPLE.editor.email, role: 'editor' }
	]);
	const [organisation] = await query<{ name: string }>(
		'select name from organisations where id = $1',
		[ORG.deiBelgique]
	);
	expect(organisation!.name).toBe(ORG_NAME);
});

for (const what of ['auth_admin', 'smtp'] as const) {
	test(`when ${what === 'auth_admin' ? "Auth's admin API" : 'the mail server'} fails in the middle, no invitation and no account are left`, async ({
		browser
	}) => {
		test.slow();
		const hub = await hubWithFailing(what);
		try {
			const context = await browser.newContext({ baseURL: hub.baseURL });
			const page = await context.newPage();
			await signIn(page, PEOPLE.admin.email, MEMBERS);
			const address = unique(what === 'smtp' ? 'sans-mail' : 'sans-auth');
			await invite(page, address, 'Membre', 'Français');
			await expect(page.getByRole('alert')).toHaveText(
				what === 'smtp'
					? "L'e-mail n'a pas pu être envoyé, donc aucune invitation n'a été créée. Réessayez dans quelques minutes."
					: "Le service des comptes n'est pas disponible pour le moment ; rien n'a été envoyé. Réessayez dans quelques minutes."
			);
			await expect(page.getByLabel('Adresse e-mail')).toHaveValue(address);
			expect(await invitationCount(address)).toBe(0);
			expect(await accountCount(address)).toBe(0);
			expect(await mailsTo(address)).toEqual([]);
			await context.close();
		} finally {
			hub.stop();
		}
	});
}

test('its admin edits the profile: a name per language shows to readers of that language', async ({
	asAdmin,
	page
}) => {
	await asAdmin.goto('/fr/organisations/dei-belgique');
	await asAdmin.getByRole('link', { name: 'Modifier le profil' }).click();
	await expect(asAdmin).toHaveURL(/\/fr\/organisations\/dei-belgique\/profile$/);
	await asAdmin
		.getByLabel('Nom en néerlandais')
		.fill('Verdediging van Kinderen International – België');
	await asAdmin.getByLabel('Site web').fill('not a website');
	await asAdmin.getByRole('button', { name: 'Enregistrer le profil' }).click();
	await expect(
		asAdmin.getByText('Saisissez une adresse complète commençant par http:// ou https://')
	).toBeVisible();
	await expect(asAdmin.getByLabel('Nom en néerlandais')).toHaveValue(
		'Verdediging van Kinderen International – België'
	);
	await asAdmin.getByLabel('Site web').fill('https://www.dei-belgique.be');
	await asAdmin.getByRole('button', { name: 'Enregistrer le profil' }).click();
	await expect(asAdmin.getByRole('status')).toHaveText('Le profil a été enregistré.');

	await page.goto('/nl/organisations/dei-belgique');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Verdediging van Kinderen International – België'
	);
	await page.goto('/fr/organisations/dei-belgique');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ORG_NAME);
});

/** A 1×1 PNG, and a text file that calls itself one. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);
const NOT_AN_IMAGE = Buffer.from(
	'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
);

test('its admin adds a logo (checked by its content), readers see it, and removing it takes it away', async ({
	asAdmin,
	page
}) => {
	const logoUrl = '/fr/organisations/dei-belgique/logo';
	await asAdmin.goto('/fr/organisations/dei-belgique/profile');
	// An SVG named .png is refused by its content, next to the field; nothing is saved.
	await asAdmin
		.getByLabel('Logo', { exact: true })
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: NOT_AN_IMAGE });
	await asAdmin.getByRole('button', { name: 'Enregistrer le profil' }).click();
	await expect(
		asAdmin.getByText(
			'Utilisez une image PNG, JPEG ou WebP (son contenu est vérifié, pas son nom).'
		)
	).toBeVisible();
	expect((await page.request.get(logoUrl)).status()).toBe(404);

	await asAdmin
		.getByLabel('Logo', { exact: true })
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
	await asAdmin.getByRole('button', { name: 'Enregistrer le profil' }).click();
	await expect(asAdmin.getByRole('status')).toHaveText('Le profil a été enregistré.');

	// A visitor sees it on the organisation's page, served as the PNG it is.
	await page.goto('/nl/organisations/dei-belgique');
	const img = page.getByRole('img', { name: /^Logo van / });
	await expect(img).toBeVisible();
	expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1);
	const served = await page.request.get(logoUrl);
	expect(served.headers()['content-type']).toBe('image/png');
	expect(Buffer.from(await served.body()).equals(PNG)).toBe(true);

	await asAdmin.goto('/fr/organisations/dei-belgique/profile');
	await asAdmin.getByLabel('Retirer le logo').check();
	await asAdmin.getByRole('button', { name: 'Enregistrer le profil' }).click();
	await expect(asAdmin.getByRole('status')).toHaveText('Le profil a été enregistré.');
	expect((await page.request.get(logoUrl)).status()).toBe(404);
	await page.goto('/nl/organisations/dei-belgique');
	await expect(page.getByRole('img', { name: /^Logo van / })).toHaveCount(0);
});

test('the invite form is throttled in Postgres: past the limit, a translated 429 and nothing sent', async ({
	asAdmin
}) => {
	// Twenty invitations this hour already (the rule: 20 per inviting account per hour).
	await query(
		`insert into private.throttle_attempts (attempt_id, action, scope, key_hash)
		 select gen_random_uuid(), 'invite', 'account', private.throttle_key_hash('invite', 'account', $1)
		 from generate_series(1, 20)`,
		[PEOPLE.admin.id]
	);
	const address = unique('intrus');
	await asAdmin.goto(MEMBERS);
	const [response] = await Promise.all([
		asAdmin.waitForResponse((r) => r.request().method() === 'POST'),
		invite(asAdmin, address, 'Membre', 'Français')
	]);
	expect(response.status()).toBeLessThan(500);
	await expect(asAdmin.getByRole('alert')).toHaveText(
		'Trop de tentatives. Veuillez réessayer dans 60 minutes.'
	);
	await expect(asAdmin.getByLabel('Adresse e-mail')).toHaveValue(address);
	expect(await invitationCount(address)).toBe(0);
	expect(await mailsTo(address)).toEqual([]);
	await query(`delete from private.throttle_attempts where action = 'invite'`);
});
