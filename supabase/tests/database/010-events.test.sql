-- events, event_translations, event_online_links, event_registrations, calendar_tokens
-- and the registration functions: who reads and writes each from every actor's side;
-- the waiting list, approvals, capacity, the online link, the personal calendar feed.
begin;
\ir _helpers.psql
select plan(143);

-- Fixture: event items of test-alpha. ev_participants is co-organised by test-beta
-- (accepted co-lead) and attended by test-gamma (accepted participant). -------------

select tests.create_item(e.name, 'event', e.status, e.visibility)
from (values
  ('ev_public', 'published', 'public'),
  ('ev_network', 'published', 'network'),
  ('ev_participants', 'published', 'participants'),
  ('ev_approval', 'published', 'network'),
  ('ev_closed', 'published', 'network'),
  ('ev_none', 'published', 'network'),
  ('ev_deadline', 'published', 'network'),
  ('ev_cancelled', 'published', 'public'),
  ('ev_draft', 'draft', 'network'),
  ('ev_new', 'draft', 'network')
) as e (name, status, visibility)
\g /dev/null

insert into public.item_organisations (item_id, organisation_id, role, state)
values
  (tests.uid('ev_participants'), tests.uid('test-beta'), 'co_lead', 'accepted'),
  (tests.uid('ev_participants'), tests.uid('test-gamma'), 'participant', 'accepted');

insert into public.events (id, original_locale, starts_at, ends_at, capacity, registration_mode, registration_deadline, is_online)
select tests.uid(e.name), 'fr', now() + e.starts, now() + e.starts + interval '3 hours', e.capacity,
       e.mode::public.registration_mode, e.deadline, e.online
from (values
  ('ev_public', interval '10 days', 2, 'open', null::timestamptz, false),
  ('ev_network', interval '10 days', 1, 'open', null, true),
  ('ev_participants', interval '10 days', null, 'open', null, true),
  ('ev_approval', interval '10 days', 1, 'approval', null, false),
  ('ev_closed', interval '10 days', null, 'closed', null, false),
  ('ev_none', interval '10 days', null, 'none', null, false),
  ('ev_deadline', interval '1 day', null, 'open', now() - interval '1 hour', false),
  ('ev_cancelled', interval '10 days', null, 'open', null, false),
  ('ev_draft', interval '10 days', null, 'open', null, false)
) as e (name, starts, capacity, mode, deadline, online);
update public.events set cancelled_at = now() where id = tests.uid('ev_cancelled');

insert into public.event_translations (event_id, locale, title, description)
values
  (tests.uid('ev_public'), 'fr', 'Formation publique sur la justice des mineurs', 'Pour les avocats.'),
  (tests.uid('ev_network'), 'fr', 'Webinaire du réseau', ''),
  (tests.uid('ev_network'), 'nl', 'Webinar voor het netwerk', 'Voor jeugdwerkers.'),
  (tests.uid('ev_participants'), 'fr', 'Atelier fermé sur les tests osseux', ''),
  (tests.uid('ev_draft'), 'fr', 'Journée d''étude en préparation', '');

insert into public.event_online_links (event_id, url)
values
  (tests.uid('ev_network'), 'https://meet.example.org/network'),
  (tests.uid('ev_participants'), 'https://meet.example.org/participants');

insert into tests.names (id, name)
select tests.uid(n), n
from unnest(array['ev_public', 'ev_network', 'ev_participants', 'ev_approval', 'ev_closed', 'ev_none',
                  'ev_deadline', 'ev_cancelled', 'ev_draft', 'ev_new']) as n;

-- Registrations, as event/person:status.
create function tests.visible_registrations()
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(e.name || '/' || p.name || ':' || r.status order by e.name, r.created_at), '{}')
  from public.event_registrations r
  join tests.names e on e.id = r.event_id
  join tests.names p on p.id = r.user_id
$$;

create function tests.registrations_of(event text)
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(p.name || ':' || r.status order by r.created_at), '{}')
  from public.event_registrations r join tests.names p on p.id = r.user_id
  where r.event_id = tests.uid(event)
