import {
	expect,
	expectAccessible,
	FAR_ZONES,
	ITEM,
	PEOPLE,
	servedAndHydrated,
	signIn,
	test
} from './fixtures';

const ACTION = {
	publicFr: '30000000-0000-4000-8000-000000000001',
	draft: '30000000-0000-4000-8000-000000000002',
	networkNl: '30000000-0000-4000-8000-000000000003',
	participants: '30000000-0000-4000-8000-000000000004'
};

test('the list shows published public actions to a visitor, in two languages', async ({ page }) => {
	await page.goto('/en/actions');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Joint actions');
	await expect(page.getByRole('status')).toHaveText('9 joint actions');
	await expect(
		page.getByRole('link', { name: 'We do not lock up children. Full stop.' })
	).toBeVisible();
	await expectAccessible(page);

	await page.goto('/fr/actions');
	await expect(page.getByRole('status')).toHaveText('9 actions communes');
	await expect(
		page.getByRole('link', { name: "On n'enferme pas un enfant. Point." })
	).toBeVisible();
	await expectAccessible(page);
});

test('a list page carries each action in the one language its reader is shown', async ({
	page,
	request
}) => {
	// The HTML as served, hydration data included: the English list holds the English title
	// and none of the other languages' texts of the same action.
	const english = await (await request.get('/en/actions')).text();
	expect(english).toContain('We do not lock up children. Full stop.');
	expect(english).not.toContain('enferme pas un enfant');
	const french = await (await request.get('/fr/actions')).text();
	expect(french).toContain('enferme pas un enfant');
	expect(french).not.toContain('We do not lock up children');

	// A reader whose language the action lacks gets its original, marked as French.
	await page.goto('/de/actions');
	const fallback = page.getByRole('link', { name: "On n'enferme pas un enfant. Point." });
	await expect(fallback).toBeVisible();
	await expect(
		page.getByRole('heading', { name: "On n'enferme pas un enfant. Point." })
	).toHaveAttribute('lang', 'fr');
	const german = await (await request.get('/de/actions')).text();
	expect(german).not.toContain('We do not lock up children');
});

test('search finds a French action by an inflected French word', async ({ page }) => {
	await page.goto('/nl/actions');
	await page.getByLabel('Zoeken').fill('enfermés');
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page.getByRole('status')).toHaveText('1 gezamenlijke actie');
	await expect(page.getByRole('link', { name: /enfant|children|kinderen/i })).toHaveCount(1);
});

test('words typed in the search box before the page has hydrated are kept', async ({ page }) => {
	// The app's JavaScript arrives only after the visitor has typed (a slow connection).
	let release: () => void = () => {};
	const arrived = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await arrived;
		await route.continue();
	});
	await page.goto('/nl/actions', { waitUntil: 'commit' });
	await page.getByLabel('Zoeken').fill('enfermés');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Zoeken')).toHaveValue('enfermés');
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page.getByRole('status')).toHaveText('1 gezamenlijke actie');
});

test('choices made on a form before the page has hydrated are kept (radio, checkbox)', async ({
	page
}) => {
	let release: () => void = () => {};
	const arrived = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await arrived;
		await route.continue();
	});
	await page.goto('/en/apply', { waitUntil: 'commit' });
	const kind = page.getByLabel('Partner organisation (an NGO working with the network)');
	await kind.check();
	await page.getByLabel('Dutch').check();
	release();
	await page.waitForLoadState('networkidle');
	await expect(kind).toBeChecked();
	await expect(page.getByLabel('Dutch')).toBeChecked();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a refused new action comes back with the summary and text as typed', async ({ page }) => {
		await signIn(page, PEOPLE.editor.email, '/fr/actions/new');
		await page.getByLabel('Titre').fill('');
		await page.getByLabel('Résumé').fill('Un résumé à ne pas perdre.');
		await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
		await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
		await expect(page.getByLabel('Résumé')).toHaveValue('Un résumé à ne pas perdre.');
	});
});

test('an anonymous visitor does not find a network action by its Dutch words', async ({ page }) => {
	await page.goto('/nl/actions?q=jeugdwerker');
	await expect(page.getByRole('status')).toHaveText('Niets gevonden voor ‘jeugdwerker’.');
});

