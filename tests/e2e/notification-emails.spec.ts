import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import {
	expect,
	expectAccessible,
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
 * Notification emails end to end (issue 15), with the built app and its own dispatcher: an
 * event cancelled by its organiser reaches a registrant in Dutch at once; a daily summary with
 * three items reaches Benoît in French (sent by the app's timer); each is unsubscribed from by
 * its link, from the page (GET confirms, the button posts) or in one click as a mail client
 * does (RFC 8058: a POST without Origin) — while any other cross-site form POST is refused.
 */

const FIEN = PEOPLE.coalitionEditor; // Dutch
const BENOIT = PEOPLE.admin; // French
const JULIEN = PEOPLE.codeEditor; // organises CODE's events

test.describe.configure({ mode: 'serial' });

let db: pg.Client;
const createdItems: string[] = [];
const createdNotifications: string[] = [];

test.beforeAll(async () => {
	db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	await db.query(`delete from notification_email_preferences where user_id = any($1::uuid[])`, [
		[FIEN.id, BENOIT.id]
	]);
});

test.afterAll(async () => {
	await db.query(`delete from notifications where id = any($1::uuid[])`, [createdNotifications]);
	await db.query(`delete from items where id = any($1::uuid[])`, [createdItems]);
	await db.query(`delete from notification_email_preferences where user_id = any($1::uuid[])`, [
		[FIEN.id, BENOIT.id]
	]);
	await db.end();
});

/** The https link of List-Unsubscribe, as the email's text part shows it too. */
function unsubscribeLink(mail: Mail): string {
	const link = /https?:\/\/\S+\/unsubscribe\/[0-9a-f]{64}/.exec(mail.text ?? '');
	expect(link, 'the email has an unsubscribe link').not.toBeNull();
	return link![0];
}

test('a registrant gets the cancellation email in Dutch, and stops such emails in one click', async ({
	page,
	request
}) => {
	const { rows } = await db.query<{ id: string }>(
		`insert into items (kind, owner_organisation_id, status, visibility, created_by)
		 values ('event', $1, 'published', 'network', $2) returning id`,
		[ORG.code, JULIEN.id]
	);
	const id = rows[0]!.id;
	createdItems.push(id);
	const suffix = id.slice(0, 8);
	await db.query(
		`insert into events (id, original_locale, starts_at, ends_at, time_zone, capacity, registration_mode)
		 values ($1, 'fr', '2031-05-06T07:00:00Z', '2031-05-06T15:00:00Z', 'Europe/Brussels', 20, 'open')`,
		[id]
	);
	const nlTitle = `Studiedag jeugdrecht ${suffix}`;
	await db.query(
		`insert into event_translations (event_id, locale, title) values ($1, 'fr', $2), ($1, 'nl', $3)`,
		[id, `Journée d'étude droit de la jeunesse ${suffix}`, nlTitle]
	);
	await db.query(
		`insert into event_registrations (event_id, user_id, status) values ($1, $2, 'confirmed')`,
		[id, FIEN.id]
	);
	const before = (await mailsTo(FIEN.email)).length;

	await signIn(page, JULIEN.email, `/fr/events/${id}/edit`);
	await page.getByRole('button', { name: "Annuler l'événement" }).click();
	await expect(page.getByText('Cet événement a été annulé.').first()).toBeVisible({
		timeout: 20_000
	});

	await expect
		.poll(async () => (await newMailsTo(FIEN.email, before)).map((m) => m.subject), {
			timeout: 20_000
		})
		.toEqual([`Evenement geannuleerd: ${nlTitle}`]);
	const [mail] = await newMailsTo(FIEN.email, before);
	expect(mail!.text).toContain('Beste Fien De Smet,');
	expect(mail!.text).toContain('Dit evenement is geannuleerd.');
	expect(mail!.text).toContain(`/nl/events/${id}`);
	expect(mail!.text).toContain('Afmelden voor deze e-mails');

	// The mail client's one-click POST: no Origin, no session, the RFC 8058 body.
	const link = unsubscribeLink(mail!);
	expect(link).toContain('/nl/unsubscribe/');
	const path = new URL(link).pathname;
	const oneClick = await request.post(path, { form: { 'List-Unsubscribe': 'One-Click' } });
	expect(oneClick.status()).toBe(200);
	const { rows: choice } = await db.query(
		`select type, frequency from notification_email_preferences where user_id = $1`,
		[FIEN.id]
	);
	expect(choice).toEqual([{ type: 'event_cancelled', frequency: 'never' }]);
	// Once: the same POST again changes nothing and says so (as a page, to a browser).
	const again = await request.post(path, {
		form: { 'List-Unsubscribe': 'One-Click' },
		headers: { accept: 'text/html' }
	});
	expect(again.status()).toBe(200);
	expect(await again.text()).toContain('Deze link is al gebruikt');
});

test('any other form POST from another site, or without Origin, is still refused', async ({
	request
}) => {
	const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, {}];
	for (const headers of attempts) {
		const account = await request.post('/fr/account?/emailPreferences', {
			form: { time_zone: 'UTC' },
			headers
		});
		expect(account.status(), JSON.stringify(headers)).toBe(403);
		const signInForm = await request.post('/fr/sign-in', {
			form: { email: BENOIT.email, password: 'x' },
			headers
		});
		expect(signInForm.status(), JSON.stringify(headers)).toBe(403);
		// A look-alike of the unsubscribe path is not the exception.
		const lookAlike = await request.post(`/fr/unsubscribe/${'a'.repeat(64)}/x`, {
			form: { 'List-Unsubscribe': 'One-Click' },
			headers
		});
		expect(lookAlike.status(), JSON.stringify(headers)).toBe(403);
	}
});

test('a daily summary arrives in French with three items, and its link unsubscribes from it', async ({
	page
}) => {
	test.setTimeout(150_000);
	// Nothing else of Benoît's waits for a summary; no summary of this period went out yet.
	await db.query(
		`delete from notification_outbox where recipient_id = $1 and digest is not null and sent_at is null`,
		[BENOIT.id]
	);
	await db.query(
		`update notifications set digest = null where recipient_id = $1 and digest_outbox_id is null`,
		[BENOIT.id]
	);
	await db.query(
		`delete from notification_outbox where recipient_id = $1 and digest = 'daily'
		 and period_end >= now() - interval '1 day'`,
		[BENOIT.id]
	);
	const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
	const insert = async (type: string, item: string | null, person: string | null, data: object) => {
		const { rows } = await db.query<{ id: string }>(
			`insert into notifications (recipient_id, type, item_id, organisation_id, person_id, data, created_at)
			 values ($1, $2, $3, $4, $5, $6, $7) returning id`,
			[BENOIT.id, type, item, ORG.deiBelgique, person, JSON.stringify(data), twoDaysAgo]
		);
		createdNotifications.push(rows[0]!.id);
	};
	await insert('translation_outdated', ITEM.publicAction, null, {
		kind: 'joint_action',
		locales: ['nl']
	});
	await insert('item_invitation_answered', ITEM.publicAction, null, {
		kind: 'joint_action',
		role: 'co_lead',
		state: 'accepted',
		counterpart_id: ORG.code
	});
	await insert('member_joined', null, PEOPLE.member.id, { role: 'member' });
	const ours = createdNotifications.slice(-3);
	const before = (await mailsTo(BENOIT.email)).length;

	// The app's timer (MAIL_DISPATCH_INTERVAL_SECONDS, 60 by default) queues and sends it.
	// Other specs, on the other worker, may give Benoît a notification of his summary's types
	// meanwhile (a member joins DEI Belgique, a signature is answered): the summary then holds
	// those too. What it must say is what the database put in it, our three among them.
	const SUBJECT = /^Votre résumé du jour : (\d+) nouvelles notifications$/;
	await expect
		.poll(
			async () => (await newMailsTo(BENOIT.email, before)).some((m) => SUBJECT.test(m.subject)),
			{
				timeout: 100_000,
				intervals: [2_000]
			}
		)
		.toBe(true);
	const digest = (await newMailsTo(BENOIT.email, before)).find((m) => SUBJECT.test(m.subject))!;
	const { rows: items } = await db.query<{ id: string }>(
		`select n.id from notifications n
		 where n.digest_outbox_id = (select o.id from notification_outbox o
		                             where o.recipient_id = $1 and o.digest = 'daily' and o.sent_at is not null
		                             order by o.sent_at desc limit 1)`,
		[BENOIT.id]
	);
	expect(items.map((row) => row.id)).toEqual(expect.arrayContaining(ours));
	expect(digest.subject).toBe(`Votre résumé du jour : ${items.length} nouvelles notifications`);
	expect(digest.text).toContain('Bonjour Benoît Lambert,');
	expect(digest.text).toContain('== Défense des Enfants International – Belgique ==');
	expect(digest.text).toContain('-- Actions communes --');
	expect(digest.text).toContain('-- Autres --');
	expect(digest.text!.match(/^\* /gm)).toHaveLength(items.length);
	// Sarah's name as it is when the summary is written: another spec changes it for a while.
	expect(digest.text).toMatch(
		/\n {2}Sarah [^\n]+ a rejoint Défense des Enfants International – Belgique comme membre\./
	);

	// The link, opened by a person (or a scanner): a question and a button, nothing changed yet.
	const link = unsubscribeLink(digest);
	expect(link).toContain('/fr/unsubscribe/');
	await page.goto(new URL(link).pathname);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se désabonner');
	await expect(page.getByText('Ne plus recevoir le résumé quotidien ?')).toBeVisible();
	await expectAccessible(page);
	const count = async () =>
		(
			await db.query<{ n: number }>(
				`select count(*)::int as n from notification_email_preferences
				 where user_id = $1 and frequency = 'never'`,
				[BENOIT.id]
			)
		).rows[0]!.n;
	expect(await count()).toBe(0);
	await page.getByRole('button', { name: 'Se désabonner' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'C’est fait : vous ne recevrez plus ces courriels.'
	);
	// Every type of his daily summary (the four that go there by default), nothing else.
	const { rows } = await db.query<{ type: string }>(
		`select type from notification_email_preferences where user_id = $1 and frequency = 'never'
		 order by type`,
		[BENOIT.id]
	);
	expect(rows.map((r) => r.type)).toEqual([
		'item_invitation_answered',
		'signature_answered',
		'member_joined',
		'translation_outdated'
	]);
	await page.reload();
	await expect(page.getByRole('status')).toHaveText(
		'Ce lien a déjà été utilisé : ces courriels sont déjà arrêtés.'
	);

	// His account says so, and he can choose again there.
	await signIn(page, BENOIT.email, '/fr/account');
	const section = page.getByRole('region', { name: 'Courriels de notification' });
	await expect(section.getByLabel('Nouveau membre', { exact: true })).toHaveValue('never');
	await expect(section.getByLabel('Demande de cosignature', { exact: true })).toHaveValue(
		'immediately'
	);
	await section.getByLabel('Nouveau membre', { exact: true }).selectOption('weekly');
	await section.getByLabel('Votre fuseau horaire').selectOption('America/Toronto');
	await section.getByRole('button', { name: 'Enregistrer les préférences de courriel' }).click();
	await expect(section.getByRole('status')).toHaveText(
		'Vos préférences de courriel sont enregistrées.'
	);
	await expect(section.getByLabel('Nouveau membre', { exact: true })).toHaveValue('weekly');
	const { rows: zone } = await db.query(`select time_zone from profiles where id = $1`, [
		BENOIT.id
	]);
	expect(zone).toEqual([{ time_zone: 'America/Toronto' }]);
	await db.query(`update profiles set time_zone = 'Europe/Brussels' where id = $1`, [BENOIT.id]);
	await expectAccessible(page);
});