$$;

create function tests.counts(event text)
returns text language sql stable set search_path = '' as $$
  select c.confirmed || '/' || c.waiting || '/' || c.pending from public.event_registration_counts(tests.uid(event)) c
$$;

-- Every event id the current actor reads under RLS (fixture and seed alike).
create function tests.all_visible_event_ids()
returns uuid[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(e.id order by e.id), '{}') from public.events e
$$;

create function tests.calendar_ids(token text)
returns uuid[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(c.event_id order by c.event_id), '{}') from public.personal_calendar(token) c
$$;
grant execute on all functions in schema tests to public;

-- reading events: every actor ----------------------------------------------------------
select tests.authenticate_as_anon();
select is(tests.visible_rows('public.events'), array['ev_cancelled', 'ev_public'],
  'anonymous visitors read public events only (a cancelled one too)');
select is(tests.visible_rows('public.event_translations', 'event_id', true), array['ev_public/fr'], 'anonymous visitors read the texts of public events only');
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$select * from public.event_online_links$$,
   '42501: permission denied for table event_online_links', 'anonymous visitors have no access to online links at all'),
  (null, $$select * from public.event_registrations$$,
   '42501: permission denied for table event_registrations', 'anonymous visitors have no access to registrations at all'),
  (null, $$select * from public.calendar_tokens$$,
   '42501: permission denied for table calendar_tokens', 'anonymous visitors have no access to calendar tokens')
) as attempt (actor, statement, outcome, description);

select tests.authenticate_as('outsider');
select is(tests.visible_rows('public.events'), array['ev_cancelled', 'ev_public'], 'a person without membership reads public events only');
select is(tests.visible_rows('public.event_online_links', 'event_id'), '{}'::text[], 'a person without membership reads no online link');

select tests.authenticate_as('alpha_member');
select is(tests.visible_rows('public.events'),
  array['ev_approval', 'ev_cancelled', 'ev_closed', 'ev_deadline', 'ev_network', 'ev_none', 'ev_participants', 'ev_public'],
  'a member of the owner reads public, network and participants events, not the draft');
select is(tests.visible_rows('public.event_online_links', 'event_id'), '{}'::text[], 'a member of the owner who did not register reads no online link');

select tests.authenticate_as('alpha_editor');
select ok('ev_draft' = any (tests.visible_rows('public.events')), 'an editor of the owner reads the draft event');
select ok('ev_draft/fr' = any (tests.visible_rows('public.event_translations', 'event_id', true)), 'an editor of the owner reads the draft''s text');
select is(tests.visible_rows('public.event_online_links', 'event_id'), array['ev_network', 'ev_participants'], 'an editor of the owner reads the online links');

select tests.authenticate_as('beta_editor');
select is(tests.visible_rows('public.event_online_links', 'event_id'), array['ev_participants'],
  'an editor of an accepted co-lead reads the link of the event it co-organises, not the others''');

select tests.authenticate_as('beta_member');
select ok('ev_participants' = any (tests.visible_rows('public.events')), 'a member of the co-lead reads the participants event…');
select is(tests.visible_rows('public.event_online_links', 'event_id'), '{}'::text[], '…but, not being an editor nor registered, not its link');

select tests.authenticate_as('gamma_member');
select ok('ev_participants' = any (tests.visible_rows('public.events')), 'a member of a participant organisation reads the participants event');
select ok(not ('ev_draft' = any (tests.visible_rows('public.events'))), 'a member of another organisation does not read the draft');

select tests.authenticate_as('frozen_member');
select is(tests.visible_rows('public.events'), array['ev_cancelled', 'ev_public'], 'a member of a suspended organisation reads public events only');

select tests.authenticate_as('coordinator');
select ok(not ('ev_participants' = any (tests.visible_rows('public.events'))) and not ('ev_draft' = any (tests.visible_rows('public.events'))),
  'a coordinator reads neither other organisations'' participants events nor their drafts');
