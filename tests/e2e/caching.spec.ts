import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { expect, ITEM, test } from './fixtures';

// Who may keep an answer (src/hooks.server.ts securityHeaders, README "Caching"): anonymous
// pages in shared caches with an ETag; never a signed-in page, an answer that sets a cookie,
// a form's answer or an error; the feeds answer 304 to a calendar app that has the current one.

const PAGE = `/en/events/${'30000000-0000-4000-8000-000000000203'}`;

test('an anonymous page may be kept by a shared cache, with an ETag that holds', async ({
	playwright,
	baseURL
}) => {
	// The language cookie is remembered already (as after a first visit): nothing is set.
	const visitor = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { cookie: 'hub_locale=en' }
	});
	const first = await visitor.get(PAGE);
	expect(first.status()).toBe(200);
	expect(first.headers()['set-cookie']).toBeUndefined();
	expect(first.headers()['cache-control']).toMatch(
		/^public, .*s-maxage=\d+.*stale-while-revalidate=\d+/
	);
	expect(first.headers()['vary']).toMatch(/Cookie/i);
	const etag = first.headers()['etag'];
	expect(etag).toMatch(/^"[\w-]+"$/);

	// Inline scripts are allowed by their hashes: a kept page holds no nonce shared by all
	// its visitors, and the same page gives the same bytes, hence the same ETag.
	const csp = first.headers()['content-security-policy'];
	expect(csp).toMatch(/script-src [^;]*'sha256-/);
	expect(csp).not.toContain('nonce-');
	const second = await visitor.get(PAGE);
	expect(second.headers()['etag']).toBe(etag);

	const revalidated = await visitor.get(PAGE, { headers: { 'if-none-match': etag! } });
	expect(revalidated.status()).toBe(304);
	expect(await revalidated.body()).toHaveLength(0);

	const other = await visitor.get(PAGE, { headers: { 'if-none-match': '"something-else"' } });
	expect(other.status()).toBe(200);
	await visitor.dispose();
});

test('an answer that sets a cookie, a form answer and an error page are never public', async ({
	playwright,
	baseURL
}) => {
	const fresh = await playwright.request.newContext({ baseURL });
	// A first visit remembers the language: Set-Cookie, so no shared cache may store it.
	const first = await fresh.get(PAGE);
	expect(first.status()).toBe(200);
	expect(first.headers()['set-cookie']).toContain('hub_locale=en');
	expect(first.headers()['cache-control'] ?? '').not.toContain('public');

	const form = await fresh.post('/en/sign-in', {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { email: 'nobody@example.org', password: 'wrong password' }
	});
	expect(form.headers()['cache-control'] ?? '').not.toContain('public');

	const missing = await fresh.get('/en/events/30000000-0000-4000-8000-999999999999');
	expect(missing.status()).toBe(404);
	expect(missing.headers()['cache-control'] ?? '').not.toContain('public');
	await fresh.dispose();
});

test('a signed-in page stays private and has no ETag', async ({ asMember }) => {
	for (const path of [PAGE, `/fr/actions/${ITEM.publicAction}`, '/fr/events']) {
		const response = await asMember.request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('private, no-store');
		expect(response.headers()['etag'], path).toBeUndefined();
	}
});

test('calendar feeds answer 304 to an app that has the current version', async ({ request }) => {
	// Other tests change events while this one runs, so a feed may really change between
	// two requests: an app that has the version just served is answered 304 as soon as the
	// feed holds still (a feed whose ETag changed at every request would never pass).
	const revalidates = async (path: string) => {
		const feed = await request.get(path);
		expect(feed.status(), path).toBe(200);
		const again = await request.get(path, {
			headers: { 'if-none-match': feed.headers()['etag']! }
		});
		expect(again.status(), path).toBe(304);
		return { feed, again };
	};

	await expect(async () => {
		const { feed } = await revalidates('/en/events/feed.ics');
		// A feed sets no cookie (calendar apps keep none), so shared caches may keep it.
		expect(feed.headers()['set-cookie']).toBeUndefined();
		expect(feed.headers()['cache-control']).toMatch(/^public, /);
	}).toPass({ timeout: 15_000 });

	await expect(async () => {
		const { feed, again } = await revalidates('/en/calendar/demo-calendar-sarah.ics');
		expect(feed.headers()['cache-control']).toBe('private, no-cache');
		expect(again.headers()['cache-control']).toBe('private, no-cache');
	}).toPass({ timeout: 15_000 });
});

