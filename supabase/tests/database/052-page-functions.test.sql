-- The functions on a page's path are plpgsql, so that each statement is planned once per
-- connection (docs/access-model.md, "Every function on a page's path is plpgsql"; a language
-- sql function with `set search_path` is never inlined and Postgres 15 plans its body on every
-- call: docs/benchmarks.md, "Planned once per connection"). Each is read as the caller: the
-- actor-by-actor checks of what each gives are in the files named beside it below; item_titles,
-- which only those functions call, is checked here for every actor.
begin;
\ir _helpers.psql
select plan(43);

-- Each function on a page's path, and the file that checks what it gives each actor.
select is(l.lanname::text, 'plpgsql', f.fn || ' is plpgsql (its statements planned once per connection)')
from (values
  ('public.joint_action_page(uuid)'),                 -- tests/api/item-pages.test.ts
  ('public.event_page(uuid)'),                        -- tests/api/item-pages.test.ts
  ('public.paper_page(uuid)'),                        -- tests/api/item-pages.test.ts
  ('private.item_page_item(public.items)'),           -- tests/api/item-pages.test.ts
  ('private.item_page_action(uuid)'),                 -- tests/api/item-pages.test.ts
  ('public.requested_translations(public.items)'),    -- 049
  ('public.reader_rights(public.items)'),             -- 049
  ('public.registration_counts(public.events)'),      -- 049, 010
  ('public.reader_registration(public.events)'),      -- 049
  ('public.item_translation_requests(uuid)'),         -- 044, 049
  ('private.open_translation_requests(uuid)'),        -- 044
  ('public.event_registration_counts(uuid)'),         -- 010
  ('public.item_rights(uuid)'),                       -- 049
  ('public.item_titles(uuid[])'),                     -- below
  ('public.organisation_work(uuid, integer)'),        -- 051
  ('public.recent_work(public.organisations)'),       -- 051
  ('public.reader_can_manage(public.organisations)'), -- 047
  ('public.reader_members(public.organisations)'),    -- 047
  ('public.reader_summary()'),                        -- 047
  ('public.unread_notification_count()'),             -- 041
  ('private.pre_request()'),                          -- 047
  ('public.joint_action_countries()'),                -- 012
  ('private.joint_action_countries_for(text)'),       -- 012
  ('public.search_page(text, public.item_kind, jsonb, integer, integer)'), -- 009, 048, 051
  ('public.list_joint_actions(jsonb, integer, integer)'), -- 048
  ('public.events_by_day(timestamptz, timestamptz, integer, date, public.work_area, text)'), -- 036
  ('public.my_dashboard()'),                          -- 037
  ('public.my_notifications(integer, integer)'),      -- 041
  ('public.event_feed(uuid)'),                        -- 036
  ('public.country_overview()'),                      -- 043
  ('public.linkable_items(text)')                     -- 043
) as f (fn)
join pg_catalog.pg_proc p on p.oid = f.fn::regprocedure
join pg_catalog.pg_language l on l.oid = p.prolang;

-- An access helper in a function's filter is computed once (`(select private.…())`, an
-- initPlan): called plainly, it may be called for every row the scan reads (fellow_member_ids
-- called user_organisation_id_array once per membership, 0.37 ms a call at demo size).
select is(array(
  select p.oid::regprocedure::text
  from pg_catalog.pg_proc p
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ('public', 'private')
    and p.prosrc ~* '(where|and|or)\s+[a-z_.]+\s*(=\s*any\s*\(|&&)\s*(private|auth)\.[a-z_]+\('
  order by 1), '{}'::text[],
  'no function filters its rows against an access helper called per row');

-- item_titles: the fixture's joint actions, with texts; each actor gets exactly the ones the
-- joint_actions table gives them under RLS, whatever ids they pass.
select tests.add_joint_action_content(array['item_alpha_draft', 'item_alpha_public', 'item_alpha_network',
                                             'item_alpha_participants', 'item_alpha_archived'])
\g /dev/null

create function tests.titled() returns text language sql stable set search_path = '' as $$
  select coalesce(string_agg(tests.name(t.item_id) || ':' || (t.titles ->> 'fr'), ',' order by tests.name(t.item_id)), '')
  from public.item_titles(array(select n.id from tests.names n)) t
$$;
create function tests.table_titled() returns text language sql stable set search_path = '' as $$
  select coalesce(string_agg(tests.name(a.id) || ':Action ' || tests.name(a.id), ',' order by tests.name(a.id)), '')
  from public.joint_actions a where a.id in (select n.id from tests.names n)
$$;
grant execute on function tests.titled(), tests.table_titled() to anon, authenticated;

select is(tests.value_as(p.person, 'tests.titled()'), tests.value_as(p.person, 'tests.table_titled()'),
          coalesce(p.person, 'anonymous') || ': item_titles gives the joint actions the table gives under RLS')
from (values (null), ('outsider'), ('alpha_member'), ('alpha_editor'), ('beta_member'),
             ('beta_editor'), ('gamma_member'), ('frozen_member'), ('coordinator')) as p (person);

-- What a visitor and an outsider must not be given: the draft, the network and the
-- participants' actions.
select is(tests.value_as(p.person, 'tests.titled()'),
          'item_alpha_archived:Action item_alpha_archived,item_alpha_public:Action item_alpha_public',
          coalesce(p.person, 'anonymous') || ': item_titles gives the public actions only')
from (values (null), ('outsider')) as p (person);

select * from finish();
rollback;