select is(tests.visible_rows('public.event_online_links', 'event_id'), '{}'::text[], 'a coordinator reads no online link of other organisations');

-- creating and editing events ------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$insert into public.events (id, original_locale, starts_at, ends_at) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days')$$,
   '42501: permission denied for table events', 'anonymous visitors cannot create events'),
  ('alpha_member', $$insert into public.events (id, original_locale, starts_at, ends_at) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days')$$,
   '42501: new row violates row-level security policy for table "events"', 'a member of the owner cannot create an event'),
  ('coordinator', $$insert into public.events (id, original_locale, starts_at, ends_at) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days')$$,
   '42501: new row violates row-level security policy for table "events"', 'a coordinator cannot create another organisation''s event'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at) values (tests.uid('item_alpha_draft'), 'fr', now() + interval '1 day', now() + interval '2 days')$$,
   '23514: an event belongs to an item of kind event, not joint_action', 'a joint-action item cannot get event content'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at) values (tests.uid('ev_new'), 'fr', now() + interval '2 days', now() + interval '1 day')$$,
   'violates events_dates_ordered', 'an event does not end before it starts'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '1 day')$$,
   'violates events_dates_ordered', 'an event does not end when it starts'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at, capacity) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days', 0)$$,
   'violates events_capacity_positive', 'capacity 0 is refused'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at, capacity) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days', -3)$$,
   'violates events_capacity_positive', 'a negative capacity is refused'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at, time_zone) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days', 'Mars/Olympus')$$,
   '23514: unknown time zone "Mars/Olympus": use an IANA name such as Europe/Brussels', 'an unknown time zone is refused with a clear message')
) as attempt (actor, statement, outcome, description);
select is(
  array(select private.is_time_zone(z) from unnest(array['Europe/Brussels', 'America/Argentina/Buenos_Aires',
    'Etc/GMT+3', 'UTC', 'CET', 'UTC+3', 'Europe/Brussels+1', 'posix/Europe/Brussels', 'Mars/Olympus', '']) z),
  array[true, true, true, true, false, false, false, false, false, false],
  'time zones: IANA names and UTC, not abbreviations, POSIX rules or unknown names');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at, accessibility) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days', '{telepathy}')$$,
   'violates events_accessibility_valid', 'accessibility features come from the list'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at, registration_deadline) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days', now() + interval '36 hours')$$,
   'violates events_registration_deadline_before_start', 'registration closes at the start at the latest'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at, joint_action_id) values (tests.uid('ev_new'), 'fr', now() + interval '1 day', now() + interval '2 days', tests.uid('item_beta_signatures'))$$,
   'EV010: an event can only be linked to a joint action you can read', 'an event links only to a joint action the editor can read'),
  ('alpha_editor', $$insert into public.events (id, original_locale, starts_at, ends_at, time_zone, accessibility, original_revision)
    values (tests.uid('ev_new'), 'nl', now() + interval '1 day', now() + interval '2 days', 'America/Costa_Rica', '{captions,wheelchair}', 5)$$,
   'ok', 'an owner editor creates the content of its event item…')
) as attempt (actor, statement, outcome, description);
select is((select original_revision from public.events where id = tests.uid('ev_new')), 1, '…with original_revision 1 whatever was sent');

