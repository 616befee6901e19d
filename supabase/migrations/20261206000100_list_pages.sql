-- A signed-in reader's pages at the request count of a visitor's (issue 14,
-- docs/benchmarks.md "Scale: what each change was worth").
--
-- On one machine every PostgREST request a page makes costs throughput one for one. A
-- visitor's list page of events or papers made one request, a member's two (the list, and
-- public.item_rights asking whether to offer "new"); the organisation page one and two (the
-- organisation, then its members and the caller's memberships). Every signed-in page already
-- makes one request of its own, the bell's count in the root layout; the create-right rides on
-- it, and the organisation page's members and management right come with the organisation.
--
--   reader_summary()                    the bell's count and whether the caller may create
--                                       items, one row (the root layout, every signed-in page)
--   private.pre_request()               PostgREST's db-pre-request: the same summary in a
--                                       response header of the page's own first request, so
--                                       that the layout's request is saved (issue 14)
--   reader_can_manage(organisations)    computed field: the caller administers the
--                                       organisation or coordinates the network
--   reader_members(organisations)       computed field: its members as the caller may see
--                                       them, for its page
--   list_joint_actions(filters, …)      one page of the joint actions list filtered by area,
--                                       article or country, by the path that suits the filter
--   organisation_work(organisation, …) what an organisation leads or takes part in, a few
--                                       of each kind, for its page, found by its
--                                       attachments' index; recent_work(organisations),
--                                       the same as a computed field of the page's request
--   search_joint_actions / search_events / search_papers(query, filters, …)
--                                       one page of a list's search as the content rows
--                                       themselves, so that PostgREST embeds their texts and
--                                       owner in the same request (it took two: ids, then rows)

create or replace function public.reader_summary()
returns table (
  unread_notifications integer,
  can_create boolean
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- Both answers are the caller's own: their notifications (RLS: recipient only) and their
  -- editor-or-admin memberships of active organisations (public.item_rights' can_create).
  return query
  select public.unread_notification_count(),
         cardinality(private.user_organisation_id_array('editor')) > 0;
end;
$$;
comment on function public.reader_summary() is 'What every signed-in page shows of its reader, in one call: unread_notifications (public.unread_notification_count, up to 100) and can_create (editor or admin of some active organisation, as public.item_rights says: the lists'' "new" link; display only, RLS decides every write). Not executable by anon.';

-- The summary on the page's own request. PostgREST calls private.pre_request() at the start of
-- every request's transaction (db-pre-request, set on the authenticator role at the end of this
-- file). When a signed-in reader's request carries `x-hub-reader-summary: 1`, it answers with
-- the reader summary in the response header of that name, so the root layout needs no request
-- of its own when the page's load sends one (#lib/server/readerSummary). The count is read in
-- the request's own transaction, before its statement runs. Any other request (a visitor's,
-- the secret key's, one that does not ask) only reads its role.
create or replace function private.pre_request()
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  if current_user <> 'authenticated'
     or (nullif(current_setting('request.headers', true), '')::json ->> 'x-hub-reader-summary')
        is distinct from '1' then
    return;
  end if;
  perform set_config('response.headers',
    json_build_array(json_build_object('x-hub-reader-summary',
      (select row_to_json(s)::text from public.reader_summary() s)))::text,
    true);
end;
$$;
comment on function private.pre_request() is 'PostgREST''s db-pre-request (pgrst.db_pre_request on the authenticator role): for a signed-in caller whose request carries x-hub-reader-summary: 1, sets the response header x-hub-reader-summary to public.reader_summary() as JSON ({"unread_notifications":n,"can_create":b}), read in the request''s own transaction; nothing for anyone else. The root layout then makes no request of its own (#lib/server/readerSummary).';

create or replace function public.reader_can_manage(organisation public.organisations)
returns boolean
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- The rule of organisationAdmin.managementRights: an admin of this (active) organisation or
  -- of an active coordinating one. The row is one the caller may read (RLS on organisations).
  return (
    select organisation.id = any (private.user_organisation_id_array('admin'))
           or (select private.is_coordinator())
  );
end;
$$;
comment on function public.reader_can_manage(public.organisations) is 'Computed field of organisations (PostgREST: select=reader_can_manage): whether the caller may manage the organisation, as its admin (active organisations only) or a coordinator; false for a visitor. Display only: the admin pages and RLS decide again.';

-- An organisation's members as its page lists them (admins first, as the members admin page),
-- read as the caller (RLS on memberships and
-- profiles decides: a fellow member or a coordinator sees them, anyone else none; a membership
-- whose person the caller may not read is left out). A PostgREST
-- embed of memberships and profiles did the same at about 0.5 ms of CPU more per page (a
-- nested statement planned with every request; this one is planned once per connection).
create or replace function public.reader_members(organisation public.organisations)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if auth.uid() is null then
    return '[]';
  end if;
  return (
    select coalesce(jsonb_agg(jsonb_build_object(
             'role', m.role,
             'profile', jsonb_build_object('id', p.id, 'display_name', p.display_name))
           order by m.role desc, p.display_name, p.id), '[]')
    from public.memberships m
    join public.profiles p on p.id = m.user_id
    where m.organisation_id = organisation.id
  );
end;
$$;
comment on function public.reader_members(public.organisations) is 'Computed field of organisations (PostgREST: select=reader_members): the organisation''s memberships the caller may read, whose person the caller may also read, each with its role and the member''s profile (id, display_name), admins first then editors and members, by name within a role, as a JSON array; empty for a visitor.';

-- The filtered joint actions list ------------------------------------------------------------
--
-- Under RLS the planner may not use column statistics with a non-leakproof operator, and `@>`
-- on arrays is not leakproof: `areas @> … and countries @> …` gets default selectivities (2
-- rows expected where 236 match at 100k items), so Postgres sorts every readable row instead of
-- walking the date index; nor may it use the GIN indexes for those operators under RLS. The
-- function below picks the path with real numbers: a definer helper counts the matches of the
-- array filters through their GIN indexes (whoever may read them, at most `cap`); a few are
-- read by id (a leakproof `id = any (…)`, the primary key) and sorted, many by walking the
-- date index, which finds a page after a few rows. Either way the rows are read as the caller,
-- under RLS: the helper only says where to look.

create or replace function private.joint_action_ids_matching(
  area public.work_area,
  article smallint,
  country text,
  cap integer
)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  conditions text[] := '{}';
  ids uuid[];
begin
  if area is not null then conditions := conditions || 'a.areas @> array[$1]'::text; end if;
  if article is not null then conditions := conditions || 'a.crc_articles @> array[$2]'::text; end if;
  if country is not null then conditions := conditions || 'a.countries @> array[$3]'::text; end if;
  if cardinality(conditions) = 0 then
    return null;
  end if;
  -- Planned for the filters given (EXECUTE), so that the GIN indexes serve them.
  execute format('select array(select a.id from public.joint_actions a where %s limit $4 + 1)',
                 array_to_string(conditions, ' and '))
    into ids
    using area, article, country, cap;
  return case when cardinality(ids) <= cap then ids end;
end;
$$;
comment on function private.joint_action_ids_matching(public.work_area, smallint, text, integer) is 'The ids of the joint actions whose areas, articles and countries hold the given ones (null: not filtered), whoever may read them, or null when none is given or more than cap match: where public.list_joint_actions looks. Definer so that the GIN indexes serve the filters (under RLS they may not); the rows are then read under the caller''s RLS.';

create or replace function public.list_joint_actions(
  filters jsonb default '{}',
  page_limit integer default 13,
  page_offset integer default 0
)
returns setof public.joint_actions
language plpgsql
stable
security invoker
set search_path = ''
rows 13
as $$
declare
  area public.work_area := (filters->>'area')::public.work_area;
  article smallint := (filters->>'article')::smallint;
  country text := filters->>'country';
  -- Up to this many matches are read by id and sorted; beyond, the date index is walked.
  cap constant integer := 1000;
  candidates uuid[] := private.joint_action_ids_matching(area, article, country, cap);
  walk_setting text := pg_catalog.current_setting('enable_seqscan');
  page text := $query$
    select a.* from public.joint_actions a
    where %s
      and ($1::public.work_area is null or a.areas @> array[$1])
      and ($2::smallint is null or a.crc_articles @> array[$2])
      and ($3::text is null or a.countries @> array[$3])
      and ($4::public.action_phase is null or a.phase = $4)
      and ($5::date is null or a.ends_on is null or a.ends_on >= $5)
      and ($6::date is null or a.starts_on is null or a.starts_on <= $6)
    order by a.published_at desc nulls last, a.id
    limit least(greatest($8, 0), 101) offset greatest($9, 0)
  $query$;
begin
  if candidates is not null then
    return query execute format(page, 'a.id = any ($7)')
      using area, article, country,
            (filters->>'phase')::public.action_phase, (filters->>'from')::date, (filters->>'to')::date,
            candidates, page_limit, page_offset;
    return;
  end if;
  -- Many matches: a walk down the date index finds the page after a few rows, but the planner,
  -- blind to the filters' selectivity under RLS, would rather sort them all.
  perform pg_catalog.set_config('enable_seqscan', 'off', true);
  return query execute format(page, 'true')
    using area, article, country,
          (filters->>'phase')::public.action_phase, (filters->>'from')::date, (filters->>'to')::date,
          null::uuid[], page_limit, page_offset;
  perform pg_catalog.set_config('enable_seqscan', walk_setting, true);
end;
$$;
comment on function public.list_joint_actions(jsonb, integer, integer) is 'One page of the joint actions the caller may read (RLS decides), filtered (jsonb: area, article, country, phase, from, to; a list by organisation is public.search_page''s), newest first, page_limit rows (at most 101) from page_offset. For the filtered list: the planner cannot see the array filters'' selectivity under RLS, so this picks the path (private.joint_action_ids_matching). PostgREST embeds on its rows as on the table''s.';

-- An organisation's work on its page ---------------------------------------------------------
--
-- What an organisation leads or takes part in: its accepted attachments (owner, co-lead,
-- participant, signatory that signed), not what it is only invited to or asked to sign, found
-- by their index (private.item_ids_attached, whoever may read them); the items are then read
-- by id as the caller, under RLS, and ranked per kind. The lists filtered by an organisation
-- use the same helper (public.search_page). The cost follows the organisation's own number of
-- items, not the network's (at 100k items, as a visitor: DEI-Belgique's 14 in 1-1.5 ms, the
-- largest organisation's 3,829 in 18-25 ms; docs/benchmarks.md).

create or replace function public.organisation_work(organisation uuid, shown integer default 5)
returns table (item_id uuid, kind public.item_kind, original_locale text, titles jsonb, place bigint)
language plpgsql
stable
security invoker
set search_path = ''
rows 18
as $$
declare
  candidates uuid[] := private.item_ids_attached(organisation);
  per_kind integer := least(greatest(shown, 0), 50) + 1;
begin
  return query
    with readable as (
      -- Joint actions and papers newest first, upcoming events soonest first, as their lists.
      -- (An event's dates are read by its key, for events only, `offset 0` keeping it a probe:
      -- a hash join read every event of the network for an organisation with thousands of items.)
      select i.id, row_number() over (
               partition by i.kind
               order by e.starts_at, i.published_at desc nulls last, i.id) as n
      from public.items i
      left join lateral (
        select ev.starts_at, ev.ends_at from public.events ev where ev.id = i.id and i.kind = 'event' offset 0
      ) e on true
      where i.id = any (candidates)
        and (i.kind <> 'event' or e.ends_at >= now())
    )
    select t.item_id, t.kind, t.original_locale, t.titles, r.n
    from readable r
    join public.item_titles(array(select r2.id from readable r2 where r2.n <= per_kind)) t on t.item_id = r.id
    order by t.kind, r.n;
end;
$$;
comment on function public.organisation_work(uuid, integer) is 'What an organisation leads or takes part in (accepted attachments), for its page: of each kind, the shown + 1 first items the caller may read (RLS decides; joint actions and papers newest first, upcoming events soonest first), with their kind, original language, titles per language and place in their kind (a place of shown + 1: there are more). At most 50 shown.';

create or replace function public.recent_work(organisation public.organisations)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select coalesce(jsonb_agg(to_jsonb(w) order by w.kind, w.place), '[]')
    from public.organisation_work(organisation.id) w
  );
end;
$$;
comment on function public.recent_work(public.organisations) is 'Computed field of organisations (PostgREST: select=recent_work): public.organisation_work with its defaults (5 of each kind, a sixth when there are more) as a JSON array, so that the organisation page reads its work with its profile in one request.';

-- A list's search in one request ---------------------------------------------------------------
--
-- public.search_page ranks and paginates the hits (RLS decides) and returns ids; each function
-- below returns the page's content rows in that order, so that PostgREST embeds the rows' texts
-- and owner in the same request. PostgREST keeps the order of a function's rows (it reads
-- them in order and aggregates them as read: nested loops for the embeds); plpgsql, so that
-- the function is never inlined into a join that could reorder them.

