-- invitations: created by the organisation's admins (coordinators for any
-- organisation), read by them and by the invited email; only the invited person
-- accepts, which creates the membership.
begin;
\ir _helpers.psql
select plan(35);

create function tests.visible_invitations()
returns text[]
language sql
stable
set search_path = ''
as $$
  select coalesce(array_agg(i.email order by i.email), '{}')
  from public.invitations i
  where i.email like '%@test.demo'
$$;
grant execute on function tests.visible_invitations() to public;

-- a pending invitation of a suspended organisation
insert into public.invitations (organisation_id, email, role, invited_by, token_hash)
values (tests.uid('test-frozen'), 'frozen-guest@test.demo', 'member', tests.uid('frozen_admin'),
        encode(extensions.digest('token-frozen', 'sha256'), 'hex'));

-- anonymous ---------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$select * from public.invitations$$,
   '42501: permission denied for table invitations', 'anonymous visitors cannot read invitations'),
  (null, $$insert into public.invitations (organisation_id, email, token_hash) values (tests.uid('test-alpha'), 'x@test.demo', repeat('a', 64))$$,
   '42501: permission denied for table invitations', 'anonymous visitors cannot invite')
) as attempt (actor, statement, outcome, description);

-- signed-in person without membership --------------------------------------------
select tests.authenticate_as('outsider');
select is(tests.visible_invitations(), '{}'::text[], 'a person without membership reads no invitations (none is theirs)');
with u as (update public.invitations set accepted_at = now() where email = 'invitee@test.demo' returning 1)
select is(count(*)::int, 0, 'a person cannot accept someone else''s invitation') from u;

-- member / editor -------------------------------------------------------------
select tests.authenticate_as('alpha_member');
select is(tests.visible_invitations(), '{}'::text[], 'a member does not read their organisation''s invitations');
select throws_ok(
  $$insert into public.invitations (organisation_id, email, token_hash) values (tests.uid('test-alpha'), 'friend@test.demo', repeat('b', 64))$$,
  '42501', 'new row violates row-level security policy for table "invitations"', 'a member cannot invite');

select tests.authenticate_as('alpha_editor');
select is(tests.visible_invitations(), '{}'::text[], 'an editor does not read their organisation''s invitations');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$insert into public.invitations (organisation_id, email, token_hash) values (tests.uid('test-alpha'), 'friend@test.demo', repeat('b', 64))$$,
   '42501: new row violates row-level security policy for table "invitations"', 'an editor cannot invite into their organisation'),
  ('alpha_editor', $$insert into public.invitations (organisation_id, email, role, token_hash) values (tests.uid('test-beta'), 'friend@test.demo', 'admin', repeat('b', 64))$$,
   '42501: new row violates row-level security policy for table "invitations"', 'an editor cannot invite into another organisation'),
  ('alpha_editor', $$update public.invitations set revoked_at = now() where email = 'invitee@test.demo'$$,
   '0 rows', 'an editor cannot revoke an invitation')
) as attempt (actor, statement, outcome, description);

-- admin of the organisation --------------------------------------------------------
select tests.authenticate_as('alpha_admin');
select is(tests.visible_invitations(), array['invitee@test.demo', 'late@test.demo'],
  'an admin reads their organisation''s invitations, not others''');
select lives_ok(
  $$insert into public.invitations (organisation_id, email, role, invited_by, token_hash, accepted_at)
    values (tests.uid('test-alpha'), 'newcomer@test.demo', 'member', tests.uid('coordinator'),
            encode(extensions.digest('token-newcomer', 'sha256'), 'hex'), now())$$,
  'an admin invites someone to their organisation');
select is(
  (select tests.name(invited_by) || ':' || (accepted_at is null)::text from public.invitations where email = 'newcomer@test.demo'),
  'alpha_admin:true',
  'the invitation is recorded as sent by the admin, and cannot be created already accepted');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_admin', $$insert into public.invitations (organisation_id, email, role, token_hash) values (tests.uid('test-beta'), 'spy@test.demo', 'admin', repeat('c', 64))$$,
   '42501: new row violates row-level security policy for table "invitations"', 'an admin cannot invite into another organisation'),
  ('alpha_admin', $$insert into public.invitations (organisation_id, email, token_hash) values (tests.uid('test-alpha'), 'Mixed@Test.demo', repeat('d', 64))$$,
   'violates invitations_email_format', 'emails are stored lower-cased'),
  ('alpha_admin', $$insert into public.invitations (organisation_id, email, token_hash) values (tests.uid('test-alpha'), 'plain@test.demo', 'secret-token')$$,
   'violates invitations_token_hash_format', 'only a sha256 hex hash of the token is stored'),
  ('alpha_admin', $$insert into public.invitations (organisation_id, email, token_hash) values (tests.uid('test-alpha'), 'invitee@test.demo', repeat('e', 64))$$,
   '23505: duplicate key value violates unique constraint "invitations_open_key"', 'one open invitation per person and organisation'),
  ('alpha_admin', $$update public.invitations set accepted_at = now() where email = 'late@test.demo'$$,
   '42501: only the invited person can accept an invitation', 'an admin cannot accept an invitation on someone''s behalf'),
  ('alpha_admin', $$update public.invitations set revoked_at = now() where email = 'newcomer@test.demo'$$,
   '1 row', 'an admin revokes an invitation'),
  ('alpha_admin', $$delete from public.invitations where email = 'late@test.demo'$$,
   '42501: permission denied for table invitations', 'invitations are revoked, never deleted')
) as attempt (actor, statement, outcome, description);

