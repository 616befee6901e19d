import type { Browser, Page } from '@playwright/test';
import { MAIL_URL } from '../../scripts/stack/config.mjs';
import { DEMO_PASSWORD, expect, parseCalendar, test } from './fixtures';

// Issue 6's registration story in the browser: an organiser publishes a training with two
// places; three people register (two confirmed, one waiting); one cancels; the waiting
// person is confirmed and emailed in their language; the event's .ics has the right times.

async function signedIn(browser: Browser, email: string, next: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(`/fr/sign-in?next=${encodeURIComponent(next)}`);
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).last().click();
	await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
	return page;
}

type Mail = { subject: string; to: { address: string }[]; text?: string };
const mailsTo = async (address: string): Promise<Mail[]> =>
	((await (await fetch(`${MAIL_URL}/api/email`)).json()) as Mail[]).filter((m) =>
		m.to.some((t) => t.address === address)
	);

test('two places, three registrations: one cancels and the waiting person is confirmed and emailed', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const title = `Formation : l'audition de l'enfant ${Date.now()}`;

	// The organiser publishes a network training with two places, 9:30–16:00 in Brussels.
	const organiser = await signedIn(browser, 'editor@lacode.demo', '/fr/events/new');
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

	// Three people register: two get the places, the third waits.
	const emmaBefore = (await mailsTo('member@dci-nl.demo')).length;
	const people = [];
	for (const email of ['member@dei-belgique.demo', 'member@lacode.demo', 'member@dci-nl.demo']) {
		const page = await signedIn(browser, email, path);
		await page.getByRole('button', { name: "S'inscrire" }).click();
		people.push(page);
	}
	const [sarah, nadia, emma] = people as [Page, Page, Page];
	await expect(sarah.getByText('Vous êtes inscrit·e.')).toBeVisible();
	await expect(nadia.getByText('Vous êtes inscrit·e.')).toBeVisible();
	await expect(emma.getByText("Vous êtes sur la liste d'attente.")).toBeVisible();

	// Sarah cancels; Emma is confirmed, and told so in English (her language).
	await sarah.getByRole('button', { name: 'Annuler mon inscription' }).click();
	await expect(sarah.getByText('Vous avez annulé votre inscription.')).toBeVisible();
	await emma.reload();
	await expect(emma.getByText('Vous êtes inscrit·e.')).toBeVisible();
	await expect
		.poll(async () => (await mailsTo('member@dci-nl.demo')).slice(emmaBefore).map((m) => m.subject))
		.toContain(`You have a place: ${title}`);

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
