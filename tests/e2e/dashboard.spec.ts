import { dbQuery, expect, FAR_ZONES, PEOPLE, servedAndHydrated, test } from './fixtures';

/**
 * Issue 15, the dashboard: a signed-in person's home. What waits for them links to where it is
 * answered; the network news are what RLS lets them read, and "mark all as seen" moves their
 * own mark; someone new is told how to start.
 */

// Demo seed: DEI-Belgique is asked to co-sign the coalition's alternative report.
const REPORT = "Rapport alternatif au Comité des droits de l'enfant : Belgique 2026";
// A joint action open to its participants only, DCI-Netherlands not among them, and one it
// takes part in (both published in the last 30 days).
const NOT_FOR_NL = '30000000-0000-4000-8000-000000000115';
const FOR_NL = '30000000-0000-4000-8000-000000000004';

const forgetMark = (userId: string) =>
	dbQuery('delete from private.news_marks where user_id = $1', [userId]);

test('an admin lands on the dashboard and reaches the co-signature request waiting for them', async ({
	asAdmin
}) => {
	await asAdmin.goto('/fr');
	await expect(asAdmin).toHaveURL(/\/fr\/dashboard$/);
	await expect(asAdmin.getByRole('heading', { level: 1 })).toHaveText('Mon réseau');
	const waiting = asAdmin.getByRole('region', { name: /En attente de votre réponse/ });
	const request = waiting.getByRole('listitem').filter({ hasText: 'Demande de cosignature' });
	await expect(request.getByRole('link', { name: REPORT })).toBeVisible();
	await expect(request).toContainText('Date limite de signature');
	await request.getByRole('link', { name: 'Répondre' }).click();
	await expect(asAdmin).toHaveURL(/\/fr\/invitations$/);
	await expect(asAdmin.getByRole('heading', { name: REPORT })).toBeVisible();
});

test('the news are those the reader may read, until they mark them as seen (nl)', async ({
	as
}) => {
	await forgetMark(PEOPLE.dciNlMember.id);
	try {
		const page = await as(PEOPLE.dciNlMember.email, '/nl/dashboard');
		const news = page.getByRole('region', { name: 'Nieuw in het netwerk' });
		await expect(news.locator(`a[href="/nl/actions/${FOR_NL}"]`)).toHaveCount(1);
		await expect(news.locator(`a[href="/nl/actions/${NOT_FOR_NL}"]`)).toHaveCount(0);
		await expect(news.getByText('Nieuw', { exact: true }).first()).toBeVisible();

		await news.getByRole('button', { name: 'Alles als gezien markeren' }).click();
		await expect(page.getByRole('status')).toContainText('Genoteerd');
		await expect(news).toContainText('Niets nieuws sinds');
		await page.reload();
		await expect(news.locator(`a[href="/nl/actions/${FOR_NL}"]`)).toHaveCount(0);
		// Only her own mark moved: Sarah's news are still there.
		const marks = await dbQuery<{ user_id: string }>('select user_id from private.news_marks');
		expect(marks.map((m) => m.user_id)).toEqual([PEOPLE.dciNlMember.id]);
	} finally {
		await forgetMark(PEOPLE.dciNlMember.id);
	}
});

test('someone in no organisation is told how to start, and sees the invitation waiting for her', async ({
	asOutsider
}) => {
	await asOutsider.goto('/fr/dashboard');
	const organisations = asOutsider.getByRole('region', { name: 'Mes organisations' });
	await expect(organisations).toContainText("Vous n'êtes encore membre d'aucune organisation");
	await expect(
		organisations.getByRole('link', { name: 'Demander à rejoindre le réseau' })
	).toHaveAttribute('href', '/fr/apply');
	// Her way in (demo seed): the coalition's invitation, one click from its answer.
	const waiting = asOutsider.getByRole('region', { name: 'En attente de votre réponse' });
	const invitation = waiting.getByRole('listitem').filter({ hasText: 'Invitation à rejoindre' });
	await expect(invitation).toContainText('Marie Dubois vous invite à rejoindre');
	await expect(invitation.getByRole('link', { name: 'Répondre' })).toHaveAttribute(
		'href',
		'/fr/invitations'
	);
});

test('the dashboard reads the same before and after it hydrates, a day away from Brussels', async ({
	as,
	browser
}) => {
	// Julien (CODE) has registrations to approve, news, events he organises and translations to
	// bring up to date: every kind of date the dashboard shows.
	const julien = await as(PEOPLE.codeEditor.email, '/fr');
	const storageState = await julien.context().storageState();
	for (const timezoneId of FAR_ZONES) {
		const { served, hydrated } = await servedAndHydrated(browser, '/fr/dashboard', {
			timezoneId,
			storageState,
			// What only the browser adds, on purpose: an event's hours in the reader's own zone.
			onHydrated: (page) =>
				page.locator('main .local').evaluateAll((shown) => shown.forEach((s) => s.remove()))
		});
		expect(hydrated, timezoneId).toBe(served);
	}
});

test('a visitor is asked to sign in first, and the home page stays theirs', async ({ page }) => {
	await page.goto('/en/dashboard');
	await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fdashboard/);
	await page.goto('/en');
	await expect(page).toHaveURL(/\/en$/);
	await expect(page.getByRole('link', { name: 'My network' })).toHaveCount(0);
});
