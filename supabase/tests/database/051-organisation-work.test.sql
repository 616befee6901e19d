-- public.organisation_work (what an organisation leads or takes part in, for its page), its
-- computed field public.recent_work(organisations) (migration 20261206000100_list_pages.sql)
-- and the lists of one organisation (public.search_page without a query, migration
-- 20261128000600_papers.sql), all found by private.item_ids_attached. Each actor gets exactly
-- the items of the organisation that RLS lets that actor read through the tables themselves,
-- in the lists' orders — never an item the actor may not read, whatever the definer helper
-- found, nor one the organisation is only invited to or asked to sign.
begin;
\ir _helpers.psql
select plan(155);

-- Fixture ------------------------------------------------------------------------------------
-- The fixture's five alpha actions (beta accepted and gamma invited on the draft and the
-- participants one) with French texts; alpha's public events, one upcoming and one past, and a
-- network one upcoming; beta's participants paper (gamma only asked to sign it).
select tests.add_joint_action_content(array['item_alpha_draft', 'item_alpha_public', 'item_alpha_network',
                                             'item_alpha_participants', 'item_alpha_archived'])
\g /dev/null
select tests.create_item(e.name, 'event', 'published', e.visibility)
from (values ('ev_upcoming', 'public'), ('ev_past', 'public'), ('ev_network', 'network')) as e (name, visibility)
\g /dev/null
insert into public.events (id, original_locale, starts_at, ends_at)
values
  (tests.uid('ev_upcoming'), 'fr', now() + interval '10 days', now() + interval '10 days 2 hours'),
  (tests.uid('ev_past'), 'fr', now() - interval '10 days', now() - interval '10 days' + interval '2 hours'),
  (tests.uid('ev_network'), 'fr', now() + interval '3 days', now() + interval '3 days 2 hours');
insert into public.event_translations (event_id, locale, title, description)
select tests.uid(n), 'fr', 'Événement ' || n, ''
from unnest(array['ev_upcoming', 'ev_past', 'ev_network']) as n;
insert into public.papers (id, original_locale) values (tests.uid('item_beta_signatures'), 'nl');
insert into public.paper_translations (paper_id, locale, title)
values (tests.uid('item_beta_signatures'), 'nl', 'Standpunt');
insert into tests.names (id, name)
select tests.uid(n), n from unnest(array['ev_upcoming', 'ev_past', 'ev_network']) as n;

-- What organisation_work gives (item:place, in kind and place order), and what the tables give
-- the same reader under RLS: the organisation's readable items of each kind in the lists'
-- orders (events: upcoming only), numbered.
-- The attachments accepted, as they are (not as a reader may see them).
create table tests.accepted as
  select io.item_id, io.organisation_id from public.item_organisations io where io.state = 'accepted';
grant select on tests.accepted to anon, authenticated;
create function tests.work(org text)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(tests.name(w.item_id) || ':' || w.place, ',' order by w.kind, w.place), '')
  from public.organisation_work(tests.uid(org), 50) w
$$;
create function tests.table_work(org text)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(tests.name(r.id) || ':' || r.n, ',' order by r.kind, r.n), '')
  from (select i.id, i.kind, row_number() over (
                 partition by i.kind
                 order by case when i.kind = 'event' then e.starts_at end, i.published_at desc nulls last, i.id) as n
        from public.items i
        left join public.events e on e.id = i.id
        where i.id in (select a.item_id from tests.accepted a where a.organisation_id = tests.uid(org))
          and (i.kind <> 'event' or e.ends_at >= now())) r
$$;
-- The names of what a reader is shown of an organisation's work, sorted.
create function tests.work_names(org text)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(tests.name(w.item_id), ',' order by tests.name(w.item_id)), '')
  from public.organisation_work(tests.uid(org)) w
$$;
-- A list of one organisation (search_page without a query, as the list pages call it: actions
-- and papers newest first, events upcoming or past by date), and the same list read from the
-- tables under RLS: 'same', or both.
create function tests.org_list(org text, list_kind text, scope text)
returns text
language plpgsql
set search_path = ''
as $$
declare
  filters jsonb := jsonb_build_object('organisation', tests.uid(org)) || case scope
    when 'upcoming' then jsonb_build_object('order', 'soonest', 'ends_after', now())
    when 'past' then jsonb_build_object('order', 'latest', 'ends_before', now())
    else '{"order": "newest"}' end;
  found text;
  expected text;
begin
  select coalesce(string_agg(tests.name(h.item_id), ',' order by h.ordinality), '') into found
  from public.search_page('', list_kind::public.item_kind, filters, 101) with ordinality as h;
  select coalesce(string_agg(tests.name(r.id), ',' order by r.n), '') into expected
  from (select i.id, row_number() over (
                 order by case when scope = 'upcoming' then e.starts_at end,
                          case when scope = 'past' then e.starts_at end desc,
                          case when i.kind <> 'event' then i.published_at end desc nulls last,
                          i.id) as n
        from public.items i
        left join public.events e on e.id = i.id
        where i.kind = list_kind::public.item_kind
          and i.id in (select a.item_id from tests.accepted a where a.organisation_id = tests.uid(org))
          and (scope is distinct from 'upcoming' or e.ends_at >= now())
          and (scope is distinct from 'past' or e.ends_at < now())) r;
  return case when found = expected then 'same' else format('differs: %s <> %s', found, expected) end;
end;
$$;
-- The names a list of one organisation shows its reader, in order.
create function tests.org_list_names(org text, list_kind text, filters jsonb default '{}')
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(tests.name(h.item_id), ',' order by h.ordinality), '')
  from public.search_page('', list_kind::public.item_kind,
                          jsonb_build_object('organisation', tests.uid(org), 'order', 'newest') || filters, 101)
         with ordinality as h