test('drafts, network and participants-only actions answer 404 to a visitor', async ({ page }) => {
	for (const id of [ACTION.draft, ACTION.networkNl, ACTION.participants]) {
		const response = await page.goto(`/en/actions/${id}`);
		expect(response?.status(), id).toBe(404);
	}
	const bad = await page.goto('/en/actions/not-a-uuid');
	expect(bad?.status()).toBe(404);
});

test('the detail page falls back to the original with a notice, and says why it is visible', async ({
	page
}) => {
	await page.goto(`/de/actions/${ACTION.publicFr}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		"On n'enferme pas un enfant. Point."
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fr');
	await expect(
		page.getByText(
			'Diese Aktion liegt noch nicht auf Deutsch vor. Sie wird in ihrer Originalsprache angezeigt: Französisch.'
		)
	).toBeVisible();
	await expect(page.getByText('Sie sehen diese Aktion, weil sie öffentlich ist.')).toBeVisible();
	// A visitor gets no editing or posting controls.
	await expect(page.getByRole('link', { name: 'Bearbeiten' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Neuigkeit veröffentlichen' })).toHaveCount(0);
	await expect(
		page.getByRole('link', {
			name: 'Coordination des ONG pour les droits de l’enfant'.replace('’', "'")
		})
	).toBeVisible();
	await expectAccessible(page);
});

test('an outdated translation says so and links to the original', async ({ page }) => {
	await page.goto(`/en/actions/${ACTION.publicFr}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'We do not lock up children. Full stop.'
	);
	await expect(
		page.getByText(/This translation was made from an earlier version of the original \(French\)/)
	).toBeVisible();
	await page.getByRole('link', { name: 'Read in French' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		"On n'enferme pas un enfant. Point."
	);
	await expectAccessible(page);
});

test('a reader far from Brussels reads the same days as the page was served with', async ({
	browser
}) => {
	// Days are shown as the server wrote them, whatever the reader's zone: a calendar day as that
	// day (in Costa Rica the start read "9 janv." once the page had hydrated), an instant in the
	// hub's home zone.
	for (const timezoneId of FAR_ZONES) {
		const { served, hydrated } = await servedAndHydrated(
			browser,
			`/fr/actions/${ITEM.schoolHelpDesk}`,
			{
				timezoneId,
				part: 'article',
				onHydrated: async (page) => {
					await expect(page.locator('article dd').first()).toHaveText(
						'10 janv. 2027 – 30 juin 2027'
					);
					await expect(page.locator('article .published')).toHaveText(/^Publiée? le \d/);
				}
			}
		);
		expect(hydrated, timezoneId).toBe(served);
	}
});

test('rendered Markdown keeps structure and safe links', async ({ page }) => {
	await page.goto(`/fr/actions/${ACTION.publicFr}`);
	const prose = page.locator('.prose').first();
	await expect(prose.getByRole('heading', { level: 2 }).first()).toBeVisible();
	await expect(prose.locator('script')).toHaveCount(0);
	for (const link of await prose.getByRole('link').all()) {
		await expect(link).toHaveAttribute('rel', /nofollow/);
		await expect(link).toHaveAttribute('href', /^(https?:|mailto:)/);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('filters by area and phase', async ({ page }) => {
		await page.goto('/es/actions');
		await page.getByLabel('Área de trabajo').selectOption('legal_actions');
		await page.getByLabel('Fase').selectOption('ongoing');
		await page.getByRole('button', { name: 'Mostrar' }).click();
		await expect(page).toHaveURL(/area=legal_actions/);
		const cards = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { level: 2 }) });
		await expect(cards.first()).toBeVisible();
		for (const card of await cards.all()) {
			await expect(card).toContainText('Acciones legales');
			await expect(card).toContainText('En curso');
		}
	});
});

test('unknown filter values are ignored, not an error', async ({ page }) => {
	const response = await page.goto('/en/actions?area=%3Cb%3E&article=99&page=-3&organisation=x');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('status')).toHaveText('9 joint actions');
});

test('a member of the network finds a Dutch network action by a Dutch word and is told why they see it', async ({
	as
}) => {
	const page = await as(PEOPLE.dciNlMember.email, '/nl/actions?q=jeugdwerker');
	await expect(page.getByRole('status')).toHaveText('1 gezamenlijke actie');
	// Its page says why they may read it: shared with the network, and their membership.
	await page
		.getByRole('link', { name: 'Vormingsreeks kinderparticipatie: kinderen écht laten meepraten' })
		.click();
	await expect(
		page.getByText(
			'Je ziet deze actie omdat ze met het hele netwerk gedeeld is en je lid bent van Defence for Children – Nederland.'
		)
	).toBeVisible();
});

