import { createClient } from '@supabase/supabase-js';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '../../src/lib/database.types';
import { dispatchOutbox } from '../../src/lib/server/mail/outbox';
import { API_URL, HOST, MAIL_URL, PORTS, serviceRoleKey } from '../../scripts/stack/config.mjs';
import { anonymous, db, ORG, signedIn } from './actors';

/**
 * The organisers' side of registrations through supabase-js → PostgREST → RLS, and the
 * email to a person promoted from the waiting list: outbox row (trigger) → dispatcher (the
 * app's own module, with the secret key as the server has it) → SMTP → maildev's API.
 * The event belongs to La CODE (editor@lacode.demo organises it) and is visible to the
 * whole network; its text exists in French and Dutch.
 */

const createdItems: string[] = [];

afterAll(async () => {
	if (createdItems.length) {
		await db.query('delete from items where id = any($1::uuid[])', [createdItems]);
	}
	await db.end();
});

async function createTwoPlaceEvent(): Promise<{ id: string; title: string }> {
	const { rows } = await db.query<{ id: string }>(
		`insert into items (kind, owner_organisation_id, status, visibility, created_by)
		 values ('event', $1, 'published', 'network', '20000000-0000-4000-8000-000000000006')
		 returning id`,
		[ORG.code]
	);
	const id = rows[0]!.id;
	createdItems.push(id);
	await db.query(
		`insert into events (id, original_locale, starts_at, ends_at, time_zone, capacity, registration_mode)
		 values ($1, 'fr', '2031-03-04T08:30:00Z', '2031-03-04T15:00:00Z', 'Europe/Brussels', 2, 'open')`,
		[id]
	);
	const suffix = id.slice(0, 8);
	await db.query(
		`insert into event_translations (event_id, locale, title)
		 values ($1, 'fr', $2), ($1, 'nl', $3)`,
		[
			id,
			`Formation à l'écoute de l'enfant ${suffix}`,
			`Opleiding luisteren naar kinderen ${suffix}`
		]
	);
	return { id, title: `Opleiding luisteren naar kinderen ${suffix}` };
}

/** The secret-key client, as src/lib/server/mail builds it on the server. */
const admin = createClient<Database>(API_URL, serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
});

interface CaughtEmail {
	subject: string;
	text: string;
	html: string;
	to: { address: string }[];
}

async function emailsTo(address: string): Promise<CaughtEmail[]> {
	const response = await fetch(`${MAIL_URL}/api/email`);
	const all = (await response.json()) as CaughtEmail[];
	return all.filter((m) => m.to.some((t) => t.address === address));
}

