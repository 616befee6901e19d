import pg from 'pg';
import type { Browser, Page } from '@playwright/test';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { expect, expectAccessible, signIn as signInWith, test } from './fixtures';
import { makePdf } from '../pdf';

/**
 * Issue 7's story in the browser: an editor of DEI-Belgique writes a paper, uploads a French
 * and an English PDF, asks three organisations to co-sign version 1; two admins sign, one
 * declines; version 2 is uploaded and the signatories are asked again; the paper is
 * published as public and a visitor downloads the English PDF. Refusals on the way: a
 * renamed non-PDF, an oversize file, a download by an outsider, an editor of an asked
 * organisation (no buttons), an answer after signature closed.
 */

const NAMES = {
	code: "Coordination des ONG pour les droits de l'enfant",
	coalitie: 'Kinderrechtencoalitie Vlaanderen',
	dciNl: 'Defence for Children – Nederland'
};

async function signIn(
	browser: Browser,
	email: string,
	locale: string,
	next: string,
	javaScriptEnabled = true
) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await signInWith(page, email, next.startsWith(`/${locale}/`) ? next : `/${locale}${next}`);
	return page;
}

async function upload(page: Page, language: string, file: { name: string; buffer: Buffer }) {
	await page.getByLabel('Langue du document').selectOption({ label: language });
	await page
		.getByLabel('Fichier PDF')
		.setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
	await page.getByRole('button', { name: 'Déposer' }).click();
}

const inDays = (days: number) =>
	new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

const created: string[] = [];
test.afterAll(async () => {
	if (created.length === 0) return;
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	await db.query('delete from items where id = any($1::uuid[])', [created]);
	await db.end();
});

test('the new-paper page needs a signed-in editor', async ({ page }) => {
	await page.goto('/fr/papers/new');
	await expect(page).toHaveURL(/\/fr\/sign-in\?next=%2Ffr%2Fpapers%2Fnew/);
});

