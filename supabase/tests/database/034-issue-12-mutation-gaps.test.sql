-- Refusals of the invitation, account, console and application functions
-- (supabase/migrations/20261201000200_members_and_invitations.sql and
-- 20261201000300_account_console_applications.sql) that `npm run test:mutations` found
-- untested: each is asserted with its code AND its message, since several would otherwise
-- fall through to a later refusal with the same code (docs/testing.md).
begin;
\ir _helpers.psql
select plan(17);

-- A signed-in role whose token names no person (auth.uid() is null): the functions' own
-- "sign in" checks, behind the grants.
create function tests.authenticate_without_person() returns void language sql as $$
  select set_config('role', 'authenticated', true),
         set_config('request.jwt.claims', '{"role":"authenticated"}', true);
$$;

-- Invitations ----------------------------------------------------------------------------
select tests.authenticate_as('outsider');
select throws_ok($$ select public.accept_invitation('no-such-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') $$,
  'IN001', 'no invitation has this token', 'accepting by an unknown token: IN001 for the token');
select throws_ok($$ select public.decline_invitation('no-such-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') $$,
  'IN001', 'no invitation has this token', 'declining by an unknown token: IN001 for the token');
select throws_ok($$ select public.answer_my_invitation(gen_random_uuid(), true) $$,
  'IN001', 'no such invitation', 'answering an invitation that does not exist: IN001, not "another address"');
select tests.clear_authentication();
select tests.authenticate_without_person();
select throws_ok(
  format($$ select public.answer_my_invitation(%L, true) $$,
    (select i.id from public.invitations i where i.email = 'invitee@test.demo' limit 1)),
  '42501', 'sign in to answer an invitation', 'nobody signed in: an invitation is not answered');
select throws_ok(format($$ select public.leave_organisation(%L) $$, tests.uid('test-alpha')),
  '42501', 'sign in first', 'nobody signed in: nobody leaves an organisation');
select tests.clear_authentication();

-- Applications (as the server submits them) ---------------------------------------------
set local role service_role;
select throws_ok($$ select public.submit_application('Secretariat bis', 'secretariat', 'BE', null, '{en}',
    'd', 'n', 'apply@test.demo', 'm', 'en') $$,
  '22023', 'an application is for a section or a partner', 'an application is never for a secretariat');
select lives_ok($$ select public.submit_application('Open ' || n, 'partner', 'BE', null, '{en}', 'd', 'n',
    'three@test.demo', 'm', 'en') from generate_series(1, 3) n $$,
  'three pending applications from one address are recorded');
select throws_ok($$ select public.submit_application('Open 4', 'partner', 'BE', null, '{en}', 'd', 'n',
    'Three@Test.demo', 'm', 'en') $$,
  '22023', 'too many open applications for this address', 'the fourth pending one from that address is refused');
select ok(
  exists (select 1 from public.coordinator_recipients() r where r.email = 'coordinator@test.demo'),
  'the coordinators to notify are the admins of the coordinating organisation');
reset role;

-- The coordinator's console ---------------------------------------------------------------
select tests.authenticate_as('coordinator');
select is(
  (select admin_count from public.console_organisations() o where o.id = tests.uid('test-coord')),
  1::bigint, 'the console counts admins (the coordinating organisation has one admin, no member)');
select throws_ok($$ select public.approve_application(gen_random_uuid()) $$,
  'P0002', 'no such application', 'approving an application that does not exist');
select throws_ok($$ select public.decline_application(gen_random_uuid(), 'out of scope') $$,
  'P0002', 'no such application', 'declining an application that does not exist');
select lives_ok(
  format($$ select public.decline_application(%L, 'out of scope') $$,
    (select a.id from public.organisation_applications a where a.organisation_name = 'Open 1')),
  'a pending application is declined');
select throws_ok(
  format($$ select public.decline_application(%L, 'again') $$,
    (select a.id from public.organisation_applications a where a.organisation_name = 'Open 1')),
  'NW001', 'this application was already decided', 'a decided application is not declined again');
select throws_ok($$ select public.create_organisation('Second secretariat', 'second-secretariat', 'secretariat',
    'CH', null, '{en}', 'd', 'en') $$,
  '22023', 'coordinators create sections and partners', 'coordinators create no secretariat');
select throws_ok($$ select public.set_organisation_status(gen_random_uuid(), 'suspended', 'why') $$,
  'P0002', 'no such organisation', 'suspending an organisation that does not exist');
select throws_ok(
  format($$ select public.set_organisation_status(%L, 'suspended', repeat('x', 1001)) $$, tests.uid('test-alpha')),
  '22023', 'the reason is too long', 'a suspension reason over 1000 characters is refused');
select tests.clear_authentication();

select * from finish();
rollback;
