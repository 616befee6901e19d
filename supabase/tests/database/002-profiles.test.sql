-- profiles: created by the auth.users trigger; read by oneself, fellow members of
-- active organisations and coordinators; updated by oneself only.
begin;
\ir _helpers.psql
select plan(21);

-- The trigger (Auth inserts users as supabase_auth_admin) ------------------------
set local role supabase_auth_admin;
insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at)
values
  (tests.uid('jeanne'), 'authenticated', 'authenticated', 'jeanne@test.demo', '{"display_name": "Jeanne Dupont", "locale": "fr"}', now()),
  (tests.uid('pieter'), 'authenticated', 'authenticated', 'pieter.janssens@test.demo', '{"locale": "xx"}', now());
reset role;

select is(
  (select display_name || '/' || preferred_locale from public.profiles where id = tests.uid('jeanne')),
  'Jeanne Dupont/fr',
  'a new auth user gets a profile with the display name and locale from their metadata'
);
select is(
  (select display_name || '/' || preferred_locale from public.profiles where id = tests.uid('pieter')),
  'pieter.janssens/en',
  'without a name the email''s local part is used, and an unknown locale falls back to en'
);
select is(
  (select count(*)::int from public.profiles where id = tests.uid('outsider')),
  1,
  'fixture people got their profile too'
);

-- anonymous ---------------------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok(
  'select * from public.profiles', '42501', 'permission denied for table profiles',
  'anonymous visitors cannot read profiles at all'
);

-- signed-in person without membership --------------------------------------------
select tests.authenticate_as('outsider');
select is(tests.visible_profiles(), array['outsider'], 'a person without membership reads only their own profile');

-- member ----------------------------------------------------------------------
select tests.authenticate_as('alpha_member');
select is(
  tests.visible_profiles(), array['alpha_admin', 'alpha_editor', 'alpha_member'],
  'a member reads the profiles of their organisation''s members, not others'''
);

select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$update public.profiles set display_name = 'Alpha M.', preferred_locale = 'nl'
  where id = tests.uid('alpha_member')$$,
   '1 row', 'a person updates their own display name and locale'),
  ('alpha_member', $$update public.profiles set display_name = 'Hacked' where id = tests.uid('alpha_admin')$$,
   '0 rows', 'a member cannot update a fellow member''s profile'),
  ('alpha_member', $$update public.profiles set preferred_locale = 'xx' where id = tests.uid('alpha_member')$$,
   '23514: value for domain content_locale violates check constraint "content_locale"', 'the preferred locale must be one of fr, nl, en, de, es, ar'),
  ('alpha_member', $$insert into public.profiles (id, display_name) values (tests.uid('alpha_member'), 'Twin')$$,
   '42501: permission denied for table profiles', 'nobody inserts profiles through the API (the trigger does)'),
  ('alpha_member', $$delete from public.profiles where id = tests.uid('alpha_member')$$,
   '42501: permission denied for table profiles', 'nobody deletes profiles through the API (account deletion does)')
) as attempt (actor, statement, outcome, description);

-- editor / admin ------------------------------------------------------------------
select tests.authenticate_as('alpha_admin');
select is(
  tests.visible_profiles(), array['alpha_admin', 'alpha_editor', 'alpha_member'],
  'an admin reads their organisation''s members'
);
with u as (
  update public.profiles set display_name = 'Renamed' where id = tests.uid('alpha_member') returning 1
)
select is(count(*)::int, 0, 'an admin cannot edit a member''s profile') from u;

-- member of another organisation ---------------------------------------------------
select tests.authenticate_as('beta_member');
select is(
  tests.visible_profiles(), array['beta_admin', 'beta_editor', 'beta_member'],
  'a member of another organisation does not read alpha''s members'
);

-- member of a suspended organisation ----------------------------------------------
select tests.authenticate_as('frozen_member');
select is(
  tests.visible_profiles(), array['frozen_member'],
  'a member of a suspended organisation no longer reads their fellow members'
);

-- admin of a pending organisation --------------------------------------------------
select tests.authenticate_as('pending_admin');
select is(tests.visible_profiles(), array['pending_admin'], 'a pending organisation''s admin reads only their own profile');

-- The read policy costs a row the same whatever the number of people: who the reader may see
-- is computed once per statement (initPlans), never a set of profiles probed per row.
select tests.authenticate_as('alpha_member');
select doesnt_match(tests.plan_of('select display_name from public.profiles'),
                    'SubPlan', 'a member''s read of profiles has no SubPlan per row');

-- coordinator -----------------------------------------------------------------
select tests.authenticate_as('coordinator');
select is(
  (select count(*)::int from unnest(tests.visible_profiles())),
  15,
  'a coordinator reads every profile'
);
with u as (
  update public.profiles set display_name = 'Renamed' where id = tests.uid('alpha_member') returning 1
)
select is(count(*)::int, 0, 'a coordinator cannot edit someone else''s profile') from u;

-- suspension takes effect immediately for a coordinator's organisation too -------
select tests.clear_authentication();
update public.organisations set status = 'suspended' where id = tests.uid('test-coord');
select tests.authenticate_as('coordinator');
select is(tests.visible_profiles(), array['coordinator'], 'a coordinator of a suspended organisation is no longer a coordinator');

select tests.clear_authentication();
select is(
  (select display_name from public.profiles where id = tests.uid('alpha_admin')),
  'Alpha Admin',
  'nobody but the person changed alpha_admin''s profile'
);

select * from finish();
rollback;
