-- The calendar feeds' window and cap (private.feed_event_ids through public.event_feed and
-- public.personal_calendar) and the month view's days (public.events_by_day): what each actor
-- gets, and what they must NOT get. Fixture: events of test-alpha (names f_…), on top of _helpers.psql.
begin;
\ir _helpers.psql
select plan(19);

-- Fixture --------------------------------------------------------------------------------
-- The month day: four days ahead (no seed event starts on it) at 10:00 in Brussels. f_day_1…f_day_5 are public events on
-- it, f_day_network a network one, f_day_draft a draft.
insert into tests.names (id, name)
select tests.uid(n), n
from unnest(array['f_soon', 'f_recent', 'f_old', 'f_far', 'f_network', 'f_participants', 'f_draft',
  'f_day_1', 'f_day_2', 'f_day_3', 'f_day_4', 'f_day_5', 'f_day_network', 'f_day_draft']) as n;

create function tests.day_at(hour integer)
returns timestamptz language sql stable set search_path = '' as $$
  select (date_trunc('day', now() at time zone 'Europe/Brussels') + interval '4 days'
          + make_interval(hours => hour)) at time zone 'Europe/Brussels'
$$;
grant execute on function tests.day_at(integer) to public;

select tests.create_item(e.name, 'event', e.status, e.visibility)
from (values
  ('f_soon', 'published', 'public'), ('f_recent', 'published', 'public'),
  ('f_old', 'published', 'public'), ('f_far', 'published', 'public'),
  ('f_network', 'published', 'network'), ('f_participants', 'published', 'participants'),
  ('f_draft', 'draft', 'public'),
  ('f_day_1', 'published', 'public'), ('f_day_2', 'published', 'public'),
  ('f_day_3', 'published', 'public'), ('f_day_4', 'published', 'public'),
  ('f_day_5', 'published', 'public'), ('f_day_network', 'published', 'network'),
  ('f_day_draft', 'draft', 'public')
) as e (name, status, visibility)
\g /dev/null

insert into public.events (id, original_locale, starts_at, ends_at)
select tests.uid(e.name), 'fr', e.starts, e.starts + interval '2 hours'
from (values
  ('f_soon', now() + interval '2 days'),
  ('f_recent', now() - interval '10 days'),
  ('f_old', now() - interval '40 days'),
  ('f_far', now() + interval '400 days'),
  ('f_network', now() + interval '3 days'),
  ('f_participants', now() + interval '3 days'),
  ('f_draft', now() + interval '3 days'),
  ('f_day_1', tests.day_at(10)), ('f_day_2', tests.day_at(11)), ('f_day_3', tests.day_at(12)),
  ('f_day_4', tests.day_at(13)), ('f_day_5', tests.day_at(14)),
  ('f_day_network', tests.day_at(9)), ('f_day_draft', tests.day_at(8))
) as e (name, starts);

insert into public.event_translations (event_id, locale, title)
select n.id, 'fr', 'Titre ' || n.name from tests.names n where n.name like 'f\_%';

insert into public.calendar_tokens (user_id, token_hash)
values (tests.uid('alpha_member'), encode(extensions.digest('cal-036-alpha', 'sha256'), 'hex'));

create function tests.feed(organisation text default null)
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(tests.name(f.event_id) order by tests.name(f.event_id)), '{}')
  from public.event_feed(tests.uid(organisation)) f
  where tests.name(f.event_id) like 'f\_%'
$$;
create function tests.month_day(per_day integer, open_day boolean default false)
returns text language sql stable set search_path = '' as $$
  select d.total || ':' || (select string_agg(tests.name((x ->> 'id')::uuid), ',' order by ord)
                            from jsonb_array_elements(d.events) with ordinality as e (x, ord))
  from public.events_by_day(tests.day_at(0) - interval '1 day', tests.day_at(0) + interval '2 days', per_day,
                            case when open_day then (tests.day_at(12) at time zone 'Europe/Brussels')::date end) d
  where d.day = (tests.day_at(12) at time zone 'Europe/Brussels')::date
$$;
grant execute on all functions in schema tests to public;

-- The public feed --------------------------------------------------------------------------

select tests.authenticate_as_anon();
select is(tests.feed(), array['f_day_1', 'f_day_2', 'f_day_3', 'f_day_4', 'f_day_5', 'f_recent', 'f_soon'],
  'anonymous: the public feed has the published public events of the window only');
