import { dbQuery, expect, expectAccessible, parseCalendar, signIn, test } from './fixtures';

// Issue 17: country pages and review cycles. Seed: Belgium's CRC cycle (public, demonstration
// dates) has no NGO report deadline; Belgium's UPR cycle is for the network only.
const BE_CRC = '50000000-0000-4000-8000-000000000001';
const BE_UPR = '50000000-0000-4000-8000-000000000002';
const PRE_SESSION = '51000000-0000-4000-8000-000000000103';
const UPR_DEADLINE = '51000000-0000-4000-8000-000000000201';
// CODE's alternative report, co-signed by the Flemish coalition (draft, participants).
const ALTERNATIVE_REPORT = '30000000-0000-4000-8000-000000000301';

/** YYYY-MM-DD, `days` from today in Brussels (where the review calendar is kept). */
function inDays(days: number): string {
	const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });
	const date = new Date(`${today}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

test('a Belgian partner admin adds the NGO deadline, links the co-signed report, and the warning goes', async ({
	as
}) => {
	// The story adds this stage: start from the seed's cycle without it. Here, not in a
	// beforeAll: the file's tests run on both workers, and the other worker's beforeAll deleted
	// the stage in the middle of this story ("This page does not exist" on linking, in CI).
	await dbQuery(
		`delete from public.review_stages where cycle_id = $1 and kind = 'ngo_report_deadline'`,
		[BE_CRC]
	);
	const page = await as('admin@lacode.demo', `/en/countries/be/cycles/${BE_CRC}`);
	const add = page.getByRole('region', { name: 'Add a stage' });
	await add.getByLabel('Kind of stage').selectOption('ngo_report_deadline');
	await add.getByLabel('Date (or first day)').fill(inDays(30));
	await add.getByRole('button', { name: 'Save the stage' }).click();
	await expect(add.getByRole('status')).toHaveText('Stage saved.');

	const stage = page.locator('li[data-stage="ngo_report_deadline"]');
	await expect(
		stage.getByRole('heading', { name: 'NGO alternative report deadline' })
	).toBeVisible();
	await expect(stage.getByRole('note')).toContainText('nothing is linked to it yet');

	await stage.getByText('Link one of your items').click();
	await stage.getByLabel('Item').selectOption(ALTERNATIVE_REPORT);
	await stage.getByRole('button', { name: 'Link', exact: true }).click();
	await expect(stage.locator(`a[href="/en/papers/${ALTERNATIVE_REPORT}"]`)).toBeVisible();
	await expect(stage.getByRole('note')).toHaveCount(0);

	await page.goto('/en/countries/be');
	// (Belgium's UPR, for the network only, has its own NGO deadline, still with nothing linked.)
	const onCountry = page
		.locator('article')
		.filter({ hasText: 'Belgium – periodic review' })
		.locator('li[data-stage="ngo_report_deadline"]');
	await expect(onCountry.locator(`a[href="/en/papers/${ALTERNATIVE_REPORT}"]`)).toBeVisible();
	await expect(onCountry.getByRole('note')).toHaveCount(0);
	await expect(
		page.getByText('Demonstration dates: invented for this demonstration hub.')
	).toBeVisible();
});

test('a member of another country cannot add a stage, and a refused date is a translated message', async ({
	as
}) => {
	const page = await as('admin@dci-nl.demo', `/nl/countries/be/cycles/${BE_CRC}`);
	await expect(page.getByRole('region', { name: 'Fase toevoegen' })).toHaveCount(0);
	const own = await as('admin@dei-belgique.demo', `/fr/countries/be/cycles/${BE_CRC}`);
	const add = own.getByRole('region', { name: 'Ajouter une étape' });
	await add.getByLabel('Date (ou premier jour)').fill(inDays(10));
	await add.getByLabel('Dernier jour (pour une période)').fill(inDays(5));
	await add.getByRole('button', { name: 'Enregistrer l’étape' }).click();
	await expect(add.getByRole('alert').first()).toBeVisible();
	await expect(
		add.getByText('La date de fin ne peut pas précéder la date de début.')
	).toBeVisible();
});

test('the country calendar validates and carries the stage dates, the public ones for a visitor', async ({
	request,
	as
}) => {
	const visitor = await request.get('/en/countries/be/reviews.ics');
	expect(visitor.status()).toBe(200);
	expect(visitor.headers()['content-type']).toContain('text/calendar');
	const events = parseCalendar(await visitor.text());
	const preSession = events.find((event) => event.uid.startsWith(`stage-${PRE_SESSION}@`));
	expect(preSession?.startDate.isDate).toBe(true);
	expect(preSession?.startDate.toString()).toBe(inDays(95));
	// A range's DTEND is the day after its last day.
	expect(preSession?.endDate.toString()).toBe(inDays(98));
	expect(preSession?.summary).toContain('Demonstration dates');
	expect(events.some((event) => event.uid.startsWith(`stage-${UPR_DEADLINE}@`))).toBe(false);

	const member = await as('member@dei-belgique.demo', '/en');
	const signedIn = await member.request.get('/en/countries/be/reviews.ics');
	const theirs = parseCalendar(await signedIn.text());
	expect(theirs.some((event) => event.uid.startsWith(`stage-${UPR_DEADLINE}@`))).toBe(true);
});

test('a visitor sees only the public parts of a country', async ({ page }) => {
	await page.goto('/en/countries/be');
	await expect(page.getByRole('link', { name: /Belgium – periodic review/ })).toBeVisible();
	await expect(page.getByText('Belgium – Universal Periodic Review')).toHaveCount(0);
	await expect(page.getByText('New review cycle')).toHaveCount(0);
	// DEI-Belgique's network-only statement answered the list of issues: not for a visitor.
	await expect(
		page.locator('a[href="/en/papers/30000000-0000-4000-8000-000000000302"]')
	).toHaveCount(0);
	expect((await page.goto(`/en/countries/be/cycles/${BE_UPR}`))?.status()).toBe(404);
	expect((await page.goto(`/en/countries/be/cycles/${BE_CRC}`))?.status()).toBe(200);
	await expect(page.getByRole('region', { name: 'Add a stage' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Link', exact: true })).toHaveCount(0);
});

test('the countries index and an article page list what the reader may see', async ({ page }) => {
	await page.goto('/en/countries');
	await expect(page.getByRole('heading', { name: 'Europe' })).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'Belgium' })).toBeVisible();
	await page.goto('/ar/crc/37');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('37');
	expect((await page.goto('/en/crc/55'))?.status()).toBe(404);
});

test('the countries index on a phone: every number in sight, named by its column, still a table', async ({
	page
}) => {
	// At 360 px the six columns scrolled inside their card, most of them out of sight.
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/de/countries');
	const belgium = page
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Belgien' }) });
	const papers = belgium.getByRole('cell').nth(3);
	await expect(papers).toBeInViewport();
	expect(await papers.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe(
		'"Positionspapiere "'
	);
	// The table, its column headers and its cells are still what assistive technology reads.
	await expect(page.getByRole('columnheader', { name: 'Positionspapiere' }).first()).toBeAttached();
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
		true
	);
	await expectAccessible(page);
});

test('a review deadline reminder reads in the reader language and leads to the cycle', async ({
	as
}) => {
	const [notification] = await dbQuery<{ id: string }>(
		`insert into public.notifications (recipient_id, type, data, reminder_key)
		 values ('20000000-0000-4000-8000-000000000005', 'review_deadline',
		         jsonb_build_object('cycle_id', $1::text, 'stage_id', $2::text, 'kind', 'ngo_report_deadline',
		                            'country', 'BE', 'date', '2027-01-12', 'days', 60),
		         'e2e-' || gen_random_uuid())
		 returning id`,
		[BE_CRC, PRE_SESSION]
	);
	try {
		const page = await as('admin@lacode.demo', '/fr/notifications');
		const item = page.getByRole('listitem').filter({ hasText: 'Échéance d’un examen ONU' });
		await expect(item).toContainText(
			'Date limite du rapport alternatif des ONG (Belgique) le 12 janvier 2027.'
		);
		await expect(item.getByRole('link', { name: 'Le cycle d’examen' })).toHaveAttribute(
			'href',
			`/fr/countries/be/cycles/${BE_CRC}`
		);
	} finally {
		await dbQuery('delete from public.notifications where id = $1', [notification?.id]);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a Dutch section admin creates a cycle and adds a stage with plain forms', async ({
		page,
		request
	}) => {
		await dbQuery(
			`delete from public.review_cycles where names ->> 'nl' = 'Facultatief protocol (e2e)'`
		);
		await signIn(page, 'admin@dci-nl.demo', '/nl/countries/nl');
		await page.getByText('Nieuwe toetsingscyclus').click();
		await page.getByLabel('Mechanisme').selectOption('crc_optional_protocol');
		await page.getByLabel('Naam', { exact: true }).fill('Facultatief protocol (e2e)');
		await page.getByLabel('Taal van de naam').selectOption('nl');
		await page.getByRole('button', { name: 'Cyclus aanmaken' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Facultatief protocol (e2e)');

		const add = page.getByRole('region', { name: 'Fase toevoegen' });
		await add.getByLabel('Soort fase').selectOption('session');
		await add.getByLabel('Datum (of eerste dag)').fill(inDays(120));
		await add.getByRole('button', { name: 'Fase opslaan' }).click();
		await expect(page.getByRole('heading', { name: 'Sessie', level: 3 })).toBeVisible();
		// Not public: a visitor gets a 404 for it.
		expect((await request.get(new URL(page.url()).pathname)).status()).toBe(404);
	});
});
