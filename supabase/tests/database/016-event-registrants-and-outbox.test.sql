-- event_registrants (the organisers' registrant list) from every actor's side, and the
-- notification outbox: which registration changes queue an email, and that nobody but
-- the server's secret key (service_role) reads or writes it.
begin;
\ir _helpers.psql
select plan(49);

-- Each person registers for the event themself, in this order (first come, first served).
create function tests.register_in_turn(event text, variadic people text[])
returns void
language plpgsql
set search_path = ''
as $$
declare
  person text;
begin
  foreach person in array people loop
    perform tests.authenticate_as(person);
    perform public.register_for_event(tests.uid(event));
  end loop;
  perform tests.clear_authentication();
end;
$$;
grant execute on function tests.register_in_turn(text, text[]) to public;

-- Whatever the demo data or other tests left in the outbox is out of the way (rolled back).
delete from public.notification_outbox;

-- Fixture: two events of test-alpha, co-organised by test-beta (accepted co-lead),
-- with test-gamma attached as participant.
--   ev_reg    network, open, 2 places
--   ev_appr   public, approval required, 1 place
select tests.create_item('ev_reg', 'event', 'published', 'network') \g /dev/null
select tests.create_item('ev_appr', 'event', 'published', 'public') \g /dev/null

insert into public.item_organisations (item_id, organisation_id, role, state)
values
  (tests.uid('ev_reg'), tests.uid('test-beta'), 'co_lead', 'accepted'),
  (tests.uid('ev_reg'), tests.uid('test-gamma'), 'participant', 'accepted');

insert into public.events (id, original_locale, starts_at, ends_at, capacity, registration_mode)
values
  (tests.uid('ev_reg'), 'fr', now() + interval '10 days', now() + interval '10 days 3 hours', 2, 'open'),
  (tests.uid('ev_appr'), 'nl', now() + interval '10 days', now() + interval '10 days 3 hours', 1, 'approval');

insert into public.event_translations (event_id, locale, title)
values
  (tests.uid('ev_reg'), 'fr', 'Formation sur l''audition de l''enfant'),
  (tests.uid('ev_reg'), 'nl', 'Opleiding over het horen van kinderen'),
  (tests.uid('ev_appr'), 'nl', 'Intervisie jeugdadvocaten');

insert into tests.names (id, name) values (tests.uid('ev_reg'), 'ev_reg'), (tests.uid('ev_appr'), 'ev_appr');

-- Three people register for two places, each as themselves: two confirmed, one waiting.
select tests.register_in_turn('ev_reg', 'gamma_member', 'beta_member', 'alpha_member');

-- Who is on the list, as "name:status", in the list's order.
create function tests.registrants(event uuid)
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(tests.name(r.user_id) || ':' || r.status), '{}')
  from public.event_registrants(event) r
$$;

-- Anonymous --------------------------------------------------------------------------
select tests.authenticate_as_anon();
select is(tests.registrants(tests.uid('ev_reg')), '{}', 'anonymous: no registrant list');
select is(tests.registrants(tests.uid('ev_appr')), '{}', 'anonymous: no list of a public event either');
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$ select * from public.notification_outbox $$,
   '42501: permission denied for table notification_outbox', 'anonymous: cannot read the outbox'),
  (null, $$ select * from public.claim_notifications(10) $$,
   '42501: permission denied for function claim_notifications', 'anonymous: cannot claim outbox rows')
) as attempt (actor, statement, outcome, description);

-- Outsider ---------------------------------------------------------------------------
select tests.authenticate_as('outsider');
select is(tests.registrants(tests.uid('ev_reg')), '{}', 'outsider: no registrant list');
select is(tests.registrants(tests.uid('ev_appr')), '{}', 'outsider: no list of a public event they can read');

-- Member of the organising organisation (and registrant), not editor ----------------
select tests.authenticate_as('alpha_member');
select is(tests.registrants(tests.uid('ev_reg')), '{}', 'member of the owner (not editor): no registrant list');
select is(
  (select array_agg(tests.name(r.user_id)) from public.event_registrations r where r.event_id = tests.uid('ev_reg')),
  array['alpha_member'],
  'member registrant: reads only their own registration through the table'
);

-- Registrant from a participant organisation -----------------------------------------
select tests.authenticate_as('gamma_member');
select is(tests.registrants(tests.uid('ev_reg')), '{}', 'registrant (participant organisation member): no list');
select tests.authenticate_as('gamma_admin');
select is(tests.registrants(tests.uid('ev_reg')), '{}', 'admin of a participant organisation: no list');