select ok(not ('f_old' = any (tests.feed())), 'anonymous: an event that started 40 days ago is out of the feed');
select ok(not ('f_far' = any (tests.feed())), 'anonymous: an event more than a year ahead is out of the feed');

select tests.authenticate_as('alpha_editor');
select is(tests.feed(), array['f_day_1', 'f_day_2', 'f_day_3', 'f_day_4', 'f_day_5', 'f_recent', 'f_soon'],
  'the owner''s editor: the public feed still has no network, participants or draft event');
select is(tests.feed('test-alpha'), array['f_day_1', 'f_day_2', 'f_day_3', 'f_day_4', 'f_day_5', 'f_recent', 'f_soon'],
  'an organisation''s feed has its public events');

select tests.authenticate_as_anon();
select is(tests.feed('test-beta'), '{}'::text[], 'another organisation''s feed has none of them');

-- The personal feed: the same window ----------------------------------------------------------

select ok('f_network' = any (array(select tests.name(c.event_id) from public.personal_calendar('cal-036-alpha') c)),
  'a member''s personal feed has the network event of the window');
select ok(not ('f_old' = any (array(select tests.name(c.event_id) from public.personal_calendar('cal-036-alpha') c))),
  'a member''s personal feed has no event that started 40 days ago');
select ok(not ('f_draft' = any (array(select tests.name(c.event_id) from public.personal_calendar('cal-036-alpha') c))),
  'a member''s personal feed has no draft');

-- The cap: 400 upcoming events at most, the soonest; the last 30 days' 100 latest ----------------

select tests.clear_authentication();
select tests.create_item('f_many_' || g, 'event', 'published', 'public') from generate_series(1, 401) g \g /dev/null
insert into public.events (id, original_locale, starts_at, ends_at)
select tests.uid('f_many_' || g), 'fr', now() + interval '1 hour' + g * interval '1 minute',
       now() + interval '2 hours' + g * interval '1 minute'
from generate_series(1, 401) g;
select tests.create_item('f_past_' || g, 'event', 'published', 'public') from generate_series(1, 101) g \g /dev/null
insert into public.events (id, original_locale, starts_at, ends_at)
select tests.uid('f_past_' || g), 'fr', now() - interval '1 day' - g * interval '1 minute',
       now() - interval '23 hours' - g * interval '1 minute'
from generate_series(1, 101) g;

select tests.authenticate_as_anon();
select is((select count(*)::int from public.event_feed() f where f.starts_at >= now()), 400,
  'the feed has 400 upcoming events at most');
select ok(not exists (select 1 from public.event_feed() f where f.event_id = tests.uid('f_many_401')),
  '…the soonest: the 401st is left out');
select is((select count(*)::int from public.event_feed() f where f.starts_at < now()), 100,
  'the feed has 100 events of the last 30 days at most');
select ok(exists (select 1 from public.event_feed() f where f.event_id = tests.uid('f_past_1'))
          and not exists (select 1 from public.event_feed() f where f.event_id = tests.uid('f_past_101')),
  '…the latest: the one that started longest ago is left out');
select is((select count(*)::int from public.personal_calendar('cal-036-alpha')), 500,
  'a personal feed has the same cap');

-- The month view's days -----------------------------------------------------------------------

select tests.authenticate_as_anon();
select is(tests.month_day(3), '5:f_day_1,f_day_2,f_day_3',
  'anonymous: a day counts its public events and shows the first three, soonest first');
select is(tests.month_day(3, true), '5:f_day_1,f_day_2,f_day_3,f_day_4,f_day_5',
  'anonymous: the open day shows all of them');
select tests.authenticate_as('outsider');
select is(tests.month_day(3), '5:f_day_1,f_day_2,f_day_3',
  'a person without membership counts no network event either');
select tests.authenticate_as('alpha_member');
select is(tests.month_day(3), '6:f_day_network,f_day_1,f_day_2',
  'a member counts and sees the network event, never the draft');
select tests.authenticate_as('alpha_editor');
select is(tests.month_day(3), '7:f_day_draft,f_day_network,f_day_1',
  'the owner''s editor counts the draft they may read');

select * from finish();
rollback;