test('an editor writes a paper, has it co-signed, versions and publishes it', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const title = `Enfants en rétention : note commune ${Date.now()}`;

	// Create: bad input first (messages next to the fields, input kept), then a draft.
	const editor = await signIn(browser, 'editor@dei-belgique.demo', 'fr', '/fr/papers/new');
	await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Nouvelle prise de position');
	await expectAccessible(editor);
	await editor.getByLabel('Articles de la CIDE').fill('37, 99');
	await editor.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
	await expect(editor.getByText('Ce champ est obligatoire.')).toBeVisible();
	await expect(editor.getByText("Choisissez au moins un domaine d'action.")).toBeVisible();
	await expect(editor.getByText('Les articles de la CIDE sont numérotés de 1 à 54.')).toBeVisible();
	await expect(editor.getByLabel('Articles de la CIDE')).toHaveValue('37, 99');
	await expectAccessible(editor);
	await editor.getByLabel('Titre').fill(title);
	await editor.getByLabel('Résumé').fill('Un résumé court.');
	await editor.getByLabel('Plaidoyer').check();
	await editor.getByLabel('Articles de la CIDE').fill('37');
	await editor.getByLabel('Public', { exact: true }).check();
	await editor.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
	await expect(editor).toHaveURL(/\/fr\/papers\/[0-9a-f-]{36}\/edit\?created=1$/);
	const paperId = editor.url().split('/papers/')[1]!.split('/')[0]!;
	created.push(paperId);
	await expect(editor.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(editor.getByText('Le document est enregistré.', { exact: false })).toBeVisible();
	await expectAccessible(editor);

	// Upload: a French and an English PDF; a renamed text file and an oversize file are refused.
	await upload(editor, 'Français', { name: 'note-fr.pdf', buffer: makePdf('Note FR v1') });
	await expect(editor.getByRole('link', { name: /note-fr\.pdf/ })).toBeVisible();
	await upload(editor, 'English', { name: 'note-en.pdf', buffer: makePdf('Note EN v1') });
	await expect(editor.getByRole('link', { name: /note-en\.pdf/ })).toBeVisible();
	await upload(editor, 'Nederlands', {
		name: 'rapport.pdf',
		buffer: Buffer.from('Ceci est un texte, pas un PDF.')
	});
	await expect(
		editor.getByText(
			"Ce fichier n'est pas un PDF (c'est son contenu qui est vérifié, pas son nom)."
		)
	).toBeVisible();
	await expect(editor.getByLabel('Fichier PDF')).toHaveAttribute('aria-invalid', 'true');
	await upload(editor, 'Nederlands', {
		name: 'enorme.pdf',
		buffer: Buffer.alloc(25 * 1024 * 1024 + 1, 0x25)
	});
	await expect(editor.getByText('Le fichier dépasse 25 Mo.')).toBeVisible();
	await expectAccessible(editor);

	// An outsider (a visitor, the paper being a draft) gets no file, even with its address.
	const englishV1 = await editor
		.getByRole('link', { name: /anglais — note-en\.pdf/ })
		.getAttribute('href');
	const visitor = await browser.newPage();
	expect((await visitor.request.get(englishV1!)).status()).toBe(404);

	// Open version 1 for signature and ask three organisations.
	await editor.getByLabel(/Date limite/).fill(inDays(14));
	await editor.getByRole('button', { name: 'Ouvrir à la signature' }).click();
	await expect(editor.getByText(/La version 1 est ouverte à la signature jusqu/)).toBeVisible();
	for (const name of Object.values(NAMES)) await editor.getByLabel(name, { exact: true }).check();
	await editor.getByRole('button', { name: 'Inviter à cosigner' }).click();
	await expect(editor.getByText('3 organisations invitées à cosigner.')).toBeVisible();
	await expectAccessible(editor);

	// An editor of an asked organisation sees no request to answer.
	const julien = await signIn(browser, 'editor@lacode.demo', 'fr', '/fr/invitations');
	await expect(julien.getByRole('heading', { name: title })).toHaveCount(0);
	await expect(julien.getByRole('button', { name: /Signer au nom de/ })).toHaveCount(0);

	// Two admins sign, one declines (each in their own language).
	const code = await signIn(browser, 'admin@lacode.demo', 'fr', '/fr/invitations');
	const codeCard = code.getByRole('listitem').filter({ hasText: title });
	await expect(codeCard).toContainText('Version 1');
	await expectAccessible(code);
	await codeCard.getByLabel(/Commentaire/).fill('Nous cosignons.');
	await codeCard.getByRole('button', { name: `Signer au nom de ${NAMES.code}` }).click();
	await expect(code.getByText('Vous avez signé au nom de votre organisation.')).toBeVisible();
	await expect(code.getByRole('heading', { name: title })).toHaveCount(0);

	const coalitie = await signIn(
		browser,
		'admin@kinderrechtencoalitie.demo',
		'nl',
		'/nl/invitations'
	);
	await coalitie
		.getByRole('listitem')
		.filter({ hasText: title })
		.getByRole('button', { name: `Ondertekenen namens ${NAMES.coalitie}` })
		.click();
	await expect(coalitie.getByText('Je hebt namens je organisatie ondertekend.')).toBeVisible();
	await expectAccessible(coalitie);

	const dciNl = await signIn(browser, 'admin@dci-nl.demo', 'en', '/en/invitations');
	const dciNlCard = dciNl.getByRole('listitem').filter({ hasText: title });
	await dciNlCard.getByLabel(/Comment/).fill('Not this time.');
	await dciNlCard.getByRole('button', { name: 'Decline' }).click();
	await expect(dciNl.getByText("You declined in your organisation's name.")).toBeVisible();

	// The editor sees the answers; version 1 is now frozen. Version 2, asked again.
	await editor.reload();
	await expect(editor.getByText('Signé', { exact: true })).toHaveCount(2);
	await expect(editor.getByText('Refusé', { exact: true })).toHaveCount(1);
	await expect(editor.getByText('Not this time.')).toBeVisible();
	await expect(editor.getByText(/Des organisations ont signé la version 1/)).toBeVisible();
	await editor.getByLabel('Ce qui a changé').fill('Chiffres mis à jour');
	await editor.getByRole('button', { name: 'Ajouter une version' }).click();
	await expect(
		editor.getByText('Une nouvelle version a été ajoutée.', { exact: false })
	).toBeVisible();
	await upload(editor, 'Français', { name: 'note-fr-v2.pdf', buffer: makePdf('Note FR v2') });
	await expect(editor.getByRole('link', { name: /note-fr-v2\.pdf/ })).toBeVisible();
	await upload(editor, 'English', { name: 'note-en-v2.pdf', buffer: makePdf('Note EN v2') });
	await expect(editor.getByRole('link', { name: /note-en-v2\.pdf/ })).toBeVisible();
	await editor.getByLabel('Version', { exact: true }).selectOption({ label: 'Version 2' });
	await editor.getByLabel(/Date limite/).fill(inDays(10));
	await editor.getByRole('button', { name: 'Ouvrir à la signature' }).click();
	await expect(
		editor.getByText('La signature est ouverte. 3 organisations ont été invitées à nouveau.')
	).toBeVisible();

	await code.reload();
	await expect(code.getByRole('listitem').filter({ hasText: title })).toContainText('Version 2');

	// Publish as public: a visitor downloads the English PDF.
	await editor.getByRole('button', { name: 'Publier' }).click();
	await expect(editor.getByRole('button', { name: 'Archiver' })).toBeVisible();
	await visitor.goto(`/en/papers/${paperId}`);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
	const [download] = await Promise.all([
		visitor.waitForEvent('download'),
		visitor
			.getByRole('link', { name: /Download — English/ })
			.first()
			.click()
	]);
	expect(download.suggestedFilename()).toBe('note-en-v2.pdf');
	const bytes = await (await import('node:fs/promises')).readFile((await download.path())!);
	expect(bytes.toString('latin1')).toContain('Note EN v2');

	// Signature closed while an admin had the request open: a clear message, no error page.
	await editor.getByRole('button', { name: 'Clore la signature' }).click();
	await expect(editor.getByRole('status')).toContainText(
		'Les demandes sans réponse restent sans réponse.'
	);
	await code
		.getByRole('listitem')
		.filter({ hasText: title })
		.getByRole('button', { name: `Signer au nom de ${NAMES.code}` })
		.click();
	await expect(code.getByRole('alert')).toHaveText('La signature de ce document est close.');
});