-- Member of the co-lead organisation --------------------------------------------------
select tests.authenticate_as('beta_member');
select is(tests.registrants(tests.uid('ev_reg')), '{}', 'member of the co-lead (not editor): no list');

-- Coordinator (not an organiser) ------------------------------------------------------
select tests.authenticate_as('coordinator');
select is(tests.registrants(tests.uid('ev_reg')), '{}', 'coordinator who does not organise: no list (personal data)');

-- Frozen organisation admin -------------------------------------------------------------
select tests.authenticate_as('frozen_admin');
select is(tests.registrants(tests.uid('ev_reg')), '{}', 'admin of a suspended organisation: no list');

-- Owner editor --------------------------------------------------------------------------
select tests.authenticate_as('alpha_editor');
select is(
  tests.registrants(tests.uid('ev_reg')),
  array['gamma_member:confirmed', 'beta_member:confirmed', 'alpha_member:waiting'],
  'owner editor: every registration, confirmed first in registration order, then waiting'
);
select is(
  (select r.email from public.event_registrants(tests.uid('ev_reg')) r where r.user_id = tests.uid('gamma_member')),
  'gamma_member@test.demo',
  'owner editor: sees the registrant''s email (for the CSV)'
);
select is(
  (select r.display_name from public.event_registrants(tests.uid('ev_reg')) r where r.user_id = tests.uid('gamma_member')),
  'Gamma Member',
  'owner editor: sees the registrant''s name although gamma is not one of their organisations'
);
select is(
  (select r.organisations from public.event_registrants(tests.uid('ev_reg')) r where r.user_id = tests.uid('gamma_member')),
  array['Test Gamma'],
  'owner editor: sees the registrant''s organisations'
);
select is(tests.registrants(tests.uid('no such event')), '{}', 'owner editor: unknown event, no rows and no error');
select is(tests.registrants(null), '{}', 'owner editor: null event, no rows');

-- Owner admin, co-lead editor and admin --------------------------------------------------
select tests.authenticate_as('alpha_admin');
select is(cardinality(tests.registrants(tests.uid('ev_reg'))), 3, 'owner admin: the whole list');
select tests.authenticate_as('beta_editor');
select is(cardinality(tests.registrants(tests.uid('ev_reg'))), 3, 'co-lead editor: the whole list');
select is(tests.registrants(tests.uid('ev_appr')), '{}', 'co-lead editor: no list of the owner''s other events');
select tests.authenticate_as('beta_admin');
select is(cardinality(tests.registrants(tests.uid('ev_reg'))), 3, 'co-lead admin: the whole list');

-- The outbox: what queues an email ------------------------------------------------------
select tests.clear_authentication();
select is((select count(*)::integer from public.notification_outbox), 0, 'registering queues no email here');

-- A confirmed person cancels: the waiting person gets the place and an email.
select tests.authenticate_as('gamma_member');
select public.cancel_event_registration(tests.uid('ev_reg')) \g /dev/null
select tests.clear_authentication();

create function tests.outbox()
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(x.line order by x.line), '{}')
  from (select tests.name(o.recipient_id) || ':' || n.type || ':' || tests.name(n.item_id) as line
        from public.notification_outbox o join public.notifications n on n.id = o.notification_id) x
$$;

select is(tests.outbox(), array['alpha_member:registration_promoted:ev_reg'],
  'a cancellation that promotes the waiting person queues one email to them');
select is(
  (select o.sent_at is null and o.attempts = 0 and o.last_error is null from public.notification_outbox o),
  true,
  'the queued email is unsent, with no attempt yet'
);

-- Approval mode: approve with a place, approve onto the waiting list, decline.
select tests.register_in_turn('ev_appr', 'outsider', 'beta_member', 'gamma_member');
select is(cardinality(tests.outbox()), 1, 'pending requests queue no email');

select tests.authenticate_as('alpha_editor');
select is(
  tests.registrants(tests.uid('ev_appr')),
  array['outsider:pending', 'beta_member:pending', 'gamma_member:pending'],
  'owner editor: pending requests are on the list'
);
select is(public.decide_event_registration(
  (select r.registration_id from public.event_registrants(tests.uid('ev_appr')) r where r.user_id = tests.uid('outsider')), true),
  'confirmed'::public.registration_status, 'editor approves the first request: confirmed');