test('the new-action page needs a signed-in editor', async ({ page }) => {
	await page.goto('/fr/actions/new');
	await expect(page).toHaveURL(/\/fr\/sign-in\?next=%2Ffr%2Factions%2Fnew/);
});

test('an editor creates a draft; bad input gets messages next to the fields and nothing is saved', async ({
	page
}) => {
	await signIn(page, PEOPLE.editor.email, '/fr/actions/new');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nouvelle action commune');
	await page.getByLabel('Titre').fill('');
	await page.getByLabel('Articles de la CIDE').fill('3, 99');
	await page.getByLabel('Date de début').fill('2027-06-01');
	await page.getByLabel('Date de fin').fill('2027-01-01');
	await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
	await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
	await expect(page.getByText('Les articles de la CIDE sont numérotés de 1 à 54.')).toBeVisible();
	await expect(
		page.getByText('La date de fin ne peut pas précéder la date de début.')
	).toBeVisible();
	await expect(page.getByLabel('Articles de la CIDE')).toHaveValue('3, 99');
	await expectAccessible(page);
});

test('a page past the last one is an empty page, not an error', async ({ page }) => {
	const response = await page.goto('/en/actions?page=7');
	expect(response?.status()).toBe(200);
	// Lists are not counted (one row more than a page tells whether a next page exists).
	await expect(page.getByRole('status')).toHaveText('No joint action matches these filters.');
	await expect(page.locator('ul.card-grid')).toHaveCount(0);
	const pages = page.getByRole('navigation', { name: 'Pages' });
	await expect(pages.getByRole('link', { name: 'Previous page', exact: true })).toHaveAttribute(
		'href',
		'?page=6'
	);
	await expect(pages).toContainText('Page 7');
	await expect(pages.getByRole('link', { name: /Next page/ })).toHaveCount(0);
});

test('the list is ordered newest first', async ({ page }) => {
	await page.goto('/en/actions');
	const dates = await page.locator('article .meta').allInnerTexts();
	// Several cards, or the order proves nothing (an empty list is sorted too).
	expect(dates.length).toBeGreaterThan(1);
	const parsed = dates.map((text) => Date.parse(text.split('·').pop()!.trim()));
	expect(parsed.every((value) => !Number.isNaN(value))).toBe(true);
	expect([...parsed].sort((a, b) => b - a)).toEqual(parsed);
});

test.describe('the organisation filter is a name typed, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('several matches are offered, one is chosen; a single match filters at once', async ({
		page
	}) => {
		await page.goto('/en/actions');
		await page.getByLabel('Organisation').fill('kinderrecht');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(
			page.getByText('Several organisations match “kinderrecht”: choose one.')
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'De Kinderrechtswinkel' })).toBeVisible();
		await page.getByRole('link', { name: 'Kinderrechtencoalitie Vlaanderen' }).click();
		await expect(page).toHaveURL(/organisation=10000000-0000-4000-8000-000000000021/);
		await expect(page.getByLabel('Organisation')).toHaveValue('Kinderrechtencoalitie Vlaanderen');
		await expect(
			page.getByRole('link', { name: 'We do not lock up children. Full stop.' })
		).toBeVisible();

		await page.getByLabel('Organisation').fill('bolivia');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page.getByLabel('Organisation')).toHaveValue(
			'Defensa de Niñas y Niños Internacional – Bolivia'
		);
		await expect(
			page.getByRole('link', { name: 'We do not lock up children. Full stop.' })
		).toHaveCount(0);
	});
});

test('an organisation name that matches nothing says so, in the reader language', async ({
	page
}) => {
	await page.goto('/fr/actions?org=Atlantide');
	await expect(page.getByLabel('Organisation')).toHaveValue('Atlantide');
	await expect(
		page.getByText(
			"Aucune organisation ne correspond à « Atlantide » : la liste n'est pas filtrée par organisation."
		)
	).toBeVisible();
	await expect(page.getByRole('status').first()).toBeVisible();
	await expectAccessible(page);
});
