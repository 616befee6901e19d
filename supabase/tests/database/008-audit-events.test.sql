-- audit_events: written by triggers on access changes, read by the concerned
-- organisations' admins and by coordinators, written by nobody directly.
begin;
\ir _helpers.psql
select plan(24);

create function tests.visible_audit(tbl text)
returns text[]
language sql
stable
set search_path = ''
as $$
  select coalesce(array_agg(coalesce(tests.name(e.actor_id), '-') || ' ' || e.action || ' ' || tests.name(e.organisation_id) order by e.id), '{}')
  from public.audit_events e
  where e.table_name = tbl and e.actor_id is not null
$$;
grant execute on function tests.visible_audit(text) to public;

-- access changes by API callers -------------------------------------------------
select tests.run_as(actor, statement)
from (values
  ('alpha_admin', $$update public.memberships set role = 'editor' where user_id = tests.uid('alpha_member')$$),
  ('alpha_admin', $$update public.organisations set name = 'Alpha renamed' where id = tests.uid('test-alpha')$$),
  ('coordinator', $$update public.organisations set status = 'active' where id = tests.uid('test-pending')$$),
  ('beta_admin', $$update public.memberships set role = 'editor' where user_id = tests.uid('beta_member')$$),
  ('alpha_editor', $$update public.items set visibility = 'public' where id = tests.uid('item_alpha_network')$$),
  ('alpha_editor', $$update public.items set updated_at = now() where id = tests.uid('item_alpha_public')$$),
  ('alpha_editor', $$insert into public.item_organisations (item_id, organisation_id, role) values (tests.uid('item_alpha_network'), tests.uid('test-beta'), 'participant')$$),
  ('beta_admin', $$update public.item_organisations set state = 'accepted' where item_id = tests.uid('item_alpha_network') and organisation_id = tests.uid('test-beta')$$),
  ('invitee', $$update public.invitations set accepted_at = now() where email = 'invitee@test.demo'$$)
) as change (actor, statement)
\g /dev/null
select tests.clear_authentication();

-- what was written ----------------------------------------------------------------
select is(
  (select before ->> 'role' || '->' || (after ->> 'role')
   from public.audit_events
   where table_name = 'memberships' and row_id = (select id from public.memberships where user_id = tests.uid('alpha_member'))
     and actor_id = tests.uid('alpha_admin')),
  'member->editor',
  'a role change is recorded with who did it and before/after');
select is(
  (select count(*)::int from public.audit_events where table_name = 'organisations' and actor_id = tests.uid('alpha_admin')),
  0,
  'editing an organisation''s profile is not an access change');
select is(
  (select before ->> 'status' || '->' || (after ->> 'status') from public.audit_events
   where table_name = 'organisations' and actor_id = tests.uid('coordinator') and organisation_id = tests.uid('test-pending')),
  'pending->active',
  'an organisation''s admission (status change) is recorded');
select is(
  (select before ->> 'visibility' || '->' || (after ->> 'visibility') from public.audit_events
   where table_name = 'items' and row_id = tests.uid('item_alpha_network') and action = 'update'),
  'network->public',
  'an item''s visibility change is recorded');
select is(
  (select count(*)::int from public.audit_events where table_name = 'items' and row_id = tests.uid('item_alpha_public') and actor_id is not null),
  0,
  'an item update that changes neither status nor visibility is not recorded');
select is(
  (select tests.name(organisation_id) || ' / ' || tests.name(related_organisation_id) || ' / ' || (before ->> 'state') || '->' || (after ->> 'state')
   from public.audit_events
   where table_name = 'item_organisations' and actor_id = tests.uid('beta_admin')),
  'test-beta / test-alpha / invited->accepted',
  'an attachment answer is recorded for the attached organisation and the owner');
select is(
  (select count(*)::int from public.audit_events where table_name = 'memberships' and action = 'insert' and actor_id = tests.uid('invitee')),
  1,
  'the membership created by accepting an invitation is recorded with the invitee as actor');
select ok(
  (select bool_and(not (coalesce(before, '{}') ? 'token_hash') and not (coalesce(after, '{}') ? 'token_hash'))
   from public.audit_events where table_name = 'invitations'),
  'invitation token hashes stay out of the trail');

-- reading -----------------------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok('select * from public.audit_events', '42501', 'permission denied for table audit_events',
  'anonymous visitors cannot read the audit trail');

select tests.authenticate_as('outsider');
select is_empty('select * from public.audit_events', 'a person without membership reads no audit events');

select tests.authenticate_as('alpha_member');
select is_empty('select * from public.audit_events', 'a member (now editor) does not read the audit trail');

select tests.authenticate_as('alpha_editor');
select is_empty('select * from public.audit_events', 'an editor does not read the audit trail');

select tests.authenticate_as('alpha_admin');
select is(tests.visible_audit('memberships'), array['alpha_admin update test-alpha', 'invitee insert test-alpha'],
  'an admin reads their organisation''s membership changes, not other organisations''');
select is(tests.visible_audit('item_organisations'), array['alpha_editor insert test-beta', 'beta_admin update test-beta'],
  'the owner''s admin reads the answers of the organisations attached to its items');
select is(
  (select count(*)::int from public.audit_events where table_name = 'organisations' and organisation_id = tests.uid('test-pending')), 0,
  'an admin does not read another organisation''s status changes');

select tests.authenticate_as('beta_admin');
select is(tests.visible_audit('memberships'), array['beta_admin update test-beta'],
  'another organisation''s admin reads only its own membership changes');

select tests.authenticate_as('frozen_admin');
select is_empty('select * from public.audit_events', 'the admin of a suspended organisation no longer reads its audit trail');

select tests.authenticate_as('coordinator');
select is(tests.visible_audit('memberships'),
  array['alpha_admin update test-alpha', 'beta_admin update test-beta', 'invitee insert test-alpha'],
  'a coordinator reads every organisation''s audit trail');

-- nobody writes it directly -------------------------------------------------------
select throws_ok(
  $$insert into public.audit_events (table_name, row_id, action) values ('memberships', gen_random_uuid(), 'insert')$$,
  '42501', 'permission denied for table audit_events', 'even a coordinator cannot forge audit events');
select throws_ok(
  'update public.audit_events set actor_id = null', '42501', 'permission denied for table audit_events',
  'even a coordinator cannot rewrite audit events');
select throws_ok(
  'delete from public.audit_events', '42501', 'permission denied for table audit_events',
  'even a coordinator cannot erase audit events');

select tests.authenticate_as('alpha_admin');
select throws_ok(
  $$insert into public.audit_events (organisation_id, table_name, row_id, action) values (tests.uid('test-alpha'), 'memberships', gen_random_uuid(), 'insert')$$,
  '42501', 'permission denied for table audit_events', 'an admin cannot forge audit events');
select throws_ok(
  'delete from public.audit_events', '42501', 'permission denied for table audit_events',
  'an admin cannot erase their organisation''s audit events');

select tests.clear_authentication();
select ok(
  (select count(*) from public.audit_events where actor_id is not null) >= 8,
  'the audit trail is intact');

select * from finish();
rollback;
