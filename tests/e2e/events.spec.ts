import { expect, expectAccessible, ITEM, parseCalendar, PEOPLE, test } from './fixtures';

const EVENT = {
	webinarAmsterdam: '30000000-0000-4000-8000-000000000203',
	networkWorkshop: '30000000-0000-4000-8000-000000000202',
	participantsZurich: '30000000-0000-4000-8000-000000000206',
	cancelled: '30000000-0000-4000-8000-000000000209',
	approval: '30000000-0000-4000-8000-000000000204'
};

test('upcoming public events are listed soonest first, in two languages', async ({ page }) => {
	await page.goto('/en/events');
	await expect(page.getByRole('link', { name: 'Upcoming', exact: true })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(
		page.getByRole('link', { name: 'Webinar: pre-trial detention of children in the Netherlands' })
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Workshop participatie met jonge kinderen' })
	).toHaveCount(0);
	const times = await page
		.locator('article time')
		.evaluateAll((nodes) => nodes.map((node) => Date.parse(node.getAttribute('datetime') ?? '')));
	expect(times.length).toBeGreaterThan(3);
	expect([...times].sort((a, b) => a - b)).toEqual(times);
	await expectAccessible(page);

	await page.goto('/es/events');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eventos');
	await expectAccessible(page);
});

test('the month view starts weeks on the locale first day and places events on their day', async ({
	page
}) => {
	await page.goto('/en/events');
	const firstDate = await page.locator('article time').first().getAttribute('datetime');
	const month = firstDate!.slice(0, 7);
	await page.goto(`/nl/events?view=month&month=${month}`);
	await expect(page.locator('.weekdays span').first()).toHaveText('ma');
	await expect(page.locator('.month a').first()).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/en/events?view=month&month=${month}`);
	await expect(page.locator('.weekdays span').first()).toHaveText('Sun');
});

test('an event shows its time in its own zone, and the reader zone when it differs', async ({
	browser
}) => {
	const elsewhere = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
	const page = await elsewhere.newPage();
	await page.goto(`/en/events/${EVENT.webinarAmsterdam}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Webinar: pre-trial detention of children in the Netherlands'
	);
	await expect(page.locator('dd time')).toContainText(/(?<!\d)3:00(?!\d)/);
	await expect(page.getByText(/your time/)).toContainText(/(?<!\d)9:00(?!\d)/);
	await expect(
		page.getByText('The online link is shown to registered participants.')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Join online' })).toHaveCount(0);
	await expectAccessible(page);
	await elsewhere.close();

	const local = await browser.newContext({ timezoneId: 'Europe/Brussels' });
	const here = await local.newPage();
	await here.goto(`/fr/events/${EVENT.webinarAmsterdam}`);
	await expect(here.locator('dd time')).toContainText(/(?<!\d)15:00(?!\d)/);
	await expect(here.getByText(/chez vous/)).toHaveCount(0);
	await expectAccessible(here);
	await local.close();
});

test('a signed-in reader sees their own registration, and the online link only when confirmed or organising', async ({
	as
}) => {
	const path = `/en/events/${EVENT.webinarAmsterdam}`;
	const link = 'https://meet.example.org/dci-nl-pretrial-detention';

	// Emma (DCI Nederland) has a confirmed place: her state and the link.
	const emma = await as(PEOPLE.dciNlMember.email, path);
	await expect(emma.getByText('You are registered.')).toBeVisible();
	await expect(emma.getByRole('link', { name: 'Join online' })).toHaveAttribute('href', link);

	// Sarah (DEI Belgique) cancelled hers: she is told so, and the link is not on her page.
	const sarah = await as(PEOPLE.member.email, path);
	await expect(sarah.getByText('You cancelled your registration.')).toBeVisible();
	await expect(
		sarah.getByText('The online link is shown to registered participants.')
	).toBeVisible();
	await expect(sarah.getByRole('link', { name: 'Join online' })).toHaveCount(0);
	expect(await sarah.content()).not.toContain(link);

	// Maarten, admin of the organiser, is not registered: the link, and the registrations page.
	const maarten = await as('admin@dci-nl.demo', path);
	await expect(maarten.getByText('You are registered.')).toHaveCount(0);
	await expect(maarten.getByRole('link', { name: 'Join online' })).toHaveAttribute('href', link);
	await expect(maarten.locator(`a[href$="${EVENT.webinarAmsterdam}/registrations"]`)).toBeVisible();
});

test('the .ics of an event parses, in the event zone, and links back to the event', async ({
	request
}) => {
	const response = await request.get(`/en/events/${EVENT.webinarAmsterdam}/event.ics`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/calendar');
	expect(response.headers()['content-disposition']).toContain('attachment');
	const [event] = parseCalendar(await response.text());
	expect(event!.summary).toBe('Webinar: pre-trial detention of children in the Netherlands');
	expect(event!.startDate.zone.tzid).toBe('Europe/Amsterdam');
	expect(event!.startDate.hour).toBe(15);
	expect(event!.component.getFirstPropertyValue('url')).toMatch(
		new RegExp(`/en/events/${EVENT.webinarAmsterdam}$`)
	);
	expect(await response.text()).not.toContain('meet.example.org');
});

test('the public feed has public events only, never the online link', async ({ request }) => {
	const text = await (await request.get('/en/events/feed.ics')).text();
	const events = parseCalendar(text);
	const uids = events.map((event) => event.uid.split('@')[0]);
	expect(uids).toContain(EVENT.webinarAmsterdam);
	expect(uids).not.toContain(EVENT.networkWorkshop);
	expect(uids).not.toContain(EVENT.participantsZurich);
	expect(text).not.toContain('meet.example.org');
});

test('a personal feed has what its owner may see; an unknown token has nothing', async ({
	request
}) => {
	// Sarah (member of DCI-Belgium) holds the demo token; the network workshop is hers to see,
	// the Swiss participants-only workshop is not.
	const mine = parseCalendar(
		await (await request.get('/en/calendar/demo-calendar-sarah.ics')).text()
	);
	const uids = mine.map((event) => event.uid.split('@')[0]);
	expect(uids).toContain(EVENT.networkWorkshop);
	expect(uids).not.toContain(EVENT.participantsZurich);

	const response = await request.get('/en/calendar/not-a-real-token.ics');
	expect(response.status()).toBe(200);
	expect(parseCalendar(await response.text())).toHaveLength(0);
	// The calendar app may keep it and ask again with its ETag; a shared cache never stores it.
	expect(response.headers()['cache-control']).toBe('private, no-cache');
});

test('network and participants-only events answer 404 to a visitor', async ({ page }) => {
	for (const id of [EVENT.networkWorkshop, EVENT.participantsZurich]) {
		const response = await page.goto(`/en/events/${id}`);
		expect(response?.status(), id).toBe(404);
		const ics = await page.request.get(`/en/events/${id}/event.ics`);
		expect(ics.status(), id).toBe(404);
	}
});

test('a cancelled event says so and offers no registration', async ({ page }) => {
	await page.goto(`/fr/events/${EVENT.cancelled}`);
	await expect(page.getByText('Cet événement a été annulé.')).toBeVisible();
	await expect(page.getByRole('button', { name: "S'inscrire" })).toHaveCount(0);
	await expectAccessible(page);
});

test('a visitor is invited to sign in to register', async ({ page }) => {
	await page.goto(`/de/events/${EVENT.approval}`);
	await expect(page.getByText('Anmeldung mit Bestätigung durch die Veranstalter')).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Melden Sie sich an, um teilzunehmen' })
	).toHaveAttribute('href', `/de/sign-in?next=%2Fde%2Fevents%2F${EVENT.approval}`);
});

test('an event not written in the reader language says so, as an event', async ({ page }) => {
	await page.goto(`/es/events/${EVENT.webinarAmsterdam}`);
	await expect(page.getByText('Este evento todavía no está disponible en español.')).toBeVisible();
});

test('an event page describes itself to search engines with the first words of its text', async ({
	page
}) => {
	await page.goto(`/nl/events/${ITEM.publicWebinar}`);
	await expect(page.locator('meta[name="description"]')).toHaveAttribute(
		'content',
		'Eerste resultaten van het onderzoek van Defence for Children bij drie rechtbanken.'
	);
	await page.goto('/en/apply');
	await expect(page.locator('meta[name="description"]')).toHaveAttribute(
		'content',
		/^Child-rights organisations and DCI sections/
	);
});