select tests.check_as(actor, statement, outcome, description)
from (values
  ('outsider', $$update public.events set capacity = 99 where id = tests.uid('ev_public')$$,
   '0 rows', 'a person without membership cannot edit a public event'),
  ('alpha_member', $$update public.events set capacity = 99$$,
   '0 rows', 'a member of the owner edits no event'),
  ('gamma_admin', $$update public.events set capacity = 99$$,
   '0 rows', 'the admin of a participant organisation edits no event'),
  ('coordinator', $$update public.events set capacity = 99$$,
   '0 rows', 'a coordinator edits no event'),
  ('beta_editor', $$update public.events set venue_name = 'Salle B' where id = tests.uid('ev_participants')$$,
   '1 row', 'an editor of an accepted co-lead edits the event it co-organises'),
  ('beta_editor', $$update public.events set time_zone = 'Mars/Olympus' where id = tests.uid('ev_participants')$$,
   '23514: unknown time zone "Mars/Olympus": use an IANA name such as Europe/Brussels', 'no unknown time zone on update either'),
  ('alpha_editor', $$delete from public.events where id = tests.uid('ev_public')$$,
   '42501: permission denied for table events', 'events are not deleted directly (they follow their item)'),
  ('alpha_editor', $$update public.events set original_revision = 7 where id = tests.uid('ev_public')$$,
   '42501: original_revision follows the original text; edit the original translation instead', 'nobody writes original_revision'),
  -- translations ------------------------------------------------------------------------------
  ('alpha_member', $$insert into public.event_translations (event_id, locale, title) values (tests.uid('ev_public'), 'nl', 'x')$$,
   '42501: new row violates row-level security policy for table "event_translations"', 'a member cannot translate an event'),
  ('gamma_admin', $$insert into public.event_translations (event_id, locale, title) values (tests.uid('ev_participants'), 'nl', 'x')$$,
   '42501: new row violates row-level security policy for table "event_translations"', 'a participant organisation cannot translate an event'),
  ('alpha_editor', $$insert into public.event_translations (event_id, locale, title) values (tests.uid('ev_public'), 'nl', 'Publieke opleiding')$$,
   'ok', 'an owner editor adds a translation')
) as attempt (actor, statement, outcome, description);
update public.event_translations set description = 'Pour les avocats et les juges.' where event_id = tests.uid('ev_public') and locale = 'fr';
select is((select original_revision from public.events where id = tests.uid('ev_public')), 2, 'editing the original text makes a new revision…');
select is((select source_revision from public.event_translations where event_id = tests.uid('ev_public') and locale = 'nl'), 1,
  '…so the translation is outdated');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$delete from public.event_translations where event_id = tests.uid('ev_public') and locale = 'fr'$$,
   '42501: the original-language text of an event cannot be deleted', 'the original text cannot be deleted'),
  ('alpha_editor', $$update public.event_translations set title = ' ' where event_id = tests.uid('ev_public') and locale = 'fr'$$,
   'violates event_translations_title_length', 'a text needs a title'),
  ('alpha_editor', $$update public.event_translations set accessibility_notes = repeat('x', 2001) where event_id = tests.uid('ev_public') and locale = 'fr'$$,
   'violates event_translations_accessibility_notes_length', 'accessibility notes have at most 2,000 characters'),
  ('outsider', $$delete from public.event_translations$$,
   '0 rows', 'a person without membership deletes no text'),
  -- online links: writing -----------------------------------------------------------------------
  ('alpha_member', $$insert into public.event_online_links (event_id, url) values (tests.uid('ev_public'), 'https://x.example')$$,
   '42501: new row violates row-level security policy for table "event_online_links"', 'a member cannot add an online link'),
  ('alpha_member', $$update public.event_online_links set url = 'https://evil.example'$$,
   '0 rows', 'a member cannot change an online link'),
  ('gamma_admin', $$delete from public.event_online_links$$,
   '0 rows', 'a participant organisation cannot remove an online link'),
  ('alpha_editor', $$insert into public.event_online_links (event_id, url) values (tests.uid('ev_public'), 'http://insecure.example')$$,
   'violates event_online_links_url_valid', 'an online link is https'),
  ('alpha_editor', $$insert into public.event_online_links (event_id, url) values (tests.uid('ev_public'), 'https://meet.example.org/public')$$,
   'ok', 'an owner editor adds an online link'),
  ('beta_editor', $$update public.event_online_links set url = 'https://meet.example.org/participants-2' where event_id = tests.uid('ev_participants')$$,
   '1 row', 'a co-lead editor changes the link of the event it co-organises'),
  ('beta_editor', $$update public.event_online_links set url = 'https://evil.example' where event_id = tests.uid('ev_network')$$,
   '0 rows', 'a co-lead editor does not change the links of other events'),
  -- registrations: no direct writes -------------------------------------------------------------
  ('alpha_member', $$insert into public.event_registrations (event_id, user_id, status) values (tests.uid('ev_network'), tests.uid('alpha_member'), 'confirmed')$$,
   '42501: permission denied for table event_registrations', 'nobody inserts a registration directly'),
  ('alpha_editor', $$update public.event_registrations set status = 'confirmed'$$,
   '42501: permission denied for table event_registrations', 'not even organisers update registrations directly'),
  ('alpha_editor', $$delete from public.event_registrations$$,
   '42501: permission denied for table event_registrations', 'nor delete them')
) as attempt (actor, statement, outcome, description);