-- member of another organisation --------------------------------------------------
select tests.authenticate_as('beta_admin');
select is(tests.visible_invitations(), '{}'::text[], 'the admin of another organisation reads none of alpha''s invitations');
with u as (update public.invitations set revoked_at = now() where email = 'invitee@test.demo' returning 1)
select is(count(*)::int, 0, 'the admin of another organisation cannot revoke alpha''s invitations') from u;

-- admin of a suspended organisation ----------------------------------------------
select tests.authenticate_as('frozen_admin');
select is(tests.visible_invitations(), '{}'::text[], 'the admin of a suspended organisation no longer reads its invitations');
select throws_ok(
  $$insert into public.invitations (organisation_id, email, token_hash) values (tests.uid('test-frozen'), 'new@test.demo', repeat('f', 64))$$,
  '42501', 'new row violates row-level security policy for table "invitations"', 'the admin of a suspended organisation cannot invite');

-- the invited person --------------------------------------------------------------
select tests.authenticate_as('late');
select is(tests.visible_invitations(), array['late@test.demo'], 'the invited person reads the invitations to their email');
select throws_ok(
  $$update public.invitations set accepted_at = now() where email = 'late@test.demo'$$,
  '22023', 'this invitation has expired', 'an expired invitation cannot be accepted');

select tests.authenticate_as('invitee');
select is(tests.visible_invitations(), array['invitee@test.demo'], 'the invitee reads only their own invitation');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('invitee', $$update public.invitations set accepted_at = now(), role = 'admin' where email = 'invitee@test.demo'$$,
   '42501: accepting an invitation cannot change it', 'the invitee cannot raise the invited role while accepting'),
  ('invitee', $$update public.invitations set expires_at = now() + interval '1 year' where email = 'invitee@test.demo'$$,
   '42501: only the organisation''s admins can change an invitation', 'the invitee cannot extend their invitation'),
  ('invitee', $$update public.invitations set accepted_at = now() where email = 'invitee@test.demo'$$,
   '1 row', 'the invitee accepts their invitation')
) as attempt (actor, statement, outcome, description);
select is(tests.visible_memberships(), array['alpha_admin@test-alpha', 'alpha_editor@test-alpha', 'alpha_member@test-alpha', 'invitee@test-alpha'],
  'accepting made the invitee a member: they now read alpha''s memberships');
select throws_ok(
  $$update public.invitations set accepted_at = now() where email = 'invitee@test.demo'$$,
  '42501', 'this invitation is closed (accepted or revoked)', 'an accepted invitation cannot be used again');

-- coordinator -----------------------------------------------------------------
select tests.authenticate_as('coordinator');
select is(
  tests.visible_invitations(),
  array['frozen-guest@test.demo', 'invitee@test.demo', 'late@test.demo', 'newcomer@test.demo'],
  'a coordinator reads every invitation');
-- A new organisation, created by the coordinator: no admin yet (test-pending has one, so
-- its admins invite; 018 proves the coordinator is refused there).
insert into public.organisations (id, slug, name, kind, country)
values (tests.uid('test-founding'), 'test-founding', 'Test Founding', 'partner', 'BE');
select lives_ok(
  $$insert into public.invitations (organisation_id, email, role, token_hash) values (tests.uid('test-founding'), 'founder@test.demo', 'admin', repeat('0', 64))$$,
  'a coordinator invites the first admin of a new organisation');

-- what really happened --------------------------------------------------------
select tests.clear_authentication();
select is(
  (select role::text from public.memberships where user_id = tests.uid('invitee') and organisation_id = tests.uid('test-alpha')),
  'editor',
  'the membership has the invited role');

select * from finish();
rollback;
