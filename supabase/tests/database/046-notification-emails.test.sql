-- Notification emails (supabase/migrations/20261205000100_notification_emails.sql) from every
-- actor's side: each person reads and writes only their own email choices; nobody but the
-- server's secret key reads the outbox, claims, queues summaries or reads unsubscribe tokens;
-- a notification becomes an email at once, a summary item or nothing as its recipient chose;
-- a summary is queued once per person and period at 08:00 in their zone; an unsubscribe token
-- works once, for its person and stream only.
begin;
\ir _helpers.psql
select plan(46);

-- Whatever the demo data left is out of the way (rolled back).
delete from public.notification_outbox;
delete from public.notifications;
delete from public.notification_email_preferences;

-- A notification written as the triggers write them (as postgres): its email triggers run.
create function tests.notify(person text, notification_type public.notification_type, at timestamptz default now())
returns uuid language sql set search_path = '' as $$
  insert into public.notifications (recipient_id, type, created_at)
  values (tests.uid(person), notification_type, at) returning id
$$;

-- What became of a notification: 'at once', 'daily', 'weekly' or 'nothing'.
create function tests.email_of(notification uuid)
returns text language sql set search_path = '' as $$
  select case
    when exists (select 1 from public.notification_outbox o where o.notification_id = n.id) then 'at once'
    when n.digest is not null then n.digest::text
    else 'nothing' end
  from public.notifications n where n.id = notification
$$;
grant execute on all functions in schema tests to public;

-- Anonymous -------------------------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$ select * from public.notification_email_preferences $$,
   '42501: permission denied for table notification_email_preferences', 'anonymous: no email choices to read'),
  (null, $$ select * from public.my_email_preferences() $$,
   '42501: permission denied for function my_email_preferences', 'anonymous: has no email choices'),
  (null, $$ select * from public.email_unsubscribe_tokens $$,
   '42501: permission denied for table email_unsubscribe_tokens', 'anonymous: cannot read unsubscribe tokens'),
  (null, $$ select public.queue_due_digests() $$,
   '42501: permission denied for function queue_due_digests', 'anonymous: cannot queue summaries'),
  (null, $$ select * from public.claim_notifications(5) $$,
   '42501: permission denied for function claim_notifications', 'anonymous: cannot claim emails')
) as attempt (actor, statement, outcome, description);
select tests.authenticate_as_anon();
select is((select u.state from public.unsubscribe(repeat('ab', 32)) u), 'unknown',
  'anonymous: an unknown token unsubscribes nobody');

-- Signed-in people: their own choices only --------------------------------------------------------
select tests.authenticate_as('alpha_member');
select is((select count(*)::integer from public.my_email_preferences()),
  (select count(*)::integer from unnest(enum_range(null::public.notification_type))), 'member: every type listed');
select is(
  (select p.frequency::text || ':' || p.is_default from public.my_email_preferences() p where p.type = 'signature_requested'),
  'immediately:true', 'member: requests that need an answer go at once by default');
select is(
  (select p.frequency::text from public.my_email_preferences() p where p.type = 'translation_outdated'),
  'daily', 'member: news about their items goes to the daily summary by default');

select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$ insert into public.notification_email_preferences (type, frequency) values ('member_joined', 'weekly') $$,
   'ok', 'member: chooses for themself'),
  ('alpha_member', $$ update public.notification_email_preferences set frequency = 'never' where type = 'member_joined' $$,
   '1 row', 'member: changes their own choice'),
  ('alpha_member', $$ insert into public.notification_email_preferences (user_id, type, frequency)
     values (tests.uid('beta_member'), 'item_invited', 'never') $$,
   '42501: new row violates row-level security policy for table "notification_email_preferences"',
   'member: cannot choose for another person'),
  ('alpha_member', $$ update public.notification_email_preferences set user_id = tests.uid('beta_member') $$,
   '42501: new row violates row-level security policy for table "notification_email_preferences"',
   'member: cannot give their choice to another person'),
  ('alpha_member', $$ update public.profiles set time_zone = 'Mars/Olympus' where id = tests.uid('alpha_member') $$,
   'violates profiles_time_zone_valid', 'member: no made-up time zone'),
  ('alpha_member', $$ update public.profiles set time_zone = 'America/New_York' where id = tests.uid('alpha_member') $$,
   '1 row', 'member: sets their own time zone'),
  ('alpha_member', $$ update public.profiles set time_zone = 'UTC' where id = tests.uid('beta_member') $$,
   '0 rows', 'member: not another person''s time zone'),
  ('beta_member', $$ update public.notification_email_preferences set frequency = 'immediately' $$,
   '0 rows', 'another member: cannot change them'),
  ('beta_member', $$ delete from public.notification_email_preferences $$,
   '0 rows', 'another member: cannot delete them'),
  ('alpha_admin', $$ select * from public.notification_email_preferences where user_id = tests.uid('alpha_member') $$,
   'ok', 'their admin: the query runs…'),
  ('alpha_member', $$ select * from public.notification_outbox $$,
   '42501: permission denied for table notification_outbox', 'member: cannot read the outbox'),
  ('alpha_member', $$ select * from public.claim_notifications(5) $$,
   '42501: permission denied for function claim_notifications', 'member: cannot claim emails'),
  ('alpha_member', $$ select public.queue_due_digests() $$,
   '42501: permission denied for function queue_due_digests', 'member: cannot queue summaries'),
  ('alpha_member', $$ select * from public.email_unsubscribe_tokens $$,
   '42501: permission denied for table email_unsubscribe_tokens', 'member: cannot read unsubscribe tokens'),
  ('coordinator', $$ select * from public.email_unsubscribe_tokens $$,
   '42501: permission denied for table email_unsubscribe_tokens', 'coordinator: cannot read unsubscribe tokens')
) as attempt (actor, statement, outcome, description);
select tests.authenticate_as('alpha_admin');
select is((select count(*)::integer from public.notification_email_preferences), 0,
  '…but their admin reads none of another person''s choices');
