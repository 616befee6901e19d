import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';

// Issue 5's story in the browser, one person per browser context: an editor of CODE drafts
// an action in French, invites the Dutch-speaking Kinderrechtencoalitie as co-lead, its
// admin accepts, its editor adds the Dutch text, the action is published to the network,
// a member of a third organisation finds it by a Dutch word, an anonymous visitor does not,
// and editing the French original marks the Dutch text outdated.

const LABELS = {
	fr: { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' },
	nl: { email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden' }
} as const;

async function signedIn(
	browser: Browser,
	email: string,
	locale: keyof typeof LABELS,
	next: string
): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/${locale}/sign-in?next=${encodeURIComponent(next)}`);
	await page.getByLabel(LABELS[locale].email).fill(email);
	await page.getByLabel(LABELS[locale].password).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: LABELS[locale].submit }).last().click();
	await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
	return page;
}

/** The per-language status shown on the edit page, e.g. "Nederlands" → "verouderd". */
const textState = (page: Page, language: string) =>
	page.getByRole('listitem').filter({ has: page.getByRole('link', { name: language }) });

test('an action is drafted in French, co-led and translated in Dutch, published and found by a Dutch word', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const title = `Speelpleinen voor iedereen ${Date.now()}`;
	const frenchTitle = `Des plaines de jeux pour tous ${title.slice(-13)}`;

	// 1. CODE's editor drafts the action in French.
	const owner = await signedIn(browser, 'editor@lacode.demo', 'fr', '/fr/actions/new');
	await owner.getByLabel('Titre').fill(frenchTitle);
	await owner.getByLabel('Résumé').fill('Une campagne commune sur le droit au jeu.');
	await owner.getByLabel('Description').fill('## Pourquoi\n\nLe jeu est un droit (article 31).');
	await owner.getByLabel('Plaidoyer').check();
	await owner.getByLabel('Articles de la CIDE').fill('31');
	await owner.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
	await expect(owner.getByRole('heading', { level: 1 })).toHaveText(frenchTitle);
	const id = owner.url().split('/').pop() ?? '';
	expect(id).toMatch(/^[0-9a-f-]{36}$/);

	// 2. It invites the Dutch-speaking partner as co-lead.
	await owner.goto(`/fr/actions/${id}/edit`);
	await owner
		.getByRole('combobox', { name: 'Organisation' })
		.selectOption({ label: 'Kinderrechtencoalitie Vlaanderen' });
	await owner.getByRole('combobox', { name: 'En tant que' }).selectOption('co_lead');
	await owner.getByRole('button', { name: 'Inviter' }).click();
	await expect(
		owner.getByRole('listitem').filter({ hasText: 'Kinderrechtencoalitie Vlaanderen' })
	).toContainText('Co-pilote');
	await expect(textState(owner, 'Nederlands')).toContainText('manquant');
	await expectAccessible(owner);

	// 3. Only the partner's admin answers: its editor has no invitation to accept.
	const partnerEditor = await signedIn(
		browser,
		'editor@kinderrechtencoalitie.demo',
		'nl',
		'/nl/invitations'
	);
	await expect(partnerEditor.getByRole('heading', { name: frenchTitle })).toHaveCount(0);
	const partnerAdmin = await signedIn(
		browser,
		'admin@kinderrechtencoalitie.demo',
		'nl',
		'/nl/invitations'
	);
	const invitation = partnerAdmin
		.getByRole('listitem')
		.filter({ has: partnerAdmin.getByRole('heading', { name: frenchTitle }) });
	await invitation.getByRole('button', { name: 'Aanvaarden' }).click();
	await expect(partnerAdmin.getByRole('heading', { name: frenchTitle })).toHaveCount(0);

	// 4. The partner's editor, now co-lead, adds the Dutch text.
	await partnerEditor.goto(`/nl/actions/${id}/edit?locale=nl`);
	await partnerEditor.getByLabel('Titel (Nederlands)').fill(title);
	await partnerEditor.getByLabel('Samenvatting').fill('Een gezamenlijke campagne over spelen.');
	await partnerEditor
		.getByLabel('Beschrijving')
		.fill('Elke gemeente heeft een speelpleinwerking nodig, ook voor kinderen op de vlucht.');
	await partnerEditor.getByRole('button', { name: 'Opslaan' }).first().click();
	await expect(partnerEditor.getByRole('status')).toHaveText('Opgeslagen.');
	await expect(textState(partnerEditor, 'Nederlands')).toContainText('bijgewerkt');
	await expectAccessible(partnerEditor);

	// 5. The owner publishes to the network (the default visibility of the form).
	await owner.goto(`/fr/actions/${id}/edit`);
	await owner.getByRole('button', { name: 'Publier' }).click();
	await expect(owner.getByText('Publiée', { exact: true })).toBeVisible();

	// 6. A member of a third organisation finds it by a Dutch word; a visitor does not.
	const reader = await signedIn(browser, 'member@dci-nl.demo', 'nl', '/nl/actions');
	await reader.goto('/nl/actions?q=speelpleinwerking');
	await expect(reader.getByRole('link', { name: title })).toBeVisible();
	await expectAccessible(reader);
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/nl/actions?q=speelpleinwerking');
	await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
	const hidden = await visitor.goto(`/nl/actions/${id}`);
	expect(hidden?.status()).toBe(404);

	// 7. Editing the French original makes the Dutch text outdated, for editors and readers.
	await owner.goto(`/fr/actions/${id}/edit?locale=fr`);
	await owner.getByLabel('Titre (Français)').fill(`${frenchTitle} !`);
	await owner.getByRole('button', { name: 'Enregistrer' }).first().click();
	await expect(owner.getByRole('status')).toHaveText('Enregistré.');
	await expect(textState(owner, 'Nederlands')).toContainText('à mettre à jour');
	await reader.goto(`/nl/actions/${id}`);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(
		reader.getByText(/Deze vertaling is gemaakt van een eerdere versie van het origineel/)
	).toBeVisible();

	// 8. A reader from another organisation gets no way to edit it.
	await expect(reader.getByRole('link', { name: 'Bewerken' })).toHaveCount(0);
});