test('a feed the app keeps shows a new public event at once, and drops it once deleted', async ({
	request
}) => {
	// The app keeps a built feed while the database holds still (src/lib/server/unchanged.ts):
	// the network's and the organisation's feeds, read just before, must not be given again
	// from the store after the event is written, nor after it is deleted.
	const id = '30000000-0000-4000-8000-000000003700';
	const when = new Date();
	when.setUTCDate(9);
	when.setUTCMonth(when.getUTCMonth() + 4);
	const feeds = ['/en/events/feed.ics', '/fr/organisations/dei-belgique/events.ics'];
	const listed = async () =>
		Promise.all(feeds.map(async (path) => (await (await request.get(path)).text()).includes(id)));

	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	try {
		expect(await listed()).toEqual([false, false]);
		await db.query(
			`insert into public.items (id, kind, owner_organisation_id, status, visibility)
			 values ($1, 'event', '10000000-0000-4000-8000-000000000002', 'published', 'public')`,
			[id]
		);
		await db.query(
			`insert into public.events (id, original_locale, starts_at, ends_at)
			 values ($1, 'en', $2, $2::timestamptz + interval '1 hour')`,
			[id, when.toISOString()]
		);
		await db.query(
			`insert into public.event_translations (event_id, locale, title)
			 values ($1, 'en', 'Feed freshness check')`,
			[id]
		);
		expect(await listed()).toEqual([true, true]);
		await db.query('delete from public.items where id = $1', [id]);
		expect(await listed()).toEqual([false, false]);
	} finally {
		await db.query('delete from public.items where id = $1', [id]);
		await db.end();
	}
});

test.describe('a busy day of the month view', () => {
	// Five public events on one day four months ahead (after every seed event).
	const ids = Array.from(
		{ length: 5 },
		(_, i) => `30000000-0000-4000-8000-0000000036${String(i).padStart(2, '0')}`
	);
	const next = new Date();
	next.setUTCDate(1);
	next.setUTCMonth(next.getUTCMonth() + 4);
	const month = next.toISOString().slice(0, 7);
	const day = `${month}-17`;

	async function sql(text: string, params: unknown[] = []) {
		const db = new pg.Client({ connectionString: DB_URL });
		await db.connect();
		try {
			await db.query(text, params);
		} finally {
			await db.end();
		}
	}

	test.beforeAll(async () => {
		await sql(
			`insert into public.items (id, kind, owner_organisation_id, status, visibility)
			 select id, 'event', '10000000-0000-4000-8000-000000000002', 'published', 'public'
			 from unnest($1::uuid[]) id`,
			[ids]
		);
		await sql(
			`insert into public.events (id, original_locale, starts_at, ends_at)
			 select id, 'en', ($2::date + time '09:00' + n * interval '1 hour') at time zone 'Europe/Brussels',
			        ($2::date + time '09:30' + n * interval '1 hour') at time zone 'Europe/Brussels'
			 from unnest($1::uuid[]) with ordinality as t (id, n)`,
			[ids, day]
		);
		await sql(
			`insert into public.event_translations (event_id, locale, title)
			 select id, 'en', 'Busy day session ' || n from unnest($1::uuid[]) with ordinality as t (id, n)`,
			[ids]
		);
	});
	test.afterAll(async () => {
		await sql('delete from public.items where id = any($1::uuid[])', [ids]);
	});

	test('shows three events and a link to all of them, at 360 px too', async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await page.goto(`/en/events?view=month&month=${month}`);
		const cell = page.locator(`#day-${day}`);
		await expect(cell.getByRole('link', { name: /^Busy day session/ })).toHaveCount(3);
		const more = cell.getByRole('link', { name: /^\+ 2 more/ });
		await expect(more).toBeVisible();
		const box = await more.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(24);
		expect(box!.x + box!.width).toBeLessThanOrEqual(360);

		await more.click();
		await expect(page).toHaveURL(new RegExp(`day=${day}`));
		await expect(
			page.locator(`#day-${day}`).getByRole('link', { name: /^Busy day session/ })
		).toHaveCount(5);
		await expect(page.locator(`#day-${day}`).getByText(/more/)).toHaveCount(0);

		await page.goto(`/fr/events?view=month&month=${month}`);
		await expect(
			page.locator(`#day-${day}`).getByRole('link', { name: /^\+ 2 autres/ })
		).toBeVisible();
		await context.close();
	});
});
