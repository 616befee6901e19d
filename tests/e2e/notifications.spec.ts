import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Page } from '@playwright/test';
import { API_URL, DB_URL, serviceRoleKey } from '../../scripts/stack/config.mjs';
import { DEMO_PASSWORD, expect, expectAccessible, ORG, PEOPLE, signIn, test } from './fixtures';

/**
 * Issue 15, in-app notifications in the browser: CODE's editor invites an organisation to take
 * part in two joint actions; its admin (Dutch) sees the bell's number go up, reads the
 * invitation in Dutch with the action's Dutch title, and marks it read (with JavaScript, then
 * everything without it); the organisation's other member sees nothing of it.
 *
 * The invited organisation and its two people are made for this file (Auth's admin API and
 * the database) and removed afterwards, so that no other test's notifications change the
 * numbers this one counts, whatever runs at the same time.
 */
const tag = randomUUID().slice(0, 8);
const ORGANISATION = { id: randomUUID(), name: `Bell Test Collectief ${tag}` };
const ADMIN = { email: `bell-admin-${tag}@example.org`, name: 'Noor Melding' };
const MEMBER = { email: `bell-member-${tag}@example.org`, name: 'Mel Member' };
const ACTIONS = [1, 2].map((n) => ({
	id: randomUUID(),
	fr: `Le droit au jeu ${n} (${tag})`,
	nl: `Het recht op spelen ${n} (${tag})`
}));
const CODE = "Coordination des ONG pour les droits de l'enfant";
/** A paper of CODE's, open for co-signature, that CODE's editor asks the organisation to sign. */
const PAPER = {
	id: randomUUID(),
	fr: `Le droit d'être entendu ${tag}`,
	nl: `Het recht gehoord te worden ${tag}`
};

const auth = createClient(API_URL, serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
});
const people: string[] = [];

async function sql(text: string, values: unknown[] = []) {
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	try {
		return await db.query(text, values);
	} finally {
		await db.end();
	}
}

async function person(email: string, name: string, locale: string): Promise<string> {
	const { data, error } = await auth.auth.admin.createUser({
		email,
		password: DEMO_PASSWORD,
		email_confirm: true,
		user_metadata: { display_name: name, locale }
	});
	if (error) throw error;
	people.push(data.user.id);
	return data.user.id;
}

test.beforeAll(async () => {
	const [adminId, memberId] = [
		await person(ADMIN.email, ADMIN.name, 'nl'),
		await person(MEMBER.email, MEMBER.name, 'en')
	];
	await sql(
		`insert into organisations (id, slug, name, kind, status, country, original_locale, languages)
		 values ($1, $2, $3, 'partner', 'active', 'BE', 'nl', '{nl}')`,
		[ORGANISATION.id, `bell-test-${tag}`, ORGANISATION.name]
	);
	// The member first, in a statement of its own (row triggers fire at the end of a statement):
	// the admin is then told of nobody's arrival, and their count starts at 0.
	await sql(`insert into memberships (user_id, organisation_id, role) values ($1, $2, 'member')`, [
		memberId,
		ORGANISATION.id
	]);
	await sql(`insert into memberships (user_id, organisation_id, role) values ($1, $2, 'admin')`, [
		adminId,
		ORGANISATION.id
	]);
	await sql(
		`insert into items (id, kind, owner_organisation_id, status, visibility, created_by)
		 values ($1, 'paper', $2, 'published', 'network', $3)`,
		[PAPER.id, ORG.code, PEOPLE.codeEditor.id]
	);
	await sql(`insert into papers (id, original_locale) values ($1, 'fr')`, [PAPER.id]);
	await sql(
		`insert into paper_translations (paper_id, locale, title) values ($1, 'fr', $2), ($1, 'nl', $3)`,
		[PAPER.id, PAPER.fr, PAPER.nl]
	);
	await sql(
		`with version as (insert into paper_versions (paper_id, number) values ($1, 1) returning id)
		 update papers set signature_version_id = (select id from version),
		                   signature_deadline = now() + interval '20 days'
		 where id = $1`,
		[PAPER.id]
	);
	for (const action of ACTIONS) {
		await sql(
			`insert into items (id, kind, owner_organisation_id, status, visibility, created_by)
			 values ($1, 'joint_action', $2, 'published', 'network', $3)`,
			[action.id, ORG.code, PEOPLE.codeEditor.id]
		);
		await sql(
			`insert into joint_actions (id, original_locale, areas) values ($1, 'fr', '{legal_actions}')`,
			[action.id]
		);
		await sql(
			`insert into joint_action_translations (action_id, locale, title) values ($1, 'fr', $2), ($1, 'nl', $3)`,
			[action.id, action.fr, action.nl]
		);
	}
});

