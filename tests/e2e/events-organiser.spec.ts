import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { expect, expectAccessible, ITEM, test } from './fixtures';

// Issue 6 from the organiser's side, in the browser: Lotte (editor at DEI Belgique) creates
// a training with 2 places in Dutch, gets messages next to the fields for bad input, adds
// a French translation on the edit page and publishes; the event page shows both languages.

const createdTitles: string[] = [];

test.afterAll(async () => {
	// The events created here do not outlive the run.
	if (createdTitles.length === 0) return;
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	await db.query(
		`delete from items where id in
		   (select event_id from event_translations where title = any($1))`,
		[createdTitles]
	);
	await db.end();
});

test('the new-event page needs a signed-in person', async ({ page }) => {
	await page.goto('/nl/events/new');
	await expect(page).toHaveURL(/\/nl\/sign-in\?next=%2Fnl%2Fevents%2Fnew/);
});

test('a visitor sees neither "New event" nor "Edit"; an editor of the organiser sees both', async ({
	page,
	asEditor
}) => {
	await page.goto('/nl/events');
	await expect(page.getByRole('link', { name: 'Nieuw evenement' })).toHaveCount(0);
	// A public event (seed: the Amsterdam webinar).
	await page.goto(`/nl/events/${ITEM.publicWebinar}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Bewerken' })).toHaveCount(0);
	const edit = await page.goto(`/nl/events/${ITEM.publicWebinar}/edit`);
	expect(edit?.url()).toMatch(/\/nl\/sign-in\?next=/);

	// The same pages for Lotte, editor at DEI Belgique, on her organisation's training.
	await asEditor.goto('/nl/events');
	await expect(asEditor.getByRole('link', { name: 'Nieuw evenement' })).toBeVisible();
	await asEditor.goto(`/nl/events/${ITEM.belgianTraining}`);
	await asEditor.getByRole('link', { name: 'Bewerken' }).click();
	await expect(asEditor).toHaveURL(new RegExp(`/nl/events/${ITEM.belgianTraining}/edit`));
	await expect(asEditor.getByRole('heading', { level: 1 })).toContainText('Bewerken');
});

test('an editor previewing a draft event is offered no registration, as the database would refuse it', async ({
	asEditor
}) => {
	for (const [lang, opensLater, closed] of [
		['fr', 'Les inscriptions ouvriront à la publication', 'Les inscriptions sont closes'],
		[
			'nl',
			'De inschrijvingen gaan open zodra het evenement gepubliceerd is',
			'De inschrijvingen zijn afgesloten'
		]
	] as const) {
		await asEditor.goto(`/${lang}/events/${ITEM.draftStudyDay}`);
		await expect(asEditor.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(asEditor.locator('form[action="?/register"]')).toHaveCount(0);
		// It says when registration will open, not that it has closed.
		await expect(asEditor.getByText(opensLater)).toBeVisible();
		await expect(asEditor.getByText(closed)).toHaveCount(0);
	}
	await expectAccessible(asEditor);
});

test('a member who does not edit sees no "New event", and the edit page refuses them', async ({
	asMember
}) => {
	const page = asMember;
	await page.goto('/fr/events');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Événements');
	await expect(page.getByRole('link', { name: 'Nouvel événement' })).toHaveCount(0);
	// An event of her own organisation (seed: DEI Belgique's training).
	await page.goto(`/fr/events/${ITEM.belgianTraining}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Modifier' })).toHaveCount(0);
	const edit = await page.goto(`/fr/events/${ITEM.belgianTraining}/edit`);
	expect(edit?.status()).toBe(403);
});

test('an editor creates a training in Dutch, adds French and publishes', async ({ asEditor }) => {
	const page = asEditor;
	test.setTimeout(120_000); // a long story, with two accessibility checks
	const title = `Vorming kinderrechten in de jeugdhulp ${Date.now()}`;
	const french = `Formation droits de l'enfant dans l'aide à la jeunesse ${Date.now()}`;
	createdTitles.push(title);

	await page.goto('/nl/events');
	await page.getByRole('link', { name: 'Nieuw evenement' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw evenement');
	await expect(page.getByLabel('Tijdzone', { exact: true })).toHaveValue('Europe/Brussels');

	// Bad input: every problem is told next to its field, what was typed is kept.
	await page.getByLabel('Titel', { exact: true }).fill('');
	await page.getByLabel('Begindatum', { exact: true }).fill('2027-04-20');
	await page.getByLabel('Beginuur', { exact: true }).fill('10:00');
	await page.getByLabel('Einddatum', { exact: true }).fill('2027-04-20');
	await page.getByLabel('Einduur', { exact: true }).fill('09:00');
	await page.getByLabel('Aantal plaatsen', { exact: true }).fill('0');
	await page
		.getByLabel('Link om deel te nemen', { exact: true })
		.fill('http://meet.example.org/vorming');
	await page.getByLabel('Uiterste inschrijfdatum', { exact: true }).fill('2027-04-21');
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page.getByRole('alert')).toHaveText('Verbeter de gemarkeerde velden.');
	const fieldError = (label: string) =>
		page.getByLabel(label).locator('xpath=..').locator('.field-error');
	await expect(fieldError('Titel')).toHaveText('Dit veld is verplicht.');
	await expect(fieldError('Einddatum')).toHaveText('Het einde moet na het begin liggen.');
	await expect(fieldError('Aantal plaatsen')).toContainText('Vul een geheel aantal plaatsen in');
	await expect(fieldError('Link om deel te nemen')).toHaveText(
		'Vul een volledig adres in dat begint met https://.'
	);
	await expect(fieldError('Uiterste inschrijfdatum')).toHaveText(
		'De uiterste inschrijfdatum kan niet na het begin liggen.'
	);
	await expect(page.getByLabel('Aantal plaatsen', { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(page.getByLabel('Aantal plaatsen', { exact: true })).toHaveValue('0');
	await expectAccessible(page);

	// A tampered time zone and organisation (not from the menus) are refused with a message.
	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page.evaluate(() => {
		const zone = document.querySelector<HTMLSelectElement>('#time_zone')!;
		zone.add(new Option('Mars/Olympus_Mons', 'Mars/Olympus_Mons', true, true));
		const organisation = document.querySelector<HTMLSelectElement>('#organisation_id')!;
		organisation.add(new Option('La CODE', '10000000-0000-4000-8000-000000000020', true, true));
	});
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(fieldError('Tijdzone')).toHaveText(
		'Kies een tijdzone uit de lijst, zoals Europe/Brussels.'
	);
	await page.getByLabel('Tijdzone', { exact: true }).selectOption('Europe/Brussels');
	await page.getByLabel('Einduur', { exact: true }).fill('16:00');
	await page.getByLabel('Aantal plaatsen', { exact: true }).fill('2');
	await page
		.getByLabel('Link om deel te nemen', { exact: true })
		.fill('https://meet.example.org/vorming');
	await page.getByLabel('Uiterste inschrijfdatum', { exact: true }).fill('2027-04-17');
	await page.evaluate(() => {
		document
			.querySelector<HTMLSelectElement>('#organisation_id')!
			.add(new Option('La CODE', '10000000-0000-4000-8000-000000000020', true, true));
	});
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(fieldError('In naam van')).toHaveText(
		'Je kunt niet publiceren in naam van deze organisatie.'
	);

	// Valid input: a draft, visible to participants only once published.
	await page
		.getByLabel('In naam van', { exact: true })
		.selectOption({ label: 'Défense des Enfants International – Belgique' });
	await page.getByLabel('Taal van deze tekst', { exact: true }).selectOption('nl');
	await page
		.getByLabel('Beschrijving', { exact: true })
		.fill('Een dag over **participatie** van kinderen.');
	await page.getByLabel('Naam van de locatie', { exact: true }).fill('Kinderrechtenhuis');
	await page.getByLabel('Toegankelijk voor rolstoelgebruikers', { exact: true }).check();
	await page.getByLabel('Alleen deelnemers', { exact: true }).check();
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page).toHaveURL(/\/nl\/events\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.locator('.badge', { hasText: 'Ontwerp' })).toBeVisible();
	await expect(page.getByText('Nog 2 plaatsen')).toBeVisible();

	// The edit page: Dutch is the original, French is missing; add it.
	await page.getByRole('link', { name: 'Bewerken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bewerken: ${title}`);
	const french_ = page.getByRole('listitem').filter({ hasText: 'Français' });
	await expect(french_).toContainText('ontbreekt');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Français' }).click();
	await expect(page.getByLabel('Titel (Français)', { exact: true })).toHaveValue('');
	// A text without a title is refused next to the field; what was typed stays.
	await page
		.getByLabel('Beschrijving', { exact: true })
		.fill('Une journée sur la **participation** des enfants.');
	await page.getByRole('button', { name: 'Opslaan', exact: true }).first().click();
	await expect(fieldError('Titel (Français)')).toHaveText('Dit veld is verplicht.');
	await expect(page.getByLabel('Beschrijving', { exact: true })).toHaveValue(
		'Une journée sur la **participation** des enfants.'
	);
	await expect(french_).toContainText('ontbreekt');
	await page.getByLabel('Titel (Français)', { exact: true }).fill(french);
	await page
		.getByLabel('Beschrijving', { exact: true })
		.fill('Une journée sur la **participation** des enfants.');
	await page.getByRole('button', { name: 'Opslaan', exact: true }).first().click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(french_).toContainText('bijgewerkt');

	// The details form shows the stored local times back in the event's zone.
	await expect(page.getByLabel('Beginuur', { exact: true })).toHaveValue('10:00');
	await expect(page.getByLabel('Aantal plaatsen', { exact: true })).toHaveValue('2');

	await page.getByRole('button', { name: 'Publiceren' }).click();
	await expect(page.getByRole('button', { name: 'Archiveren' })).toBeVisible();

	const eventUrl = page.url().replace(/\/edit.*$/, '');
	await page.goto(eventUrl.replace('/nl/', '/fr/'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(french);
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fr');
	await page.goto(eventUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.locator('.badge', { hasText: 'Ontwerp' })).toHaveCount(0);
	await expectAccessible(page);
});

test('fewer places than confirmed registrations: the message is at the capacity field and nothing changes', async ({
	asEditor
}) => {
	const page = asEditor;
	// Seed: DEI Belgique's training has two confirmed registrations; Lotte edits it.
	await page.goto(`/nl/events/${ITEM.belgianTraining}/edit`);
	const capacity = page.getByLabel('Aantal plaatsen', { exact: true });
	const stored = await capacity.inputValue();
	await capacity.fill('1');
	await page.locator('form[action="?/details"]').getByRole('button').last().click();
	// The database refuses it (EV009) and the page says why next to the field.
	await expect(capacity.locator('xpath=..').locator('.field-error')).toHaveText(
		'Er zijn al meer bevestigde inschrijvingen dan dit aantal plaatsen.'
	);
	await expect(capacity).toHaveAttribute('aria-invalid', 'true');
	await expect(capacity).toHaveValue('1');
	await page.goto(`/nl/events/${ITEM.belgianTraining}/edit`);
	await expect(page.getByLabel('Aantal plaatsen', { exact: true })).toHaveValue(stored);
});
