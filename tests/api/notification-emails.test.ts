import { spawn } from 'node:child_process';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import nodemailer from 'nodemailer';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Constants, type Database } from '../../src/lib/database.types';
import { dispatchOutbox, type MailTransport } from '../../src/lib/server/mail/outbox';
import {
	API_URL,
	HOST,
	MAIL_URL,
	PORTS,
	ROOT,
	serviceRoleKey
} from '../../scripts/stack/config.mjs';
import { anonymous, db, ITEM, ORG, signedIn } from './actors';

/**
 * Notification emails (issue 15) through the real stack: notifications written in Postgres
 * (their triggers choose at once / digest / never by the recipient's preference), the app's
 * own dispatcher (src/lib/server/mail/outbox.ts) with the secret key, SMTP, and maildev's API.
 * Preferences and unsubscribe links are used through supabase-js as each person (RLS) or as a
 * visitor (the link's token).
 */

type Client = SupabaseClient<Database>;
type NotificationType = Database['public']['Enums']['notification_type'];

const PERSON = {
	benoit: '20000000-0000-4000-8000-000000000002', // admin@dei-belgique.demo, French
	lotte: '20000000-0000-4000-8000-000000000003', // editor@dei-belgique.demo, Dutch
	sarah: '20000000-0000-4000-8000-000000000004', // member@dei-belgique.demo, French
	emma: '20000000-0000-4000-8000-000000000011' // member@dci-nl.demo, English
} as const;
const EMAIL = {
	benoit: 'admin@dei-belgique.demo',
	lotte: 'editor@dei-belgique.demo',
	emma: 'member@dci-nl.demo'
} as const;
const ORIGIN = 'http://localhost:4173';
const OPTIONS = { origin: ORIGIN, from: 'DCI Network Hub <no-reply@localhost>', batchSize: 7 };

const admin: Client = createClient<Database>(API_URL, serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
});
const smtp = (): MailTransport => nodemailer.createTransport({ host: HOST, port: PORTS.smtp });

interface CaughtEmail {
	subject: string;
	text: string;
	html: string;
	to: { address: string }[];
	headers: Record<string, string>;
}

async function allEmails(): Promise<CaughtEmail[]> {
	const response = await fetch(`${MAIL_URL}/api/email`);
	return (await response.json()) as CaughtEmail[];
}
const emailsTo = async (address: string) =>
	(await allEmails()).filter((m) => m.to.some((t) => t.address === address));

/** maildev keeps what every earlier test sent: each test starts with an empty inbox. */
async function clearMail(): Promise<void> {
	await fetch(`${MAIL_URL}/api/email/all`, { method: 'DELETE' });
}

/**
 * Each test starts afresh: nothing waits in the outbox or for a digest (the demo data's and
 * earlier tests' emails; a period's digest already sent would hold the next items until
 * tomorrow), and the test people have their default choices.
 */
async function settleOutbox(): Promise<void> {
	await db.query(`delete from notification_outbox`);
	await db.query(`update notifications set digest = null where digest is not null`);
	await db.query(`delete from notification_email_preferences where user_id = any($1::uuid[])`, [
		Object.values(PERSON)
	]);
}

/** Writes a notification as the triggers do (as postgres; its email triggers run). */
async function notify(
	recipient: string,
	type: NotificationType,
	about: {
		item?: string;
		organisation?: string;
		person?: string;
		data?: Record<string, unknown>;
		createdAt?: string;
	} = {}
): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		`insert into notifications (recipient_id, type, item_id, organisation_id, person_id, data, created_at)
		 values ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now())) returning id`,
		[
			recipient,
			type,
			about.item ?? null,
			about.organisation ?? null,
			about.person ?? null,
			JSON.stringify(about.data ?? {}),
			about.createdAt ?? null
		]
	);
	created.push(rows[0]!.id);
	return rows[0]!.id;
}

/** Every notification this file wrote, deleted at the end (the bell's count of later files). */
const created: string[] = [];

const TWO_DAYS_AGO = () => new Date(Date.now() - 2 * 86_400_000).toISOString();