-- registering: refusals ---------------------------------------------------------------------
select tests.check_as(attempt.actor, format('select public.register_for_event(tests.uid(%L))', attempt.event),
                      attempt.outcome, attempt.description)
from (values
  (null, 'ev_public',
   '42501: permission denied for function register_for_event', 'anonymous visitors cannot register'),
  ('outsider', 'ev_participants',
   '42501: you cannot register for this event', 'an outsider cannot register for a participants event'),
  ('frozen_member', 'ev_network',
   '42501: you cannot register for this event', 'a member of a suspended organisation cannot register for a network event'),
  ('alpha_editor', 'ev_draft',
   'EV002: registration for this event is closed', 'nobody registers for a draft, not even its editors'),
  ('alpha_member', 'ev_closed',
   'EV002: registration for this event is closed', 'registration closed'),
  ('alpha_member', 'ev_none',
   'EV002: registration for this event is closed', 'an event without registration'),
  ('alpha_member', 'ev_deadline',
   'EV003: the registration deadline has passed', 'after the deadline'),
  ('alpha_member', 'ev_cancelled',
   'EV004: this event is cancelled', 'a cancelled event')
) as attempt (actor, event, outcome, description);
select tests.check_as(actor, statement, outcome, description)
from (values
  ('outsider', $$select private.register_for_event(tests.uid('ev_participants'))$$,
   '42501: you cannot register for this event', 'nor by calling the private function directly'),
  ('outsider', $$select public.register_for_event(gen_random_uuid())$$,
   '42501: you cannot register for this event', 'an unknown event gives the same answer (no existence leak)'),
  ('alpha_member', $$select * from public.cancel_event_registration(tests.uid('ev_public'))$$,
   'EV006: you are not registered for this event', 'cancelling without a registration')
) as attempt (actor, statement, outcome, description);

-- the waiting list -------------------------------------------------------------------------
-- ev_network has 1 place.
select tests.authenticate_as('alpha_member');
select is(public.register_for_event(tests.uid('ev_network')), 'confirmed'::public.registration_status, 'the first person gets the place');
select throws_ok($$select public.register_for_event(tests.uid('ev_network'))$$,
  'EV001', 'you are already registered for this event', 'registering twice is refused');
select tests.authenticate_as('beta_member');
select is(public.register_for_event(tests.uid('ev_network')), 'waiting'::public.registration_status, 'the second waits…');
select tests.authenticate_as('gamma_member');
select is(public.register_for_event(tests.uid('ev_network')), 'waiting'::public.registration_status, '…and the third after them');
select throws_ok($$select public.register_for_event(tests.uid('ev_network'))$$,
  'EV001', 'you are already registered for this event', 'a waiting person cannot register twice either');
select is(tests.counts('ev_network'), '1/2/0', 'counts: 1 confirmed, 2 waiting, 0 pending');
select is(tests.visible_registrations(), array['ev_network/gamma_member:waiting'], 'a registrant reads only their own registration');
select is(tests.visible_rows('public.event_online_links', 'event_id'), '{}'::text[], 'a waiting person does not read the online link');

