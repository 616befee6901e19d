-- memberships: read by the organisation's members (and one's own rows, and
-- coordinators); changed only by the organisation's admins; nobody raises their own
-- role; an organisation keeps at least one admin.
begin;
\ir _helpers.psql
select plan(37);

-- anonymous ---------------------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok('select * from public.memberships', '42501', 'permission denied for table memberships',
  'anonymous visitors cannot read memberships');
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-alpha'))$$,
  '42501', 'permission denied for table memberships', 'anonymous visitors cannot create memberships');

-- signed-in person without membership --------------------------------------------
select tests.authenticate_as('outsider');
select is(tests.visible_memberships(), '{}'::text[], 'a person without membership reads no memberships');
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('outsider'), tests.uid('test-alpha'), 'admin')$$,
  '42501', 'you cannot give yourself a membership; accept an invitation instead',
  'a person cannot join an organisation by themself');

-- member ----------------------------------------------------------------------
select tests.authenticate_as('alpha_member');
select is(
  tests.visible_memberships(),
  array['alpha_admin@test-alpha', 'alpha_editor@test-alpha', 'alpha_member@test-alpha'],
  'a member reads their organisation''s memberships only');
with u as (update public.memberships set role = 'admin' where user_id = tests.uid('alpha_member') returning 1)
select is(count(*)::int, 0, 'a member cannot make themself admin') from u;
with u as (update public.memberships set role = 'member' where user_id = tests.uid('alpha_admin') returning 1)
select is(count(*)::int, 0, 'a member cannot demote the admin') from u;
with u as (delete from public.memberships where user_id = tests.uid('alpha_editor') returning 1)
select is(count(*)::int, 0, 'a member cannot remove another member') from u;
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-alpha'))$$,
  '42501', 'new row violates row-level security policy for table "memberships"',
  'a member cannot add members');

-- editor ----------------------------------------------------------------------
select tests.authenticate_as('alpha_editor');
with u as (update public.memberships set role = 'admin' where user_id = tests.uid('alpha_editor') returning 1)
select is(count(*)::int, 0, 'an editor cannot make themself admin') from u;
with u as (update public.memberships set role = 'editor' where user_id = tests.uid('alpha_member') returning 1)
select is(count(*)::int, 0, 'an editor cannot change other members'' roles') from u;
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-alpha'))$$,
  '42501', 'new row violates row-level security policy for table "memberships"',
  'an editor cannot add members');

-- member of another organisation --------------------------------------------------
select tests.authenticate_as('beta_admin');
select is(
  tests.visible_memberships(),
  array['beta_admin@test-beta', 'beta_editor@test-beta', 'beta_member@test-beta'],
  'the admin of another organisation does not read alpha''s memberships');
with u as (update public.memberships set role = 'admin' where user_id = tests.uid('alpha_member') returning 1)
select is(count(*)::int, 0, 'the admin of another organisation cannot change alpha''s roles') from u;
with u as (delete from public.memberships where user_id = tests.uid('alpha_member') returning 1)
select is(count(*)::int, 0, 'the admin of another organisation cannot remove alpha''s members') from u;
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('beta_member'), tests.uid('test-alpha'), 'admin')$$,
  '42501', 'new row violates row-level security policy for table "memberships"',
  'the admin of another organisation cannot add people to alpha');

-- admin of the organisation --------------------------------------------------------
select tests.authenticate_as('alpha_admin');
select lives_ok(
  $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('outsider'), tests.uid('test-alpha'), 'member')$$,
  'an admin adds a member to their organisation');
with u as (update public.memberships set role = 'editor' where user_id = tests.uid('alpha_member') returning 1)
select is(count(*)::int, 1, 'an admin promotes a member to editor') from u;
select throws_ok(
  $$update public.memberships set role = 'editor' where user_id = tests.uid('alpha_admin')$$,
  '23514', 'an organisation must keep at least one admin',
  'the last admin cannot demote themself');
select throws_ok(
  $$delete from public.memberships where user_id = tests.uid('alpha_admin')$$,
  '23514', 'an organisation must keep at least one admin',
  'the last admin cannot leave or be removed');