describe('registrant list and promotion email', () => {
	it('two places, three registrations: two confirmed, one waiting; a cancellation promotes and emails the waiting person in their language', async () => {
		const { id, title } = await createTwoPlaceEvent();
		const [nadia, sarah, fien, organiser] = await Promise.all([
			signedIn('member@lacode.demo'),
			signedIn('member@dei-belgique.demo'),
			signedIn('editor@kinderrechtencoalitie.demo'), // prefers Dutch
			signedIn('editor@lacode.demo')
		]);
		expect((await nadia.rpc('register_for_event', { event_id: id })).data).toBe('confirmed');
		expect((await sarah.rpc('register_for_event', { event_id: id })).data).toBe('confirmed');
		expect((await fien.rpc('register_for_event', { event_id: id })).data).toBe('waiting');

		const before = await organiser.rpc('event_registrants', { event_id: id });
		expect(before.error).toBeNull();
		expect(before.data!.map((r) => [r.display_name, r.status])).toEqual([
			['Nadia Benali', 'confirmed'],
			['Sarah El Amrani', 'confirmed'],
			['Fien De Smet', 'waiting']
		]);
		expect(before.data![2]!.email).toBe('editor@kinderrechtencoalitie.demo');
		expect(before.data![2]!.organisations).toContain('Kinderrechtencoalitie Vlaanderen');

		const cancelled = await nadia.rpc('cancel_event_registration', { event_id: id });
		expect(cancelled.error).toBeNull();
		const after = await organiser.rpc('event_registrants', { event_id: id });
		expect(after.data!.find((r) => r.display_name === 'Fien De Smet')?.status).toBe('confirmed');

		// The outbox holds the email; nobody with a session can see it.
		const peek = await fien.from('notification_outbox').select('id');
		expect(peek.error?.code).toBe('42501');
		const claim = await organiser.rpc('claim_notifications', { batch_size: 10 });
		expect(claim.error?.code).toBe('42501');

		const transport = nodemailer.createTransport({ host: HOST, port: PORTS.smtp });
		let sent = 0;
		for (let round = 0; round < 20; round += 1) {
			const result = await dispatchOutbox(admin, transport, {
				origin: 'http://localhost:4173',
				from: 'DCI Network Hub <no-reply@localhost>'
			});
			sent += result.sent;
			if (result.sent + result.failed === 0) break;
		}
		expect(sent).toBeGreaterThan(0);
		const { rows } = await db.query<{ sent: boolean }>(
			`select o.sent_at is not null as sent from notification_outbox o
			 join notifications n on n.id = o.notification_id
			 where n.item_id = $1 and o.recipient_id = '20000000-0000-4000-8000-000000000009'`,
			[id]
		);
		expect(rows).toEqual([{ sent: true }]);

		let emails: CaughtEmail[] = [];
		for (let attempt = 0; attempt < 20 && emails.length === 0; attempt += 1) {
			emails = (await emailsTo('editor@kinderrechtencoalitie.demo')).filter((m) =>
				m.subject.includes(title)
			);
			if (emails.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(emails).toHaveLength(1);
		const email = emails[0]!;
		expect(email.subject).toBe(`Er is een plaats voor jou: ${title}`);
		expect(email.text).toContain('Beste Fien De Smet,');
		expect(email.text).toContain('09:30'); // 08:30 UTC in Brussels (CET)
		expect(email.text).toContain(`http://localhost:4173/nl/events/${id}`);
		expect(email.html).toContain(`href="http://localhost:4173/nl/events/${id}"`);
		// Nobody else was emailed about this event.
		expect(
			(await emailsTo('member@dei-belgique.demo')).filter((m) => m.subject.includes(title))
		).toEqual([]);
	});

	it('an outsider, a network member and a plain member of the organiser get no registrant list', async () => {
		const { id } = await createTwoPlaceEvent();
		const sarah = await signedIn('member@dei-belgique.demo');
		await sarah.rpc('register_for_event', { event_id: id });
		for (const email of ['newcomer@example.demo', 'member@dci-nl.demo', 'member@lacode.demo']) {
			const client = await signedIn(email);
			const { data, error } = await client.rpc('event_registrants', { event_id: id });
			expect(error, email).toBeNull();
			expect(data, email).toEqual([]);
		}
		const visitor = await anonymous().rpc('event_registrants', { event_id: id });
		expect(visitor).toMatchObject({ error: null, data: [] });
		// The registrant sees their own row through the table, not the others'.
		const own = await sarah.from('event_registrations').select('user_id').eq('event_id', id);
		expect(own.data).toEqual([{ user_id: '20000000-0000-4000-8000-000000000004' }]);
		// The organisers see the list.
		const organiser = await signedIn('admin@lacode.demo');
		const list = await organiser.rpc('event_registrants', { event_id: id });
		expect(list.data!.map((r) => r.display_name)).toEqual(['Sarah El Amrani']);
	});

	it('an email that cannot be sent stays in the outbox with its error and goes out on a later run', async () => {
		const { id } = await createTwoPlaceEvent();
		const [nadia, sarah, fien] = await Promise.all([
			signedIn('member@lacode.demo'),
			signedIn('member@dei-belgique.demo'),
			signedIn('editor@kinderrechtencoalitie.demo')
		]);
		for (const person of [nadia, sarah, fien]) {
			await person.rpc('register_for_event', { event_id: id });
		}
		await nadia.rpc('cancel_event_registration', { event_id: id });
		const options = { origin: 'http://localhost:4173', from: 'hub@localhost', batchSize: 100 };
		const failing = { sendMail: () => Promise.reject(new Error('SMTP server unreachable')) };
		const first = await dispatchOutbox(admin, failing, options);
		expect(first.failed).toBeGreaterThan(0);
		const row = async () =>
			(
				await db.query<{
					sent: boolean;
					attempts: number;
					last_error: string | null;
					later: boolean;
				}>(
					`select o.sent_at is not null as sent, o.attempts, o.last_error, o.next_attempt_at > now() as later
					 from notification_outbox o join notifications n on n.id = o.notification_id
					 where n.item_id = $1`,
					[id]
				)
			).rows;
		expect(await row()).toEqual([
			{ sent: false, attempts: 1, last_error: 'SMTP server unreachable', later: true }
		]);
		// Not before its retry time…
		const transport = nodemailer.createTransport({ host: HOST, port: PORTS.smtp });
		await dispatchOutbox(admin, transport, options);
		expect((await row())[0]!.sent).toBe(false);
		// …then it goes.
		await db.query(
			`update notification_outbox o set next_attempt_at = now()
			 from notifications n where n.id = o.notification_id and n.item_id = $1`,
			[id]
		);
		await dispatchOutbox(admin, transport, options);
		expect(await row()).toEqual([{ sent: true, attempts: 2, last_error: null, later: true }]);
	});
});