select is(public.decide_event_registration(
  (select r.registration_id from public.event_registrants(tests.uid('ev_appr')) r where r.user_id = tests.uid('beta_member')), true),
  'waiting'::public.registration_status, 'editor approves the second: full, waiting');
select is(public.decide_event_registration(
  (select r.registration_id from public.event_registrants(tests.uid('ev_appr')) r where r.user_id = tests.uid('gamma_member')), false),
  'declined'::public.registration_status, 'editor declines the third');
-- More places: the waiting person moves up.
update public.events set capacity = 2 where id = tests.uid('ev_appr');
select tests.clear_authentication();

select is(
  tests.outbox(),
  array['alpha_member:registration_promoted:ev_reg', 'beta_member:registration_promoted:ev_appr',
        'beta_member:registration_waiting:ev_appr', 'gamma_member:registration_declined:ev_appr',
        'outsider:registration_approved:ev_appr'],
  'approval, approval onto the waiting list, decline and a capacity increase each queue one email'
);

-- Nobody signed in can read or write the outbox -------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_admin', $$ select * from public.notification_outbox $$,
   '42501: permission denied for table notification_outbox', 'organiser admin: cannot read the outbox'),
  ('alpha_member', $$ select * from public.notification_outbox $$,
   '42501: permission denied for table notification_outbox', 'recipient: cannot read the outbox, not even their own emails'),
  ('alpha_member', $$ insert into public.notification_outbox (recipient_id, digest, period_end)
     values (tests.uid('outsider'), 'daily', now()) $$,
   '42501: permission denied for table notification_outbox', 'signed-in person: cannot queue an email'),
  ('alpha_member', $$ update public.notification_outbox set sent_at = now() $$,
   '42501: permission denied for table notification_outbox', 'signed-in person: cannot mark emails sent'),
  ('alpha_member', $$ delete from public.notification_outbox $$,
   '42501: permission denied for table notification_outbox', 'signed-in person: cannot delete queued emails'),
  ('alpha_member', $$ select * from public.claim_notifications(10) $$,
   '42501: permission denied for function claim_notifications', 'signed-in person: cannot claim outbox rows (emails of others)'),
  ('coordinator', $$ select * from public.notification_outbox $$,
   '42501: permission denied for table notification_outbox', 'coordinator: cannot read the outbox')
) as attempt (actor, statement, outcome, description);

select tests.clear_authentication();
select is(
  (select count(*)::integer from pg_catalog.pg_policies p where p.schemaname = 'public' and p.tablename = 'notification_outbox'),
  0, 'the outbox has RLS and no policy at all');
select is(
  (select c.relrowsecurity from pg_catalog.pg_class c where c.oid = 'public.notification_outbox'::regclass),
  true, 'RLS is enabled on the outbox');

-- The server (service_role) -------------------------------------------------------------
set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true) \g /dev/null
create temporary table claimed on commit drop as select * from public.claim_notifications(2);
select is((select count(*)::integer from claimed), 2, 'service_role claims a batch of the given size');
insert into claimed select * from public.claim_notifications(10);
select is((select count(*)::integer from claimed), 5, 'a second claim gets the rows not leased by the first');
select is((select count(distinct c.id)::integer from claimed c), 5, 'no row is claimed twice');
select is((select count(*)::integer from public.claim_notifications(10)), 0, 'then nothing until the leases expire');
select is(
  (select c.email || ':' || c.preferred_locale || ':' || c.stream from claimed c
   where c.items -> 0 ->> 'item_id' = tests.uid('ev_reg')::text),
  'alpha_member@test.demo:' || (select p.preferred_locale from public.profiles p where p.id = tests.uid('alpha_member'))
    || ':registration_promoted',
  'a claimed row carries the recipient''s email and preferred language'
);
select is(
  (select c.items -> 0 -> 'titles' ->> 'nl' from claimed c where c.items -> 0 ->> 'item_id' = tests.uid('ev_reg')::text),
  'Opleiding over het horen van kinderen',
  'a claimed row carries the event''s titles per language'
);
update public.notification_outbox set sent_at = now() where id in (select c.id from claimed c);
select is(
  (select count(*)::integer from public.notification_outbox where sent_at is not null), 5,
  'service_role marks emails sent'
);
select is(
  (select min(attempts) from public.notification_outbox), 1,
  'each claim counts an attempt'
);
reset role;

select * from finish();
rollback;