/** Runs a dispatcher until it finds nothing more to claim. */
async function drain(client: Client, transport: MailTransport): Promise<number> {
	let sent = 0;
	for (let round = 0; round < 50; round += 1) {
		const result = await dispatchOutbox(client, transport, OPTIONS);
		sent += result.sent;
		if (result.sent + result.failed === 0 && result.digests === 0) break;
	}
	return sent;
}

async function titleOf(table: string, key: string, id: string, locale: string): Promise<string> {
	const { rows } = await db.query<{ title: string }>(
		`select title from ${table} where ${key} = $1 and locale = $2`,
		[id, locale]
	);
	return rows[0]!.title;
}

async function setPreference(
	person: keyof typeof EMAIL,
	type: NotificationType,
	frequency: string
) {
	const client = await signedIn(EMAIL[person]);
	const { error } = await client
		.from('notification_email_preferences')
		.upsert({ user_id: PERSON[person], type, frequency } as never, { onConflict: 'user_id,type' });
	expect(error).toBeNull();
}

beforeEach(async () => {
	await settleOutbox();
	await clearMail();
});

afterAll(async () => {
	await db.query(`delete from notifications where id = any($1::uuid[])`, [created]);
	await db.query(`update profiles set time_zone = 'Europe/Brussels' where id = any($1::uuid[])`, [
		Object.values(PERSON)
	]);
	await settleOutbox();
	await db.end();
});

describe('preferences', () => {
	it('each person reads and writes only their own; a visitor has none', async () => {
		const lotte = await signedIn(EMAIL.lotte);
		const own = await lotte.rpc('my_email_preferences');
		expect(own.error).toBeNull();
		expect(own.data).toHaveLength(Constants.public.Enums.notification_type.length);
		expect(own.data!.find((p) => p.type === 'signature_requested')).toMatchObject({
			frequency: 'immediately',
			is_default: true
		});
		expect(own.data!.find((p) => p.type === 'member_joined')?.frequency).toBe('daily');

		// Lotte cannot choose for Benoît, nor read his choices.
		await setPreference('benoit', 'member_joined', 'weekly');
		const forOther = await lotte
			.from('notification_email_preferences')
			.insert({ user_id: PERSON.benoit, type: 'item_invited', frequency: 'never' });
		expect(forOther.error?.code).toBe('42501');
		const changeOther = await lotte
			.from('notification_email_preferences')
			.update({ frequency: 'never' })
			.eq('user_id', PERSON.benoit)
			.select();
		expect(changeOther.data).toEqual([]);
		const readOther = await lotte
			.from('notification_email_preferences')
			.select('type')
			.eq('user_id', PERSON.benoit);
		expect(readOther.data).toEqual([]);
		const { rows } = await db.query(
			`select frequency from notification_email_preferences where user_id = $1 and type = 'member_joined'`,
			[PERSON.benoit]
		);
		expect(rows).toEqual([{ frequency: 'weekly' }]);

		const visitor = anonymous();
		expect((await visitor.rpc('my_email_preferences')).error?.code).toBe('42501');
		expect((await visitor.from('notification_email_preferences').select()).error?.code).toBe(
			'42501'
		);
		// Nobody but the dispatcher claims or queues emails.
		expect((await lotte.rpc('claim_notifications', { batch_size: 5 })).error?.code).toBe('42501');
		expect((await lotte.rpc('queue_due_digests', {})).error?.code).toBe('42501');
		expect((await lotte.from('email_unsubscribe_tokens').select()).error?.code).toBe('42501');
	});

	it('at once, in a digest, or never, as each recipient chose for the type', async () => {
		await setPreference('lotte', 'event_cancelled', 'never');
		await setPreference('emma', 'event_cancelled', 'daily');
		// Benoît keeps the default (at once).
		const data = { kind: 'event', starts_at: '2031-03-04T08:30:00Z', time_zone: 'Europe/Brussels' };
		const ids: string[] = [];
		for (const person of ['benoit', 'lotte', 'emma'] as const) {
			ids.push(
				await notify(PERSON[person], 'event_cancelled', { item: ITEM.belgianTraining, data })
			);
		}
		await drain(admin, smtp());
		const subjects = async (address: string) => (await emailsTo(address)).map((m) => m.subject);
		const title = await titleOf('event_translations', 'event_id', ITEM.belgianTraining, 'fr');
		expect(await subjects(EMAIL.benoit)).toEqual([`Événement annulé : ${title}`]);
		expect(await subjects(EMAIL.lotte)).toEqual([]);
		expect(await subjects(EMAIL.emma)).toEqual([]);
		// Emma's waits for her daily summary; Lotte's for nothing.
		const { rows } = await db.query(
			`select recipient_id, digest from notifications
			 where id = any($1::uuid[]) and recipient_id = any($2::uuid[]) order by recipient_id`,
			[ids, [PERSON.lotte, PERSON.emma]]
		);
		expect(rows).toEqual([
			{ recipient_id: PERSON.lotte, digest: null },
			{ recipient_id: PERSON.emma, digest: 'daily' }
		]);
		await settleOutbox();
	});
});