test('the new-paper and manage pages are accessible in Dutch too', async ({ browser }) => {
	// The Flemish coalition's draft paper (seed), managed by its editor.
	const page = await signIn(
		browser,
		'editor@kinderrechtencoalitie.demo',
		'nl',
		'/nl/papers/30000000-0000-4000-8000-000000000306/edit'
	);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Beheren');
	await expect(page.getByText('Versie 1', { exact: false }).first()).toBeVisible();
	await expectAccessible(page);
	await page.goto('/nl/papers/new');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw standpunt');
	await expectAccessible(page);
});

test('without JavaScript, an oversize PDF reaches the server and is refused next to the field', async ({
	browser
}) => {
	// The request body (25 MB + 1 byte + the form) must pass the server's body size limit,
	// so that the person gets the translated message rather than a bare 413.
	const page = await signIn(
		browser,
		'editor@kinderrechtencoalitie.demo',
		'nl',
		'/nl/papers/30000000-0000-4000-8000-000000000306/edit',
		false
	);
	await page.getByLabel('Taal van het document').selectOption({ label: 'English' });
	await page.getByLabel('Pdf-bestand').setInputFiles({
		name: 'groot.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.alloc(25 * 1024 * 1024 + 1, 0x25)
	});
	await page.getByRole('button', { name: 'Opladen' }).click();
	await expect(page.getByText('Het bestand is groter dan 25 MB.')).toBeVisible();
	await expect(page.getByLabel('Pdf-bestand')).toHaveAttribute('aria-invalid', 'true');
});
