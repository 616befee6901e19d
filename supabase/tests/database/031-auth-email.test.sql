-- The Auth email flows' database part (supabase/migrations/20261201000100_auth_email.sql):
-- public.account_by_email tells the server (service_role) which account an address has, and
-- nobody else; the new forms' throttle rules exist with the limits the forms promise.
begin;
\ir _helpers.psql
select plan(14);

-- The server (service_role, the secret key) ----------------------------------------------
set local role service_role;

select is((select user_id from public.account_by_email('alpha_member@test.demo')),
  tests.uid('alpha_member'), 'server: an address gives its account');
select is((select user_id from public.account_by_email('  ALPHA_Member@Test.demo ')),
  tests.uid('alpha_member'), 'server: letter case and surrounding spaces do not matter');
select is((select preferred_locale from public.account_by_email('alpha_member@test.demo')),
  (select preferred_locale::text from public.profiles where id = tests.uid('alpha_member')),
  'server: with the account''s preferred language');
select is((select count(*)::integer from public.account_by_email('nobody@test.demo')), 0,
  'server: an unknown address gives no row');
select is((select count(*)::integer from public.account_by_email('')), 0,
  'server: an empty address gives no row');

reset role;
update auth.users set deleted_at = now() where id = tests.uid('beta_member');
set local role service_role;
select is((select count(*)::integer from public.account_by_email('beta_member@test.demo')), 0,
  'server: a deleted account is not found');
reset role;

-- Visitors (anon) -------------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$ select * from public.account_by_email('alpha_member@test.demo') $$,
   '42501: permission denied for function account_by_email', 'anonymous: cannot ask which account an address has'),
  (null, $$ select * from private.account_by_email('alpha_member@test.demo') $$,
   '42501', 'anonymous: cannot call the private function either')
) as attempt (actor, statement, outcome, description);

-- Members (authenticated) -----------------------------------------------------------------
select tests.clear_authentication();
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_admin', $$ select * from public.account_by_email('alpha_member@test.demo') $$,
   '42501: permission denied for function account_by_email', 'member: cannot ask which account an address has'),
  ('alpha_admin', $$ select * from private.account_by_email('alpha_member@test.demo') $$,
   '42501', 'member: cannot call the private function either')
) as attempt (actor, statement, outcome, description);
select tests.clear_authentication();

-- Grants and definitions -------------------------------------------------------------------
select ok(not has_function_privilege('public', 'public.account_by_email(text)', 'execute'),
  'PUBLIC has no execute on public.account_by_email');
select is((select p.prosecdef from pg_proc p where p.oid = 'private.account_by_email(text)'::regprocedure),
  true, 'private.account_by_email is security definer');
select ok((select p.proconfig::text[] @> array['search_path=""']
  from pg_proc p where p.oid = 'private.account_by_email(text)'::regprocedure),
  'private.account_by_email has an empty search_path');

select results_eq(
  $$ select action || '/' || scope || '/' || max_attempts || '/' || period::text
     from private.throttle_rules
     where action in ('email_sign_in', 'email_code', 'password_reset', 'password_change', 'email_change')
     order by 1 $$,
  $$ values ('email_change/account/3/01:00:00'), ('email_code/account/5/00:15:00'),
            ('email_code/address/20/00:15:00'), ('email_sign_in/account/3/00:15:00'),
            ('email_sign_in/address/20/00:15:00'), ('password_change/account/5/00:15:00'),
            ('password_reset/account/3/00:15:00'), ('password_reset/address/20/00:15:00') $$,
  'the new forms'' throttle rules');

select * from finish();
rollback;