describe('digests', () => {
	it('one email per person and period, in their language, grouped by organisation and kind, only when there is something', async () => {
		const data = (extra: object) => ({ kind: 'joint_action', ...extra });
		// Benoît (French): three items from before this morning's 08:00 in Brussels.
		await notify(PERSON.benoit, 'translation_outdated', {
			item: ITEM.publicAction,
			organisation: ORG.deiBelgique,
			data: data({ locales: ['nl'] }),
			createdAt: TWO_DAYS_AGO()
		});
		await notify(PERSON.benoit, 'item_invitation_answered', {
			item: ITEM.publicAction,
			organisation: ORG.deiBelgique,
			data: data({ role: 'co_lead', state: 'accepted', counterpart_id: ORG.code }),
			createdAt: TWO_DAYS_AGO()
		});
		await notify(PERSON.benoit, 'member_joined', {
			organisation: ORG.deiBelgique,
			person: PERSON.sarah,
			data: { role: 'member' },
			createdAt: TWO_DAYS_AGO()
		});
		// Written after this period's end: the next digest's.
		const later = await notify(PERSON.benoit, 'translation_outdated', {
			item: ITEM.networkAction,
			organisation: ORG.deiBelgique,
			data: data({ locales: ['en'] })
		});
		// Lotte (Dutch): one item.
		await notify(PERSON.lotte, 'translation_outdated', {
			item: ITEM.publicAction,
			organisation: ORG.deiBelgique,
			data: data({ locales: ['fr', 'en'] }),
			createdAt: TWO_DAYS_AGO()
		});

		const queued = await admin.rpc('queue_due_digests', {});
		expect(queued.data).toBe(2);
		// Again, or by a second server: nothing more for this period.
		expect((await admin.rpc('queue_due_digests', {})).data).toBe(0);
		await drain(admin, smtp());

		const [benoit] = await emailsTo(EMAIL.benoit);
		const frTitle = await titleOf(
			'joint_action_translations',
			'action_id',
			ITEM.publicAction,
			'fr'
		);
		expect((await emailsTo(EMAIL.benoit)).length).toBe(1);
		expect(benoit!.subject).toBe('Votre résumé du jour : 3 nouvelles notifications');
		expect(benoit!.text).toContain('Bonjour Benoît Lambert,');
		expect(benoit!.text).toContain('== Défense des Enfants International – Belgique ==');
		expect(benoit!.text).toContain('-- Actions communes --');
		expect(benoit!.text).toContain(`* Traduction à mettre à jour : ${frTitle}`);
		expect(benoit!.text).toContain('-- Autres --');
		expect(benoit!.text).toContain('Sarah El Amrani');
		expect(benoit!.text.match(/^\* /gm)).toHaveLength(3);
		expect(benoit!.text).toContain(`${ORIGIN}/fr/actions/${ITEM.publicAction}/edit`);
		expect(benoit!.html).toContain('<html lang="fr" dir="ltr">');
		// Grouped: the joint actions' entries come before the others.
		expect(benoit!.text.indexOf('Actions communes')).toBeLessThan(benoit!.text.indexOf('Autres'));

		const [lotte] = await emailsTo(EMAIL.lotte);
		const nlTitle = await titleOf(
			'joint_action_translations',
			'action_id',
			ITEM.publicAction,
			'nl'
		);
		expect(lotte!.subject).toBe('Je dagelijkse overzicht: 1 nieuwe melding');
		expect(lotte!.text).toContain(`Vertaling verouderd: ${nlTitle}`);
		expect(lotte!.text).toContain('-- Gezamenlijke acties --');

		// Sarah had nothing: no email.
		expect(await emailsTo('member@dei-belgique.demo')).toEqual([]);
		// The later item waits for tomorrow's digest.
		const { rows } = await db.query(
			`select digest, digest_outbox_id from notifications where id = $1`,
			[later]
		);
		expect(rows).toEqual([{ digest: 'daily', digest_outbox_id: null }]);
		await settleOutbox();
	});

	it('goes out at 08:00 in each person’s own time zone (weekly: Monday 08:00)', async () => {
		await db.query(`update profiles set time_zone = 'America/New_York' where id = $1`, [
			PERSON.emma
		]);
		const at = '2026-12-09T20:00:00Z';
		await notify(PERSON.benoit, 'member_joined', { organisation: ORG.deiBelgique, createdAt: at });
		await notify(PERSON.emma, 'member_joined', { organisation: ORG.dciNetherlands, createdAt: at });
		const digests = async () =>
			(
				await db.query<{ recipient_id: string; period_end: Date }>(
					`select recipient_id, period_end from notification_outbox
					 where digest = 'daily' and period_end > '2026-12-09' order by recipient_id`
				)
			).rows.map((r) => [r.recipient_id, r.period_end.toISOString()]);
		// 08:30 in Brussels, 02:30 in New York: Benoît's digest only.
		await admin.rpc('queue_due_digests', { now: '2026-12-10T07:30:00Z' });
		expect(await digests()).toEqual([[PERSON.benoit, '2026-12-10T07:00:00.000Z']]);
		// 08:30 in New York.
		await admin.rpc('queue_due_digests', { now: '2026-12-10T13:30:00Z' });
		expect(await digests()).toEqual([
			[PERSON.benoit, '2026-12-10T07:00:00.000Z'],
			[PERSON.emma, '2026-12-10T13:00:00.000Z']
		]);
		// Weekly: the Monday 08:00 before (Monday 7 December, 07:00 UTC in Brussels).
		await setPreference('benoit', 'signature_answered', 'weekly');
		await notify(PERSON.benoit, 'signature_answered', { createdAt: '2026-12-04T10:00:00Z' });
		await admin.rpc('queue_due_digests', { now: '2026-12-10T07:30:00Z' });
		const { rows } = await db.query<{ period_end: Date }>(
			`select period_end from notification_outbox where digest = 'weekly' and recipient_id = $1`,
			[PERSON.benoit]
		);
		expect(rows.map((r) => r.period_end.toISOString())).toEqual(['2026-12-07T07:00:00.000Z']);
		await settleOutbox();
	});

	it('follows a choice changed before it goes: an item whose type became never is left out', async () => {
		await notify(PERSON.lotte, 'member_joined', {
			organisation: ORG.deiBelgique,
			person: PERSON.sarah,
			data: { role: 'member' },
			createdAt: TWO_DAYS_AGO()
		});
		await notify(PERSON.lotte, 'translation_outdated', {
			item: ITEM.publicAction,
			organisation: ORG.deiBelgique,
			data: { kind: 'joint_action', locales: ['en'] },
			createdAt: TWO_DAYS_AGO()
		});
		await setPreference('lotte', 'member_joined', 'never');
		await drain(admin, smtp());
		const emails = await emailsTo(EMAIL.lotte);
		expect(emails.map((m) => m.subject)).toEqual(['Je dagelijkse overzicht: 1 nieuwe melding']);
		expect(emails[0]!.text).not.toContain('Sarah El Amrani');
		await settleOutbox();
	});
});

