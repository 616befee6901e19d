import { expect, expectAccessible, test } from './fixtures';

test('the directory lists active organisations in the reader language', async ({ page }) => {
	await page.goto('/fr/organisations');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisations');
	await expect(
		page.getByRole('link', { name: 'Défense des Enfants International – Belgique' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kinderrechtencoalitie Vlaanderen' })).toBeVisible();
	// Country names come from Intl in the reader's language.
	await expect(page.getByText('Belgique · français, néerlandais, anglais')).toBeVisible();
	await expectAccessible(page);
});

test('anonymous visitors see neither pending nor suspended organisations', async ({ page }) => {
	await page.goto('/en/organisations');
	await expect(
		page.getByRole('link', { name: 'Défense des Enfants International – Belgique' })
	).toBeVisible();
	await expect(page.getByText('Atelier des droits de l')).toHaveCount(0);
	await expect(page.getByText('Kinderstem Antwerpen')).toHaveCount(0);
	for (const slug of ['atelier-droits-enfant-liege', 'kinderstem-antwerpen']) {
		const response = await page.goto(`/en/organisations/${slug}`);
		expect(response?.status()).toBe(404);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('filters by kind, country and working language', async ({ page }) => {
		await page.goto('/nl/organisations');
		await page.getByLabel('Soort').selectOption('section');
		await page.getByLabel('Land').selectOption('BE');
		await page.getByRole('button', { name: 'Tonen' }).click();
		await expect(page).toHaveURL(/kind=section/);
		await expect(page.getByRole('status')).toHaveText('1 organisatie');
		await expect(
			page.getByRole('link', { name: 'Défense des Enfants International – Belgique' })
		).toBeVisible();

		await page.getByRole('link', { name: 'Filters wissen' }).click();
		await page.getByLabel('Werkt in').selectOption('es');
		await page.getByRole('button', { name: 'Tonen' }).click();
		await expect(page.getByRole('link', { name: /Costa Rica/ })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Kinderrechtencoalitie Vlaanderen' })).toHaveCount(
			0
		);
	});
});

test('an unknown filter value in the address is ignored, not an error', async ({ page }) => {
	const response = await page.goto('/en/organisations?kind=%3Cscript%3E&country=belgium');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('link', { name: 'Kinderrechtencoalitie Vlaanderen' })).toBeVisible();
});

test('a profile is shown in the reader language, or in its original with a notice', async ({
	page
}) => {
	await page.goto('/nl/organisations/dei-belgique');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Défense des Enfants International – Belgique'
	);
	await expect(page.getByText('DCI-België verdedigt de rechten van het kind')).toBeVisible();
	await expect(page.getByText('Deze beschrijving is nog niet beschikbaar')).toHaveCount(0);
	await expectAccessible(page);

	await page.goto('/de/organisations/dei-belgique');
	await expect(
		page.getByText(
			'Diese Beschreibung liegt noch nicht auf Deutsch vor. Sie wird auf Französisch angezeigt.'
		)
	).toBeVisible();
	await expect(page.locator('[lang="fr"]', { hasText: 'DEI-Belgique défend' })).toBeVisible();
	await expectAccessible(page);
});

test('an anonymous visitor does not see the members of an organisation; a member does', async ({
	page,
	asMember
}) => {
	await page.goto('/en/organisations/dei-belgique');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Members' })).toHaveCount(0);
	await expect(page.getByText('Sarah El Amrani')).toHaveCount(0);

	// The same page for Sarah, member of DEI Belgique.
	await asMember.goto('/en/organisations/dei-belgique');
	await expect(asMember.getByRole('heading', { name: 'Members' })).toBeVisible();
	await expect(asMember.getByText('Lotte Peeters')).toBeVisible();
	// Admins first, then editors and members, as on the members admin page.
	await expect(asMember.getByRole('region', { name: 'Members' }).getByRole('listitem')).toHaveText([
		/^Benoît Lambert\s*Admin/,
		/^Lotte Peeters\s*Editor/,
		/^Sarah El Amrani\s*Member/
	]);
});

test('an organisation page lists its work as far as the reader may see it', async ({
	page,
	asMember
}) => {
	await page.goto('/fr/organisations/dei-belgique');
	const work = page.getByRole('region', { name: 'Son travail dans le réseau' });
	await expect(work.getByRole('heading', { name: 'Actions communes' })).toBeVisible();
	// Its public action, the public event it organises and the public paper it co-signed,
	// each linking to its page; its network paper is not for a visitor.
	await expect(
		work.getByRole('link', { name: "On n'enferme pas un enfant. Point." })
	).toHaveAttribute('href', '/fr/actions/30000000-0000-4000-8000-000000000001');
	await expect(work.getByRole('heading', { name: 'Événements à venir' })).toBeVisible();
	await expect(work.getByRole('heading', { name: 'Prises de position' })).toBeVisible();
	await expect(
		work.locator('a[href="/fr/papers/30000000-0000-4000-8000-000000000005"]')
	).toBeVisible();
	await expect(
		work.locator('a[href="/fr/papers/30000000-0000-4000-8000-000000000302"]')
	).toHaveCount(0);
	await expectAccessible(page);

	// Sarah, member of the network, also sees the network paper DEI Belgique leads.
	await asMember.goto('/en/organisations/dei-belgique');
	const hers = asMember.getByRole('region', { name: 'Its work in the network' });
	await expect(hers.getByRole('link', { name: 'Youth justice reform in Brussels' })).toBeVisible();
	await expect(
		hers.locator('a[href="/en/papers/30000000-0000-4000-8000-000000000301"]')
	).toHaveCount(0);
});