test.afterAll(async () => {
	// The items and the organisation take their attachments and notifications with them.
	await sql('delete from items where id = any($1)', [[...ACTIONS.map((a) => a.id), PAPER.id]]);
	await sql('delete from organisations where id = $1', [ORGANISATION.id]);
	for (const id of people) await auth.auth.admin.deleteUser(id);
});

/** CODE's editor invites the organisation to take part in an action, on its edit page. */
async function invite(editor: Page, action: (typeof ACTIONS)[number]) {
	await editor.goto(`/fr/actions/${action.id}/edit`);
	await editor
		.getByRole('combobox', { name: 'Organisation' })
		.selectOption({ label: ORGANISATION.name });
	await editor.getByRole('combobox', { name: 'En tant que' }).selectOption('participant');
	await editor.getByRole('button', { name: 'Inviter' }).click();
	await expect(editor.getByRole('listitem').filter({ hasText: ORGANISATION.name })).toBeVisible();
}

/** The list's card of an action's notification. */
const card = (page: Page, action: (typeof ACTIONS)[number]) =>
	page.getByRole('listitem').filter({ has: page.getByRole('link', { name: action.nl }) });

test("an invitation rings the invited organisation's admin only, in Dutch, until it is marked read", async ({
	as,
	browser
}) => {
	test.setTimeout(150_000); // four people's pages, every state scanned by axe
	const admin = await as(ADMIN.email, '/nl');
	await expect(admin.getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible();

	const editor = await as(PEOPLE.codeEditor.email, '/fr');
	await invite(editor, ACTIONS[0]!);
	// Exactly one person is notified: not the inviting editor, not the organisation's member.
	const notified = await sql('select recipient_id from notifications where item_id = $1', [
		ACTIONS[0]!.id
	]);
	expect(notified.rows.map((row) => row.recipient_id)).toEqual([people[0]]);

	// The admin's bell counts it, and the list says it in Dutch with the action's Dutch title.
	await admin.reload();
	await admin.getByRole('link', { name: 'Meldingen, 1 ongelezen' }).click();
	await expect(admin).toHaveURL(/\/nl\/notifications$/);
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Meldingen');
	const first = card(admin, ACTIONS[0]!);
	await expect(first).toContainText('Ongelezen');
	await expect(first).toContainText(
		`${CODE} nodigt ${ORGANISATION.name} uit om deel te nemen aan deze gezamenlijke actie.`
	);
	await expect(first.getByRole('link', { name: ACTIONS[0]!.nl })).toHaveAttribute('lang', 'nl');
	await expect(first.getByRole('link', { name: ACTIONS[0]!.nl })).toHaveAttribute(
		'href',
		'/nl/invitations'
	);
	await expectAccessible(admin);

	// The organisation's other member sees nothing of it.
	const member = await as(MEMBER.email, '/en/notifications');
	await expect(member.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
	await expect(member.getByText(/where you will find invitations/)).toBeVisible();
	await expect(member.getByText(tag)).toHaveCount(0);

	// Marked read: the bell has no number any more.
	await first.getByRole('button', { name: 'Als gelezen markeren' }).click();
	await expect(admin.getByRole('status')).toHaveText('1 melding als gelezen gemarkeerd.');
	await expect(admin.getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible();
	await expect(first).not.toContainText('Ongelezen');

	// Without JavaScript: the second invitation, then "mark all as read".
	await invite(editor, ACTIONS[1]!);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const plain = await context.newPage();
	await signIn(plain, ADMIN.email, '/nl/notifications');
	await expect(plain.getByRole('link', { name: 'Meldingen, 1 ongelezen' })).toBeVisible();
	await expect(card(plain, ACTIONS[1]!)).toContainText('Ongelezen');
	await expect(plain.getByText('1 ongelezen melding')).toBeVisible();
	await plain.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
	await expect(plain.getByRole('status')).toHaveText('1 melding als gelezen gemarkeerd.');
	await expect(plain.getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible();
	await expect(plain.getByText('Ongelezen', { exact: true })).toHaveCount(0);
	await expect(plain.getByText('Alles is gelezen.')).toBeVisible();
	await context.close();

	// The member's bell never counted any of it.
	await member.reload();
	await expect(member.getByRole('link', { name: /unread/ })).toHaveCount(0);
});

test('a co-signature request reaches the admin in the bell and on the dashboard, is signed from there, and the requester hears of it', async ({
	as
}) => {
	test.setTimeout(150_000);
	// CODE's editor asks the organisation to co-sign version 1, on the paper's edit page.
	const editor = await as(PEOPLE.codeEditor.email, '/fr');
	await editor.goto(`/fr/papers/${PAPER.id}/edit`);
	await editor.getByRole('checkbox', { name: ORGANISATION.name }).check();
	await editor.getByRole('button', { name: 'Inviter à cosigner' }).click();
	await expect(editor.getByRole('checkbox', { name: ORGANISATION.name })).toHaveCount(0);

	// Its admin (Dutch) sees it in the bell, with the paper's Dutch title and the deadline.
	const admin = await as(ADMIN.email, '/nl');
	await admin.getByRole('link', { name: /^Meldingen, \d+ ongelezen$/ }).click();
	// The notifications page, not the dashboard the admin landed on (it names the paper too).
	await expect(admin).toHaveURL(/\/nl\/notifications$/);
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Meldingen');
	const request = admin
		.getByRole('listitem')
		.filter({ has: admin.getByRole('link', { name: PAPER.nl }) });
	await expect(request).toContainText('Verzoek tot medeondertekening');
	await expect(request).toContainText(
		`${CODE} vraagt ${ORGANISATION.name} om versie 1 van dit standpunt mee te ondertekenen, uiterlijk op`
	);

	// On the dashboard it waits for an answer, one click from where it is signed.
	await admin.goto('/nl/dashboard');
	const waiting = admin.getByRole('region', { name: /Wacht op je antwoord/ });
	const line = waiting.getByRole('listitem').filter({ hasText: PAPER.nl });
	await expect(line).toContainText('Vraag om mee te ondertekenen');
	await expectAccessible(admin);
	await line.getByRole('link', { name: 'Antwoorden' }).click();
	await expect(admin).toHaveURL(/\/nl\/invitations$/);
	await admin
		.getByRole('listitem')
		.filter({ hasText: PAPER.nl })
		.getByRole('button', { name: `Ondertekenen namens ${ORGANISATION.name}` })
		.click();
	await expect(admin.getByText('Je hebt namens je organisatie ondertekend.')).toBeVisible();
	const signed = await sql(
		'select state from paper_signatures where paper_id = $1 and organisation_id = $2',
		[PAPER.id, ORGANISATION.id]
	);
	expect(signed.rows).toEqual([{ state: 'signed' }]);

	// The requester's notification arrives, in French.
	await editor.goto('/fr/notifications');
	await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Notifications');
	const answer = editor
		.getByRole('listitem')
		.filter({ has: editor.getByRole('link', { name: PAPER.fr }) });
	await expect(answer).toContainText(`${ORGANISATION.name} a cosigné la version 1.`);
	await expectAccessible(editor);
});
