import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { expect, ITEM, PEOPLE, parseCalendar, test } from './fixtures';

// Routes and actions no other spec exercised: an organisation's calendar feed, the account
// page's personal feed (create, use, revoke) and posting on an action's timeline.

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	try {
		return (await db.query<T>(sql, params)).rows;
	} finally {
		await db.end();
	}
}

const uids = (text: string) => parseCalendar(text).map((event) => event.uid.split('@')[0]);

test.describe('an organisation calendar feed', () => {
	// Seed: DCI Italy organises a public seminar (208) and takes part in the Swiss
	// participants-only workshop (206); the Flemish coalition organises a network workshop (202).
	const SEMINAR = '30000000-0000-4000-8000-000000000208';
	const SWISS_WORKSHOP = '30000000-0000-4000-8000-000000000206';
	const NETWORK_WORKSHOP = '30000000-0000-4000-8000-000000000202';

	test('has only public events, for a visitor and for a member who may read the others', async ({
		request,
		as
	}) => {
		const visitor = await request.get('/en/organisations/dci-italia/events.ics');
		expect(visitor.status()).toBe(200);
		expect(visitor.headers()['content-type']).toContain('text/calendar');
		expect(uids(await visitor.text())).toEqual([SEMINAR]);

		// Giulia, admin of DCI Italy, reads the Swiss workshop on the hub (she takes part), but
		// a subscribable organisation feed is for anyone: it stays out.
		const giulia = await as('admin@dci-italia.demo', '/en');
		expect((await giulia.goto(`/en/events/${SWISS_WORKSHOP}`))?.status()).toBe(200);
		const member = await giulia.request.get('/en/organisations/dci-italia/events.ics');
		expect(uids(await member.text())).toEqual([SEMINAR]);

		// Lotte is a member of the coalition and reads its network workshop; its feed is empty.
		const lotte = await as(PEOPLE.editor.email, '/nl');
		expect((await lotte.goto(`/nl/events/${NETWORK_WORKSHOP}`))?.status()).toBe(200);
		const coalition = await lotte.request.get('/nl/organisations/kinderrechtencoalitie/events.ics');
		expect(coalition.status()).toBe(200);
		expect(uids(await coalition.text())).toEqual([]);
	});

	test('of an unknown organisation answers 404', async ({ request }) => {
		expect((await request.get('/en/organisations/no-such-organisation/events.ics')).status()).toBe(
			404
		);
	});
});

test('the account page creates a personal feed, which works until it is revoked', async ({
	as
}) => {
	// Nikos (DCI Greece) holds no feed in the seed; only his row is touched.
	const nikos = await as('admin@dci-greece.demo', '/en/account');
	await query(
		"delete from calendar_tokens where user_id = (select id from auth.users where email = 'admin@dci-greece.demo')",
		[]
	);
	await nikos.reload();
	await expect(nikos.getByText('You do not have a feed address yet.')).toBeVisible();
	await nikos.getByRole('button', { name: 'Create a feed address' }).click();
	const address = nikos.getByLabel('Your feed address');
	await expect(address).toHaveValue(/\/en\/calendar\/[^/]+\.ics$/);
	const url = await address.inputValue();

	// The address lists what Nikos may see: the network workshop of another organisation.
	const feed = await nikos.request.get(url);
	expect(feed.status()).toBe(200);
	expect(uids(await feed.text())).toContain('30000000-0000-4000-8000-000000000202');

	await nikos.getByRole('button', { name: 'Revoke the feed address' }).click();
	await expect(
		nikos.getByText(
			'The feed address has been revoked. Calendar apps using it will no longer receive events.'
		)
	).toBeVisible();
	const revoked = await nikos.request.get(url);
	expect(revoked.status()).toBe(200);
	expect(uids(await revoked.text())).toEqual([]);
	expect(
		await query(
			"select revoked_at is not null as revoked from calendar_tokens where user_id = (select id from auth.users where email = 'admin@dci-greece.demo')",
			[]
		)
	).toEqual([{ revoked: true }]);
});

test('an editor of the owner posts an update on the timeline of an action', async ({
	asEditor
}) => {
	const body = `Eerste telling van de speelpleinen klaar (${Date.now()}).`;
	try {
		await asEditor.goto(`/nl/actions/${ITEM.publicAction}`);
		await asEditor
			.getByLabel('In naam van')
			.selectOption({ label: 'Défense des Enfants International – Belgique' });
		await asEditor.getByLabel('Taal van deze tekst').selectOption('nl');
		await asEditor.getByLabel('Update', { exact: true }).fill(body);
		await asEditor.getByRole('button', { name: 'Een update plaatsen' }).click();
		await expect(asEditor.getByText(body)).toBeVisible();
		expect(
			await query('select locale, organisation_id from joint_action_updates where body = $1', [
				body
			])
		).toEqual([{ locale: 'nl', organisation_id: '10000000-0000-4000-8000-000000000002' }]);
		// Readers see it too.
		const visitor = await asEditor.context().browser()!.newContext();
		const page = await visitor.newPage();
		await page.goto(`/nl/actions/${ITEM.publicAction}`);
		await expect(page.getByText(body)).toBeVisible();
		await visitor.close();
	} finally {
		await query('delete from joint_action_updates where body = $1', [body]);
	}
});
