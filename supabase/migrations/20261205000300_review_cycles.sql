-- Country pages and the advocacy calendar (issue 17): the UN reviews of a country (CRC periodic
-- and optional-protocol reviews, UPR, complaints) with their stages and deadlines, and the
-- network's items linked to a stage. Rules: docs/access-model.md ("Review cycles"); proof:
-- supabase/tests/database/043-review-cycles.test.sql and tests/api/review-cycles.test.ts.
--
--   review_cycles         one review of one country by one mechanism; names per language;
--                         public or network-only; is_demo marks invented (demonstration) dates
--   review_stages         its stages: kind, a date or date range, a document link, planned/done
--   review_stage_items    an item (joint action, event, paper) linked to a stage: what the
--                         network prepared for it
--   country_overview()    per country: what the caller may see there (organisations, items,
--                         cycles), for the countries index
--   linkable_items(cc)    the items the caller may link (they edit them) naming a country
--   review_stage_feed(cc, cycle)  the stages of a country or a cycle, for the .ics feeds
--   personal_review_stages(token) the stages of the countries of a token owner's organisations
--
-- Who may do what:
--   read a cycle and its stages   anyone when public; every member of an active organisation
--   create, edit, delete them     coordinators (any country) and admins of an active
--                                 organisation located in the cycle's country
--   link an item to a stage       write access to the item (private.editable_item_ids) and
--                                 read access to the stage's cycle; unlink: the same
--   read a link                   read access to both the stage and the item (RLS of items)
-- Reminders of deadlines (60, 14 and 3 days before) go through the notifications
-- (type review_deadline, private.create_review_reminders below, which
-- private.create_due_reminders of 20261203000100_notifications.sql calls).

-- Types ---------------------------------------------------------------------------

create type public.review_mechanism as enum (
  'crc_periodic',
  'crc_optional_protocol',
  'upr',
  'complaint_opic',
  'complaint_ecsr'
);
comment on type public.review_mechanism is 'Which review: the CRC periodic review, a CRC optional-protocol review, the Universal Periodic Review, a communication under the third Optional Protocol (OPIC), a collective complaint to the European Committee of Social Rights.';

create type public.review_stage_kind as enum (
  'state_report_due',
  'list_of_issues',
  'ngo_report_deadline',
  'pre_session',
  'session',
  'concluding_observations',
  'follow_up_report_due',
  'other'
);
comment on type public.review_stage_kind is 'A stage of a review: State report due, list of issues (prior to reporting), NGO alternative report deadline, pre-session, session, concluding observations, follow-up report due, other.';

create type public.review_stage_status as enum ('planned', 'done');
comment on type public.review_stage_status is 'A stage is planned, or done.';

alter type public.notification_type add value if not exists 'review_deadline';

-- Tables --------------------------------------------------------------------------

