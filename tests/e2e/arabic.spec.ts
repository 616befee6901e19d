import type { Page } from '@playwright/test';
import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import {
	expect,
	expectAccessible,
	ITEM,
	NAMESPACED_KEY,
	parseCalendar,
	PEOPLE,
	test,
	watchErrors
} from './fixtures';

// Issue 16, Arabic: the hub in Arabic, right to left, with Arabic content found by Arabic
// words, and mixed-direction text readable on Arabic and French pages. Every page state is
// scanned by axe (fixtures.ts).

const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/;
const FSI = '\u2068';
const PDI = '\u2069';

/** The computed writing direction of the first element a selector finds. */
const directionOf = (page: Page, selector: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((element) => getComputedStyle(element).direction);

const PAGES = [
	{ path: '/ar', heading: 'معًا من أجل حقوق الطفل' },
	{ path: '/ar/actions', heading: 'الأعمال المشتركة' },
	{
		path: `/ar/actions/${ITEM.palestineAction}`,
		heading: 'توثيق احتجاز الأطفال الفلسطينيين في المحاكم العسكرية'
	},
	{ path: '/ar/events', heading: 'الفعاليات' },
	{ path: '/ar/events?view=month', heading: 'الفعاليات' },
	{ path: '/ar/papers', heading: 'أوراق الموقف' },
	{ path: '/ar/organisations', heading: 'المنظمات' },
	{ path: '/ar/sign-in', heading: 'تسجيل الدخول' },
	{ path: '/ar/apply', heading: 'طلب الانضمام إلى الشبكة' }
];

for (const { path, heading } of PAGES) {
	test(`${path} is in Arabic, right to left, with no key, no error and Latin digits`, async ({
		page
	}) => {
		const errors = watchErrors(page);
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await page.waitForLoadState('networkidle');
		const text = await page.locator('body').innerText();
		expect(text.match(NAMESPACED_KEY)?.[0] ?? null, 'a key shown').toBeNull();
		expect(text.match(ARABIC_INDIC_DIGIT)?.[0] ?? null, 'an Arabic-Indic digit').toBeNull();
		expect(await directionOf(page, 'main')).toBe('rtl');
		expect(errors).toEqual([]);
	});
}

test('the language switcher and the alternates offer Arabic, named in Arabic and right to left', async ({
	page
}) => {
	await page.goto('/fr/sign-in');
	await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveAttribute(
		'href',
		/\/ar\/sign-in$/
	);
	await page.locator('summary', { hasText: 'Choisir une langue' }).click();
	const arabic = page.getByRole('link', { name: 'العربية' });
	await expect(arabic).toHaveAttribute('hreflang', 'ar');
	await expect(arabic).toHaveAttribute('lang', 'ar');
	await expect(arabic).toHaveAttribute('dir', 'rtl');
	await arabic.click();
	await expect(page).toHaveURL(/\/ar\/sign-in$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('تسجيل الدخول');
	// And back: the French page is left to right again.
	await page.locator('summary', { hasText: 'اختيار اللغة' }).click();
	await page.getByRole('link', { name: 'Français' }).click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('a browser that asks for Arabic gets the Arabic pages', async ({ browser }) => {
	const context = await browser.newContext({
		locale: 'ar-PS',
		extraHTTPHeaders: { 'accept-language': 'ar-PS,ar;q=0.9,en;q=0.5' }
	});
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/\/ar$/);
	await context.close();
});

test.describe('laid out right to left', () => {
	test.use({ viewport: { width: 1280, height: 900 } });

	/** Where an element's box sits: its left and right edges, and the page's middle. */
	async function box(page: Page, locator: ReturnType<Page['locator']>) {
		const rect = (await locator.boundingBox())!;
		return { left: rect.x, right: rect.x + rect.width, middle: 1280 / 2 };
	}

	test('the skip link, the back link and the column of facts are mirrored from French', async ({
		page
	}) => {
		for (const [locale, back, organisations] of [
			['fr', 'Toutes les actions communes', 'Organisations impliquées'],
			['ar', 'كل الأعمال المشتركة', 'المنظمات المعنيّة']
		] as const) {
			await page.goto(`/${locale}/actions/${ITEM.palestineAction}`);
			await page.keyboard.press('Tab');
			const skip = await box(page, page.locator('.skip-link'));
			const link = await box(page, page.getByRole('link', { name: back }));
			const main = await box(page, page.locator('main'));
			const facts = await box(page, page.getByRole('heading', { name: organisations }));
			if (locale === 'ar') {
				// Right to left: what French puts on the left is on the right, and the reverse.
				expect(skip.left).toBeGreaterThan(skip.middle);
				expect(main.right - link.right).toBeLessThan(40);
				expect(facts.right).toBeLessThan(facts.middle);
			} else {
				expect(skip.right).toBeLessThan(skip.middle);
				expect(link.left - main.left).toBeLessThan(40);
				expect(facts.left).toBeGreaterThan(facts.middle);
			}
		}
	});

	test('"previous" points to the right in Arabic, and is the rightmost link of the pages', async ({
		page
	}) => {
		await page.goto('/ar/actions?page=7');
		const pages = page.getByRole('navigation', { name: 'الصفحات' });
		const previous = pages.getByRole('link', { name: 'الصفحة السابقة', exact: true });
		await expect(previous).toHaveAttribute('href', '?page=6');
		await expect(previous).toHaveText('→ الصفحة السابقة');
		const current = await box(page, pages.locator('[aria-current="page"]'));
		expect((await box(page, previous)).left).toBeGreaterThan(current.right);

		await page.goto('/fr/actions?page=7');
		await expect(page.getByRole('link', { name: 'Page précédente', exact: true })).toHaveText(
			'← Page précédente'
		);
	});

	test('the month starts on the right', async ({ page }) => {
		await page.goto('/ar/events?view=month&month=2026-12');
		const first = await box(page, page.locator('#day-2026-12-01'));
		const second = await box(page, page.locator('#day-2026-12-02'));
		expect(second.right).toBeLessThan(first.left);
		await expect(page.getByRole('heading', { level: 2, name: 'ديسمبر 2026' })).toBeVisible();
	});
});

test('search finds the Arabic text of an action by an inflected word, in Arabic and in French', async ({
	page
}) => {
	await page.goto('/ar/actions');
	await page.getByLabel('بحث', { exact: true }).fill('معتقل');
	await page.getByRole('button', { name: 'عرض' }).click();
	await expect(page).toHaveURL(/q=/);
	await expect(page.getByRole('status')).toHaveText('عمل مشترك واحد');
	const card = page.getByRole('link', {
		name: 'توثيق احتجاز الأطفال الفلسطينيين في المحاكم العسكرية'
	});
	await expect(card).toBeVisible();
	await expect(page.locator('h2.item-title').first()).toHaveAttribute('dir', 'rtl');

	// The same Arabic text answers a French reader, who sees the action in French.
	await page.goto(`/fr/actions?q=${encodeURIComponent('بالمعتقلين')}`);
	await expect(page.getByRole('status')).toHaveText('1 action commune');
	await expect(
		page.getByRole('link', { name: /Documenter la détention des enfants palestiniens/ })
	).toBeVisible();

	// A word the text does not have finds nothing.
	await page.goto(`/ar/actions?q=${encodeURIComponent('مدرسة')}`);
	await expect(page.getByRole('status')).toHaveText(`لم يُعثر على نتائج لـ«${FSI}مدرسة${PDI}».`);
});

test('mixed directions: Arabic text on a French page, Latin names on an Arabic page', async ({
	page
}) => {
	// An Arabic post on the French page is laid out right to left, apart from the French.
	await page.goto(`/fr/actions/${ITEM.palestineAction}`);
	const arabicPost = page.locator('.prose[lang="ar"]');
	await expect(arabicPost).toHaveAttribute('dir', 'rtl');
	expect(await directionOf(page, '.prose[lang="ar"]')).toBe('rtl');
	expect(await directionOf(page, 'h1')).toBe('ltr');

	// On the Arabic page, a French post stays left to right and a Latin organisation name is
	// isolated from the Arabic around it.
	await page.goto(`/ar/actions/${ITEM.palestineAction}`);
	expect(await directionOf(page, '.prose[lang="fr"]')).toBe('ltr');
	const name = page.locator('bdi', { hasText: 'Défense des Enfants International – Belgique' });
	await expect(name.first()).toBeVisible();
	expect(await name.first().evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
	await expect(page.getByRole('definition').filter({ hasText: 'military detention' })).toHaveText(
		'military detention، documentation'
	);
});

test('a form on an Arabic page shows a saved Latin name left to right, and an empty field right to left', async ({
	as
}) => {
	// LA CODE's admin edits Belgium's CRC cycle, whose name is in English.
	const page = await as(
		'admin@lacode.demo',
		'/ar/countries/be/cycles/50000000-0000-4000-8000-000000000001'
	);
	const name = page
		.getByRole('region', { name: 'تعديل الدورة' })
		.getByLabel('الاسم', { exact: true });
	await expect(name).toHaveValue(/^Belgium – periodic review/);
	expect(await name.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
	// Nothing typed yet: the page's direction, the language its reader most likely types in.
	const stageName = page
		.getByRole('region', { name: 'إضافة مرحلة' })
		.getByLabel('اسم خاص (اختياري)');
	await expect(stageName).toHaveValue('');
	expect(await stageName.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
});

test('a notification about a French item shows its title left to right on the Arabic page', async ({
	as
}) => {
	// DEI Belgique's French action, whose English translation its admin is told is out of date.
	const page = await as(PEOPLE.admin.email, '/ar/notifications');
	const title = page.getByRole('link', { name: "On n'enferme pas un enfant. Point." }).first();
	await expect(title).toHaveAttribute('lang', 'fr');
	// Right to left, its full stop would stand before "On".
	expect(await title.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
});

test('an Arabic sentence isolates the Latin name it names', async ({ as }) => {
	// DCI Palestine's webinar is shared with the network, of which its admin is a member.
	const page = await as(PEOPLE.palestineAdmin.email, `/ar/events/${ITEM.palestineWebinar}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'ندوة عبر الإنترنت: الأطفال في الاحتجاز العسكري'
	);
	await expect(page.getByText('وأنت عضو في')).toHaveText(
		`يمكنك الاطلاع على هذه الفعالية لأنها مشتركة مع الشبكة كلها وأنت عضو في ${FSI}Defense for Children International – Palestine${PDI}.`
	);
});

const created: string[] = [];

test.afterAll(async () => {
	// The draft made below does not outlive the run.
	if (created.length === 0) return;
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	await db.query('delete from items where id = any($1)', [created]);
	await db.end();
});

test('an action written in Arabic: the form refuses in Arabic, then its title reads right to left on a French page', async ({
	as
}) => {
	const page = await as(PEOPLE.palestineAdmin.email, '/ar/actions/new');
	await expect(page.getByLabel('لغة هذا النص')).toHaveValue('ar');
	await page.getByRole('button', { name: 'حفظ كمسودة' }).click();
	await expect(page.getByRole('alert').first()).toContainText('يُرجى تصحيح الحقول المشار إليها.');
	await expect(page.getByLabel('العنوان')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('هذا الحقل مطلوب.').first()).toBeVisible();
	await expectAccessible(page);

	const title = `حماية الأطفال في نظام قضاء الأحداث ${Date.now()}`;
	await page.getByLabel('العنوان').fill(title);
	await page.getByLabel('الملخّص').fill('حملة مشتركة من أجل بدائل الاحتجاز.');
	await page.getByLabel('الإجراءات القانونية').check();
	await page.getByLabel('مواد اتفاقية حقوق الطفل').fill('٣٧، ٤٠');
	await page.getByLabel('المواضيع').fill('قضاء الأحداث، بدائل الاحتجاز');
	await page.getByRole('button', { name: 'حفظ كمسودة' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	const id = page.url().split('/').pop() ?? '';
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	created.push(id);
	await expect(page.getByText(`المادة ${FSI}37${PDI} — التعذيب والحرمان من الحرية`)).toBeVisible();

	// The same draft on the French page: the page is left to right, the Arabic title right to left.
	await page.goto(`/fr/actions/${id}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText(title);
	await expect(heading).toHaveAttribute('lang', 'ar');
	await expect(heading).toHaveAttribute('dir', 'rtl');
	expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
	await expect(page.getByText(/n'est pas encore disponible en français/)).toBeVisible();
});

test('calendars and the registrant list speak Arabic to an Arabic reader', async ({ page, as }) => {
	// The public feed: its name and the word for an online event in Arabic.
	const feed = await page.request.get('/ar/events/feed.ics');
	expect(feed.status()).toBe(200);
	const ics = await feed.text();
	expect(ics).toContain('X-WR-CALNAME:DCI Network Hub – الفعاليات');
	expect(ics).toContain('LOCATION:عبر الإنترنت');
	expect(parseCalendar(ics).length).toBeGreaterThan(0);

	// The organiser's spreadsheet of DCI Palestine's webinar: Arabic headers and statuses.
	const khaled = await as(
		PEOPLE.palestineAdmin.email,
		`/ar/events/${ITEM.palestineWebinar}/registrations`
	);
	await expect(khaled.getByRole('heading', { level: 1 })).toHaveText('التسجيلات');
	const csv = await khaled.request.get(`/ar/events/${ITEM.palestineWebinar}/registrations.csv`);
	expect(csv.status()).toBe(200);
	const [header, first] = (await csv.text()).replace('\uFEFF', '').split('\r\n');
	expect(header).toBe('الاسم;البريد الإلكتروني;المنظمات;الحالة;تاريخ التسجيل;تاريخ القرار');
	expect(first).toContain(PEOPLE.admin.email);
	expect(first).toContain(';مؤكَّد;');
	expect(csv.headers()['content-disposition']).toContain(
		"filename*=UTF-8''" + encodeURIComponent('التسجيلات')
	);
});
