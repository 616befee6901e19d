import { afterAll, describe, expect, it } from 'vitest';
import { eventFormSchema, type EventForm } from '../../src/lib/schemas/events';
import * as events from '../../src/lib/server/events';
import { anonymous, db, ORG, signedIn } from './actors';
import * as items from '../../src/lib/server/items';
import * as memberships from '../../src/lib/server/memberships';

// Issue 6 from the organiser's side, through the same service functions the pages call:
// a training with 2 places written in Dutch, a French translation, publication.
const EDITOR = 'editor@dei-belgique.demo';
const MEMBER = 'member@dei-belgique.demo';
const PARTNER_ADMIN = 'admin@kinderrechtencoalitie.demo';
const PARTNER_EDITOR = 'editor@kinderrechtencoalitie.demo';
const created: string[] = [];

async function userId(email: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>('select id from auth.users where email = $1', [
		email
	]);
	return rows[0]!.id;
}

function training(overrides: Record<string, string> = {}): EventForm {
	const parsed = eventFormSchema.safeParse({
		organisation_id: ORG.deiBelgique,
		original_locale: 'nl',
		title: 'Vorming: kinderrechten in de jeugdhulp',
		description: 'Een dag over **participatie** van kinderen.',
		accessibility_notes: 'Gebarentolk op aanvraag.',
		time_zone: 'Europe/Brussels',
		start_date: '2027-03-30',
		start_time: '09:30',
		end_date: '2027-03-30',
		end_time: '16:00',
		venue_name: 'Kinderrechtenhuis',
		venue_address: 'Wetstraat 1, 1000 Brussel',
		is_online: 'on',
		online_url: 'https://meet.example.org/vorming-jeugdhulp',
		capacity: '2',
		registration_mode: 'open',
		deadline_date: '2027-03-27',
		accessibility: 'sign_language',
		visibility: 'public',
		intent: 'draft',
		...overrides
	});
	if (!parsed.success) throw parsed.error;
	return parsed.data;
}

afterAll(async () => {
	if (created.length) await db.query('delete from items where id = any($1)', [created]);
	await db.end();
});

async function texts(id: string) {
	const { rows } = await db.query<{ locale: string; outdated: boolean }>(
		`select t.locale, t.source_revision < e.original_revision as outdated
		 from event_translations t join events e on e.id = t.event_id
		 where e.id = $1 order by t.locale`,
		[id]
	);
	return Object.fromEntries(rows.map((r) => [r.locale, r.outdated]));
}

