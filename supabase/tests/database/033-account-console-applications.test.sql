-- The person's account (leave, my data, account deletion guard), the coordinators' console
-- (overview, suspend/reactivate, audit trail, creating organisations) and applications
-- (supabase/migrations/20261201000300_account_console_applications.sql): what each actor
-- must not do, then what they may.
begin;
\ir _helpers.psql
select plan(58);

-- A pending application to decide, inserted as the server would (service_role).
set local role service_role;
select lives_ok($$
  select public.submit_application('Kinderrechten Testhuis', 'partner', 'be', 'https://testhuis.example',
    '{nl,fr}', 'Wij werken met kinderen.', 'Jan Test', 'Jan@Testhuis.Example', 'Samenwerken.', 'nl')
$$, 'server: an application is recorded through the function');
reset role;
create temporary table app as
  select id from public.organisation_applications where email = 'jan@testhuis.example';
grant select on app to public;

-- An event registration for alpha_member, to find in her export (and not in others').
select tests.create_item('item_alpha_event', 'event', 'published', 'network') \g /dev/null
insert into public.events (id, original_locale, starts_at, ends_at)
values (tests.uid('item_alpha_event'), 'fr', now() + interval '7 days', now() + interval '7 days 2 hours');
insert into public.event_translations (event_id, locale, title)
values (tests.uid('item_alpha_event'), 'fr', 'Formation test');
insert into public.event_registrations (event_id, user_id, status)
values (tests.uid('item_alpha_event'), tests.uid('alpha_member'), 'confirmed');

-- Anonymous -----------------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$ select public.submit_application('X Org', 'partner', 'BE', null, '{}', 'd', 'n', 'a@b.example', 'm', 'en') $$,
   '42501', 'anonymous: cannot call the application function directly (the server''s throttle comes first)'),
  (null, $$ select * from public.organisation_applications $$,
   '42501', 'anonymous: cannot read applications'),
  (null, $$ select public.my_data() $$,
   '42501', 'anonymous: has no data export'),
  (null, $$ select * from public.console_organisations() $$,
   '42501', 'anonymous: cannot read the console'),
  (null, $$ select public.set_organisation_status(tests.uid('test-alpha'), 'suspended', 'x') $$,
   '42501', 'anonymous: cannot suspend'),
  (null, $$ select * from public.coordinator_recipients() $$,
   '42501', 'anonymous: cannot list the coordinators'' addresses'),
  -- A member (alpha_member) ----------------------------------------------------------------
  ('alpha_member', $$ select public.submit_application('X Org', 'partner', 'BE', null, '{}', 'd', 'n', 'a@b.example', 'm', 'en') $$,
   '42501', 'member: cannot call the application function directly either')
) as attempt (actor, statement, outcome, description);
select is((select count(*) from public.organisation_applications), 0::bigint, 'member: reads no application');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$ select * from public.console_organisations() $$,
   '42501', 'member: cannot read the console''s overview'),
  ('alpha_member', $$ select * from public.console_audit_events() $$,
   '42501', 'member: cannot read the console''s audit trail'),
  ('alpha_member', $$ select public.set_organisation_status(tests.uid('test-beta'), 'suspended', 'because') $$,
   '42501', 'member: cannot suspend an organisation'),
  ('alpha_member', $$ select public.approve_application((select id from app)) $$,
   '42501', 'member: cannot approve an application'),
  ('alpha_member', $$ select public.decline_application((select id from app), 'no') $$,
   '42501', 'member: cannot decline an application'),
  ('alpha_member', $$ select public.create_organisation('Mine', 'mine', 'partner', 'BE', null, '{}', null, 'en') $$,
   '42501', 'member: cannot create an organisation'),
  ('alpha_member', $$ select public.discard_empty_organisation(tests.uid('test-gamma')) $$,
   '42501', 'member: cannot discard an organisation'),
  ('alpha_member', $$ select * from public.coordinator_recipients() $$,
   '42501', 'member: cannot list the coordinators'' addresses')
) as attempt (actor, statement, outcome, description);

select is(public.my_data() -> 'profile' ->> 'id', tests.uid('alpha_member')::text, 'member: the export is about herself');
select is(jsonb_array_length(public.my_data() -> 'event_registrations'), 1, 'member: her registration is in her export');
select is(public.my_data() -> 'event_registrations' -> 0 ->> 'event', 'Formation test', 'member: with the event''s title');
select is(public.my_data() #>> '{memberships,0,organisation}', 'Test Alpha', 'member: her membership is in her export');
select ok(public.my_data()::text !~ 'token_hash', 'member: no feed or invitation hash in the export');
select is((select count(*) from public.account_deletion_blockers()), 0::bigint, 'member: nothing keeps her from deleting her account');

select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$ select public.leave_organisation(tests.uid('test-alpha')) $$,
   'ok', 'member: leaves her organisation'),
  ('alpha_member', $$ select public.leave_organisation(tests.uid('test-alpha')) $$,
   'P0002', 'member: cannot leave an organisation she is no longer in'),
  ('alpha_member', $$ select public.leave_organisation(tests.uid('test-beta')) $$,
   'P0002', 'member: cannot remove someone else''s membership through leave')
) as attempt (actor, statement, outcome, description);

-- Another person's export does not hold alpha_member's registration.
select tests.authenticate_as('beta_member');
select is(jsonb_array_length(public.my_data() -> 'event_registrations'), 0, 'another member: nobody else''s registration in her export');
select is(public.my_data() -> 'profile' ->> 'id', tests.uid('beta_member')::text, 'another member: her own profile only');

-- The last admin (alpha_admin) -----------------------------------------------------------
select tests.authenticate_as('alpha_admin');

