-- public.list_joint_actions (the filtered actions list, by the path that suits the filter) and
-- public.search_joint_actions / search_events / search_papers (a list's search as the content
-- rows): migration 20261206000100_list_pages.sql. Each must give every actor exactly what RLS
-- lets that actor read through the table itself, in the list's order, on both of
-- list_joint_actions' paths (few matches read by id; many, or no array filter, walking the date
-- index) — never an item the actor may not read.
begin;
\ir _helpers.psql
select plan(23);

-- The page a function gives, and the same page read from the table under RLS, as text.
create function tests.listed(filters jsonb)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(a.id::text, ',' order by a.ordinality), '')
  from public.list_joint_actions(filters, 101, 0) with ordinality as a
$$;
create function tests.table_page(in_area text, in_country text, in_phase text)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(id::text, ','), '')
  from (select a.id from public.joint_actions a
        where (in_area is null or a.areas @> array[in_area::public.work_area])
          and (in_country is null or a.countries @> array[in_country])
          and (in_phase is null or a.phase = in_phase::public.action_phase)
        order by a.published_at desc nulls last, a.id
        limit 101) page
$$;
create function tests.searched(fn text, kind text, query text)
returns text
language plpgsql
set search_path = ''
as $$
declare
  found text;
  expected text;
begin
  execute format('select coalesce(string_agg(r.id::text, '','' order by r.ordinality), '''') from public.%I($1) with ordinality as r', fn)
    into found using query;
  select coalesce(string_agg(h.item_id::text, ',' order by h.ordinality), '') into expected
  from public.search_page(query, kind::public.item_kind) with ordinality as h;
  return case when found = expected then 'same' else format('differs: %s <> %s', found, expected) end;
end;
$$;
create function tests.unreadable_listed()
returns bigint
language sql
set search_path = ''
as $$
  select count(*) from public.list_joint_actions('{}', 101, 0) a
  where a.status not in ('published', 'archived') or a.visibility <> 'public'
$$;
grant execute on function tests.listed(jsonb), tests.table_page(text, text, text),
  tests.searched(text, text, text), tests.unreadable_listed() to anon, authenticated;

-- Each actor: the filtered list (few matches: read by id), the whole list and a filter without
-- an array (walk down the date index) are exactly the table's page under RLS.
select is(tests.value_as(p.person, 'tests.listed(''{"country":"BE"}'') = tests.table_page(null, ''BE'', null)'),
          'true', coalesce(p.person, 'anonymous') || ': the list filtered by country is the table''s page under RLS')
from (values (null), ('outsider'), ('alpha_member'), ('beta_editor'), ('coordinator')) as p (person);
select is(tests.value_as(p.person, 'tests.listed(''{"area":"legal_actions","country":"BE"}'') = tests.table_page(''legal_actions'', ''BE'', null)'),
          'true', coalesce(p.person, 'anonymous') || ': the list filtered by area and country is the table''s page under RLS')
from (values (null), ('outsider'), ('alpha_member'), ('coordinator')) as p (person);
select is(tests.value_as(p.person, 'tests.listed(''{}'') = tests.table_page(null, null, null)'),
          'true', coalesce(p.person, 'anonymous') || ': the unfiltered walk is the table''s page under RLS')
from (values (null), ('outsider'), ('alpha_member'), ('coordinator')) as p (person);
select is(tests.value_as(p.person, 'tests.listed(''{"phase":"ongoing"}'') = tests.table_page(null, null, ''ongoing'')'),
          'true', coalesce(p.person, 'anonymous') || ': a filter without an array walks the date index, same page as the table')
from (values (null), ('alpha_member')) as p (person);

-- What must not be listed: a visitor gets no draft, archived, network or participants action.
select is(tests.value_as(null, 'tests.unreadable_listed()::text'), '0',
          'anonymous: the list holds only public actions, published or archived');
select ok(tests.value_as(null, 'tests.listed(''{}'')') <> tests.value_as('coordinator', 'tests.listed(''{}'')'),
          'the coordinator''s list differs from the visitor''s (network actions are readable signed in)');

-- A list's search: the same hits, in the same order, as search_page, for each actor.
select is(tests.value_as(p.person, format('tests.searched(%L, %L, %L)', s.fn, s.kind, s.q)), 'same',
          format('%s: %s(%s) gives search_page''s hits in its order', coalesce(p.person, 'anonymous'), s.fn, s.q))
from (values (null), ('alpha_member')) as p (person),
     (values ('search_joint_actions', 'joint_action', 'justice'),
             ('search_events', 'event', 'droits'),
             ('search_papers', 'paper', 'children')) as s (fn, kind, q);

select * from finish();
rollback;
