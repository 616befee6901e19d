// Two app servers against one stack behave as one (issue 18): nothing that must be shared lives
// in one process's memory. A person signs in on one and acts on the other; a registration made
// on one is cancelled on the other; wrong passwords are counted across both.
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, dbQuery, expect, hubCounting, test } from './fixtures';

// An open public event no other spec registers anyone for, and a person no spec signs in as
// for it (the registration is removed afterwards).
const EVENT = '/es/events/30000000-0000-4000-8000-000000000205';
const PERSON = 'member@lacode.demo';

test.describe.configure({ mode: 'serial' });

let second: Awaited<ReturnType<typeof hubCounting>>;
test.beforeAll(async () => {
	second = await hubCounting();
});
test.afterAll(async () => {
	second?.stop();
	await dbQuery(
		`delete from public.event_registrations r using auth.users u
		  where r.user_id = u.id and u.email = $1 and r.event_id = '30000000-0000-4000-8000-000000000205'`,
		[PERSON]
	);
});

test('signed in on one server, registered there, cancelled on the other', async ({ as }) => {
	// Signed in and registered on the first server.
	const page = await as(PERSON, EVENT);
	await page.getByRole('button', { name: 'Inscribirme' }).click();
	await expect(page.getByText('Está inscrito/a.')).toBeVisible();

	// The same browser (the session cookie is the host's, whatever the port) on the second.
	const other = `${second.baseURL}${EVENT}`;
	await page.goto(other);
	await expect(page.getByText('Está inscrito/a.')).toBeVisible();
	await page.getByRole('button', { name: 'Cancelar mi inscripción' }).click();
	await expect(page.getByText('Ha cancelado su inscripción.')).toBeVisible();
	expect(new URL(page.url()).port).toBe(new URL(second.baseURL).port);

	// Back on the first: cancelled there too, and once in the database.
	await page.goto(EVENT);
	await expect(page.getByRole('button', { name: 'Inscribirme' })).toBeVisible();
	const rows = await dbQuery<{ status: string }>(
		`select r.status from public.event_registrations r join auth.users u on u.id = r.user_id
		  where u.email = $1 and r.event_id = '30000000-0000-4000-8000-000000000205'`,
		[PERSON]
	);
	expect(rows.map((row) => row.status)).toEqual(['cancelled']);
});

test('wrong passwords are counted across both servers', async ({ browser, baseURL }) => {
	test.slow(); // each refused sign-in answers after at least a second
	const email = `nobody-${randomUUID().slice(0, 8)}@example.org`;
	const context = await browser.newContext();
	const page = await context.newPage();
	const submit = async (base: string, password: string) => {
		await page.goto(`${base}/en/sign-in`);
		const form = page.locator('form').filter({ has: page.getByLabel('Password', { exact: true }) });
		await form.getByLabel('Email address', { exact: true }).fill(email);
		await form.getByLabel('Password', { exact: true }).fill(password);
		await form.getByRole('button', { name: 'Sign in', exact: true }).click();
		return page.getByRole('alert');
	};
	try {
		// Five wrong passwords, alternately on each server: each answered normally.
		for (let i = 1; i <= 5; i++) {
			const base = i % 2 ? (baseURL ?? '') : second.baseURL;
			await expect(await submit(base, `wrong-${i}`)).toHaveText(
				'The email address or the password is not correct.'
			);
		}
		// The sixth is refused on either: the count lives in Postgres, not in a process.
		await expect(await submit(second.baseURL, DEMO_PASSWORD)).toHaveText(/^Too many attempts/);
	} finally {
		await context.close();
		await dbQuery(
			`delete from private.throttle_attempts
			  where action = 'sign_in' and scope = 'account'
			    and key_hash = private.throttle_key_hash('sign_in', 'account', $1)`,
			[email]
		);
	}
});