describe('one-click unsubscribe', () => {
	it('every email carries it; the link works once, without signing in, for its person and type only', async () => {
		await notify(PERSON.lotte, 'signature_requested', {
			item: ITEM.publicAction,
			organisation: ORG.deiBelgique,
			data: { kind: 'paper', version: 7, counterpart_id: ORG.code }
		});
		await notify(PERSON.benoit, 'signature_requested', {
			item: ITEM.publicAction,
			organisation: ORG.deiBelgique,
			data: { kind: 'paper', version: 7, counterpart_id: ORG.code }
		});
		await drain(admin, smtp());
		const [email] = await emailsTo(EMAIL.lotte);
		expect(email!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
		const link = /^<(http:\/\/localhost:4173\/nl\/unsubscribe\/([0-9a-f]{64}))>$/.exec(
			email!.headers['list-unsubscribe'] ?? ''
		);
		expect(link).not.toBeNull();
		expect(email!.text).toContain(link![1]);
		const token = link![2]!;

		const visitor = anonymous();
		expect((await visitor.rpc('unsubscribe_token_state', { token })).data).toEqual([
			{ state: 'valid', stream: 'signature_requested' }
		]);
		// Reading the link changes nothing.
		const frequency = async (person: string, type: string) =>
			(
				await db.query<{ frequency: string }>(
					`select frequency from notification_email_preferences where user_id = $1 and type = $2`,
					[person, type]
				)
			).rows[0]?.frequency ?? 'default';
		expect(await frequency(PERSON.lotte, 'signature_requested')).toBe('default');

		expect((await visitor.rpc('unsubscribe', { token })).data).toEqual([
			{ state: 'done', stream: 'signature_requested' }
		]);
		expect(await frequency(PERSON.lotte, 'signature_requested')).toBe('never');
		// Only that type, only that person.
		expect(await frequency(PERSON.lotte, 'item_invited')).toBe('default');
		expect(await frequency(PERSON.benoit, 'signature_requested')).toBe('default');
		// Once.
		expect((await visitor.rpc('unsubscribe', { token })).data).toEqual([
			{ state: 'used', stream: 'signature_requested' }
		]);
		// A made-up or altered token does nothing, and says nothing of anyone.
		const altered = (token[0] === 'a' ? 'b' : 'a') + token.slice(1);
		for (const bad of [altered, 'x'.repeat(64), '', token.toUpperCase()]) {
			expect((await visitor.rpc('unsubscribe', { token: bad })).data, bad).toEqual([
				{ state: 'unknown', stream: null }
			]);
		}
		// The next request to sign reaches Benoît, not Lotte.
		await clearMail();
		await notify(PERSON.lotte, 'signature_requested', {
			item: ITEM.publicAction,
			data: { kind: 'paper', version: 8 }
		});
		await notify(PERSON.benoit, 'signature_requested', {
			item: ITEM.publicAction,
			data: { kind: 'paper', version: 8 }
		});
		await drain(admin, smtp());
		expect(await emailsTo(EMAIL.lotte)).toEqual([]);
		expect(await emailsTo(EMAIL.benoit)).toHaveLength(1);
		// Only the hash is stored.
		const { rows } = await db.query(
			`select count(*)::int as n from email_unsubscribe_tokens where token_hash = $1`,
			[token]
		);
		expect(rows).toEqual([{ n: 0 }]);
		await settleOutbox();
	});

	it('a digest’s link stops that digest: every type it carries, nothing else', async () => {
		await setPreference('emma', 'translation_outdated', 'weekly');
		await notify(PERSON.emma, 'member_joined', {
			organisation: ORG.dciNetherlands,
			createdAt: TWO_DAYS_AGO()
		});
		await drain(admin, smtp());
		const [email] = await emailsTo(EMAIL.emma);
		expect(email!.subject).toBe('Your daily summary: 1 new notification');
		const token = /unsubscribe\/([0-9a-f]{64})>/.exec(email!.headers['list-unsubscribe']!)![1]!;
		expect((await anonymous().rpc('unsubscribe', { token })).data).toEqual([
			{ state: 'done', stream: 'digest_daily' }
		]);
		const emma = await signedIn(EMAIL.emma);
		const choices = new Map(
			((await emma.rpc('my_email_preferences')).data ?? []).map((p) => [p.type, p.frequency])
		);
		for (const type of ['member_joined', 'item_invitation_answered', 'signature_answered']) {
			expect(choices.get(type as NotificationType), type).toBe('never');
		}
		expect(choices.get('translation_outdated')).toBe('weekly');
		expect(choices.get('item_invited')).toBe('immediately');
		await settleOutbox();
	});
});

describe('dispatchers', () => {
	/** Thirty requests to sign (versions 1001…1030) and two digests, all due now. */
	async function queueMany(): Promise<number[]> {
		const versions = Array.from({ length: 30 }, (_, i) => 1001 + i);
		const people = [PERSON.benoit, PERSON.lotte, PERSON.emma];
		for (const version of versions) {
			await notify(people[version % 3]!, 'signature_requested', {
				item: ITEM.publicAction,
				data: { kind: 'paper', version }
			});
		}
		for (const version of [2001, 2002]) {
			await notify(PERSON.benoit, 'signature_answered', {
				item: ITEM.publicAction,
				data: { kind: 'paper', version, state: 'signed', counterpart_id: ORG.code },
				createdAt: TWO_DAYS_AGO()
			});
		}
		return [...versions, 2001, 2002];
	}

	/** Each version's sentence is in exactly one email (the digest holds both of its own). */
	async function expectEachOnce(versions: number[]): Promise<void> {
		// Without the unsubscribe tokens (hex: "…a1005f…" is not version 1005).
		const texts = (await allEmails()).map((m) => m.text.replace(/[0-9a-f]{64}/g, ''));
		for (const version of versions) {
			const pattern = new RegExp(`(^|\\D)${version}(\\D|$)`);
			const found = texts.filter((t) => pattern.test(t));
			expect(found, `version ${version}`).toHaveLength(1);
		}
		expect(texts).toHaveLength(31);
		const { rows } = await db.query(
			`select count(*)::int as n from notification_outbox where sent_at is null`
		);
		expect(rows).toEqual([{ n: 0 }]);
	}

	it('two dispatchers at once send every email exactly once', async () => {
		const versions = await queueMany();
		const second = createClient<Database>(API_URL, serviceRoleKey, {
			auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
			realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
		});
		const [a, b] = await Promise.all([drain(admin, smtp()), drain(second, smtp())]);
		expect(a + b).toBe(31);
		// Both took part (batches of 7, claimed in turns).
		expect(a).toBeGreaterThan(0);
		expect(b).toBeGreaterThan(0);
		await expectEachOnce(versions);
	});

	it('a dispatcher killed in the middle of a run loses nothing: its rows go out when their lease ends', async () => {
		const versions = await queueMany();
		const child = spawn(process.execPath, ['tests/api/dispatcher-process.mjs'], {
			cwd: ROOT,
			env: { ...process.env, BLOCK_AFTER: '3' },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let output = '';
		await new Promise<void>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes('blocked')) resolve();
			});
			child.on('exit', () => reject(new Error(`the dispatcher ended by itself: ${output}`)));
		});
		child.kill('SIGKILL');
		await new Promise((resolve) => child.once('exit', resolve));
		expect(output.match(/^sent$/gm)).toHaveLength(3);

		// It had claimed everything (batch of 100): the lease keeps the others away…
		expect((await dispatchOutbox(admin, smtp(), OPTIONS)).sent).toBe(0);
		const leased = await db.query<{ n: number }>(
			`select count(*)::int as n from notification_outbox where sent_at is null and next_attempt_at > now()`
		);
		expect(leased.rows[0]!.n).toBe(31 - 3);
		// …until it ends (5 minutes, here at once).
		await db.query(
			`update notification_outbox set next_attempt_at = now() where sent_at is null and attempts > 0`
		);
		expect(await drain(admin, smtp())).toBe(31 - 3);
		await expectEachOnce(versions);
	}, 60_000);
});
