import type { Page } from '@playwright/test';
import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { expect, expectAccessible, test } from './fixtures';

// Issue 5's story in the browser, one person per browser context: an editor of CODE drafts
// an action in French, invites the Dutch-speaking Kinderrechtencoalitie as co-lead, its
// admin accepts, its editor adds the Dutch text, the action is published to the network,
// a member of a third organisation finds it by a Dutch word, an anonymous visitor does not,
// and editing the French original marks the Dutch text outdated.

const created: string[] = [];

test.afterAll(async () => {
	// The story's action does not outlive the run (it would change the list's counts).
	if (created.length === 0) return;
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	await db.query('delete from items where id = any($1)', [created]);
	await db.end();
});

/** The per-language status shown on the edit page, e.g. "Nederlands" → "verouderd". */
const textState = (page: Page, language: string) =>
	page.getByRole('listitem').filter({ has: page.getByRole('link', { name: language }) });

test('an action is drafted in French, co-led and translated in Dutch, published and found by a Dutch word', async ({
	as,
	browser
}) => {
	test.setTimeout(300_000); // a long story in four browser contexts, every page state scanned by axe (1.1 min alone; over 3 min on a loaded CI machine)
	const title = `Speelpleinen voor iedereen ${Date.now()}`;
	const frenchTitle = `Des plaines de jeux pour tous ${title.slice(-13)}`;

	// 1. CODE's editor drafts the action in French.
	const owner = await as('editor@lacode.demo', '/fr/actions/new');
	await owner.getByLabel('Titre').fill(frenchTitle);
	await owner.getByLabel('Résumé').fill('Une campagne commune sur le droit au jeu.');
	await owner.getByLabel('Description').fill('## Pourquoi\n\nLe jeu est un droit (article 31).');
	await owner.getByLabel('Plaidoyer').check();
	await owner.getByLabel('Articles de la CIDE').fill('31');
	await owner.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
	await expect(owner.getByRole('heading', { level: 1 })).toHaveText(frenchTitle);
	const id = owner.url().split('/').pop() ?? '';
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	created.push(id);

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
	const partnerEditor = await as('editor@kinderrechtencoalitie.demo', '/nl/invitations');
	await expect(partnerEditor.getByRole('heading', { name: frenchTitle })).toHaveCount(0);
	const partnerAdmin = await as('admin@kinderrechtencoalitie.demo', '/nl/invitations');
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
	const reader = await as('member@dci-nl.demo', '/nl/actions');
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
