import pg from 'pg';
import type { Page } from '@playwright/test';
import { DB_URL } from '../../scripts/stack/config.mjs';
import {
	expect,
	expectAccessible,
	mailsTo,
	newMailsTo,
	parseCalendar,
	PEOPLE,
	test
} from './fixtures';

// Issue 6's registration story in the browser: an organiser publishes a training with two
// places; three people register (two confirmed, one waiting); one cancels; the waiting
// person is confirmed and emailed in their language; the event's .ics has the right times.

const created: string[] = [];

test.afterAll(async () => {
	// The story's event (and with it its registrations) does not outlive the run.
	if (created.length === 0) return;
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	await db.query('delete from items where id = any($1)', [created]);
	await db.end();
});

test('two places, three registrations: one cancels and the waiting person is confirmed and emailed', async ({
	as
}) => {
	test.setTimeout(240_000); // a long story, every page state scanned by axe: slow on a loaded machine
	const title = `Formation : l'audition de l'enfant ${Date.now()}`;

	// The organiser publishes a network training with two places, 9:30–16:00 in Brussels.
	const organiser = await as(PEOPLE.codeEditor.email, '/fr/events/new');
	await organiser.getByLabel('Titre', { exact: true }).fill(title);
	await organiser.getByLabel('Date de début', { exact: true }).fill('2027-03-16');
	await organiser.getByLabel('Heure de début', { exact: true }).fill('09:30');
	await organiser.getByLabel('Date de fin', { exact: true }).fill('2027-03-16');
	await organiser.getByLabel('Heure de fin', { exact: true }).fill('16:00');
	await organiser.getByLabel('Fuseau horaire', { exact: true }).selectOption('Europe/Brussels');
	await organiser.getByLabel('Nombre de places', { exact: true }).fill('2');
	await organiser.getByLabel('Réseau', { exact: true }).check();
	await organiser.getByRole('button', { name: 'Publier' }).click();
	await expect(organiser.getByRole('heading', { level: 1 })).toHaveText(title);
	const path = new URL(organiser.url()).pathname;
	const id = path.split('/').pop() ?? '';
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	created.push(id);

	// Three people register: two get the places, the third waits.
	const emmaEmail = PEOPLE.dciNlMember.email;
	const emmaBefore = (await mailsTo(emmaEmail)).length;
	const people = [];
	for (const email of [PEOPLE.member.email, 'member@lacode.demo', emmaEmail]) {
		const page = await as(email, path);
		await page.getByRole('button', { name: "S'inscrire" }).click();
		people.push(page);
	}
	const [sarah, nadia, emma] = people as [Page, Page, Page];
	await expect(sarah.getByText('Vous êtes inscrit·e.')).toBeVisible();
	await expect(nadia.getByText('Vous êtes inscrit·e.')).toBeVisible();
	await expect(emma.getByText("Vous êtes sur la liste d'attente.")).toBeVisible();
	// The registered and waiting states of the event page (the fixture scans them too).
	await expectAccessible(sarah);
	await expectAccessible(emma);

	// Sarah cancels; Emma is confirmed, and told so in English (her language).
	await sarah.getByRole('button', { name: 'Annuler mon inscription' }).click();
	await expect(sarah.getByText('Vous avez annulé votre inscription.')).toBeVisible();
	await expectAccessible(sarah);
	await emma.reload();
	await expect(emma.getByText('Vous êtes inscrit·e.')).toBeVisible();
	await expect
		.poll(async () => (await newMailsTo(emmaEmail, emmaBefore)).map((m) => m.subject))
		.toEqual([`You have a place: ${title}`]);

	// The .ics parses with the event's own zone and hours, and links back to the event.
	const ics = await emma.request.get(`${path}/event.ics`);
	expect(ics.status()).toBe(200);
	const [event] = parseCalendar(await ics.text());
	expect(event!.summary).toBe(title);
	expect(event!.startDate.zone.tzid).toBe('Europe/Brussels');
	expect([event!.startDate.hour, event!.startDate.minute]).toEqual([9, 30]);
	expect(event!.endDate.hour).toBe(16);
	// 9:30 in Brussels in March (winter time, UTC+1) is 8:30 UTC.
	expect(event!.startDate.toJSDate().toISOString()).toBe('2027-03-16T08:30:00.000Z');
});
