import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types';
import { API_URL, serviceRoleKey } from '../../scripts/stack/config.mjs';
import { anonymous, db, ORG, PEOPLE, signedIn } from './actors';

/**
 * Issue 12, part 2 through PostgREST with real sign-in: what members, outsiders and visitors
 * cannot do with the account, console and application functions
 * (supabase/migrations/20261201000300_account_console_applications.sql), and what the
 * server's secret key and a coordinator may.
 */
afterAll(() => db.end());

const server = createClient<Database>(API_URL, serviceRoleKey, {
	auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
	realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
});

const application = {
	organisation_name: 'API Test Organisation',
	kind: 'partner' as const,
	country: 'BE',
	website: 'https://api-test.example',
	languages: ['fr'],
	description: 'Test.',
	applicant_name: 'Api Tester',
	email: 'api-tester@example.demo',
	motivation: 'Testing.',
	locale: 'fr'
};

afterAll(async () => {
	await db.query('delete from organisation_applications where email = $1', [application.email]);
});

describe('account, console and applications through the API', () => {
	it('visitors cannot submit applications directly, read them or export anything', async () => {
		const visitor = anonymous();
		const submitted = await visitor.rpc('submit_application', application);
		expect(submitted.error?.code).toBe('42501');
		const read = await visitor.from('organisation_applications').select('id');
		expect(read.error?.code).toBe('42501');
		expect((await visitor.rpc('my_data')).error?.code).toBe('42501');
		expect((await visitor.rpc('coordinator_recipients')).error?.code).toBe('42501');
	});

	it('a member cannot use the console, suspend, decide applications or list coordinators', async () => {
		const member = await signedIn(PEOPLE.member.email);
		expect((await member.rpc('console_organisations', {})).error?.code).toBe('42501');
		expect((await member.rpc('console_audit_events', {})).error?.code).toBe('42501');
		const suspend = await member.rpc('set_organisation_status', {
			organisation: ORG.code,
			new_status: 'suspended',
			reason: 'no'
		});
		expect(suspend.error?.code).toBe('42501');
		expect((await member.rpc('submit_application', application)).error?.code).toBe('42501');
		expect((await member.rpc('coordinator_recipients')).error?.code).toBe('42501');
		const { rows } = await db.query<{ status: string }>(
			'select status from organisations where id = $1',
			[ORG.code]
		);
		expect(rows[0]!.status).toBe('active');
	});

	it('the server records an application; members read none, coordinators read it', async () => {
		const { data: id, error } = await server.rpc('submit_application', application);
		expect(error).toBeNull();
		const member = await signedIn(PEOPLE.member.email);
		expect((await member.from('organisation_applications').select('id')).data).toEqual([]);
		const admin = await signedIn(PEOPLE.admin.email); // admin of a coordinating organisation
		const read = await admin.from('organisation_applications').select('id').eq('id', id!);
		expect(read.data).toEqual([{ id }]);
		const outsider = await signedIn(PEOPLE.outsider.email);
		const approve = await outsider.rpc('approve_application', { application: id! });
		expect(approve.error?.code).toBe('42501');
		const decline = await outsider.rpc('decline_application', { application: id!, reason: 'x' });
		expect(decline.error?.code).toBe('42501');
	});

	it('my data holds my registrations and nobody else’s', async () => {
		const member = await signedIn(PEOPLE.member.email);
		const { data, error } = await member.rpc('my_data');
		expect(error).toBeNull();
		const mine = data as {
			profile: { id: string };
			event_registrations: { event_id: string }[];
		};
		expect(mine.profile.id).toBe(PEOPLE.member.id);
		const events = mine.event_registrations.map((r) => r.event_id);
		expect(events).toContain('30000000-0000-4000-8000-000000000202');
		// Benoît's registration (another person) is not in Sarah's export.
		expect(events).not.toContain('30000000-0000-4000-8000-000000000007');
		expect(JSON.stringify(data)).not.toMatch(/token_hash/);
	});

	it('a last admin cannot leave; the console reads counts for a coordinator', async () => {
		const admin = await signedIn(PEOPLE.admin.email);
		const left = await admin.rpc('leave_organisation', { organisation: ORG.deiBelgique });
		expect(left.error?.code).toBe('23514');
		const blockers = await admin.rpc('account_deletion_blockers');
		expect(blockers.data?.map((b) => b.organisation_id)).toContain(ORG.deiBelgique);
		const overview = await admin.rpc('console_organisations', { page_size: 200 });
		expect(overview.error).toBeNull();
		const dei = overview.data!.find((o) => o.id === ORG.deiBelgique);
		expect(Number(dei?.member_count)).toBeGreaterThanOrEqual(3);
	});
});