create function private.is_localised_names(names jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(names) = 'object'
    and names - private.content_locales() = '{}'::jsonb
    and not jsonb_path_exists(names, '$.* ? (@.type() != "string" || @ == "")')
    and length(names::text) <= 2000
$$;
comment on function private.is_localised_names(jsonb) is 'True for {locale: text} objects: locales of the hub only, non-empty strings, at most 2000 characters in all (for check constraints).';
grant execute on function private.is_localised_names(jsonb) to anon, authenticated, service_role;

create table public.review_cycles (
  id uuid primary key default gen_random_uuid(),
  -- ISO 3166-1 alpha-2, upper case, as organisations.country and items' countries.
  country text not null
    constraint review_cycles_country_format check (country ~ '^[A-Z]{2}$'),
  mechanism public.review_mechanism not null,
  names jsonb not null
    constraint review_cycles_names_valid check (private.is_localised_names(names) and names <> '{}'::jsonb),
  is_public boolean not null default false,
  is_demo boolean not null default false,
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.review_cycles is 'A UN review of one country (CRC periodic or optional-protocol review, UPR, complaint) whose stages the network works towards. Read by the network (and anyone when public); written by coordinators and the admins of organisations in that country.';
comment on column public.review_cycles.names is 'The cycle''s name per language ({"fr": "…", "en": "…"}), at least one.';
comment on column public.review_cycles.is_public is 'Also shown to visitors (signed out) and in the public country feed.';
comment on column public.review_cycles.is_demo is 'Its dates are demonstration dates (seed data), never to be presented as the Committee''s.';

create index review_cycles_country_idx on public.review_cycles (country);
create index review_cycles_created_by_idx on public.review_cycles (created_by);

alter table public.review_cycles enable row level security;

create table public.review_stages (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references public.review_cycles (id) on delete cascade,
  kind public.review_stage_kind not null,
  starts_on date not null,
  ends_on date,
  document_url text
    constraint review_stages_document_url_format check (document_url ~ '^https?://[^\s]+$' and length(document_url) <= 2000),
  status public.review_stage_status not null default 'planned',
  names jsonb not null default '{}'::jsonb
    constraint review_stages_names_valid check (private.is_localised_names(names)),
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint review_stages_range check (ends_on is null or ends_on >= starts_on),
  constraint review_stages_years check (starts_on between date '2000-01-01' and date '2100-12-31')
);
comment on table public.review_stages is 'A stage of a review cycle: its kind, its date (starts_on) or range (to ends_on), an optional document link, planned or done, an optional name per language (else the kind''s). Read and written as its cycle.';
comment on column public.review_stages.starts_on is 'The stage''s date (a deadline''s day), or the first day of its range.';

create index review_stages_cycle_id_starts_on_idx on public.review_stages (cycle_id, starts_on);
create index review_stages_created_by_idx on public.review_stages (created_by);
-- The reminders' scan: planned stages by date.
create index review_stages_planned_starts_on_idx on public.review_stages (starts_on) where status = 'planned';

alter table public.review_stages enable row level security;

create table public.review_stage_items (
  stage_id uuid not null references public.review_stages (id) on delete cascade,
  item_id uuid not null references public.items (id) on delete cascade,
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (stage_id, item_id)
);
comment on table public.review_stage_items is 'An item linked to a review stage: what the network prepared for it (an alternative report for the NGO deadline, a preparatory meeting for the pre-session…). Written by the item''s editors who may read the cycle; read by who reads both.';

create index review_stage_items_item_id_idx on public.review_stage_items (item_id);
create index review_stage_items_created_by_idx on public.review_stage_items (created_by);

alter table public.review_stage_items enable row level security;

-- Helpers ---------------------------------------------------------------------------

create function private.readable_cycle_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select c.id from public.review_cycles c
  where c.is_public or (select private.is_network_member())
$$;
comment on function private.readable_cycle_ids() is 'Review cycles the current user may read: the public ones, and every one for members of an active organisation.';

create function private.cycle_admin_countries()
returns setof text
language sql
stable
security definer
set search_path = ''
as $$
  select distinct o.country from public.organisations o
  where o.id in (select private.user_organisation_ids('admin'))
$$;
comment on function private.cycle_admin_countries() is 'The countries of the active organisations the current user is an admin of: where they create and edit review cycles.';

create function private.editable_cycle_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select c.id from public.review_cycles c
  where (select private.is_coordinator())
     or c.country in (select private.cycle_admin_countries())
$$;
comment on function private.editable_cycle_ids() is 'Review cycles the current user may edit (and whose stages they may write): all for coordinators, those of the countries of their active organisations they are admin of.';

create function private.readable_stage_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.id from public.review_stages s where s.cycle_id in (select private.readable_cycle_ids())
$$;
comment on function private.readable_stage_ids() is 'Stages of the review cycles the current user may read.';

grant execute on function private.readable_cycle_ids() to anon, authenticated, service_role;
grant execute on function private.cycle_admin_countries() to anon, authenticated, service_role;
grant execute on function private.editable_cycle_ids() to anon, authenticated, service_role;
grant execute on function private.readable_stage_ids() to anon, authenticated, service_role;

-- Invariants (triggers) ---------------------------------------------------------------

create function private.guard_review_row()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Who created a row, and when, are the database's; a stage stays in its cycle and a cycle
  -- in its country (a new one is created instead), so a link never changes meaning.
  if private.is_api_caller() then
    if tg_op = 'INSERT' then
      new.created_by := auth.uid();
      new.created_at := now();
    else
      new.created_by := old.created_by;
      new.created_at := old.created_at;
      -- Through jsonb: each table lacks the other's column.
      if to_jsonb(new) ->> 'cycle_id' is distinct from to_jsonb(old) ->> 'cycle_id' then
        raise exception 'a stage stays in its review cycle' using errcode = 'RC001';
      end if;
      if to_jsonb(new) ->> 'country' is distinct from to_jsonb(old) ->> 'country' then
        raise exception 'a review cycle stays in its country' using errcode = 'RC002';
      end if;
    end if;
  end if;
  if tg_op = 'UPDATE' then
    new.updated_at := now();
  end if;
  return new;
end;
$$;
comment on function private.guard_review_row() is 'Trigger (review_cycles, review_stages): created_by/created_at are the database''s for API callers; a stage never moves to another cycle (RC001), a cycle never to another country (RC002); updated_at stamped on update.';

create trigger review_cycles_guard
  before insert or update on public.review_cycles
  for each row execute function private.guard_review_row();
create trigger review_stages_guard
  before insert or update on public.review_stages
  for each row execute function private.guard_review_row();

create function private.stamp_review_link()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_caller() then
    new.created_by := auth.uid();
    new.created_at := now();
  end if;
  return new;
end;
$$;
comment on function private.stamp_review_link() is 'Trigger: who linked an item to a stage, and when, are the database''s for API callers.';

create trigger review_stage_items_stamp
  before insert on public.review_stage_items
  for each row execute function private.stamp_review_link();

-- Privileges and policies ---------------------------------------------------------------

revoke all on public.review_cycles, public.review_stages, public.review_stage_items from anon, authenticated;
grant select on public.review_cycles, public.review_stages, public.review_stage_items to anon;
grant select, insert, update, delete on public.review_cycles, public.review_stages to authenticated;
grant select, insert, delete on public.review_stage_items to authenticated;
grant all on public.review_cycles, public.review_stages, public.review_stage_items to service_role;

create policy "Visitors read public review cycles"
  on public.review_cycles for select to anon
  using (is_public);

create policy "Network members read every review cycle, others the public ones"
  on public.review_cycles for select to authenticated
  using (is_public or (select private.is_network_member()));

create policy "Coordinators and admins in the country create review cycles"
  on public.review_cycles for insert to authenticated
  with check ((select private.is_coordinator()) or country in (select private.cycle_admin_countries()));

create policy "Coordinators and admins in the country edit review cycles"
  on public.review_cycles for update to authenticated
  using ((select private.is_coordinator()) or country in (select private.cycle_admin_countries()))
  with check ((select private.is_coordinator()) or country in (select private.cycle_admin_countries()));

create policy "Coordinators and admins in the country delete review cycles"
  on public.review_cycles for delete to authenticated
  using ((select private.is_coordinator()) or country in (select private.cycle_admin_countries()));

create policy "Visitors read the stages of public review cycles"
  on public.review_stages for select to anon
  using (cycle_id in (select private.readable_cycle_ids()));

create policy "People read the stages of the review cycles they read"
  on public.review_stages for select to authenticated
  using (cycle_id in (select private.readable_cycle_ids()));

create policy "Cycle editors add stages"
  on public.review_stages for insert to authenticated
  with check (cycle_id in (select private.editable_cycle_ids()));

create policy "Cycle editors edit stages"
  on public.review_stages for update to authenticated
  using (cycle_id in (select private.editable_cycle_ids()))
  with check (cycle_id in (select private.editable_cycle_ids()));

create policy "Cycle editors delete stages"
  on public.review_stages for delete to authenticated
  using (cycle_id in (select private.editable_cycle_ids()));

-- A link is read when both its stage and its item are (the item under the items' own RLS).
create policy "Visitors read links between public stages and public items"
  on public.review_stage_items for select to anon
  using (stage_id in (select private.readable_stage_ids())
         and exists (select 1 from public.items i where i.id = item_id));

create policy "People read links between stages and items they read"
  on public.review_stage_items for select to authenticated
  using (stage_id in (select private.readable_stage_ids())
         and exists (select 1 from public.items i where i.id = item_id));

create policy "Item editors link their items to stages they read"
  on public.review_stage_items for insert to authenticated
  with check (item_id in (select private.editable_item_ids())
              and stage_id in (select private.readable_stage_ids()));

create policy "Item editors unlink their items from stages they read"
  on public.review_stage_items for delete to authenticated
  using (item_id in (select private.editable_item_ids())
         and stage_id in (select private.readable_stage_ids()));

-- Reading (security invoker: RLS decides) -------------------------------------------------

create function public.country_overview()
returns table (country text, organisations integer, joint_actions integer, events integer,
               papers integer, cycles integer)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- Every country where the network has an active organisation or that an item or a cycle
  -- names, with what the caller may see there (each table under its RLS).
  return query
  with named as (
    select o.country, 'o' as what from public.organisations o where o.status = 'active'
    union all
    select unnest(a.countries), 'a' from public.joint_actions a
    union all
    select unnest(e.countries), 'e' from public.events e
    union all
    select unnest(p.countries), 'p' from public.papers p
    union all
    select c.country, 'c' from public.review_cycles c
  )
  select n.country,
         (count(*) filter (where n.what = 'o'))::integer,
         (count(*) filter (where n.what = 'a'))::integer,
         (count(*) filter (where n.what = 'e'))::integer,
         (count(*) filter (where n.what = 'p'))::integer,
         (count(*) filter (where n.what = 'c'))::integer
  from named n
  group by n.country
  order by n.country;
end;
$$;
comment on function public.country_overview() is 'The countries index: every country with an active organisation, or named by an item or a review cycle the caller may read, with how many of each the caller may see there.';

create function public.linkable_items(country text)
returns table (item_id uuid, kind public.item_kind)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- Items the caller edits (not archived) that name the country: what they may link to its
  -- stages. Their titles come from public.item_titles.
  return query
  select c.id, 'joint_action'::public.item_kind from public.joint_actions c
  where c.countries @> array[linkable_items.country] and c.id in (select private.editable_item_ids())
  union all
  select c.id, 'event' from public.events c
  where c.countries @> array[linkable_items.country] and c.id in (select private.editable_item_ids())
  union all
  select c.id, 'paper' from public.papers c
  where c.countries @> array[linkable_items.country] and c.id in (select private.editable_item_ids());
end;
$$;
comment on function public.linkable_items(text) is 'The items the caller may link to the stages of a country''s cycles: those they edit (editor/admin of the owner or an accepted co-lead, not archived) that name the country.';

create function public.review_stage_feed(country text default null, cycle uuid default null)
returns table (stage_id uuid, cycle_id uuid, country text, mechanism public.review_mechanism,
               cycle_names jsonb, is_demo boolean, kind public.review_stage_kind, starts_on date,
               ends_on date, status public.review_stage_status, names jsonb, document_url text,
               updated_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  -- sql, not plpgsql as the page functions (docs/access-model.md): plpgsql refuses a parameter
  -- named as a result column (country).
  select s.id, c.id, c.country, c.mechanism, c.names, c.is_demo, s.kind, s.starts_on, s.ends_on,
         s.status, s.names, s.document_url, greatest(s.updated_at, c.updated_at)
  from public.review_stages s
  join public.review_cycles c on c.id = s.cycle_id
  where (review_stage_feed.country is null or c.country = review_stage_feed.country)
    and (review_stage_feed.cycle is null or c.id = review_stage_feed.cycle)
  order by s.starts_on, s.id
  limit 500
$$;
comment on function public.review_stage_feed(text, uuid) is 'The stages (with their cycle) of one country or one cycle that the caller may read, by date, at most 500: the .ics feeds of a country and of a cycle.';

create function private.personal_review_stages(token text)
returns table (stage_id uuid, cycle_id uuid, country text, mechanism public.review_mechanism,
               cycle_names jsonb, is_demo boolean, kind public.review_stage_kind, starts_on date,
               ends_on date, status public.review_stage_status, names jsonb, document_url text,
               updated_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
rows 50
as $$
declare
  person uuid := private.calendar_token_owner(token);
begin
  if person is null then
    return;
  end if;
  -- A member of an active organisation reads every cycle; the feed keeps those of the
  -- countries of their organisations, from a year back.
  return query
    select s.id, c.id, c.country, c.mechanism, c.names, c.is_demo, s.kind, s.starts_on, s.ends_on,
           s.status, s.names, s.document_url, greatest(s.updated_at, c.updated_at)
    from public.review_stages s
    join public.review_cycles c on c.id = s.cycle_id
    where c.country in (
      select o.country from public.organisations o
      join public.memberships m on m.organisation_id = o.id
      where m.user_id = person and o.status = 'active'
    )
      and s.starts_on >= current_date - 365
    order by s.starts_on, s.id
    limit 500;
end;
$$;
comment on function private.personal_review_stages(text) is 'The review stages of the countries of the active organisations of a valid (not revoked) calendar token''s owner, from a year back, at most 500 (see public.personal_review_stages).';

select private.expose('private.personal_review_stages(text)', callers => '{anon,authenticated}');
comment on function public.personal_review_stages(text) is 'The personal iCal feed''s review stages: those of the countries of the token owner''s organisations (nothing for an unknown or revoked token), for unauthenticated feed requests.';

-- Reminders -----------------------------------------------------------------------------
-- create_due_reminders (20261203000100_notifications.sql) calls this for review_deadline: for a
-- planned deadline stage (State report, NGO report, follow-up report) 60, 14 and 3 days
-- before, to the editors and admins of the active organisations of the cycle's country (never
-- for a cycle of demonstration dates). Only
-- the nearest threshold is written (a stage created 10 days ahead reminds once, at 14).

create function private.create_review_reminders(now timestamptz default pg_catalog.now())
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  due record;
  created integer := 0;
  today date := (create_review_reminders.now at time zone 'Europe/Brussels')::date;
begin
  for due in
    select s.id, s.kind, s.starts_on, c.id as cycle_id, c.country,
           case when s.starts_on - today <= 3 then 3 when s.starts_on - today <= 14 then 14 else 60 end as days
    from public.review_stages s
    join public.review_cycles c on c.id = s.cycle_id
    -- Demonstration dates (seed data) remind nobody: a reminder would present them as real.
    where s.status = 'planned'
      and not c.is_demo
      and s.kind in ('state_report_due', 'ngo_report_deadline', 'follow_up_report_due')
      and s.starts_on > today
      and s.starts_on <= today + 60
  loop
    created := created + private.notify(
      array(select m.user_id from public.memberships m
            join public.organisations o on o.id = m.organisation_id
            where o.country = due.country and o.status = 'active' and m.role >= 'editor'),
      'review_deadline',
      message_data => jsonb_build_object('cycle_id', due.cycle_id, 'stage_id', due.id, 'kind', due.kind,
                                         'country', due.country, 'date', due.starts_on, 'days', due.days),
      dedupe_key => due.id || '@' || due.starts_on || '@' || due.days);
  end loop;
  return created;
end;
$$;
comment on function private.create_review_reminders(timestamptz) is 'Writes the review_deadline reminders due at `now` (planned deadline stages 60, 14 and 3 days ahead, the nearest threshold only) to the editors and admins of the active organisations of the cycle''s country. Idempotent (reminder_key stage@date@days). Returns how many were written.';
grant execute on function private.create_review_reminders(timestamptz) to service_role;

-- Public functions' grants ---------------------------------------------------------------

revoke execute on function public.country_overview() from public;
revoke execute on function public.linkable_items(text) from public, anon;
revoke execute on function public.review_stage_feed(text, uuid) from public;
grant execute on function public.country_overview() to anon, authenticated, service_role;
grant execute on function public.linkable_items(text) to authenticated, service_role;
grant execute on function public.review_stage_feed(text, uuid) to anon, authenticated, service_role;

revoke execute on all functions in schema private from public;