create or replace function public.search_joint_actions(
  query text,
  filters jsonb default '{}',
  page_limit integer default 13,
  page_offset integer default 0
)
returns setof public.joint_actions
language plpgsql
stable
security invoker
set search_path = ''
rows 13
as $$
begin
  return query
    select a.*
    from public.search_page(query, 'joint_action', filters, page_limit, page_offset)
           with ordinality as hit (item_id, rank, position)
    join public.joint_actions a on a.id = hit.item_id
    order by hit.position;
end;
$$;
comment on function public.search_joint_actions(text, jsonb, integer, integer) is 'One page of the joint actions list''s search (public.search_page: the hits the caller may read, with the list''s filters, best first) as joint_actions rows in that order, for PostgREST to embed their texts and owner in the same request.';

create or replace function public.search_events(
  query text,
  filters jsonb default '{}',
  page_limit integer default 13,
  page_offset integer default 0
)
returns setof public.events
language plpgsql
stable
security invoker
set search_path = ''
rows 13
as $$
begin
  return query
    select e.*
    from public.search_page(query, 'event', filters, page_limit, page_offset)
           with ordinality as hit (item_id, rank, position)
    join public.events e on e.id = hit.item_id
    order by hit.position;
end;
$$;
comment on function public.search_events(text, jsonb, integer, integer) is 'One page of the events list''s search (public.search_page: the hits the caller may read, with the list''s filters, in its order) as events rows in that order, for PostgREST to embed their texts and owner in the same request.';