select tests.authenticate_as('coordinator');
select is((select count(*)::integer from public.notification_email_preferences), 0,
  'coordinator: reads none of another person''s choices');
select tests.clear_authentication();
select is(
  (select array_agg(tests.name(p.user_id) || ':' || p.type || ':' || p.frequency) from public.notification_email_preferences p),
  array['alpha_member:member_joined:never'], 'only the member''s own choice was written');

-- Notifications become emails as chosen ------------------------------------------------------------
select is(tests.email_of(tests.notify('alpha_member', 'signature_requested')), 'at once', 'default at once: an outbox row');
select is(tests.email_of(tests.notify('alpha_member', 'translation_outdated')), 'daily', 'default daily: waits for the summary');
select is(tests.email_of(tests.notify('alpha_member', 'member_joined')), 'nothing', 'chosen never: no email');
insert into public.notification_email_preferences (user_id, type, frequency)
values (tests.uid('beta_member'), 'signature_requested', 'weekly');
select is(tests.email_of(tests.notify('beta_member', 'signature_requested')), 'weekly', 'chosen weekly: waits for the weekly summary');

-- Summaries: once per person and period, at 08:00 in the person's zone ---------------------------------
delete from public.notifications;
-- One email at once, and two summary items; alpha_member lives in New York now, gamma_member
-- in Brussels.
select tests.notify('alpha_member', 'signature_requested') \g /dev/null
select tests.notify('alpha_member', 'translation_outdated', '2026-12-09 20:00+00') \g /dev/null
select tests.notify('gamma_member', 'translation_outdated', '2026-12-09 20:00+00') \g /dev/null
set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true) \g /dev/null
select is(public.queue_due_digests('2026-12-10 07:30+00'), 1, '08:30 in Brussels, 02:30 in New York: one summary');
select is(public.queue_due_digests('2026-12-10 07:45+00'), 0, 'again in the same period: none');
select is(public.queue_due_digests('2026-12-10 13:30+00'), 1, '08:30 in New York: the other one');
select is(
  (select array_agg(tests.name(o.recipient_id) || '@' || to_char(o.period_end at time zone 'UTC', 'HH24:MI') order by o.period_end)
   from public.notification_outbox o where o.digest = 'daily'),
  array['gamma_member@07:00', 'alpha_member@13:00'], 'each summary''s period ends at 08:00 in its person''s zone');
select is(
  (select count(*)::integer from public.notifications n
   where n.digest_outbox_id is not null and n.recipient_id = tests.uid('alpha_member')),
  1, 'the summary holds its item');

-- The claim carries a fresh unsubscribe token per email ----------------------------------------------
create temporary table claimed on commit drop as select * from public.claim_notifications(100);
-- The links, as their holders (anyone) have them.
grant select on claimed to public;
select is((select count(*)::integer from claimed where unsubscribe_token ~ '^[0-9a-f]{64}$'), 3,
  'every claimed email has its own token');
select is((select count(*)::integer from public.claim_notifications(100)), 0, 'claimed rows are leased');
select is(
  (select count(*)::integer from public.email_unsubscribe_tokens t
   join claimed c on t.token_hash = c.unsubscribe_token),
  0, 'only the sha256 of a token is stored');
reset role;

-- Unsubscribing: once, for its person and stream ---------------------------------------------------------
select tests.authenticate_as('beta_admin');  -- whoever holds the link
select is(
  (select u.state || ':' || u.stream from claimed c, public.unsubscribe(c.unsubscribe_token) u
   where c.stream = 'signature_requested'),
  'done:signature_requested', 'the link unsubscribes, whoever opens it');
select tests.clear_authentication();
select is(
  (select array_agg(tests.name(p.user_id) || ':' || p.type || ':' || p.frequency order by tests.name(p.user_id), p.type)
   from public.notification_email_preferences p),
  array['alpha_member:signature_requested:never', 'alpha_member:member_joined:never',
        'beta_member:signature_requested:weekly'],
  'only its person''s choice for its type changed');
select tests.authenticate_as_anon();
select is(
  (select u.state from claimed c, public.unsubscribe(c.unsubscribe_token) u where c.stream = 'signature_requested'),
  'used', 'a second time: used, nothing changes');
select is(
  (select s.state from claimed c, public.unsubscribe_token_state(c.unsubscribe_token) s
   where c.stream = 'digest_daily' and c.email like 'gamma_member@%'),
  'valid', 'reading a summary''s link changes nothing');
select is(
  (select u.state from claimed c, public.unsubscribe(c.unsubscribe_token) u
   where c.stream = 'digest_daily' and c.email like 'gamma_member@%'),
  'done', 'a summary''s link unsubscribes from that summary');
select tests.clear_authentication();
select is(
  (select array_agg(t.type::text order by t.type)
   from unnest(enum_range(null::public.notification_type)) t (type)
   where private.email_frequency_for(tests.uid('gamma_member'), t.type) = 'never'),
  array['item_invitation_answered', 'signature_answered', 'member_joined', 'translation_outdated'],
  'every type of that person''s daily summary is now never…');
select is(private.email_frequency_for(tests.uid('alpha_member'), 'translation_outdated')::text, 'daily',
  '…and nobody else''s');

select * from finish();
rollback;
