import type { Page } from '@playwright/test';
import pg from 'pg';
import { DB_URL } from '../../scripts/stack/config.mjs';
import { expect, ITEM, ORG, PEOPLE, test } from './fixtures';

// Form actions POSTed directly (no page, no button: what a crafted request does) by someone
// the page would not offer them to. Each is refused with 403 or 404, and the database, read
// as superuser, shows nothing changed. The pages these people open on the way are scanned.

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
	const db = new pg.Client({ connectionString: DB_URL });
	await db.connect();
	try {
		return (await db.query<T>(sql, params)).rows;
	} finally {
		await db.end();
	}
}

/** A form POST as the browser would send it without JavaScript (same origin, the person's cookies). */
async function postForm(page: Page, path: string, form: Record<string, string>) {
	const origin = new URL(page.url()).origin;
	// accept: text/html, as a browser's form submission: with */* SvelteKit answers the action
	// as JSON (HTTP 200 with the failure inside), which is what enhanced forms read.
	return page.request.post(path, {
		form,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

test('a member who does not edit cannot post on the timeline, change the status or the text of an action', async ({
	asMember
}) => {
	const action = ITEM.publicAction; // owned by DEI Belgique, where Sarah is a plain member
	const before = await query(
		`select (select count(*)::int from joint_action_updates where action_id = $1) as updates,
		        (select status from items where id = $1) as status,
		        (select jsonb_object_agg(locale, title) from joint_action_translations where action_id = $1) as titles`,
		[action]
	);

	const post = await postForm(asMember, `/fr/actions/${action}?/post`, {
		organisation_id: ORG.deiBelgique,
		locale: 'fr',
		body: 'Publié sans en avoir le droit.'
	});
	expect(post.status()).toBe(403);
	const status = await postForm(asMember, `/fr/actions/${action}/edit?/status`, {
		status: 'archived'
	});
	expect(status.status()).toBe(403);
	const text = await postForm(asMember, `/fr/actions/${action}/edit?/text`, {
		locale: 'fr',
		title: 'Titre remplacé',
		summary: 'Résumé remplacé',
		body: 'Texte remplacé'
	});
	expect(text.status()).toBe(403);

	const after = await query(
		`select (select count(*)::int from joint_action_updates where action_id = $1) as updates,
		        (select status from items where id = $1) as status,
		        (select jsonb_object_agg(locale, title) from joint_action_translations where action_id = $1) as titles`,
		[action]
	);
	expect(after).toEqual(before);
});

test('an outsider cannot post on the timeline in the name of an organisation', async ({
	asOutsider
}) => {
	const action = ITEM.publicAction;
	const count = `select count(*)::int as n from joint_action_updates where action_id = $1`;
	const [before] = await query<{ n: number }>(count, [action]);
	const post = await postForm(asOutsider, `/fr/actions/${action}?/post`, {
		organisation_id: ORG.deiBelgique,
		locale: 'fr',
		body: 'Au nom des autres.'
	});
	expect(post.status()).toBe(403);
	expect(await query(count, [action])).toEqual([before]);
});

test('a registrant cannot decide on registrations, nor a member cancel the event', async ({
	asMember
}) => {
	// Sarah's own pending request to the CODE seminar; she does not organise it.
	const [own] = await query<{ id: string; status: string }>(
		'select id, status from event_registrations where event_id = $1 and user_id = $2',
		[ITEM.codeSeminar, PEOPLE.member.id]
	);
	expect(own).toBeDefined();
	const decide = await postForm(asMember, `/fr/events/${ITEM.codeSeminar}/registrations?/decide`, {
		registration_id: own!.id,
		decision: 'approve'
	});
	expect(decide.status()).toBe(404);
	expect(await query('select status from event_registrations where id = $1', [own!.id])).toEqual([
		{ status: own!.status }
	]);

	// DEI Belgique's training: Sarah is a member of the organiser, not an editor.
	const cancel = await postForm(asMember, `/fr/events/${ITEM.belgianTraining}/edit?/cancel`, {});
	expect(cancel.status()).toBe(403);
	expect(
		await query('select cancelled_at from events where id = $1', [ITEM.belgianTraining])
	).toEqual([{ cancelled_at: null }]);
});

test("an organisation's editor cannot answer its invitation: only its admins do", async ({
	as
}) => {
	// The Flemish coalition is invited as co-lead of CODE's draft (demo seed).
	const fien = await as(PEOPLE.coalitionEditor.email, '/nl/invitations');
	const state = `select state from item_organisations where item_id = $1 and organisation_id = $2`;
	const before = await query(state, [ITEM.draftByCode, ORG.kinderrechtencoalitie]);
	const answer = await postForm(fien, '/nl/invitations?/answer', {
		item_id: ITEM.draftByCode,
		organisation_id: ORG.kinderrechtencoalitie,
		answer: 'accept'
	});
	expect(answer.status()).toBe(403);
	expect(await query(state, [ITEM.draftByCode, ORG.kinderrechtencoalitie])).toEqual(before);
});