create or replace function public.search_papers(
  query text,
  filters jsonb default '{}',
  page_limit integer default 13,
  page_offset integer default 0
)
returns setof public.papers
language plpgsql
stable
security invoker
set search_path = ''
rows 13
as $$
begin
  return query
    select p.*
    from public.search_page(query, 'paper', filters, page_limit, page_offset)
           with ordinality as hit (item_id, rank, position)
    join public.papers p on p.id = hit.item_id
    order by hit.position;
end;
$$;
comment on function public.search_papers(text, jsonb, integer, integer) is 'One page of the papers list''s search (public.search_page: the hits the caller may read, with the list''s filters, best first) as papers rows in that order, for PostgREST to embed their texts and owner in the same request.';

-- Privileges ----------------------------------------------------------------------------------

revoke execute on function public.reader_summary() from public, anon;
revoke execute on function private.pre_request() from public;
revoke execute on function public.reader_can_manage(public.organisations) from public;
revoke execute on function public.reader_members(public.organisations) from public;
revoke execute on function private.joint_action_ids_matching(public.work_area, smallint, text, integer) from public;
revoke execute on function public.list_joint_actions(jsonb, integer, integer) from public;
revoke execute on function public.organisation_work(uuid, integer) from public;
revoke execute on function public.recent_work(public.organisations) from public;
revoke execute on function public.search_joint_actions(text, jsonb, integer, integer) from public;
revoke execute on function public.search_events(text, jsonb, integer, integer) from public;
revoke execute on function public.search_papers(text, jsonb, integer, integer) from public;
grant execute on function public.reader_summary() to authenticated, service_role;
-- Every request runs it, a visitor's too.
grant execute on function private.pre_request() to anon, authenticated, service_role;
grant execute on function private.joint_action_ids_matching(public.work_area, smallint, text, integer) to anon, authenticated, service_role;
grant execute on function public.list_joint_actions(jsonb, integer, integer) to anon, authenticated, service_role;
grant execute on function public.organisation_work(uuid, integer) to anon, authenticated, service_role;
grant execute on function public.recent_work(public.organisations) to anon, authenticated, service_role;
grant execute on function public.search_joint_actions(text, jsonb, integer, integer) to anon, authenticated, service_role;
grant execute on function public.search_events(text, jsonb, integer, integer) to anon, authenticated, service_role;
grant execute on function public.search_papers(text, jsonb, integer, integer) to anon, authenticated, service_role;
grant execute on function public.reader_can_manage(public.organisations) to anon, authenticated, service_role;
grant execute on function public.reader_members(public.organisations) to anon, authenticated, service_role;

-- PostgREST reads its in-database configuration from the authenticator role's settings at start
-- and on `reload config` (as Supabase's documentation sets db-pre-request on a hosted project).
alter role authenticator set pgrst.db_pre_request to 'private.pre_request';
notify pgrst, 'reload config';
