import { expect, expectAccessible, test } from './fixtures';

const PAPER = {
	public: '30000000-0000-4000-8000-000000000005',
	publicItaly: '30000000-0000-4000-8000-000000000304',
	draftReport: '30000000-0000-4000-8000-000000000301',
	participants: '30000000-0000-4000-8000-000000000303'
};
const FILE_EN = '33000000-0000-4000-8000-000005001003';

test('the list shows public papers with their kind and open signatures, in two languages', async ({
	page
}) => {
	await page.goto('/en/papers');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Position papers');
	await expect(
		page.getByRole('link', {
			name: 'Children in immigration detention: a call to end the practice'
		})
	).toBeVisible();
	await expect(page.getByRole('link', { name: /Rapport alternatif au Comité/ })).toHaveCount(0);
	await expectAccessible(page);
	await page.goto('/nl/papers');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Standpunten');
	await expectAccessible(page);
});

test('a public paper lists its signatories, not the pending or declined requests', async ({
	page
}) => {
	await page.goto(`/fr/papers/${PAPER.public}`);
	const signatories = page.getByRole('region', { name: 'Signataires' });
	await expect(
		signatories.getByRole('link', { name: 'Défense des Enfants International – Belgique' })
	).toBeVisible();
	await expect(signatories).toContainText('(version 1)');
	await expect(signatories).not.toContainText('Costa Rica');
	await expect(signatories).not.toContainText('Mineurs en exil');
	await expectAccessible(page);
});

test('an anonymous visitor downloads the English PDF of a public paper', async ({ page }) => {
	await page.goto(`/en/papers/${PAPER.public}`);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /Download — English/ }).click()
	]);
	expect(download.suggestedFilename()).toBe('position-paper-detention-en.pdf');
	const response = await page.request.get(`/en/papers/${PAPER.public}/files/${FILE_EN}`);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect(response.headers()['content-disposition']).toContain('attachment');
	expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a file is never reachable through another paper, and hidden papers answer 404', async ({
	request
}) => {
	expect((await request.get(`/en/papers/${PAPER.publicItaly}/files/${FILE_EN}`)).status()).toBe(
		404
	);
	for (const id of [PAPER.draftReport, PAPER.participants]) {
		expect((await request.get(`/en/papers/${id}`)).status(), id).toBe(404);
	}
	// The draft report's French file, by its id: 404 for a visitor.
	const draftFile = '33000000-0000-4000-8000-000301001001';
	expect((await request.get(`/en/papers/${PAPER.draftReport}/files/${draftFile}`)).status()).toBe(
		404
	);
	// The storage path itself is not served.
	expect((await request.get('/seed/30000000-0000-4000-8000-000000000005/en-v1.pdf')).status()).toBe(
		404
	);
});

test('the lists of one organisation show what it leads or takes part in, not what it is only asked to sign', async ({
	page
}) => {
	const costaRica = '10000000-0000-4000-8000-000000000006';
	await page.goto(`/en/papers?organisation=${costaRica}`);
	await expect(page.getByLabel('Organisation')).toHaveValue(
		'Defensa de Niñas y Niños Internacional – Costa Rica'
	);
	await expect(page.getByRole('status')).toHaveText('1 paper');
	await expect(
		page.getByRole('link', { name: 'Alternative report on Costa Rica: juvenile justice' })
	).toBeVisible();
	// Asked to co-sign, not signed: not its paper (yet).
	await expect(
		page.getByRole('link', {
			name: 'Children in immigration detention: a call to end the practice'
		})
	).toHaveCount(0);

	await page.goto(`/en/events?organisation=${costaRica}`);
	await expect(page.getByRole('status')).toHaveText('1 event');
	await expect(
		page.getByRole('link', { name: 'Webinar: child participation in Costa Rica' })
	).toBeVisible();
	await page.goto(`/en/events?organisation=${costaRica}&scope=past`);
	await expect(page.getByRole('status')).toHaveText('No past events.');
});