select throws_ok(
  $$update public.memberships set organisation_id = tests.uid('test-beta') where user_id = tests.uid('alpha_member')$$,
  '42501', 'a membership cannot be moved to another person or organisation',
  'an admin cannot move a membership to another organisation');
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('alpha_admin'), tests.uid('test-gamma'), 'admin')$$,
  '42501', 'you cannot give yourself a membership; accept an invitation instead',
  'an admin cannot give themself a membership elsewhere');
with u as (delete from public.memberships where user_id = tests.uid('outsider') and organisation_id = tests.uid('test-alpha') returning 1)
select is(count(*)::int, 1, 'an admin removes a member') from u;
with u as (update public.memberships set role = 'admin' where user_id = tests.uid('alpha_editor') returning 1)
select is(count(*)::int, 1, 'an admin makes an editor admin') from u;
with u as (delete from public.memberships where user_id = tests.uid('alpha_admin') returning 1)
select is(count(*)::int, 1, 'with a second admin, the first admin can leave') from u;

-- member / admin of a suspended organisation -------------------------------------
select tests.authenticate_as('frozen_member');
select is(tests.visible_memberships(), array['frozen_member@test-frozen'],
  'a member of a suspended organisation reads only their own membership');
select tests.authenticate_as('frozen_admin');
with u as (update public.memberships set role = 'editor' where user_id = tests.uid('frozen_member') returning 1)
select is(count(*)::int, 0, 'the admin of a suspended organisation can no longer change roles') from u;
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-frozen'))$$,
  '42501', 'new row violates row-level security policy for table "memberships"',
  'the admin of a suspended organisation can no longer add members');

-- coordinator -----------------------------------------------------------------
-- A literal list (alpha_admin left test-alpha above): a count taken under the coordinator's
-- own RLS would only compare the policy with itself.
select tests.authenticate_as('coordinator');
select is(tests.visible_memberships(), array[
    'alpha_editor@test-alpha', 'alpha_member@test-alpha', 'beta_admin@test-beta', 'beta_editor@test-beta',
    'beta_member@test-beta', 'coordinator@test-coord', 'frozen_admin@test-frozen', 'frozen_member@test-frozen',
    'gamma_admin@test-gamma', 'gamma_member@test-gamma', 'pending_admin@test-pending'],
  'a coordinator reads every membership');
with u as (update public.memberships set role = 'admin' where user_id = tests.uid('beta_member') returning 1)
select is(count(*)::int, 0, 'a coordinator does not change roles inside other organisations') from u;
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('coordinator'), tests.uid('test-beta'), 'admin')$$,
  '42501', 'you cannot give yourself a membership; accept an invitation instead',
  'a coordinator cannot add themself to an organisation (they invite)');

-- the triggers hold even if a policy were too permissive ------------------------
-- (RLS is switched off inside this transaction only, to reach the trigger.)
select tests.clear_authentication();
alter table public.memberships disable row level security;
select tests.authenticate_as('beta_member');
select throws_ok(
  $$update public.memberships set role = 'admin' where user_id = tests.uid('beta_member')$$,
  '42501', 'you cannot raise your own role',
  'the trigger refuses raising one''s own role, whatever the policies say');
select throws_ok(
  $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('beta_member'), tests.uid('test-gamma'), 'admin')$$,
  '42501', 'you cannot give yourself a membership; accept an invitation instead',
  'the trigger refuses granting oneself a membership, whatever the policies say');
select tests.clear_authentication();
alter table public.memberships enable row level security;

-- what really happened --------------------------------------------------------
select is(
  (select array_agg(tests.name(user_id) || ':' || role order by tests.name(user_id))
   from public.memberships where organisation_id = tests.uid('test-alpha')),
  array['alpha_editor:admin', 'alpha_member:editor'],
  'alpha''s memberships changed only through its admins');
select is(
  (select role::text from public.memberships where user_id = tests.uid('beta_member')),
  'member',
  'beta_member is still a member');
select is(
  (select role::text from public.memberships where user_id = tests.uid('frozen_member')),
  'member',
  'a suspended organisation''s memberships are kept, unchanged');
select ok(
  not exists (select 1 from public.memberships where user_id = tests.uid('coordinator') and organisation_id <> tests.uid('test-coord')),
  'the coordinator has no membership outside their organisation');

select * from finish();
rollback;