select tests.authenticate_as('alpha_member');
select is(tests.visible_rows('public.event_online_links', 'event_id'), array['ev_network'], 'the confirmed person reads the online link of their event only');
select tests.authenticate_as('outsider');
select is(tests.visible_registrations(), '{}'::text[], 'an outsider reads no registration');
select is(tests.counts('ev_network'), null, 'an outsider gets no counts for an event they cannot read');
select tests.authenticate_as_anon();
select is(tests.counts('ev_network'), null, 'anonymous visitors get no counts for a network event');
select is(tests.counts('ev_public'), '0/0/0', 'anonymous visitors get the counts of a public event');
select tests.authenticate_as('coordinator');
select is(tests.registrations_of('ev_network'), '{}'::text[], 'a coordinator does not read the registrants of others'' events');
select tests.authenticate_as('beta_editor');
select is(tests.registrations_of('ev_network'), '{}'::text[], 'an editor of another event''s co-lead does not read these registrants');
select tests.authenticate_as('alpha_editor');
select is(tests.registrations_of('ev_network'), array['alpha_member:confirmed', 'beta_member:waiting', 'gamma_member:waiting'],
  'an organiser reads the registrant list in waiting-list order');

select tests.authenticate_as('alpha_member');
select is(array(select tests.name(p.promoted_user_id) from public.cancel_event_registration(tests.uid('ev_network')) p),
  array['beta_member'], 'cancelling a confirmed place promotes the oldest waiting person and names them');
select is(tests.visible_rows('public.event_online_links', 'event_id'), '{}'::text[], 'after cancelling, the link is gone');
select is(public.register_for_event(tests.uid('ev_network')), 'waiting'::public.registration_status,
  'a cancelled registration may register again, at the back of the list');
select tests.authenticate_as('beta_member');
select is(tests.visible_rows('public.event_online_links', 'event_id'), array['ev_network'], 'the promoted person now reads the online link');
select is(tests.registrations_of('ev_network'), array['beta_member:confirmed'], 'and reads their registration as confirmed');
select tests.authenticate_as('gamma_member');
select is(array(select p.promoted_user_id from public.cancel_event_registration(tests.uid('ev_network')) p), '{}'::uuid[],
  'cancelling a waiting registration promotes nobody');
select tests.authenticate_as('alpha_editor');
select is(tests.registrations_of('ev_network'), array['beta_member:confirmed', 'gamma_member:cancelled', 'alpha_member:waiting'],
  'the organiser sees the list after the cancellations');

-- capacity
update public.events set capacity = 2 where id = tests.uid('ev_network');
select is(tests.registrations_of('ev_network'), array['beta_member:confirmed', 'gamma_member:cancelled', 'alpha_member:confirmed'],
  'raising the capacity promotes the waiting list');
select throws_ok($$update public.events set capacity = 1 where id = tests.uid('ev_network')$$,
  'EV009', 'the capacity cannot be lower than the 2 confirmed registrations', 'capacity cannot go below the confirmed registrations');

-- approval -----------------------------------------------------------------------------------
-- ev_approval has 1 place.
select tests.authenticate_as('beta_member');
select is(public.register_for_event(tests.uid('ev_approval')), 'pending'::public.registration_status, 'approval mode: a registration is pending');
select throws_ok($$select public.decide_event_registration((select id from public.event_registrations where user_id = tests.uid('beta_member') and event_id = tests.uid('ev_approval')), true)$$,
  '42501', 'only the organisers can decide on a registration', 'nobody approves their own registration');