$$;
grant execute on function tests.work(text), tests.table_work(text), tests.work_names(text),
  tests.org_list(text, text, text), tests.org_list_names(text, text, jsonb)
  to anon, authenticated;

-- Every actor, three organisations: exactly the tables' items under RLS.
select is(tests.value_as(p.person, format('tests.work(%L)', o.org)),
          tests.value_as(p.person, format('tests.table_work(%L)', o.org)),
          format('%s: %s''s work is what the tables give under RLS', coalesce(p.person, 'anonymous'), o.org))
from (values (null), ('outsider'), ('alpha_member'), ('alpha_editor'), ('beta_member'),
             ('beta_editor'), ('gamma_member'), ('frozen_member'), ('coordinator')) as p (person),
     (values ('test-alpha'), ('test-beta'), ('test-gamma')) as o (org);

-- What each must not be shown.
select is(tests.value_as(p.person, 'tests.work_names(''test-alpha'')'),
          'ev_upcoming,item_alpha_archived,item_alpha_public',
          coalesce(p.person, 'anonymous') || ': alpha''s public actions and upcoming public event only (no draft, network, participants or past event)')
from (values (null), ('outsider')) as p (person);
select is(tests.value_as('gamma_member', 'tests.work_names(''test-alpha'')'),
          'ev_network,ev_upcoming,item_alpha_archived,item_alpha_network,item_alpha_public',
          'gamma, only invited: neither the participants action nor the draft of alpha');
select is(tests.value_as('beta_member', 'tests.work_names(''test-beta'')'),
          'item_alpha_participants,item_beta_signatures',
          'beta''s member: its paper and the action it takes part in, not the draft it co-leads (its editors'')');
select is(tests.value_as('beta_editor', 'tests.work_names(''test-beta'')'),
          'item_alpha_draft,item_alpha_participants,item_beta_signatures',
          'beta''s editor: the draft it co-leads too');
select is(tests.value_as('coordinator', 'tests.work_names(''test-beta'')'), '',
          'the coordinator: none of beta''s participants and draft items');
select is(tests.value_as(p.person, 'tests.work_names(''test-gamma'')'), '',
          coalesce(p.person, 'gamma_member') || ': gamma''s work holds nothing it is only asked to sign or invited to lead')
from (values ('gamma_member'), ('beta_editor')) as p (person);

-- A few of each kind, and one more when there are more; the computed field is the function.
select is(tests.value_as('coordinator', $$(select string_agg(w.kind || ':' || w.place, ',' order by w.kind, w.place)
                                          from public.organisation_work(tests.uid('test-alpha'), 1) w)$$),
          'joint_action:1,joint_action:2,event:1,event:2',
          'shown = 1: one of each kind and a second where there are more');
select is(tests.value_as(p.person, $$(select (public.recent_work(o) = (select jsonb_agg(to_jsonb(w) order by w.kind, w.place)
                                                              from public.organisation_work(o.id) w))::text
                                      from public.organisations o where o.slug = 'test-alpha')$$),
          'true', coalesce(p.person, 'anonymous') || ': recent_work is organisation_work with its defaults')
from (values (null), ('beta_member')) as p (person);

-- The lists of one organisation ---------------------------------------------------------------

-- Every actor, three organisations, each list: exactly the tables' items under RLS, in order.
select is(tests.value_as(p.person, format('tests.org_list(%L, %L, %L)', o.org, l.kind, l.scope)), 'same',
          format('%s: the %s list (%s) of %s is what the tables give under RLS',
                 coalesce(p.person, 'anonymous'), l.kind, coalesce(l.scope, 'newest'), o.org))
from (values (null), ('outsider'), ('alpha_member'), ('alpha_editor'), ('beta_member'),
             ('beta_editor'), ('gamma_member'), ('frozen_member'), ('coordinator')) as p (person),
     (values ('test-alpha'), ('test-beta'), ('test-gamma')) as o (org),
     (values ('joint_action', null), ('paper', null), ('event', 'upcoming'), ('event', 'past')) as l (kind, scope);

-- What each must not be listed.
select is(tests.value_as(p.person, 'tests.org_list_names(''test-alpha'', ''joint_action'')'),
          'item_alpha_public,item_alpha_archived',
          coalesce(p.person, 'anonymous') || ': alpha''s actions list holds its public ones only (no draft, network or participants action)')
from (values (null), ('outsider')) as p (person);
select is(tests.value_as('beta_editor', 'tests.org_list_names(''test-beta'', ''joint_action'')'),
          'item_alpha_participants,item_alpha_draft',
          'beta''s editor: the action beta takes part in and the draft it co-leads');
select is(tests.value_as('gamma_member', 'tests.org_list_names(''test-gamma'', ''joint_action'')'), '',
          'gamma: no action it is only invited to');
select is(tests.value_as(p.person, 'tests.org_list_names(''test-gamma'', ''paper'')'), '',
          coalesce(p.person, 'anonymous') || ': gamma''s papers list holds no paper it is only asked to sign')
from (values (null), ('gamma_member'), ('beta_editor')) as p (person);
select is(tests.value_as('coordinator', 'tests.org_list_names(''test-alpha'', ''joint_action'', ''{"phase": "completed"}'')'), '',
          'the list''s other filters apply to an organisation''s items');
select is(tests.value_as('coordinator', $$(select count(*)::text from public.search_page('', 'joint_action', '{"order": "newest"}'))$$),
          '0', 'neither a query nor an organisation: no rows');

select * from finish();
rollback;
