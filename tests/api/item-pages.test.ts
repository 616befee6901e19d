import { afterAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types';
import { anonymous, db, PEOPLE, signedIn } from './actors';
import * as jointActions from '../../src/lib/server/jointActions';
import * as events from '../../src/lib/server/events';
import * as papers from '../../src/lib/server/papers';

/**
 * An item page reads its item as one JSON object built by a database function
 * (public.joint_action_page, event_page, paper_page) instead of a long PostgREST select. The
 * function must give every reader what the select gives them, key for key: the same object
 * for each item they may read, null for each other one. Compared here through supabase-js →
 * gateway → PostgREST → RLS for a visitor and every demo account, on every item of the demo
 * data (drafts, participants-only, network-only, papers asked to co-sign), so that the JSON,
 * its embeds under their own policies (attachments, registrations, online links, signatures,
 * updates) and its null for the unreadable cannot drift from the select the app's types come
 * from.
 */
const pages = {
	joint_action: jointActions,
	event: events,
	paper: papers
} as const;

type Kind = keyof typeof pages;

afterAll(async () => {
	await db.end();
});

/**
 * Arrays in a canonical order (PostgREST and jsonb_agg give embeds in no promised order), but
 * an action's updates, which both order newest first.
 */
function canonical(value: unknown, key = ''): unknown {
	if (Array.isArray(value)) {
		const items = value.map((item) => canonical(item));
		return key === 'updates'
			? items
			: items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([name, inner]) => [name, canonical(inner, name)])
		);
	}
	return value;
}

async function itemIds(kind: Kind) {
	const { rows } = await db.query<{ id: string }>(
		'select id from items where kind = $1 order by id',
		[kind]
	);
	return rows.map((row) => row.id);
}

const readers: [string, () => Promise<SupabaseClient<Database>>][] = [
	['a visitor', async () => anonymous()],
	...Object.entries(PEOPLE).map(
		([role, person]): [string, () => Promise<SupabaseClient<Database>>] => [
			`${role} (${person.email})`,
			() => signedIn(person.email)
		]
	)
];

describe.each(readers)('item pages as %s', (_name, connect) => {
	it.each(Object.keys(pages) as Kind[])(
		'every %s page is the JSON of its select, or null where the select finds nothing',
		async (kind) => {
			const supabase = await connect();
			const ids = await itemIds(kind);
			expect(ids.length).toBeGreaterThan(5);
			let read = 0;
			for (const id of [...ids, crypto.randomUUID()]) {
				const [page, reference] = await Promise.all([
					pages[kind].getById(supabase, id),
					pages[kind].pageSelect(supabase, id)
				]);
				expect(reference.error).toBeNull();
				expect(canonical(page), `${kind} ${id}`).toEqual(canonical(reference.data));
				if (page) read++;
			}
			// Each reader reads some items of each kind: the comparison is not of nulls only.
			expect(read).toBeGreaterThan(0);
		}
	);
});

describe('what the comparison covers', () => {
	it('a visitor reads fewer papers than the coordinator, whose papers carry signatures and files', async () => {
		const visitor = anonymous();
		const coordinator = await signedIn(PEOPLE.coordinator.email);
		const ids = await itemIds('paper');
		const seen = { visitor: 0, coordinator: 0, signatures: 0, files: 0 };
		for (const id of ids) {
			const [forVisitor, forCoordinator] = await Promise.all([
				papers.getById(visitor, id),
				papers.getById(coordinator, id)
			]);
			if (forVisitor) seen.visitor++;
			if (forCoordinator) {
				seen.coordinator++;
				seen.signatures += forCoordinator.signatures.length;
				seen.files += forCoordinator.files.length;
			}
		}
		expect(seen.visitor).toBeLessThan(seen.coordinator);
		expect(seen.signatures).toBeGreaterThan(0);
		expect(seen.files).toBeGreaterThan(0);
	});
});