select tests.authenticate_as('gamma_member');
select is(public.register_for_event(tests.uid('ev_approval')), 'pending'::public.registration_status, 'a second pending registration');
select tests.authenticate_as('alpha_member');
select is(public.register_for_event(tests.uid('ev_approval')), 'pending'::public.registration_status, 'a third pending registration');
select tests.clear_authentication();
create temporary table approval_ids as
select tests.name(user_id) as person, id from public.event_registrations where event_id = tests.uid('ev_approval');
grant select on approval_ids to authenticated;
-- A real pending registration (an unknown id gets the same refusal, whoever asks).
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$select public.decide_event_registration((select id from approval_ids where person = 'gamma_member'), true)$$,
   '42501: only the organisers can decide on a registration', 'a member (not editor) of the owner cannot decide'),
  ('beta_editor', $$select public.decide_event_registration((select id from approval_ids where person = 'beta_member'), true)$$,
   '42501: only the organisers can decide on a registration', 'an editor of an organisation not organising this event cannot decide')
) as attempt (actor, statement, outcome, description);
select tests.clear_authentication();
select is(array(select status::text from public.event_registrations where id in (select id from approval_ids) order by status),
  array['pending', 'pending', 'pending'], 'the refused decisions changed nothing');
select tests.authenticate_as('alpha_editor');
select is(public.decide_event_registration((select id from approval_ids where person = 'beta_member'), true),
  'confirmed'::public.registration_status, 'an organiser approves: confirmed while a place is left');
select is(public.decide_event_registration((select id from approval_ids where person = 'gamma_member'), true),
  'waiting'::public.registration_status, 'approving when full puts the person on the waiting list');
select is(public.decide_event_registration((select id from approval_ids where person = 'alpha_member'), false),
  'declined'::public.registration_status, 'an organiser declines');
select throws_ok($$select public.decide_event_registration((select id from approval_ids where person = 'beta_member'), false)$$,
  'EV007', 'only pending registrations can be approved or declined (this one is confirmed)', 'a decided registration is not decided again');
select is((select tests.name(decided_by) from public.event_registrations where id = (select id from approval_ids where person = 'beta_member')),
  'alpha_editor', 'the decision records who took it');
select tests.authenticate_as('alpha_member');
select throws_ok($$select public.register_for_event(tests.uid('ev_approval'))$$,
  'EV005', 'your registration was declined by the organisers', 'a declined person cannot register again');
select is(tests.counts('ev_approval'), '1/1/0', 'counts after the decisions');

-- the participants event: link and registrant list -------------------------------------------
select tests.authenticate_as('gamma_member');
select is(public.register_for_event(tests.uid('ev_participants')), 'confirmed'::public.registration_status,
  'a member of a participant organisation registers for the participants event');
select is(tests.visible_rows('public.event_online_links', 'event_id'), array['ev_participants'], 'and, confirmed, reads its link');
select tests.authenticate_as('gamma_admin');
select is(tests.registrations_of('ev_participants'), '{}'::text[], 'the admin of a participant organisation does not read the registrant list');
select is(tests.visible_rows('public.event_online_links', 'event_id'), '{}'::text[], 'nor the link without registering');
select tests.authenticate_as('beta_editor');
select is(tests.registrations_of('ev_participants'), array['gamma_member:confirmed'], 'an editor of the co-lead reads the registrant list');
select tests.clear_authentication();
delete from public.item_organisations where item_id = tests.uid('ev_participants') and organisation_id = tests.uid('test-gamma');
select tests.authenticate_as('gamma_member');
select is(tests.visible_rows('public.event_online_links', 'event_id'), '{}'::text[], 'a confirmed person who can no longer read the event loses the link…');
select is(tests.registrations_of('ev_participants'), array['gamma_member:confirmed'], '…but still reads their own registration');

-- search ---------------------------------------------------------------------------------------
select tests.authenticate_as_anon();
select is(tests.found('avocat', 'event'), array['ev_public'], 'French stems: "avocat" finds "avocats" in a public event');
select is(tests.found('jeugdwerker', 'event'), '{}'::text[], 'anonymous visitors do not find a network event');
select is(tests.found('  ', 'event'), '{}'::text[], 'a blank query finds nothing');
select tests.authenticate_as('beta_member');
select is(tests.found('jeugdwerker', 'event'), array['ev_network'], 'Dutch stems: a member finds the network event');
select tests.authenticate_as('outsider');
select is(tests.found('osseux', 'event'), '{}'::text[], 'an outsider does not find the participants event');

