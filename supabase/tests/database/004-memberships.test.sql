-- memberships: read by the organisation's members (and one's own rows, and
-- coordinators); changed only by the organisation's admins; nobody raises their own
-- role; an organisation keeps at least one admin.
begin;
\ir _helpers.psql
select plan(37);

-- reading: every actor ---------------------------------------------------------
-- Literal lists: a count taken under the reader's own RLS would only compare the policy
-- with itself.
select is(tests.read_as(actor, 'tests.visible_memberships()'), expected, description)
from (values
  ('outsider', '{}'::text[], 'a person without membership reads no memberships'),
  ('alpha_member', array['alpha_admin@test-alpha', 'alpha_editor@test-alpha', 'alpha_member@test-alpha'],
   'a member reads their organisation''s memberships only'),
  ('beta_admin', array['beta_admin@test-beta', 'beta_editor@test-beta', 'beta_member@test-beta'],
   'the admin of another organisation does not read alpha''s memberships'),
  ('frozen_member', array['frozen_member@test-frozen'],
   'a member of a suspended organisation reads only their own membership'),
  ('coordinator', array[
    'alpha_admin@test-alpha', 'alpha_editor@test-alpha', 'alpha_member@test-alpha', 'beta_admin@test-beta',
    'beta_editor@test-beta', 'beta_member@test-beta', 'coordinator@test-coord', 'frozen_admin@test-frozen',
    'frozen_member@test-frozen', 'gamma_admin@test-gamma', 'gamma_member@test-gamma', 'pending_admin@test-pending'],
   'a coordinator reads every membership')
) as reading (actor, expected, description);

-- writing: every actor, in this order (the admin's changes build on each other) -----
select tests.check_as(actor, statement, outcome, description)
from (values
  -- anonymous
  (null, 'select * from public.memberships', '42501: permission denied for table memberships',
   'anonymous visitors cannot read memberships'),
  (null, $$insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-alpha'))$$,
   '42501: permission denied for table memberships', 'anonymous visitors cannot create memberships'),
  -- signed-in person without membership
  ('outsider', $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('outsider'), tests.uid('test-alpha'), 'admin')$$,
   '42501: you cannot give yourself a membership; accept an invitation instead',
   'a person cannot join an organisation by themself'),
  -- member
  ('alpha_member', $$update public.memberships set role = 'admin' where user_id = tests.uid('alpha_member')$$, '0 rows',
   'a member cannot make themself admin'),
  ('alpha_member', $$update public.memberships set role = 'member' where user_id = tests.uid('alpha_admin')$$, '0 rows',
   'a member cannot demote the admin'),
  ('alpha_member', $$delete from public.memberships where user_id = tests.uid('alpha_editor')$$, '0 rows',
   'a member cannot remove another member'),
  ('alpha_member', $$insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-alpha'))$$,
   '42501: new row violates row-level security policy for table "memberships"', 'a member cannot add members'),
  -- editor
  ('alpha_editor', $$update public.memberships set role = 'admin' where user_id = tests.uid('alpha_editor')$$, '0 rows',
   'an editor cannot make themself admin'),
  ('alpha_editor', $$update public.memberships set role = 'editor' where user_id = tests.uid('alpha_member')$$, '0 rows',
   'an editor cannot change other members'' roles'),
  ('alpha_editor', $$insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-alpha'))$$,
   '42501: new row violates row-level security policy for table "memberships"', 'an editor cannot add members'),
  -- admin of another organisation
  ('beta_admin', $$update public.memberships set role = 'admin' where user_id = tests.uid('alpha_member')$$, '0 rows',
   'the admin of another organisation cannot change alpha''s roles'),
  ('beta_admin', $$delete from public.memberships where user_id = tests.uid('alpha_member')$$, '0 rows',
   'the admin of another organisation cannot remove alpha''s members'),
  ('beta_admin', $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('beta_member'), tests.uid('test-alpha'), 'admin')$$,
   '42501: new row violates row-level security policy for table "memberships"',
   'the admin of another organisation cannot add people to alpha'),
  -- admin of the organisation
  ('alpha_admin', $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('outsider'), tests.uid('test-alpha'), 'member')$$,
   'ok', 'an admin adds a member to their organisation'),
  ('alpha_admin', $$update public.memberships set role = 'editor' where user_id = tests.uid('alpha_member')$$, '1 row',
   'an admin promotes a member to editor'),
  ('alpha_admin', $$update public.memberships set role = 'editor' where user_id = tests.uid('alpha_admin')$$,
   '23514: an organisation must keep at least one admin', 'the last admin cannot demote themself'),
  ('alpha_admin', $$delete from public.memberships where user_id = tests.uid('alpha_admin')$$,
   '23514: an organisation must keep at least one admin', 'the last admin cannot leave or be removed'),
  ('alpha_admin', $$update public.memberships set organisation_id = tests.uid('test-beta') where user_id = tests.uid('alpha_member')$$,
   '42501: a membership cannot be moved to another person or organisation',
   'an admin cannot move a membership to another organisation'),
  ('alpha_admin', $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('alpha_admin'), tests.uid('test-gamma'), 'admin')$$,
   '42501: you cannot give yourself a membership; accept an invitation instead',
   'an admin cannot give themself a membership elsewhere'),
  ('alpha_admin', $$delete from public.memberships where user_id = tests.uid('outsider') and organisation_id = tests.uid('test-alpha')$$,
   '1 row', 'an admin removes a member'),
  ('alpha_admin', $$update public.memberships set role = 'admin' where user_id = tests.uid('alpha_editor')$$, '1 row',
   'an admin makes an editor admin'),
  ('alpha_admin', $$delete from public.memberships where user_id = tests.uid('alpha_admin')$$, '1 row',
   'with a second admin, the first admin can leave'),
  -- admin of a suspended organisation
  ('frozen_admin', $$update public.memberships set role = 'editor' where user_id = tests.uid('frozen_member')$$, '0 rows',
   'the admin of a suspended organisation can no longer change roles'),
  ('frozen_admin', $$insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-frozen'))$$,
   '42501: new row violates row-level security policy for table "memberships"',
   'the admin of a suspended organisation can no longer add members'),
  -- coordinator
  ('coordinator', $$update public.memberships set role = 'admin' where user_id = tests.uid('beta_member')$$, '0 rows',
   'a coordinator does not change roles inside other organisations'),
  ('coordinator', $$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('coordinator'), tests.uid('test-beta'), 'admin')$$,
   '42501: you cannot give yourself a membership; accept an invitation instead',
   'a coordinator cannot add themself to an organisation (they invite)')
) as attempt (actor, statement, outcome, description);

-- the triggers hold even if a policy were too permissive ------------------------
-- (RLS is switched off inside this transaction only, to reach the trigger.)
select tests.clear_authentication();
alter table public.memberships disable row level security;
select tests.check_as('beta_member', statement, outcome, description)
from (values
  ($$update public.memberships set role = 'admin' where user_id = tests.uid('beta_member')$$,
   '42501: you cannot raise your own role', 'the trigger refuses raising one''s own role, whatever the policies say'),
  ($$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('beta_member'), tests.uid('test-gamma'), 'admin')$$,
   '42501: you cannot give yourself a membership; accept an invitation instead',
   'the trigger refuses granting oneself a membership, whatever the policies say')
) as attempt (statement, outcome, description);
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