select throws_ok($$ select public.leave_organisation(tests.uid('test-alpha')) $$, '23514', null,
  'last admin: cannot leave her organisation');
select is((select array_agg(slug) from public.account_deletion_blockers()), array['test-alpha'],
  'last admin: her organisation keeps her from deleting her account');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_admin', $$ select * from public.console_organisations() $$,
   '42501', 'admin (not coordinator): no console'),
  ('alpha_admin', $$ select public.set_organisation_status(tests.uid('test-alpha'), 'suspended', 'self') $$,
   '42501', 'admin: cannot suspend her own organisation either')
) as attempt (actor, statement, outcome, description);

select tests.clear_authentication();
select throws_ok($$ delete from auth.users where id = tests.uid('alpha_admin') $$, 'NW005', null,
  'database: the last admin''s account is not deleted even on the trusted path (Auth''s admin delete)');
select lives_ok($$ delete from auth.users where id = tests.uid('gamma_member') $$,
  'database: a plain member''s account is deleted');

-- A second admin lets the first one leave.
insert into public.memberships (user_id, organisation_id, role)
values (tests.uid('outsider'), tests.uid('test-alpha'), 'admin');
select tests.authenticate_as('alpha_admin');
select is((select count(*) from public.account_deletion_blockers()), 0::bigint, 'admin with a co-admin: nothing blocks');
select lives_ok($$ select public.leave_organisation(tests.uid('test-alpha')) $$, 'admin with a co-admin: leaves');

-- The coordinator --------------------------------------------------------------------------
select tests.authenticate_as('coordinator');

select ok((select count(*) from public.console_organisations()) >= 6, 'coordinator: reads the overview');
select is((select member_count from public.console_organisations() where slug = 'test-beta'), 3::bigint,
  'coordinator: member counts');
select is((select count(*) from public.console_organisations('suspended', null) where slug like 'test-%'), 1::bigint,
  'coordinator: filters by status');
select is((select count(*) from public.console_organisations(null, 'section', 1, 0)), 1::bigint,
  'coordinator: pages are bounded');

select tests.check_as(actor, statement, outcome, description)
from (values
  ('coordinator', $$ select public.set_organisation_status(tests.uid('test-beta'), 'suspended', '') $$,
   '22023', 'coordinator: a suspension needs a reason'),
  ('coordinator', $$ select public.set_organisation_status(tests.uid('test-coord'), 'suspended', 'oops') $$,
   'NW003', 'coordinator: cannot suspend a coordinating organisation'),
  ('coordinator', $$ select public.set_organisation_status(tests.uid('test-pending'), 'suspended', 'why') $$,
   'NW002', 'coordinator: only active organisations are suspended'),
  ('coordinator', $$ select public.set_organisation_status(tests.uid('test-beta'), 'suspended', 'Unpaid dues') $$,
   'ok', 'coordinator: suspends an organisation with a reason')
) as attempt (actor, statement, outcome, description);
select is((select reason from public.console_audit_events(tests.uid('test-beta'), null, 'organisation_suspended')),
  'Unpaid dues', 'coordinator: the reason is in the audit trail, as a suspension');
select is((select actor_id from public.console_audit_events(null, null, 'organisation_suspended') limit 1),
  tests.uid('coordinator'), 'coordinator: the trail names who suspended it');

select tests.authenticate_as('beta_member');
select ok(not ('item_alpha_participants' = any (tests.visible_items()))
          and not (tests.uid('test-beta') in (select private.user_organisation_ids())),
  'suspended organisation''s member: loses its access at once (next statement)');

select tests.authenticate_as('coordinator');
select lives_ok($$ select public.set_organisation_status(tests.uid('test-beta'), 'active', null) $$,
  'coordinator: reactivates it');
select is((select count(*) from public.console_audit_events(null, tests.uid('alpha_member'), 'member_removed')), 1::bigint,
  'coordinator: filters the trail by person and kind (alpha_member left)');

select tests.check_as(actor, statement, outcome, description)
from (values
  ('coordinator', $$ select public.decline_application((select id from app), '  ') $$,
   '22023', 'coordinator: a decline needs a reason'),
  ('coordinator', $$ select public.approve_application((select id from app)) $$,
   'ok', 'coordinator: approves an application')
) as attempt (actor, statement, outcome, description);
select is((select o.status::text || '/' || o.kind::text || '/' || o.slug from public.organisations o
           join public.organisation_applications a on a.organisation_id = o.id where a.id = (select id from app)),
  'active/partner/kinderrechten-testhuis', 'coordinator: the organisation exists, active');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('coordinator', $$ select public.approve_application((select id from app)) $$,
   'NW001', 'coordinator: an application is approved once'),
  ('coordinator', $$ select public.discard_empty_organisation(
    (select organisation_id from public.organisation_applications where id = (select id from app))) $$,
   'ok', 'coordinator: discards the new organisation when its invitation failed')
) as attempt (actor, statement, outcome, description);
select is((select status::text from public.organisation_applications where id = (select id from app)), 'pending',
  'coordinator: the application is pending again and no organisation is left');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('coordinator', $$ select public.discard_empty_organisation(tests.uid('test-gamma')) $$,
   'NW004', 'coordinator: cannot discard an organisation that has members'),
  ('coordinator', $$ select public.decline_application((select id from app), 'Not a child-rights NGO') $$,
   'ok', 'coordinator: declines with a reason')
) as attempt (actor, statement, outcome, description);
select is((select count(*) from public.organisations where slug like 'kinderrechten-testhuis%'), 0::bigint,
  'coordinator: a declined application leaves no organisation');

rollback;
