import { afterAll, describe, expect, it } from 'vitest';
import { anonymous, db, ORG, signedIn } from './actors';

/**
 * Events through supabase-js → gateway → PostgREST → RLS: the race for the last place,
 * and leak attempts on the online link and the registrant list. Demo events from
 * supabase/seed.sql: 203 (DCI-NL public webinar, online, Emma and Benoît confirmed) and
 * 202 (Kinderrechtencoalitie network workshop, 2 places: Lotte and Sarah confirmed,
 * Nadia waiting).
 */
const EVENT = {
	publicWebinar: '30000000-0000-4000-8000-000000000203',
	fullWorkshop: '30000000-0000-4000-8000-000000000202'
} as const;

const createdItems: string[] = [];

afterAll(async () => {
	if (createdItems.length) {
		// Content, texts and registrations cascade from the item.
		await db.query('delete from items where id = any($1::uuid[])', [createdItems]);
	}
	await db.end();
});

/** A published network event of DCI-Belgium with one place, created behind the API. */
async function createOnePlaceEvent(): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		`insert into items (kind, owner_organisation_id, status, visibility, created_by)
		 values ('event', $1, 'published', 'network', '20000000-0000-4000-8000-000000000003')
		 returning id`,
		[ORG.deiBelgique]
	);
	const id = rows[0]!.id;
	createdItems.push(id);
	await db.query(
		`insert into events (id, original_locale, starts_at, ends_at, capacity, registration_mode)
		 values ($1, 'fr', now() + interval '7 days', now() + interval '7 days 2 hours', 1, 'open')`,
		[id]
	);
	await db.query(
		`insert into event_translations (event_id, locale, title) values ($1, 'fr', 'Course à la dernière place')`,
		[id]
	);
	return id;
}

describe('the last place', () => {
	it('goes to exactly one of two people registering at the same moment', async () => {
		const [first, second] = await Promise.all([
			signedIn('member@lacode.demo'),
			signedIn('member@dci-nl.demo')
		]);
		for (let round = 0; round < 10; round += 1) {
			const eventId = await createOnePlaceEvent();
			const results = await Promise.all([
				first.rpc('register_for_event', { event_id: eventId }),
				second.rpc('register_for_event', { event_id: eventId })
			]);
			for (const result of results) expect(result.error, `round ${round}`).toBeNull();
			expect(results.map((r) => r.data).sort(), `round ${round}`).toEqual(['confirmed', 'waiting']);
			const { rows } = await db.query<{ confirmed: number }>(
				`select count(*)::int as confirmed from event_registrations
				 where event_id = $1 and status = 'confirmed'`,
				[eventId]
			);
			expect(rows[0]!.confirmed, `round ${round}`).toBe(1);
		}
	});

	it('registering twice is refused with a code the app maps', async () => {
		const eventId = await createOnePlaceEvent();
		const member = await signedIn('member@lacode.demo');
		expect((await member.rpc('register_for_event', { event_id: eventId })).data).toBe('confirmed');
		const again = await member.rpc('register_for_event', { event_id: eventId });
		expect(again.error?.code).toBe('EV001');
		expect(again.error?.message).toBe('you are already registered for this event');
	});

	it('a cancellation promotes the waiting person and tells the app who', async () => {
		const eventId = await createOnePlaceEvent();
		const nadia = await signedIn('member@lacode.demo');
		const emma = await signedIn('member@dci-nl.demo');
		expect((await nadia.rpc('register_for_event', { event_id: eventId })).data).toBe('confirmed');
		expect((await emma.rpc('register_for_event', { event_id: eventId })).data).toBe('waiting');
		const cancelled = await nadia.rpc('cancel_event_registration', { event_id: eventId });
		expect(cancelled.error).toBeNull();
		expect(cancelled.data).toEqual([{ promoted_user_id: '20000000-0000-4000-8000-000000000011' }]);
		const counts = await anonymous().rpc('event_registration_counts', { event_id: eventId });
		expect(counts.data).toEqual([]); // a network event: anonymous visitors get nothing
		const asMember = await emma.rpc('event_registration_counts', { event_id: eventId });
		expect(asMember.data).toEqual([{ confirmed: 1, waiting: 0, pending: 0 }]);
	});
});

describe('the online link does not leak', () => {
	it('is not read directly by a member who did not register, nor anonymously', async () => {
		const member = await signedIn('member@lacode.demo');
		const direct = await member
			.from('event_online_links')
			.select('url')
			.eq('event_id', EVENT.publicWebinar);
		expect(direct.error).toBeNull();
		expect(direct.data).toEqual([]);
		const all = await member.from('event_online_links').select('url');
		expect(all.data).toEqual([]);

		const anon = await anonymous().from('event_online_links').select('url');
		expect(anon).toMatchObject({
			data: null,
			error: { code: '42501', message: 'permission denied for table event_online_links' }
		});
	});

	it('does not come through an embedded relation', async () => {
		const member = await signedIn('member@lacode.demo');
		const embedded = await member
			.from('events')
			.select('*, event_online_links(url)')
			.eq('id', EVENT.publicWebinar);
		expect(embedded.error).toBeNull();
		expect(embedded.data).toHaveLength(1); // the event itself is public…
		expect(embedded.data![0]!.event_online_links).toBeNull(); // …its link is not
		expect(JSON.stringify(embedded.data)).not.toContain('meet.example.org');

		const anon = await anonymous()
			.from('events')
			.select('*, event_online_links(url)')
			.eq('id', EVENT.publicWebinar);
		expect(JSON.stringify(anon)).not.toContain('meet.example.org');
	});

	it('is read by a confirmed registrant (the leak checks above can fail)', async () => {
		const emma = await signedIn('member@dci-nl.demo');
		const { data } = await emma
			.from('events')
			.select('id, event_online_links(url)')
			.eq('id', EVENT.publicWebinar);
		expect(data).toEqual([
			{
				id: EVENT.publicWebinar,
				event_online_links: { url: 'https://meet.example.org/dci-nl-pretrial-detention' }
			}
		]);
	});
});

describe('the registrant list', () => {
	it('is not read by people who do not organise the event', async () => {
		for (const email of ['admin@dci-greece.demo', 'admin@dei-belgique.demo']) {
			const client = await signedIn(email);
			const { data, error } = await client
				.from('event_registrations')
				.select('user_id, status')
				.eq('event_id', EVENT.fullWorkshop);
			expect(error, email).toBeNull();
			expect(data, email).toEqual([]);
		}
		// A registrant sees their own line only.
		const nadia = await signedIn('member@lacode.demo');
		const own = await nadia
			.from('event_registrations')
			.select('user_id, status')
			.eq('event_id', EVENT.fullWorkshop);
		expect(own.data).toEqual([
			{ user_id: '20000000-0000-4000-8000-000000000007', status: 'waiting' }
		]);
	});

	it('is read by the organisers', async () => {
		const organiser = await signedIn('editor@kinderrechtencoalitie.demo');
		const { data } = await organiser
			.from('event_registrations')
			.select('status')
			.eq('event_id', EVENT.fullWorkshop)
			.order('created_at');
		expect(data?.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waiting']);
	});

	it('cannot be written directly', async () => {
		const nadia = await signedIn('member@lacode.demo');
		const { error } = await nadia
			.from('event_registrations')
			.update({ status: 'confirmed' })
			.eq('event_id', EVENT.fullWorkshop);
		expect(error?.code).toBe('42501');
	});
});
