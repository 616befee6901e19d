import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import {
	expect,
	expectAccessible,
	ITEM,
	mailsTo,
	newMailsTo,
	PEOPLE,
	signIn,
	test
} from './fixtures';

/**
 * The organisers' registrations page. Seed event 204 (CODE seminar, approval required):
 * Jan confirmed, Sarah and Fien pending, Sofie declined, Nadia cancelled; Julien
 * (editor@lacode.demo) organises it.
 */
const EVENT = ITEM.codeSeminar;
const TITLE = "Séminaire : le rapport alternatif au Comité des droits de l'enfant";
const FIEN = PEOPLE.coalitionEditor;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	// Fien's request is pending again, whatever a previous run decided.
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	await db.query(
		`update event_registrations set status = 'pending', decided_by = null, decided_at = null
		 where event_id = $1 and user_id = $2`,
		[EVENT, FIEN.id]
	);
	await db.end();
});

test('an organiser approves a pending request, sees the counts and downloads the list', async ({
	page
}) => {
	await signIn(page, PEOPLE.codeEditor.email, `/fr/events/${EVENT}`);
	await page.getByRole('link', { name: 'Inscriptions (organisateurs)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscriptions');
	await expect(page.getByText('Places occupées : 1 sur 25')).toBeVisible();
	const pending = page.getByRole('region', { name: /En attente d’acceptation/ });
	await expect(pending.getByRole('listitem')).toHaveCount(2);
	await expect(page.getByRole('region', { name: /Refusées/ })).toContainText('Sofie Janssens');
	await expect(page.getByRole('region', { name: /Annulées/ })).toContainText('Nadia Benali');
	await expectAccessible(page);

	const mailsBefore = (await mailsTo(FIEN.email)).length;
	await pending.getByRole('button', { name: 'Accepter — Fien De Smet' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Acceptée : la place est confirmée. La personne est prévenue par e-mail.'
	);
	await expect(page.getByText('Places occupées : 2 sur 25')).toBeVisible();
	await expect(page.getByRole('region', { name: /Confirmées/ })).toContainText('Fien De Smet');
	await expect(pending.getByRole('listitem')).toHaveCount(1);

	// Fien is told, in Dutch, right after the decision: one new message about this event
	// (a reset keeps the mailbox, so only the messages that arrived since count).
	await expect
		.poll(async () => (await newMailsTo(FIEN.email, mailsBefore)).map((m) => m.subject))
		.toEqual([`Inschrijving goedgekeurd: ${TITLE}`]);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Télécharger la liste (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^inscriptions-.*\.csv$/);
	const stream = await download.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	const csv = Buffer.concat(chunks).toString('utf8');
	expect(csv.startsWith('\uFEFFNom;E-mail;Organisations;Statut;Inscrit le;Décision le\r\n')).toBe(
		true
	);
	expect(csv).toContain('Fien De Smet;editor@kinderrechtencoalitie.demo;');
	expect(csv).toMatch(
		/Sarah El Amrani;member@dei-belgique\.demo;[^\r\n]*;En attente d’acceptation;/
	);
	expect(csv.trimEnd().split('\r\n')).toHaveLength(6);
});

test('an outsider and a registrant who does not organise get a 404 and no link', async ({
	browser
}) => {
	for (const email of [PEOPLE.outsider.email, PEOPLE.member.email]) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, email, `/fr/events/${EVENT}`);
		await expect(page.getByRole('link', { name: 'Inscriptions (organisateurs)' })).toHaveCount(0);
		const response = await page.goto(`/fr/events/${EVENT}/registrations`);
		expect(response?.status(), email).toBe(404);
		const csv = await page.request.get(`/fr/events/${EVENT}/registrations.csv`);
		expect(csv.status(), email).toBe(404);
		expect(await csv.text(), email).not.toContain('@');
		await context.close();
	}
});
