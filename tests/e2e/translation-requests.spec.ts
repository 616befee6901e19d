import type { Page } from '@playwright/test';
import { dbQuery, expect, ITEM, ORG, PEOPLE, test } from './fixtures';

/**
 * Issue 16's translation workflow in the browser: DEI Belgique's French paper asks DCI
 * Palestine for an Arabic translation; Lina, its editor, accepts and writes the Arabic text
 * with the French original beside it (in Arabic, right to left); the owner edits the French
 * abstract; the Arabic translation shows outdated, with the words that changed; the translator
 * saves her edited text, which records the revision reviewed, and later marks an unchanged
 * text up to date; the paper's page says where each language stands. An editor of another
 * organisation can neither open the translation nor write the Arabic text, by page or by a
 * direct POST. Screenshots of the translation editor in Arabic and French, 360 and 1280 px.
 */

const PAPER = ITEM.juvenileJusticePaper;
const PALESTINE = 'Defense for Children International – Palestine';
const SHOTS = 'test-results/translation-requests';

/** A form POST as a browser without JavaScript sends it (same origin, the person's cookies). */
async function postForm(page: Page, path: string, form: Record<string, string>) {
	const origin = new URL(page.url()).origin;
	return page.request.post(path, {
		form,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

async function arabicText() {
	const rows = await dbQuery<{ title: string; abstract: string; source_revision: number }>(
		`select title, abstract, source_revision from paper_translations where paper_id = $1 and locale = 'ar'`,
		[PAPER]
	);
	return rows[0] ?? null;
}

async function shoot(page: Page, name: string) {
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe.configure({ mode: 'serial' });

/** The paper as the seed has it: no Arabic text, no request, the French text as written. */
async function restorePaper() {
	await dbQuery(`delete from translation_requests where item_id = $1`, [PAPER]);
	await dbQuery(`delete from paper_translations where paper_id = $1 and locale = 'ar'`, [PAPER]);
	await dbQuery(
		`update paper_translations set title = $2, abstract = $3
		 where paper_id = $1 and locale = 'fr' and (title, abstract) is distinct from ($2, $3)`,
		[
			PAPER,
			'Réforme de la justice des mineurs à Bruxelles',
			"Position de DEI-Belgique sur le projet d'ordonnance : pas d'enfermement avant 16 ans, des mesures restauratrices d'abord, un avocat spécialisé à chaque étape."
		]
	);
}

test.beforeAll(restorePaper);
test.afterAll(restorePaper);

test('a French paper is translated into Arabic by DCI Palestine, kept up to date, and nobody else writes it', async ({
	as
}) => {
	test.setTimeout(240_000);

	// 1. The owner's editor asks DCI Palestine for Arabic, due in a month, on the edit page.
	const owner = await as(PEOPLE.editor.email, `/fr/papers/${PAPER}/edit`);
	const section = owner.getByRole('region', {
		name: 'Traductions demandées à d’autres organisations'
	});
	await section.getByLabel('Langue').selectOption({ label: 'العربية' });
	await section.getByLabel('Demander à').selectOption({ label: PALESTINE });
	const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	await section.getByLabel('Échéance').fill(due);
	await section
		.getByLabel('Message à l’organisation')
		.fill('Pour les sections du Moyen-Orient, merci !');
	await section.getByRole('button', { name: 'Demander cette traduction' }).click();
	await expect(section.getByText('La demande est envoyée')).toBeVisible();
	await expect(section.getByRole('listitem').filter({ hasText: PALESTINE })).toContainText(
		'en attente de réponse'
	);

	// The paper's page says who was asked, and until when.
	await owner.goto(`/fr/papers/${PAPER}`);
	const states = owner.getByRole('region', { name: 'Traductions' });
	await expect(states.getByRole('listitem').filter({ hasText: 'العربية' })).toContainText(
		`demandée à ${PALESTINE} (pour le`
	);
	await expect(states.getByRole('listitem').filter({ hasText: 'Deutsch' })).toContainText(
		'manquante'
	);

	// 2. Lina, DCI Palestine's editor, finds it in her inbox (in Arabic) and accepts it.
	// Her dashboard lists it among what waits for her, with a link to answer.
	const translator = await as(PEOPLE.palestineEditor.email, '/ar/dashboard');
	const waiting = translator.getByRole('region', { name: /بانتظار ردّك/ });
	await expect(
		waiting
			.getByRole('listitem')
			.filter({ hasText: 'Réforme de la justice des mineurs à Bruxelles' })
			.first()
	).toContainText('ترجمة');
	await translator.goto('/ar/invitations');
	const card = translator
		.getByRole('listitem')
		.filter({ hasText: 'Pour les sections du Moyen-Orient' });
	await expect(card).toContainText('Défense des Enfants International – Belgique');
	await card.getByRole('button', { name: 'قبول الطلب والبدء بالترجمة' }).click();
	await expect(translator).toHaveURL(/\/ar\/translations\/[0-9a-f-]{36}$/);
	const editorPath = new URL(translator.url()).pathname;

	// The French original is beside the text being written.
	const original = translator.getByRole('region', {
		name: /^النص الأصلي \(\u2068?الفرنسية\u2069?\)$/
	});
	await expect(original).toHaveAttribute('lang', 'fr');
	await expect(original).toContainText("pas d'enfermement avant 16 ans");
	await expect(translator.getByText(/لم يُكتب النص باللغة \u2068?العربية\u2069? بعد/)).toBeVisible();
	const form = translator.getByRole('region', { name: /^الترجمة إلى \u2068?العربية\u2069?$/ });
	await form.getByLabel('العنوان (العربية)').fill('إصلاح قضاء الأحداث في بروكسل');
	await form
		.getByLabel('الملخّص (العربية)')
		.fill(
			'موقف الحركة من مشروع المرسوم: لا احتجاز قبل سن 16، والتدابير التصالحية أولًا، ومحامٍ متخصص في كل مرحلة.'
		);
	await form.getByRole('button', { name: 'حفظ' }).click();
	await expect(form.getByText('تم الحفظ.')).toBeVisible();
	await expect(translator.getByText(/محدَّث ومطابق للنص الأصلي/)).toBeVisible();
	expect((await arabicText())?.title).toBe('إصلاح قضاء الأحداث في بروكسل');
	await shoot(translator, 'editor-ar-written');

	// 3. The owner edits the French abstract: 16 becomes 14, "spécialisé" is dropped.
	await owner.goto(`/fr/papers/${PAPER}/edit`);
	await owner
		.getByLabel('Résumé (Français)')
		.fill(
			"Position de DEI-Belgique sur le projet d'ordonnance : pas d'enfermement avant 14 ans, des mesures restauratrices d'abord, un avocat à chaque étape."
		);
	await owner
		.getByRole('region', { name: 'Titre et résumé par langue' })
		.getByRole('button', { name: 'Enregistrer' })
		.click();
	await expect(owner.getByText('Enregistré.').first()).toBeVisible();

	// 4. The Arabic translation is outdated, and shows what changed in the French.
	await translator.goto(editorPath);
	await expect(
		translator.getByText('تغيّر النص الأصلي بعد إعداد هذه الترجمة، فلم تعد محدَّثة.')
	).toBeVisible();
	const changes = translator.getByRole('region', { name: /ما تغيّر في النص الأصلي/ });
	await expect(changes.locator('del').filter({ hasText: '16' })).toBeVisible();
	await expect(changes.locator('ins').filter({ hasText: '14' })).toBeVisible();
	await expect(changes.locator('del').filter({ hasText: 'spécialisé' })).toBeVisible();
	await expect(changes.locator('p[lang="fr"]')).toHaveCount(1);
	await shoot(translator, 'editor-ar-outdated');
	// The same page in French, for the lead editors' language.
	await translator.goto(editorPath.replace('/ar/', '/fr/'));
	await expect(
		translator.getByText('L’original a changé depuis cette traduction : elle n’est plus à jour.')
	).toBeVisible();
	await shoot(translator, 'editor-fr-outdated');

	// The paper's page: Arabic outdated since today.
	await owner.goto(`/fr/papers/${PAPER}`);
	await expect(
		owner
			.getByRole('region', { name: 'Traductions' })
			.getByRole('listitem')
			.filter({ hasText: 'العربية' })
	).toContainText('pas à jour depuis le');

	// 5. She edits the Arabic abstract and saves: the revision she reviewed is recorded.
	await translator.goto(editorPath);
	const before = await arabicText();
	await translator
		.getByLabel('الملخّص (العربية)')
		.fill(
			'موقف الحركة من مشروع المرسوم: لا احتجاز قبل سن 14، والتدابير التصالحية أولًا، ومحامٍ في كل مرحلة.'
		);
	await translator
		.getByRole('region', { name: /^الترجمة إلى \u2068?العربية\u2069?$/ })
		.getByRole('button', { name: 'حفظ' })
		.click();
	await expect(translator.getByText(/محدَّث ومطابق للنص الأصلي/)).toBeVisible();
	const after = await arabicText();
	expect(after!.source_revision).toBeGreaterThan(before!.source_revision);
	await shoot(translator, 'editor-ar-up-to-date');

	// 6. A small French change later: she reads the diff and marks the text up to date as it is.
	await dbQuery(
		`update paper_translations set title = title || ' (2026)' where paper_id = $1 and locale = 'fr'`,
		[PAPER]
	);
	await translator.reload();
	await expect(
		translator.getByRole('region', { name: /ما تغيّر في النص الأصلي/ }).locator('ins')
	).toContainText('(2026)');
	await translator.getByRole('button', { name: 'وضع علامة «محدَّثة»' }).click();
	await expect(translator.getByText(/محدَّث ومطابق للنص الأصلي/)).toBeVisible();
	const marked = await arabicText();
	expect(marked!.abstract).toBe(after!.abstract);
	expect(marked!.source_revision).toBeGreaterThan(after!.source_revision);
	await owner.goto(`/fr/papers/${PAPER}`);
	await expect(
		owner
			.getByRole('region', { name: 'Traductions' })
			.getByRole('listitem')
			.filter({ hasText: 'العربية' })
	).toContainText('à jour');

	// 7. An editor of another organisation (CODE) cannot open the translation nor write Arabic.
	const stranger = await as(PEOPLE.codeEditor.email, '/fr/dashboard');
	const editorPage = await stranger.goto(editorPath.replace('/ar/', '/fr/'));
	expect(editorPage?.status()).toBe(404);
	const editPage = await stranger.goto(`/fr/papers/${PAPER}/edit?locale=ar`);
	expect(editPage?.status()).toBe(403);
	const kept = await arabicText();
	const viaEditor = await postForm(stranger, `${editorPath.replace('/ar/', '/fr/')}?/save`, {
		revision: '99',
		title: 'Texte imposé',
		abstract: 'Écrit par une autre organisation.'
	});
	expect(viaEditor.status()).toBe(404);
	const viaEditPage = await postForm(stranger, `/fr/papers/${PAPER}/edit?/text`, {
		locale: 'ar',
		title: 'Texte imposé',
		abstract: 'Écrit par une autre organisation.'
	});
	expect(viaEditPage.status()).toBe(403);
	expect(await arabicText()).toEqual(kept);

	// The request is DCI Palestine's: the asked organisation in the database is the one shown.
	const rows = await dbQuery<{ organisation_id: string; status: string }>(
		`select organisation_id, status from translation_requests where item_id = $1`,
		[PAPER]
	);
	expect(rows).toEqual([{ organisation_id: ORG.dciPalestine, status: 'accepted' }]);
});
