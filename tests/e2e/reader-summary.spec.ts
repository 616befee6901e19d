import { signIn as signInByForm } from '../../scripts/built-app.mjs';
import { DEMO_PASSWORD, dbQuery, expect, hubCounting, ITEM, PEOPLE, test } from './fixtures';

/**
 * The bell's number and the lists' "new" link (the reader summary, root layout) come with the
 * page's own first request to PostgREST (private.pre_request, #lib/server/readerSummary), so a
 * member's page costs the requests of a visitor's; a page that asks PostgREST nothing asks for
 * them on its own. Each time read fresh from the database. The hub runs behind a counting
 * proxy of its own (hubCounting), so the numbers are this spec's whatever others do meanwhile.
 */

let hub: Awaited<ReturnType<typeof hubCounting>>;
test.beforeAll(async () => {
	hub = await hubCounting();
});
test.afterAll(async () => {
	hub?.stop();
	await dbQuery(`delete from public.notifications where recipient_id = $1 and data ? 'spec'`, [
		PEOPLE.member.id
	]);
});

const signIn = (email: string): Promise<string> => signInByForm(hub.baseURL, email, DEMO_PASSWORD);

/** A page's HTML and the PostgREST requests its view made. */
async function view(path: string, cookie?: string) {
	const before = hub.counts.rest;
	const response = await fetch(`${hub.baseURL}${path}`, {
		headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }
	});
	expect(response.status, path).toBe(200);
	const html = await response.text();
	return { html, rest: hub.counts.rest - before };
}

/** The bell's accessible name in the header's HTML. */
const bell = (html: string) => html.match(/class="bell[^"]*"[^>]*aria-label="([^"]*)"/)?.[1];

/** The member's unread notifications, as the database counts them. */
async function unread(): Promise<number> {
	const [row] = await dbQuery<{ n: number }>(
		`select count(*)::int as n from public.notifications where recipient_id = $1 and read_at is null`,
		[PEOPLE.member.id]
	);
	return row?.n ?? 0;
}

test('a member sees the bell and "new" on the requests of a visitor: the summary rides on the page’s own', async () => {
	const member = await signIn(PEOPLE.member.email);
	const editor = await signIn(PEOPLE.editor.email);
	// The first signed-in view may fetch Auth's public key; nothing of PostgREST depends on it.
	await view('/en/papers', member);
	const pages = [
		'/en/papers',
		'/en/events',
		'/en/actions',
		`/en/actions/${ITEM.publicAction}`,
		'/fr/organisations/dei-belgique'
	];
	for (const path of pages) {
		const visitor = await view(path);
		const signedIn = await view(path, member);
		expect(visitor.rest, path).toBeGreaterThan(0);
		expect(signedIn.rest, `${path}: a member's view makes a visitor's requests`).toBe(visitor.rest);
		expect(bell(visitor.html), path).toBeUndefined();
		expect(bell(signedIn.html), path).toMatch(/^(Notifications|Notifications, \d+ unread)$/);
	}
	// The create-right came along: an editor's list offers "new", a member's does not.
	expect((await view('/en/papers', editor)).html).toContain('New position paper');
	expect((await view('/en/papers', member)).html).not.toContain('New position paper');
});

test('the bell counts what the database holds on every view, carried or asked on its own', async () => {
	const member = await signIn(PEOPLE.member.email);
	const before = await unread();
	await dbQuery(
		`insert into public.notifications (recipient_id, type, data)
		 select $1, 'member_joined', '{"spec": "reader-summary"}' from generate_series(1, 3)`,
		[PEOPLE.member.id]
	);
	const now = await unread();
	expect(now).toBe(before + 3);
	// Carried by the page's request.
	const list = await view('/en/events', member);
	expect(bell(list.html)).toBe(`Notifications, ${now} unread`);
	// A page that asks PostgREST nothing itself: the summary is one request of its own.
	const plain = await view('/en/account-deleted', member);
	expect(plain.rest).toBe(1);
	expect(bell(plain.html)).toBe(`Notifications, ${now} unread`);
	// Read in the database: the next view says so, nothing was kept.
	await dbQuery(
		`update public.notifications set read_at = now() where recipient_id = $1 and data ? 'spec'`,
		[PEOPLE.member.id]
	);
	const after = await view('/en/events', member);
	expect(bell(after.html)).toBe(before ? `Notifications, ${before} unread` : 'Notifications');
});
