import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Page } from '@playwright/test';
import { API_URL, DB_URL, serviceRoleKey } from '../../scripts/stack/config.mjs';
import {
	DEMO_PASSWORD,
	expect,
	hubWithFailing,
	ITEM,
	mailsTo,
	newMailsTo,
	ORG,
	PEOPLE,
	signIn,
	test,
	type Mail
} from './fixtures';

/**
 * Issue 12, part 2: the profile, my data and deleting my account; the coordinators' console
 * (suspend → members lose access at once → reactivate, the audit trail); applying to join
 * (coordinators notified → approve → the applicant's invitation → their organisation) and
 * declining (the applicant's email in their language); members and outsiders kept out of the
 * console, page and direct POST.
 */
async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []) {
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	try {
		return (await db.query(sql, params)).rows as T[];
	} finally {
		await db.end();
	}
}

const admin = createClient(API_URL, serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
});

const CODE_NAME = "Coordination des ONG pour les droits de l'enfant";
const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.demo`;
const MINE = '^(apply|throwaway)-[a-z]+-[0-9a-f]{8}@example\\.demo$';

/** The one new email to `address` (waits for the mail catcher to have it). */
async function onlyMailTo(address: string, before = 0): Promise<Mail> {
	await expect.poll(async () => (await newMailsTo(address, before)).length).toBe(1);
	return (await newMailsTo(address, before))[0]!;
}

/** A form POST as a browser sends it, without the page (the action must refuse by itself). */
async function post(page: Page, path: string, form: Record<string, string>) {
	const origin = new URL(page.url()).origin;
	return page.request.post(path, {
		form,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

/** Fills the English application form. */
async function apply(
	page: Page,
	values: { organisation: string; email: string; name: string; locale: string }
) {
	await page.getByLabel('Name of the organisation').fill(values.organisation);
	await page.getByLabel('Partner organisation (an NGO working with the network)').check();
	await page.getByLabel('Country').fill('be');
	await page.getByLabel('Website (optional)').fill('https://example.org');
	await page.getByLabel('French').check();
	await page.getByLabel('What the organisation does').fill('We defend children in court.');
	await page.getByLabel('Your name').fill(values.name);
	await page.getByLabel('Your email address').fill(values.email);
	await page.getByLabel('Why do you want to join the network?').fill('To work together.');
	await page.getByLabel('Language in which we write to you').selectOption(values.locale);
	await page.getByRole('button', { name: 'Send the application' }).click();
	await expect(page.getByRole('status')).toContainText('Your application has been received');
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	await query(`delete from private.throttle_attempts where action = 'apply'`);
});

test.afterAll(async () => {
	await query(`delete from private.throttle_attempts where action = 'apply'`);
	await query(
		`delete from organisations where id in (
		select organisation_id from organisation_applications where email ~ $1)`,
		[MINE]
	);
	await query('delete from organisation_applications where email ~ $1', [MINE]);
	await query(
		`delete from joint_action_updates where body like 'A post that outlives its author%'`
	);
	await query('delete from invitations where email ~ $1', [MINE]);
	// The applicants' own changes (accepting their invitation) would stay in the trail that
	// pgTAP 008 reads whole when it runs on the same database.
	await query(
		'delete from audit_events where actor_id in (select id from auth.users where email ~ $1)',
		[MINE]
	);
	await query('delete from auth.users where email ~ $1', [MINE]);
	await query(`update organisations set status = 'active' where id = $1`, [ORG.code]);
	await query(`update profiles set display_name = $2, preferred_locale = 'fr' where id = $1`, [
		PEOPLE.member.id,
		PEOPLE.member.name
	]);
});

test('the profile: name and preferred language saved, and the interface follows the language', async ({
	asMember
}) => {
	await asMember.goto('/fr/account');
	await asMember.getByLabel('Nom').fill('Sarah E.');
	await asMember.getByLabel('Langue préférée').selectOption('nl');
	await asMember.getByRole('button', { name: 'Enregistrer mon profil' }).click();
	await expect(asMember).toHaveURL(/\/nl\/account\?saved=profile$/);
	await expect(asMember.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
	await expect(asMember.getByRole('status')).toHaveText('Je profiel is opgeslagen.');
	await expect(asMember.getByLabel('Naam')).toHaveValue('Sarah E.');
	// The bare address now opens in Dutch (on the dashboard, a signed-in person's home).
	await asMember.goto('/');
	await expect(asMember).toHaveURL(/\/nl\/dashboard$/);
	const rows = await query<{ display_name: string; preferred_locale: string }>(
		'select display_name, preferred_locale from profiles where id = $1',
		[PEOPLE.member.id]
	);
	expect(rows[0]).toEqual({ display_name: 'Sarah E.', preferred_locale: 'nl' });
});

test('without JavaScript: the profile form saves, and leaving is refused to the last admin', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, PEOPLE.admin.email, '/en/account');
	await page.getByLabel('Name').fill('Benoît Lambert');
	await page.getByLabel('Preferred language').selectOption('fr');
	await page.getByRole('button', { name: 'Save my profile' }).click();
	// Benoît keeps French: the page follows his preferred language.
	await expect(page).toHaveURL(/\/fr\/account\?saved=profile$/);
	await expect(page.getByRole('status')).toHaveText('Votre profil a été enregistré.');
	await page.goto('/en/account');
	await page
		.getByRole('button', {
			name: /^Leave this organisation\s*: Défense des Enfants International – Belgique$/
		})
		.click();
	await expect(page.getByRole('alert')).toHaveText(
		'You are the last admin of this organisation: make another member admin before you leave, or ask the network coordinators.'
	);
	const rows = await query(
		'select 1 from memberships where user_id = $1 and organisation_id = $2',
		[PEOPLE.admin.id, ORG.deiBelgique]
	);
	expect(rows).toHaveLength(1);
	// The account cannot be deleted either, and the page says which organisations hold it.
	await page
		.getByLabel('To confirm, type the email address of your account')
		.fill(PEOPLE.admin.email);
	await page.getByRole('button', { name: 'Delete my account permanently' }).click();
	await expect(
		page.getByText('Your account cannot be deleted while you are the last admin')
	).toBeVisible();
	await expect(
		page.getByRole('listitem').filter({ hasText: /^Défense des Enfants International – Belgique$/ })
	).toBeVisible();
	await context.close();
});

test('my data: the JSON holds my registration and not someone else’s', async ({ asMember }) => {
	await asMember.goto('/nl/account');
	const download = asMember.waitForEvent('download');
	await asMember.getByRole('link', { name: 'Mijn gegevens downloaden (JSON)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^dci-hub-my-data-\d{4}-\d{2}-\d{2}\.json$/);
	const data = JSON.parse(
		await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8')
	);
	expect(data.profile.id).toBe(PEOPLE.member.id);
	const events = data.event_registrations.map((r: { event_id: string }) => r.event_id);
	expect(events).toContain('30000000-0000-4000-8000-000000000202');
	expect(events).not.toContain('30000000-0000-4000-8000-000000000007'); // Benoît's
	expect(JSON.stringify(data)).not.toContain('token_hash');
});

test('delete my account: sign-in fails afterwards and my post shows as from a former member', async ({
	page
}) => {
	const email = unique('throwaway-me');
	const { data, error } = await admin.auth.admin.createUser({
		email,
		password: DEMO_PASSWORD,
		email_confirm: true,
		user_metadata: { display_name: 'Temporary Person' }
	});
	expect(error).toBeNull();
	const userId = data.user!.id;
	await query(
		`insert into memberships (user_id, organisation_id, role) values ($1, $2, 'member')`,
		[userId, ORG.deiBelgique]
	);
	const [update] = await query<{ id: string }>(
		`insert into joint_action_updates (action_id, organisation_id, author_id, locale, body)
		 values ($1, $2, $3, 'en', $4) returning id`,
		[ITEM.publicAction, ORG.deiBelgique, userId, `A post that outlives its author (${email}).`]
	);

	await signIn(page, email, '/en/account');
	await page
		.getByLabel('To confirm, type the email address of your account')
		.fill('wrong@example.demo');
	await page.getByRole('button', { name: 'Delete my account permanently' }).click();
	await expect(page.getByText('This is not the email address of your account.')).toBeVisible();
	await page.getByLabel('To confirm, type the email address of your account').fill(email);
	await page.getByRole('button', { name: 'Delete my account permanently' }).click();
	await expect(page).toHaveURL(/\/en\/account-deleted$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account has been deleted');

	expect(await query('select 1 from auth.users where id = $1', [userId])).toHaveLength(0);
	expect(await query('select 1 from memberships where user_id = $1', [userId])).toHaveLength(0);
	const kept = await query<{ author_id: string | null }>(
		'select author_id from joint_action_updates where id = $1',
		[update!.id]
	);
	expect(kept).toEqual([{ author_id: null }]);

	await page.goto(`/en/actions/${ITEM.publicAction}`);
	const post = page
		.getByRole('listitem')
		.filter({ hasText: `A post that outlives its author (${email}).` });
	await expect(post).toContainText('posted by a former member');

	// Signing in again fails: the account is gone.
	await page.goto('/en/sign-in');
	const form = page.locator('form').filter({ has: page.getByLabel('Password', { exact: true }) });
	await form.getByLabel('Email address', { exact: true }).fill(email);
	await form.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'The email address or the password is not correct.'
	);
	await query('delete from joint_action_updates where id = $1', [update!.id]);
});

test('delete my account while Auth’s admin API fails: refused, and the database is as it was', async ({
	browser
}) => {
	const email = unique('throwaway-kept');
	const { data } = await admin.auth.admin.createUser({
		email,
		password: DEMO_PASSWORD,
		email_confirm: true
	});
	const userId = data.user!.id;
	await query(
		`insert into memberships (user_id, organisation_id, role) values ($1, $2, 'member')`,
		[userId, ORG.deiBelgique]
	);
	const hub = await hubWithFailing('auth_admin');
	try {
		const context = await browser.newContext({ baseURL: hub.baseURL });
		const page = await context.newPage();
		await signIn(page, email, '/en/account');
		await page.getByLabel('To confirm, type the email address of your account').fill(email);
		await page.getByRole('button', { name: 'Delete my account permanently' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'Your account could not be deleted right now. Nothing was changed; please try again later.'
		);
		await context.close();
	} finally {
		hub.stop();
	}
	expect(await query('select 1 from auth.users where id = $1', [userId])).toHaveLength(1);
	expect(await query('select 1 from profiles where id = $1', [userId])).toHaveLength(1);
	expect(await query('select 1 from memberships where user_id = $1', [userId])).toHaveLength(1);
});

test('suspend: the member loses access at once; reactivate; the audit trail says it with the reason', async ({
	asCoordinator,
	as
}) => {
	const julien = await as(PEOPLE.codeEditor.email, `/en/actions/${ITEM.networkAction}`);
	await expect(julien.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(julien.getByText('This page does not exist, or you cannot see it.')).toHaveCount(0);

	await asCoordinator.goto('/en/console?kind=partner');
	const card = asCoordinator
		.getByRole('listitem')
		.filter({ has: asCoordinator.getByRole('heading', { name: CODE_NAME }) });
	await card.getByText('Suspend…').click();
	await card
		.getByLabel('Reason (kept in the audit trail)')
		.fill('Membership dues unpaid for two years');
	await card.getByRole('button', { name: /^Suspend the organisation/ }).click();
	await expect(asCoordinator.getByText('The organisation is suspended')).toBeVisible();

	// Julien's very next request: the network action is gone for him.
	await julien.reload();
	await expect(julien.getByText('This page does not exist, or you cannot see it.')).toBeVisible();

	await asCoordinator.goto('/en/console?status=suspended');
	const suspended = asCoordinator
		.getByRole('listitem')
		.filter({ has: asCoordinator.getByRole('heading', { name: CODE_NAME }) });
	await suspended.getByRole('button', { name: /^Reactivate/ }).click();
	await expect(asCoordinator.getByText('The organisation is active again.')).toBeVisible();
	await julien.reload();
	await expect(julien.getByText('This page does not exist, or you cannot see it.')).toHaveCount(0);

	await asCoordinator.goto('/en/console/audit');
	await asCoordinator.getByLabel('Organisation').selectOption(ORG.code);
	await asCoordinator.getByLabel('Action').selectOption('organisation_suspended');
	await asCoordinator.getByRole('button', { name: 'Show' }).click();
	await expect(asCoordinator).toHaveURL(/organisation=.*kind=organisation_suspended/);
	const entry = asCoordinator
		.getByRole('listitem')
		.filter({ hasText: 'Reason: Membership dues unpaid for two years' })
		.first();
	await expect(entry).toContainText(`${PEOPLE.coordinator.name} suspended`);
	await expect(entry).toContainText('Reason: Membership dues unpaid for two years');
	// When, in the hub's home zone (as the notifications say it), not in the server's UTC.
	const at = new Date((await entry.locator('time').getAttribute('datetime')) ?? '');
	const inBrussels = (options: Intl.DateTimeFormatOptions) =>
		new Intl.DateTimeFormat('en', { ...options, timeZone: 'Europe/Brussels' }).format(at);
	await expect(entry.locator('time')).toHaveText(
		`${inBrussels({ dateStyle: 'medium' })} · ${inBrussels({ timeStyle: 'short' })}`
	);
	// Every event listed is a suspension of CODE.
	const listed = asCoordinator.locator('.trail > li');
	expect(await listed.count()).toBeGreaterThan(0);
	for (const text of await listed.allTextContents()) expect(text).toContain('suspended');
});

test('members and outsiders reach neither the console nor its actions', async ({
	asMember,
	asOutsider
}) => {
	for (const page of [asMember, asOutsider]) {
		const response = await page.goto('/en/console');
		expect(response?.status()).toBe(403);
		await expect(
			page.getByText("Only the network's coordinators can open the console.")
		).toBeVisible();
		const refused = await post(page, '/en/console?/status', {
			organisation_id: ORG.code,
			status: 'suspended',
			reason: 'takeover'
		});
		expect(refused.status()).toBe(403);
		const audit = await page.goto('/en/console/audit');
		expect(audit?.status()).toBe(403);
	}
	const [code] = await query<{ status: string }>('select status from organisations where id = $1', [
		ORG.code
	]);
	expect(code!.status).toBe('active');
});

test('apply → coordinators emailed → approve → the applicant’s invitation → admin of the new organisation', async ({
	page,
	asCoordinator,
	browser
}) => {
	test.slow();
	const email = unique('apply-en');
	const organisation = `Children First ${email.slice(9, 17)}`;
	const before = (await mailsTo(PEOPLE.coordinator.email)).length;
	const beforeBenoit = (await mailsTo(PEOPLE.admin.email)).length;
	await page.goto('/en/apply');
	await apply(page, { organisation, email, name: 'Alex Applicant', locale: 'en' });

	// Amira (English) and Benoît (French) are coordinators: each is told in their language.
	const toAmira = await onlyMailTo(PEOPLE.coordinator.email, before);
	expect(toAmira.subject).toBe(`New application: ${organisation}`);
	const toBenoit = await onlyMailTo(PEOPLE.admin.email, beforeBenoit);
	expect(toBenoit.subject).toBe(`Nouvelle candidature : ${organisation}`);
	expect(toBenoit.text).toContain('/fr/console/applications');

	await asCoordinator.goto('/en/console/applications');
	const card = asCoordinator
		.getByRole('listitem')
		.filter({ has: asCoordinator.getByRole('heading', { name: organisation }) });
	await card.getByRole('button', { name: /^Approve and invite the applicant/ }).click();
	await expect(asCoordinator.getByText('The application was approved')).toBeVisible();

	const invitation = await onlyMailTo(email);
	const link = (invitation.text ?? '').match(/https?:\/\/\S+\/en\/join\/\S*/)?.[0];
	expect(link, 'an English join link').toBeTruthy();
	const applicant = await (await browser.newContext()).newPage();
	await applicant.goto(new URL(link!).pathname);
	await applicant.getByLabel('Your name').fill('Alex Applicant');
	await applicant.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await applicant.getByRole('button', { name: 'Create my account and join' }).click();
	await expect(applicant).toHaveURL(/\/en\/organisations\/children-first-/);
	const rows = await query<{ role: string; status: string }>(
		`select m.role, o.status from memberships m join organisations o on o.id = m.organisation_id
		 join auth.users u on u.id = m.user_id where u.email = $1`,
		[email]
	);
	expect(rows).toEqual([{ role: 'admin', status: 'active' }]);
	await applicant.context().close();
});

test('approve while the mail server is down: the application stays pending and no organisation is left', async ({
	page,
	browser
}) => {
	const email = unique('apply-smtp');
	const organisation = `Mail Down ${email.slice(11, 19)}`;
	await page.goto('/en/apply');
	await apply(page, { organisation, email, name: 'Sam Smtp', locale: 'en' });
	const hub = await hubWithFailing('smtp');
	try {
		const context = await browser.newContext({ baseURL: hub.baseURL });
		const coordinator = await context.newPage();
		await signIn(coordinator, PEOPLE.coordinator.email, '/en/console/applications');
		const card = coordinator
			.getByRole('listitem')
			.filter({ has: coordinator.getByRole('heading', { name: organisation }) });
		await card.getByRole('button', { name: /^Approve and invite the applicant/ }).click();
		await expect(card.getByRole('alert')).toHaveText(
			'The invitation could not be sent, so nothing was created. Please try again.'
		);
		await context.close();
	} finally {
		hub.stop();
	}
	const [row] = await query<{ status: string; organisation_id: string | null }>(
		'select status, organisation_id from organisation_applications where email = $1',
		[email]
	);
	expect(row).toEqual({ status: 'pending', organisation_id: null });
	expect(await query('select 1 from organisations where name = $1', [organisation])).toHaveLength(
		0
	);
	expect(await query('select 1 from invitations where email = $1', [email])).toHaveLength(0);
	expect(await query('select 1 from auth.users where email = $1', [email])).toHaveLength(0);
});

for (const [locale, subject, reasonLine] of [
	[
		'fr',
		'Votre candidature pour',
		'Le motif des coordinateurs : Hors du champ des droits de l’enfant'
	],
	['nl', 'Je aanvraag voor', 'De reden van de coördinatoren: Hors du champ des droits de l’enfant'],
	['en', 'Your application for', "The coordinators' reason: Hors du champ des droits de l’enfant"]
] as const) {
	test(`decline: the applicant is emailed in ${locale} and no organisation is made`, async ({
		page,
		asCoordinator
	}) => {
		const email = unique(
			`apply-${locale === 'en' ? 'english' : locale === 'fr' ? 'french' : 'dutch'}`
		);
		const organisation = `Declined ${locale} ${email.slice(-21, -13)}`;
		await page.goto('/en/apply');
		await apply(page, { organisation, email, name: 'Dana Declined', locale });

		await asCoordinator.goto('/en/console/applications');
		const card = asCoordinator
			.getByRole('listitem')
			.filter({ has: asCoordinator.getByRole('heading', { name: organisation }) });
		await card
			.getByLabel('Reason for declining (sent to the applicant)')
			.fill('Hors du champ des droits de l’enfant');
		await card.getByRole('button', { name: /^Decline/ }).click();
		await expect(
			asCoordinator.getByText('The application was declined and the applicant told by email.')
		).toBeVisible();

		const mail = await onlyMailTo(email);
		expect(mail.subject).toBe(`${subject} ${organisation}`);
		expect(mail.text).toContain(reasonLine);
		const made = await query('select 1 from organisations where name = $1', [organisation]);
		expect(made).toHaveLength(0);
	});
}

test('without JavaScript: the application form keeps what was typed and says what is wrong', async ({
	browser
}) => {
	// This file's earlier applications came from the same address (5 an hour are allowed).
	await query(`delete from private.throttle_attempts where action = 'apply'`);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/fr/apply');
	const email = unique('apply-noscript');
	await page.getByLabel("Nom de l'organisation").fill('Association sans script');
	await page.getByLabel('Section nationale de Défense des Enfants International').check();
	await page.getByLabel('Pays').fill('Belgique');
	await page.getByLabel("Ce que fait l'organisation").fill('Nous défendons les enfants.');
	await page.getByLabel('Votre nom').fill('Camille');
	await page.getByLabel('Votre adresse e-mail').fill(email);
	await page.getByLabel('Pourquoi souhaitez-vous rejoindre le réseau ?').fill('Pour coopérer.');
	await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
	await expect(page.getByRole('alert')).toHaveText('Veuillez corriger les champs signalés.');
	await expect(page.getByLabel("Nom de l'organisation")).toHaveValue('Association sans script');
	await expect(page.getByLabel('Votre adresse e-mail')).toHaveValue(email);
	await expect(page.getByText('Choisissez au moins une langue de travail.')).toBeVisible();
	await expect(
		page.getByText('Utilisez les codes pays à deux lettres, comme BE ou NL.')
	).toBeVisible();
	await page.getByLabel('Pays').fill('BE');
	await page.getByLabel('Français').check();
	await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
	await expect(page.getByRole('status')).toContainText('Votre candidature a bien été reçue');
	expect(
		await query('select 1 from organisation_applications where email = $1', [email])
	).toHaveLength(1);

	// The same address three times in a day (the limit): the next one is refused, translated.
	await admin.rpc('throttle_attempt', { action: 'apply', keys: { account: email } });
	await admin.rpc('throttle_attempt', { action: 'apply', keys: { account: email } });
	await page.goto('/fr/apply');
	await page.getByLabel("Nom de l'organisation").fill('Association sans script');
	await page.getByLabel('Section nationale de Défense des Enfants International').check();
	await page.getByLabel('Pays').fill('BE');
	await page.getByLabel('Français').check();
	await page.getByLabel("Ce que fait l'organisation").fill('Nous défendons les enfants.');
	await page.getByLabel('Votre nom').fill('Camille');
	await page.getByLabel('Votre adresse e-mail').fill(email);
	await page.getByLabel('Pourquoi souhaitez-vous rejoindre le réseau ?').fill('Pour coopérer.');
	await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/^Trop de tentatives\. Veuillez réessayer dans \d+ minutes\.$/
	);
	expect(
		await query('select 1 from organisation_applications where email = $1', [email])
	).toHaveLength(1);
	await context.close();
});

test('hostile query values and form fields on the console and the application form: no 5xx', async ({
	asCoordinator,
	page
}) => {
	test.setTimeout(180_000);
	const nasty = [
		'%00',
		'%E0%A4%A',
		'x'.repeat(3000),
		'2026-02-31',
		'00000000-0000-0000-0000-000000000000'
	];
	const urls: string[] = [];
	for (const [path, params] of Object.entries({
		'/fr/console': ['status', 'kind', 'page'],
		'/fr/console/audit': ['organisation', 'person', 'kind', 'page'],
		'/fr/console/applications': [],
		'/fr/console/new': []
	})) {
		urls.push(`${path}?x=%00&x=%E0%A4%A`);
		for (const param of params) for (const value of nasty) urls.push(`${path}?${param}=${value}`);
	}
	const failures: string[] = [];
	for (const url of urls) {
		const response = await asCoordinator.request.get(url, { maxRedirects: 0 });
		if (response.status() >= 500) failures.push(`${response.status()} GET ${url}`);
	}
	const origin = new URL(asCoordinator.url()).origin;
	const forms: [Page, string, string[]][] = [
		[asCoordinator, '/fr/console?/status', ['organisation_id', 'status', 'reason']],
		[asCoordinator, '/fr/console/applications?/approve', ['application_id']],
		[asCoordinator, '/fr/console/applications?/decline', ['application_id', 'reason']],
		[
			asCoordinator,
			'/fr/console/new',
			[
				'organisation_name',
				'kind',
				'country',
				'website',
				'languages',
				'description',
				'admin_email',
				'locale'
			]
		],
		[
			page,
			'/fr/apply',
			[
				'organisation_name',
				'kind',
				'country',
				'website',
				'languages',
				'description',
				'applicant_name',
				'email',
				'motivation',
				'locale'
			]
		]
	];
	for (const [who, action, names] of forms) {
		for (const value of [
			'a%00b',
			'%01%0B%0D%0A%1B%7F',
			'%E0%A4%A',
			'x'.repeat(3000),
			'00000000-0000-0000-0000-000000000000'
		]) {
			const response = await who.request.post(action, {
				data: names.map((name) => `${name}=${value}`).join('&'),
				headers: {
					origin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				maxRedirects: 0
			});
			if (response.status() >= 500)
				failures.push(`${response.status()} POST ${action} ${value.slice(0, 20)}`);
		}
	}
	expect(failures).toEqual([]);
});