describe('an organiser creates and edits a training', () => {
	let id = '';

	it('an editor creates a Dutch draft with 2 places; times are stored in UTC (summer time)', async () => {
		const editor = await signedIn(EDITOR);
		id = await events.create(editor, training());
		created.push(id);
		const { rows } = await db.query(
			`select e.starts_at, e.ends_at, e.time_zone, e.capacity, e.registration_mode,
			        e.registration_deadline, e.accessibility, i.status, i.visibility, l.url
			 from events e join items i on i.id = e.id left join event_online_links l on l.event_id = e.id
			 where e.id = $1`,
			[id]
		);
		expect(rows[0]).toMatchObject({
			starts_at: new Date('2027-03-30T07:30:00Z'), // 09:30 CEST (clocks went forward on 28 March)
			ends_at: new Date('2027-03-30T14:00:00Z'),
			time_zone: 'Europe/Brussels',
			capacity: 2,
			registration_mode: 'open',
			registration_deadline: new Date('2027-03-27T22:59:00Z'), // 23:59 CET
			accessibility: ['sign_language'],
			status: 'draft',
			visibility: 'public',
			url: 'https://meet.example.org/vorming-jeugdhulp'
		});
		// A draft: visitors do not see it.
		const visitor = await anonymous().from('events').select('id').eq('id', id);
		expect(visitor).toMatchObject({ error: null, data: [] });
	});

	it('the editor adds a French translation, then publishes; visitors see both languages, not the link', async () => {
		const editor = await signedIn(EDITOR);
		await events.saveText(editor, id, 'fr', {
			title: 'Formation : les droits de l’enfant dans l’aide à la jeunesse',
			description: 'Une journée sur la **participation** des enfants.',
			accessibility_notes: 'Interprète en langue des signes sur demande.'
		});
		expect(await texts(id)).toEqual({ fr: false, nl: false });
		await items.setStatus(editor, id, 'published');

		const visitor = anonymous();
		const event = await events.getById(visitor, id);
		expect(event?.translations.map((t) => t.locale).sort()).toEqual(['fr', 'nl']);
		expect(event?.capacity).toBe(2);
		const link = await visitor.from('event_online_links').select('url').eq('event_id', id);
		// Visitors have no grant on the links at all (not only no rows).
		expect(link).toMatchObject({
			data: null,
			error: { code: '42501', message: 'permission denied for table event_online_links' }
		});
	});

	it('editing the Dutch original marks the French translation outdated', async () => {
		const editor = await signedIn(EDITOR);
		await events.saveText(editor, id, 'nl', {
			title: 'Vorming: kinderrechten in de jeugdhulp',
			description: 'Een dag over **participatie** van kinderen, met getuigenissen.',
			accessibility_notes: 'Gebarentolk op aanvraag.'
		});
		expect(await texts(id)).toEqual({ fr: true, nl: false });
	});

	it('the editor changes the details: capacity, an end in another zone, no online link', async () => {
		const editor = await signedIn(EDITOR);
		const details = training({
			time_zone: 'Europe/Amsterdam',
			capacity: '',
			online_url: '',
			is_online: ''
		});
		await events.saveDetails(editor, id, details);
		const { rows } = await db.query(
			`select e.capacity, e.time_zone, e.is_online,
			        (select count(*)::int from event_online_links l where l.event_id = e.id) as links
			 from events e where e.id = $1`,
			[id]
		);
		expect(rows[0]).toEqual({
			capacity: null,
			time_zone: 'Europe/Amsterdam',
			is_online: false,
			links: 0
		});
	});

	it('a co-organiser invited with the joint-actions functions edits the event once its admin accepts', async () => {
		const editor = await signedIn(EDITOR);
		await items.invite(editor, id, ORG.kinderrechtencoalitie, 'co_lead');
		const partnerEditor = await signedIn(PARTNER_EDITOR);
		const english = {
			title: 'Training: children’s rights in youth care',
			description: 'A day on children’s **participation**.',
			accessibility_notes: ''
		};
		// Invited, not yet accepted: the partner's editor cannot write.
		await expect(events.saveText(partnerEditor, id, 'en', english)).rejects.toMatchObject({
			code: '42501'
		});
		await items.answerInvitation(
			await signedIn(PARTNER_ADMIN),
			id,
			ORG.kinderrechtencoalitie,
			true
		);
		await events.saveText(partnerEditor, id, 'en', english);
		expect(await texts(id)).toEqual({ en: false, fr: true, nl: false });
		// A co-lead edits, but only the owner publishes or archives.
		await expect(items.setStatus(partnerEditor, id, 'archived')).rejects.toMatchObject({
			code: '42501',
			message: 'only editors of the owner organisation can publish, archive or change visibility'
		});
		const { rows } = await db.query('select status from items where id = $1', [id]);
		expect(rows).toEqual([{ status: 'published' }]);
	});

	it('a member who does not edit cannot change or cancel it', async () => {
		const member = await signedIn(MEMBER);
		await expect(events.saveDetails(member, id, training())).rejects.toMatchObject({
			code: '42501'
		});
		await expect(events.cancel(member, id)).rejects.toMatchObject({ code: '42501' });
	});

	it('the editor cancels it: it stays readable, nobody can register', async () => {
		const editor = await signedIn(EDITOR);
		await events.cancel(editor, id);
		const event = await events.getById(anonymous(), id);
		expect(event).not.toBeNull();
		expect(event!.cancelled_at).toEqual(expect.any(String));
		const register = await (await signedIn(MEMBER)).rpc('register_for_event', { event_id: id });
		expect(register.error?.code).toBe('EV004');
	});
});

describe('who may not create an event', () => {
	async function itemsOf(title: string) {
		const { rows } = await db.query(
			`select e.id from events e join event_translations t on t.event_id = e.id where t.title = $1`,
			[title]
		);
		return rows;
	}

	it('a member of the organisation who is not an editor cannot create one; nothing is left behind', async () => {
		const member = await signedIn(MEMBER);
		const title = 'Vorming door een lid';
		await expect(events.create(member, training({ title }))).rejects.toMatchObject({
			code: '42501'
		});
		expect(await itemsOf(title)).toEqual([]);
		const { rows } = await db.query(
			`select count(*)::int as n from items where kind = 'event' and created_by = $1`,
			[await userId(MEMBER)]
		);
		expect(rows[0]).toEqual({ n: 0 });
	});

	it('an editor cannot create one on behalf of another organisation', async () => {
		const editor = await signedIn(EDITOR);
		const title = 'Vorming namens La CODE';
		const allowed = await memberships.editableOrganisations(editor, await userId(EDITOR));
		expect(allowed.map((o) => o.id)).not.toContain(ORG.code);
		await expect(
			events.create(editor, training({ title, organisation_id: ORG.code }))
		).rejects.toMatchObject({ code: '42501' });
		expect(await itemsOf(title)).toEqual([]);
	});

	it('a bad online link written around the form is refused by the database and, the create being one transaction, leaves no event', async () => {
		const editor = await signedIn(EDITOR);
		const title = 'Vorming met een slechte link';
		const input = { ...training({ title }), online_url: 'http://insecure.example.org' };
		await expect(events.create(editor, input)).rejects.toMatchObject({
			code: '23514'
		});
		expect(await itemsOf(title)).toEqual([]);
	});
});
