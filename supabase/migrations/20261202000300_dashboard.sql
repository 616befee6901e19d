-- The dashboard of a signed-in person (issue 15): what waits for them, their upcoming events,
-- what is new in the network since they last looked, and their organisations. Rules:
-- docs/access-model.md; proof: supabase/tests/database/037-dashboard.test.sql.
--
-- public.my_dashboard() is `security invoker`: every row it reads passes the caller's RLS,
-- so nothing the caller may not read shows up, not even as a count. The one thing it keeps
-- is when the person last marked the news as seen (private.news_marks, reached only through
-- the definer functions below: it is nobody else's business when someone last looked).

-- Tables ------------------------------------------------------------------------------------

create table private.news_marks (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  seen_at timestamptz not null
);
comment on table private.news_marks is 'When each person last marked the network news of their dashboard as seen. Not exposed: read and written only by private.news_since() and private.mark_news_seen().';

-- Changes newer than a person's mark are found by these (newest first, stopping at the mark).
create index joint_actions_updated_at_idx on public.joint_actions (updated_at desc);
create index events_updated_at_idx on public.events (updated_at desc);
create index papers_updated_at_idx on public.papers (updated_at desc);

-- Helpers -----------------------------------------------------------------------------------

create function private.news_since()
returns timestamptz
language sql
stable
security definer
set search_path = ''
as $$
  -- Someone who never marked anything sees the last 30 days.
  select coalesce(
    (select m.seen_at from private.news_marks m where m.user_id = (select auth.uid())),
    now() - interval '30 days')
$$;
comment on function private.news_since() is 'Since when the caller''s dashboard lists network news: their last "mark as seen", or 30 days ago.';

create function private.mark_news_seen(seen_at timestamptz)
returns timestamptz
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  person uuid := private.require_person();
  mark timestamptz := least(mark_news_seen.seen_at, now());
begin
  -- The mark is the moment the dashboard was shown, so what arrived while the person read
  -- it stays new; it never moves back (an old tab posting late changes nothing).
  insert into private.news_marks as m (user_id, seen_at)
  values (person, mark)
  on conflict (user_id) do update set seen_at = greatest(m.seen_at, excluded.seen_at)
  returning m.seen_at into mark;
  return mark;
end;
$$;
comment on function private.mark_news_seen(timestamptz) is 'Moves the caller''s "news seen" mark forward to the given moment (never beyond now, never back). Returns the mark. Definer: the marks are not the caller''s to write directly.';

select private.expose('private.mark_news_seen(timestamptz)', callers => '{authenticated}');
comment on function public.mark_news_seen(timestamptz) is 'Moves the caller''s "news seen" mark forward to the given moment (never beyond now, never back). Returns the mark. 42501 for anonymous callers.';

create function public.item_titles(item_ids uuid[])
returns table (item_id uuid, kind public.item_kind, original_locale text, titles jsonb)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- One place that names the three content tables' titles; RLS decides which exist.
  return query
  select c.id, 'joint_action'::public.item_kind, c.original_locale::text,
         (select jsonb_object_agg(t.locale, t.title) from public.joint_action_translations t where t.action_id = c.id)
  from public.joint_actions c where c.id = any (item_ids)
  union all
  select c.id, 'event', c.original_locale::text,
         (select jsonb_object_agg(t.locale, t.title) from public.event_translations t where t.event_id = c.id)
  from public.events c where c.id = any (item_ids)
  union all
  select c.id, 'paper', c.original_locale::text,
         (select jsonb_object_agg(t.locale, t.title) from public.paper_translations t where t.paper_id = c.id)
  from public.papers c where c.id = any (item_ids);
end;
$$;
comment on function public.item_titles(uuid[]) is 'The kind, original language and titles per language ({locale: title}) of the given items the caller may read (others are left out).';

create function public.my_dashboard()
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    with me as (
      select (select auth.uid()) as id,
             private.news_since() as since
    ),
    -- Registrations that wait for the caller's decision, per event they organise.
    to_approve as (
      select r.event_id, count(*) as pending, min(r.created_at) as oldest
      from public.event_registrations r
      where r.status = 'pending'
        and r.event_id in (select private.managed_item_ids())
      group by r.event_id
    ),
    -- Texts of the items the caller edits that were made from an older original.
    outdated as (
      select c.id, array_agg(t.locale::text order by t.locale) as locales
      from public.joint_actions c join public.joint_action_translations t on t.action_id = c.id
      where c.id in (select private.editable_item_ids()) and t.source_revision < c.original_revision
      group by c.id
      union all
      select c.id, array_agg(t.locale::text order by t.locale)
      from public.events c join public.event_translations t on t.event_id = c.id
      where c.id in (select private.editable_item_ids()) and t.source_revision < c.original_revision
      group by c.id
      union all
      select c.id, array_agg(t.locale::text order by t.locale)
      from public.papers c join public.paper_translations t on t.paper_id = c.id
      where c.id in (select private.editable_item_ids()) and t.source_revision < c.original_revision
      group by c.id
    ),
    -- Events still to come that the caller registered for (and did not leave) or organises:
    -- from their registrations and managed items, not from every event to come.
    upcoming as (
      select distinct on (u.starts_at, u.id) u.*
      from (
        select e.id, e.starts_at, e.ends_at, e.time_zone, e.cancelled_at, r.status as registration
        from public.event_registrations r
        join public.events e on e.id = r.event_id
        where r.user_id = (select id from me)
          and r.status in ('confirmed', 'waiting', 'pending')
          and e.ends_at >= now() and e.status <> 'archived'
        union all
        select e.id, e.starts_at, e.ends_at, e.time_zone, e.cancelled_at, null
        from public.events e
        where e.id in (select private.managed_item_ids())
          and e.ends_at >= now() and e.status <> 'archived'
      ) u
      -- Registered and organising: the registration says more.
      order by u.starts_at, u.id, u.registration nulls last
      limit 6
    ),
    -- Published since the mark, or changed since it (texts, dates, details), newest first.
    news as (
      select distinct on (n.id) n.id, n.changed_at, n.is_new
      from (
        (select i.id, i.published_at as changed_at, true as is_new
         from public.items i
         where i.published_at > (select since from me) and i.status <> 'draft'
         order by i.published_at desc limit 30)
        union all
        (select c.id, c.updated_at, false from public.joint_actions c
         where c.updated_at > (select since from me) and c.status <> 'draft'
         order by c.updated_at desc limit 30)
        union all
        (select c.id, c.updated_at, false from public.events c
         where c.updated_at > (select since from me) and c.status <> 'draft'
         order by c.updated_at desc limit 30)
        union all
        (select c.id, c.updated_at, false from public.papers c
         where c.updated_at > (select since from me) and c.status <> 'draft'
         order by c.updated_at desc limit 30)
      ) n
      -- A new item counts once, as new.
      order by n.id, n.is_new desc, n.changed_at desc
    ),
    latest_news as (
      select * from news order by changed_at desc, id limit 30
    ),
    -- The caller's active organisations, each with the latest item it leads or takes part in.
    mine as (
      select m.role, o.id, o.slug, o.name, o.names, o.kind, o.country,
             (select jsonb_build_object('id', i.id, 'at', coalesce(i.published_at, i.updated_at))
              from public.items i
              where i.participant_organisation_ids @> array[o.id] and i.status <> 'draft'
              order by coalesce(i.published_at, i.updated_at) desc, i.id
              limit 1) as latest
      from public.memberships m
      join public.organisations o on o.id = m.organisation_id
      where m.user_id = (select id from me) and o.status = 'active'
    ),
    titles as (
      select t.item_id, t.kind, t.original_locale, t.titles
      from public.item_titles(array(
        select event_id from to_approve
        union select id from outdated
        union select id from upcoming
        union select id from latest_news
        union select (latest ->> 'id')::uuid from mine where latest is not null)) t
    )
    select jsonb_build_object(
      'since', (select since from me),
      'is_coordinator', private.is_coordinator(),
      'applications',
        case when private.is_coordinator()
          then (select count(*) from public.organisation_applications a where a.status = 'pending')
        end,
      'to_approve', coalesce((
        select jsonb_agg(jsonb_build_object('pending', a.pending, 'starts_at', e.starts_at, 'time_zone', e.time_zone)
                         || to_jsonb(t) order by e.starts_at, a.event_id)
        from to_approve a
        join public.events e on e.id = a.event_id
        join titles t on t.item_id = a.event_id
        where e.ends_at >= now()), '[]'),
      'outdated', coalesce((
        select jsonb_agg(jsonb_build_object('locales', o.locales) || to_jsonb(t) order by t.kind, o.id)
        from outdated o join titles t on t.item_id = o.id), '[]'),
      'upcoming', coalesce((
        select jsonb_agg(jsonb_build_object(
                 'starts_at', u.starts_at, 'ends_at', u.ends_at, 'time_zone', u.time_zone,
                 'cancelled', u.cancelled_at is not null, 'registration', u.registration)
               || to_jsonb(t) order by u.starts_at, u.id)
        from upcoming u join titles t on t.item_id = u.id), '[]'),
      'news', coalesce((
        select jsonb_agg(jsonb_build_object('changed_at', n.changed_at, 'is_new', n.is_new)
                         || to_jsonb(t) order by n.changed_at desc, n.id)
        from latest_news n join titles t on t.item_id = n.id), '[]'),
      'organisations', coalesce((
        select jsonb_agg(jsonb_build_object(
                 'id', m.id, 'slug', m.slug, 'name', m.name, 'names', m.names, 'kind', m.kind,
                 'country', m.country, 'role', m.role,
                 'latest', case when t.item_id is not null
                   then jsonb_build_object('at', m.latest -> 'at') || to_jsonb(t) end)
               order by m.name, m.id)
        from mine m left join titles t on t.item_id = (m.latest ->> 'id')::uuid), '[]')
    )
  );
end;
$$;
comment on function public.my_dashboard() is 'The caller''s dashboard in one call, read as the caller (RLS decides every row): since (the news mark), is_coordinator, applications (pending applications to join, coordinators only), to_approve (events they organise with registrations awaiting approval), outdated (translations of items they edit made from an older original), upcoming (events they registered for or organise), news (items published or changed since the mark, newest first, at most 30) and organisations (their active organisations with the latest item of each). Items carry item_id, kind, original_locale and titles.';

-- Privileges ----------------------------------------------------------------------------------

revoke all on table private.news_marks from public, anon, authenticated;
revoke execute on function private.news_since() from public;
revoke execute on function public.item_titles(uuid[]) from public;
revoke execute on function public.my_dashboard() from public, anon;

grant execute on function private.news_since() to authenticated;
grant execute on function public.item_titles(uuid[]) to anon, authenticated;
grant execute on function public.my_dashboard() to authenticated;