-- calendar tokens -------------------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$insert into public.calendar_tokens (user_id, token_hash) values (tests.uid('alpha_member'), encode(extensions.digest('cal-alpha_member', 'sha256'), 'hex'))$$,
   'ok', 'a person creates their calendar token'),
  ('alpha_member', $$insert into public.calendar_tokens (user_id, token_hash) values (tests.uid('beta_member'), repeat('a', 64))$$,
   '42501: new row violates row-level security policy for table "calendar_tokens"', 'nobody creates a token for someone else')
) as attempt (actor, statement, outcome, description);
select tests.clear_authentication();
insert into public.calendar_tokens (user_id, token_hash)
select tests.uid(n), encode(extensions.digest('cal-' || n, 'sha256'), 'hex')
from unnest(array['outsider', 'alpha_editor', 'beta_member', 'beta_editor', 'gamma_member', 'frozen_member', 'coordinator']) as n;
select tests.authenticate_as('beta_member');
select is((select count(*)::int from public.calendar_tokens), 1, 'a person reads only their own token');
with u as (update public.calendar_tokens set revoked_at = now() where user_id = tests.uid('alpha_member') returning 1)
select is(count(*)::int, 0, 'nobody revokes someone else''s token') from u;

-- The feed equals what RLS gives the same person in the feed window (the coming year and
-- the last 30 days: private.feed_event_ids; 036-feeds-and-month tests the window), for each actor.
select tests.clear_authentication();
create function tests.calendar_matches_rls(person text)
returns boolean language plpgsql set search_path = '' as $$
declare
  through_rls uuid[];
  through_feed uuid[];
begin
  perform tests.authenticate_as(person);
  through_rls := array(select e.id from public.events e
                       where e.starts_at >= now() - interval '30 days' and e.starts_at < now() + interval '1 year'
                       order by e.id);
  perform tests.authenticate_as_anon();
  through_feed := tests.calendar_ids('cal-' || person);
  perform tests.clear_authentication();
  return through_rls = through_feed and cardinality(through_feed) > 0;
end;
$$;
grant execute on function tests.calendar_matches_rls(text) to public;
select ok(tests.calendar_matches_rls(p), 'the personal feed of ' || p || ' lists exactly the events RLS lets them read')
from unnest(array['outsider', 'alpha_member', 'alpha_editor', 'beta_member', 'beta_editor', 'gamma_member', 'frozen_member', 'coordinator']) as p;

select tests.authenticate_as_anon();
select ok('ev_participants' = any (array(select tests.name(c.event_id) from public.personal_calendar('cal-beta_member') c)),
  'the feed of a member of an attached organisation contains the participants event…');
select ok(not ('ev_participants' = any (array(select tests.name(c.event_id) from public.personal_calendar('cal-outsider') c))),
  '…and the feed of an outsider does not');
select is(tests.calendar_ids('wrong-token'), '{}'::uuid[], 'an unknown token gives nothing');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$update public.calendar_tokens set revoked_at = now() where user_id = tests.uid('alpha_member')$$,
   '1 row', 'a person revokes their token'),
  ('alpha_member', $$update public.calendar_tokens set revoked_at = null where user_id = tests.uid('alpha_member')$$,
   '42501: a revoked calendar token cannot be restored; issue a new one', 'a revoked token cannot be restored')
) as attempt (actor, statement, outcome, description);
select tests.authenticate_as_anon();
select is(tests.calendar_ids('cal-alpha_member'), '{}'::uuid[], 'a revoked token gives nothing');

-- capacity never exceeded, and cancelled events keep their registrations ----------------------
select tests.clear_authentication();
select is(
  (select count(*)::int from public.events e
   where e.capacity is not null
     and (select count(*) from public.event_registrations r where r.event_id = e.id and r.status = 'confirmed') > e.capacity),
  0, 'no event (fixture or seed) has more confirmed registrations than places');

select * from finish();
rollback;
