-- Events: trainings, seminars, meetings and webinars (issue 6), the second content
-- type on top of `items`, built exactly like joint actions (20261128000400):
--   events               the facts: start/end in a time zone, venue, capacity, registration
--   event_translations   title/description/accessibility notes per language, with revisions
--   event_online_links   the online link, only for confirmed registrants and organisers
--   event_registrations  who registered, written only through the functions below
--   calendar_tokens      the secret token of a person's personal iCal feed
-- Reading follows the item: events carries a copy of its item's access columns, as
-- joint_actions does ("Content read policies" in 20261128000400); writing follows the
-- item's leads (private.editable_item_ids()). Rules: docs/access-model.md ("Events").
--
-- Registrations go through four functions (public, security invoker, each calling a
-- private security definer function that checks everything itself). They lock the
-- event row, so two people taking the last place at once are serialised: one is
-- confirmed, the other waits. Errors use custom SQLSTATEs (class EV, HTTP 400 through
-- PostgREST) that the app maps to messages:
--   EV001 already registered          EV005 your registration was declined
--   EV002 registration is closed      EV006 you are not registered
--   EV003 registration deadline passed (or the event has started)
--   EV004 the event is cancelled      EV007 only pending registrations can be decided
--   42501 the event cannot be read / the caller is not an organiser
-- and the events' own guard:
--   EV008 people registered: the event neither goes back to draft nor is deleted
--         (raised by the items guards, 20261128000200 and 20261128000600)
--   EV009 the capacity cannot be lower than the confirmed registrations
--   EV010 the linked joint action is not one the person can read

-- Types ---------------------------------------------------------------------------

create type public.registration_mode as enum ('none', 'open', 'approval', 'closed');
comment on type public.registration_mode is 'How people register for an event: not at all, freely (waiting list when full), with the organisers'' approval, or no longer (closed).';

create type public.registration_status as enum ('confirmed', 'waiting', 'pending', 'declined', 'cancelled');
comment on type public.registration_status is 'A registration: has a place, is on the waiting list, awaits approval, was declined by the organisers, or was cancelled by the person.';

-- Validators ----------------------------------------------------------------------

create function private.is_time_zone(zone text)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  -- The shape of an IANA name (Area/Location, Etc/GMT+3 or UTC; every name Intl lists): no
  -- abbreviation ("CET") and no POSIX rule ("UTC+3", "Europe/Brussels+1"), which Postgres
  -- would also accept.
  if zone is null or zone !~ '^(UTC|Etc/GMT([+-][0-9]{1,2}|0)?|[A-Z][A-Za-z_-]+(/[A-Z][A-Za-z_-]+){1,2})$' then
    return false;
  end if;
  -- Postgres knows the zone when it can convert a time to it. Not pg_timezone_names: it reads
  -- every zone file for each call (20–100 ms), paid by every event written.
  perform pg_catalog.now() at time zone zone;
  return true;
exception
  when invalid_parameter_value then
    return false;
end;
$$;
comment on function private.is_time_zone(text) is 'True when zone is an IANA time zone name known to Postgres (e.g. Europe/Brussels, UTC), not an abbreviation or a POSIX rule, for the events.time_zone check. Declared immutable for the check constraint: the zone database changes only with Postgres itself.';

grant execute on function private.is_time_zone(text) to anon, authenticated, service_role;

-- Tables --------------------------------------------------------------------------

create table public.events (
  id uuid primary key references public.items (id) on delete cascade,
  original_locale public.content_locale not null,
  -- Version of the original text; bumped by trigger, never written by API callers.
  original_revision integer not null default 1
    constraint events_original_revision_positive check (original_revision >= 1),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- The zone the event's times are shown in (and written in the .ics files).
  time_zone text not null default 'Europe/Brussels'
    constraint events_time_zone_valid check (private.is_time_zone(time_zone)),
  venue_name text
    constraint events_venue_name_length check (venue_name is null or length(venue_name) <= 200),
  venue_address text
    constraint events_venue_address_length check (venue_address is null or length(venue_address) <= 500),
  -- The link itself is in event_online_links (readable by confirmed registrants only).
  is_online boolean not null default false,
  -- Null: unlimited.
  capacity integer
    constraint events_capacity_positive check (capacity is null or capacity > 0),
  registration_mode public.registration_mode not null default 'open',
  -- Null: until the start.
  registration_deadline timestamptz,
  accessibility text[] not null default '{}'
    constraint events_accessibility_valid check (
      private.array_is_set(accessibility)
      and accessibility <@ array['sign_language', 'wheelchair', 'captions', 'hearing_loop', 'easy_read',
                                 'childcare', 'quiet_room']::text[]
    ),
  areas public.work_area[] not null default '{}'
    constraint events_areas_valid check (private.array_is_set(areas)),
  crc_articles smallint[] not null default '{}'
    constraint events_crc_articles_valid check (private.is_crc_article_set(crc_articles)),
  countries text[] not null default '{}'
    constraint events_countries_valid check (private.is_country_code_set(countries)),
  joint_action_id uuid references public.joint_actions (id) on delete set null,
  -- A cancelled event stays readable; nobody can register any more.
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Then the item's access columns, copied as on joint_actions (private.set_up_content_type).
  constraint events_dates_ordered check (ends_at > starts_at),
  -- Registration always ends at the start at the latest.
  constraint events_registration_deadline_before_start check (
    registration_deadline is null or registration_deadline <= starts_at
  )
);
comment on table public.events is 'Trainings, seminars, meetings and webinars. One row per item of kind event; who reads and edits it is decided by the item.';
comment on column public.events.original_revision is 'Version of the original-language text, bumped when its title, description or accessibility notes change; a translation with a lower source_revision is outdated.';
comment on column public.events.capacity is 'Number of confirmed places; null means unlimited. Never below the number of confirmed registrations.';
comment on column public.events.registration_deadline is 'Last moment to register; null means until the event starts.';
comment on column public.events.cancelled_at is 'Set when the organisers cancel the event: it stays readable (with its registrations), nobody can register.';

-- Calendar and list filters. The lists walk starts_at (upcoming forwards, past backwards)
-- and test ends_at inside the index, so the events on the other side of now cost an index
-- entry each, not a row fetch (at 100k items: 337 buffers for the upcoming page instead
-- of 23,435 with an index on starts_at alone).
create index events_starts_at_ends_at_idx on public.events (starts_at, ends_at);
create index events_areas_idx on public.events using gin (areas);
create index events_crc_articles_idx on public.events using gin (crc_articles);
create index events_countries_idx on public.events using gin (countries);
create index events_joint_action_id_idx on public.events (joint_action_id);

alter table public.events enable row level security;

create table public.event_translations (
  event_id uuid not null references public.events (id) on delete cascade,
  locale public.content_locale not null,
  title text not null
    constraint event_translations_title_length check (length(btrim(title)) between 1 and 200),
  -- Markdown; the app renders it without raw HTML.
  description text not null default ''
    constraint event_translations_description_length check (length(description) <= 20000),
  accessibility_notes text not null default ''
    constraint event_translations_accessibility_notes_length check (length(accessibility_notes) <= 2000),
  -- The original_revision this text was made from. Always set by trigger.
  source_revision integer not null default 1,
  -- Each row is searched with its own language's configuration.
  search tsvector generated always as (
    setweight(to_tsvector(private.text_search_config(locale), title), 'A')
    || setweight(to_tsvector(private.text_search_config(locale), description), 'B')
  ) stored,
  -- What a hit with a description of more than 1,000 characters is ranked by: the title and
  -- the description's first 1,000 characters (as joint_action_translations.ranking).
  ranking tsvector generated always as (
    case when length(description) > 1000 then
      setweight(to_tsvector(private.text_search_config(locale), title), 'A')
      || setweight(to_tsvector(private.text_search_config(locale), left(description, 1000)), 'B')
    end
  ) stored
  -- Then updated_by, created_at, updated_at and the primary key (event_id, locale), which
  -- the translation triggers rely on: private.set_up_content_type.
);
comment on table public.event_translations is 'Title, Markdown description and accessibility notes of an event per language: the original (events.original_locale) and its translations, each with the original_revision it was made from.';

alter table public.event_translations alter column ranking set storage main;
alter table public.event_translations enable row level security;

create table public.event_online_links (
  event_id uuid primary key references public.events (id) on delete cascade,
  url text not null
    constraint event_online_links_url_valid check (url ~ '^https://' and length(url) <= 2000),
  updated_at timestamptz not null default now()
);
comment on table public.event_online_links is 'The online link of an event, apart so that only people with a confirmed registration and the organisers'' editors/admins can read it.';

alter table public.event_online_links enable row level security;

create table public.event_registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  status public.registration_status not null,
  -- Waiting-list order (reset when a cancelled registration registers again).
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The organiser who approved or declined; null for automatic decisions (promotion).
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  constraint event_registrations_event_user_key unique (event_id, user_id)
);
comment on table public.event_registrations is 'Who registered for which event, and where they stand. Read by the person and by the organisers; written only through register_for_event, cancel_event_registration and decide_event_registration.';

create index event_registrations_user_id_idx on public.event_registrations (user_id);
create index event_registrations_event_id_status_created_at_idx on public.event_registrations (event_id, status, created_at);
create index event_registrations_decided_by_idx on public.event_registrations (decided_by);

alter table public.event_registrations enable row level security;

create table public.calendar_tokens (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  -- sha256 hex of the secret token (the token itself is shown once, never stored).
  token_hash text not null
    constraint calendar_tokens_token_hash_key unique
    constraint calendar_tokens_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
comment on table public.calendar_tokens is 'The secret token of each person''s personal iCal feed (sha256 only). Revoking it (revoked_at) empties the feed; replacing token_hash issues a new one.';

alter table public.calendar_tokens enable row level security;

-- Access helpers ------------------------------------------------------------------

create function private.organisations_of(person uuid, out member_of uuid[], out editor_of uuid[])
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(m.organisation_id), '{}'),
         coalesce(array_agg(m.organisation_id) filter (where m.role >= 'editor'), '{}')
  from public.memberships m
  join public.organisations o on o.id = m.organisation_id
  where m.user_id = person
    and o.status = 'active'
$$;
comment on function private.organisations_of(uuid) is 'The active organisations a person belongs to (member_of) and edits for (editor_of), for the items read rule of private.readable_item_ids_for and private.feed_event_ids.';

create function private.readable_item_ids_for(person uuid, among uuid[])
returns setof uuid
language sql
stable
security definer
set search_path = ''
rows 100
as $$
  -- The items read rule (policies on public.items) for a given person instead of the
  -- caller, on the given items only (primary-key probes, never every readable item): used
  -- where no session exists and by the registration functions. 009/010/011/018 tests prove
  -- it equals RLS for every actor.
  select i.id
  from public.items i, private.organisations_of(person) o
  where i.id = any (among)
    and (private.may_read(i.status, i.visibility, i.participant_organisation_ids, i.lead_organisation_ids,
                          cardinality(o.member_of) > 0, o.member_of, o.editor_of)
         or (i.status = 'draft' and i.kind = 'paper' and i.signatory_organisation_ids && o.member_of))
$$;
comment on function private.readable_item_ids_for(uuid, uuid[]) is 'Those of the given items the given person may read (the items read rule, for a person id instead of the session; null person = anonymous). Paper drafts: leads'' editors and members of organisations asked to co-sign.';

create function private.readable_item_ids_for(person uuid)
returns setof uuid
language sql
stable
security definer
set search_path = ''
rows 100
as $$
  select private.readable_item_ids_for(person, array(select i.id from public.items i))
$$;
comment on function private.readable_item_ids_for(uuid) is 'Every item the given person may read (private.readable_item_ids_for(person, among) on all items): for checks and tests, never on a request path.';

create function private.can_read_item(person uuid, item uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.readable_item_ids_for(person, array[item]))
$$;
comment on function private.can_read_item(uuid, uuid) is 'True when the given person may read the item (private.readable_item_ids_for on that item only).';

create function private.event_confirmed_count(event uuid)
returns integer
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select count(*)::integer from public.event_registrations r where r.event_id = event and r.status = 'confirmed');
end;
$$;
comment on function private.event_confirmed_count(uuid) is 'Number of confirmed registrations of an event (for the capacity invariant).';

create function private.confirmed_event_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 20
as $$
begin
  return query
    select r.event_id from public.event_registrations r
    where r.user_id = (select auth.uid()) and r.status = 'confirmed';
end;
$$;
comment on function private.confirmed_event_ids() is 'Events the current user has a confirmed place at (who reads the online link).';

-- Only called from the security definer functions below (as their owner).
grant execute on function private.organisations_of(uuid) to service_role;
grant execute on function private.readable_item_ids_for(uuid, uuid[]) to service_role;
grant execute on function private.readable_item_ids_for(uuid) to service_role;
grant execute on function private.can_read_item(uuid, uuid) to service_role;
grant execute on function private.event_confirmed_count(uuid) to authenticated, service_role;
grant execute on function private.confirmed_event_ids() to authenticated, service_role;

-- Invariants (triggers) -----------------------------------------------------------

create function private.guard_event_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  confirmed integer;
begin
  -- A clear message before the check constraint's generic one.
  if (tg_op = 'INSERT' or new.time_zone is distinct from old.time_zone) and not private.is_time_zone(new.time_zone) then
    raise exception 'unknown time zone "%": use an IANA name such as Europe/Brussels', new.time_zone
      using errcode = '23514', constraint = 'events_time_zone_valid';
  end if;
  -- The linked joint action must be one the caller can read (as the caller: RLS).
  if private.is_api_caller() and new.joint_action_id is not null
     and (tg_op = 'INSERT' or new.joint_action_id is distinct from old.joint_action_id)
     and not exists (select 1 from public.joint_actions ja where ja.id = new.joint_action_id) then
    raise exception 'an event can only be linked to a joint action you can read' using errcode = 'EV010';
  end if;

  if tg_op = 'INSERT' then
    if private.is_api_caller() and new.cancelled_at is not null then
      raise exception 'an event cannot be created cancelled' using errcode = '23514';
    end if;
    return new;
  end if;

  -- UPDATE. Cancelling is stamped by the database.
  if private.is_api_caller() then
    if new.cancelled_at is not null and old.cancelled_at is null then
      new.cancelled_at := now();
    elsif new.cancelled_at is not null then
      new.cancelled_at := old.cancelled_at;
    end if;
  end if;
  if new.capacity is not null and new.capacity is distinct from old.capacity then
    -- The registration functions lock this row too, so the count cannot move meanwhile.
    confirmed := private.event_confirmed_count(new.id);
    if new.capacity < confirmed then
      raise exception 'the capacity cannot be lower than the % confirmed registrations', confirmed
        using errcode = 'EV009', constraint = 'events_capacity_above_confirmed';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.guard_event_change() is 'Trigger: a known time zone; a readable joint action (EV010); cancelled_at stamped; capacity not below the confirmed registrations (EV009). The rest is the content guard (events_guard_content).';

create trigger events_guard_change
  before insert or update on public.events
  for each row execute function private.guard_event_change();

-- The shared content guard (20261128000400_joint_actions.sql); it runs after the trigger
-- above (triggers of one event fire in name order).
create trigger events_guard_content
  before insert or update on public.events
  for each row execute function private.guard_content_change('event', 'event_translations', 'event_id', 'an event', 'event');

-- The item's access columns, translation revisions, privileges and policies of a content
-- type (20261128000400_joint_actions.sql).
select private.set_up_content_type('events', 'event_translations', 'event_id', 'an event', 'event',
                                   'events', 'events');

create function private.promote_waiting_registrations(event uuid)
returns setof uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  ev record;
  free integer;
begin
  -- Caller holds the lock on the event row. Nobody is promoted into a cancelled or
  -- started event.
  select e.capacity, e.cancelled_at, e.starts_at into ev from public.events e where e.id = event;
  if not found or ev.cancelled_at is not null or ev.starts_at <= now() then
    return;
  end if;
  free := case when ev.capacity is null then null
               else ev.capacity - private.event_confirmed_count(event) end;
  if free is not null and free <= 0 then
    return;
  end if;
  return query
    update public.event_registrations r
    set status = 'confirmed', decided_by = null, decided_at = now(), updated_at = now()
    where r.id in (
      select w.id from public.event_registrations w
      where w.event_id = event and w.status = 'waiting'
      order by w.created_at, w.id
      limit free  -- null: everyone
    )
    returning r.user_id;
end;
$$;
comment on function private.promote_waiting_registrations(uuid) is 'Confirms the oldest waiting registrations of an event while places are left (the caller holds the event row lock); returns the promoted people.';

create function private.promote_after_capacity_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.promote_waiting_registrations(new.id);
  return null;
end;
$$;
comment on function private.promote_after_capacity_change() is 'Trigger: when an event gets more places (or unlimited ones), the waiting list moves up (decided_at = now, decided_by null).';

create trigger events_promote_after_capacity_change
  after update of capacity on public.events
  for each row
  when (new.capacity is null and old.capacity is not null or new.capacity > old.capacity)
  execute function private.promote_after_capacity_change();

create trigger event_online_links_set_updated_at
  before update on public.event_online_links
  for each row execute function private.set_updated_at();

create function private.guard_calendar_token_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_caller() then
    return new;
  end if;
  if tg_op = 'UPDATE' and new.user_id is distinct from old.user_id then
    raise exception 'a calendar token belongs to its person' using errcode = '42501';
  end if;
  if tg_op = 'INSERT' or new.token_hash is distinct from old.token_hash then
    -- A new token: fresh and valid.
    new.created_at := now();
    new.revoked_at := null;
  elsif new.revoked_at is not null then
    -- Revoking is stamped by the database and final for this token.
    new.revoked_at := coalesce(old.revoked_at, now());
  elsif old.revoked_at is not null then
    raise exception 'a revoked calendar token cannot be restored; issue a new one' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function private.guard_calendar_token_change() is 'Trigger: a new token_hash starts valid; revoking is stamped and final for that token; the owner is fixed.';

create trigger calendar_tokens_guard_change
  before insert or update on public.calendar_tokens
  for each row execute function private.guard_calendar_token_change();

-- Registration functions ----------------------------------------------------------
-- The private functions run as their owner (no RLS): each checks the caller itself.

create function private.register_for_event(event uuid)
returns public.registration_status
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  person uuid := (select auth.uid());
  ev record;
  existing_id uuid;
  existing_status public.registration_status;
  new_status public.registration_status;
begin
  if person is null or not private.can_read_item(person, event) then
    raise exception 'you cannot register for this event' using errcode = '42501';
  end if;
  -- One registration at a time per event: the row lock serialises the last place.
  select e.id, e.registration_mode, e.registration_deadline, e.starts_at, e.capacity, e.cancelled_at, i.status as item_status
  into ev
  from public.events e
  join public.items i on i.id = e.id
  where e.id = event
  for update of e;
  if not found then
    raise exception 'you cannot register for this event' using errcode = '42501';
  end if;
  if ev.cancelled_at is not null then
    raise exception 'this event is cancelled' using errcode = 'EV004';
  end if;
  if ev.registration_mode in ('none', 'closed') or ev.item_status <> 'published' then
    raise exception 'registration for this event is closed' using errcode = 'EV002';
  end if;
  if now() >= ev.starts_at or (ev.registration_deadline is not null and now() > ev.registration_deadline) then
    raise exception 'the registration deadline has passed' using errcode = 'EV003';
  end if;

  select r.id, r.status into existing_id, existing_status
  from public.event_registrations r
  where r.event_id = event and r.user_id = person;
  if existing_status = 'declined' then
    raise exception 'your registration was declined by the organisers' using errcode = 'EV005';
  elsif existing_status <> 'cancelled' then
    raise exception 'you are already registered for this event' using errcode = 'EV001';
  end if;

  if ev.registration_mode = 'approval' then
    new_status := 'pending';
  elsif ev.capacity is null or private.event_confirmed_count(event) < ev.capacity then
    new_status := 'confirmed';
  else
    new_status := 'waiting';
  end if;

  if existing_id is not null then
    -- Registering again after cancelling: back of the waiting list.
    update public.event_registrations r
    set status = new_status, created_at = clock_timestamp(), updated_at = now(), decided_by = null, decided_at = null
    where r.id = existing_id;
  else
    -- clock_timestamp: the waiting-list order holds even within one transaction.
    insert into public.event_registrations (event_id, user_id, status, created_at)
    values (event, person, new_status, clock_timestamp());
  end if;
  return new_status;
end;
$$;
comment on function private.register_for_event(uuid) is 'Registers the current user (see public.register_for_event); checks read access, cancellation, mode, deadline and duplicates under the event row lock.';

create function private.cancel_event_registration(event uuid)
returns table (promoted_user_id uuid)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  person uuid := (select auth.uid());
  previous public.registration_status;
begin
  -- Same lock as registering, so the freed place goes to exactly one waiting person.
  perform 1 from public.events e where e.id = event for update;
  select r.status into previous
  from public.event_registrations r
  where r.event_id = event and r.user_id = person;
  if person is null or not found or previous not in ('confirmed', 'waiting', 'pending') then
    raise exception 'you are not registered for this event' using errcode = 'EV006';
  end if;
  update public.event_registrations r
  set status = 'cancelled', updated_at = now()
  where r.event_id = event and r.user_id = person;
  if previous = 'confirmed' then
    return query select p from private.promote_waiting_registrations(event) p;
  end if;
end;
$$;
comment on function private.cancel_event_registration(uuid) is 'Cancels the current user''s registration (see public.cancel_event_registration) and promotes the oldest waiting registration when a place freed.';

create function private.decide_event_registration(registration uuid, approve boolean)
returns public.registration_status
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  event uuid;
  capacity integer;
  cancelled timestamptz;
  current_status public.registration_status;
  new_status public.registration_status;
begin
  select r.event_id into event from public.event_registrations r where r.id = registration;
  -- The organisers: editors/admins of the owner and accepted co-leads (any status).
  if not found or event not in (select private.managed_item_ids()) then
    raise exception 'only the organisers can decide on a registration' using errcode = '42501';
  end if;
  select e.capacity, e.cancelled_at into capacity, cancelled from public.events e where e.id = event for update;
  if (select i.status from public.items i where i.id = event) = 'archived' then
    raise exception 'an archived item is read-only; restore it first' using errcode = '42501';
  end if;
  if cancelled is not null then
    raise exception 'this event is cancelled' using errcode = 'EV004';
  end if;
  select r.status into current_status from public.event_registrations r where r.id = registration;
  if current_status <> 'pending' then
    raise exception 'only pending registrations can be approved or declined (this one is %)', current_status
      using errcode = 'EV007';
  end if;
  if not coalesce(approve, false) then
    new_status := 'declined';
  elsif capacity is null or private.event_confirmed_count(event) < capacity then
    new_status := 'confirmed';
  else
    new_status := 'waiting';
  end if;
  update public.event_registrations r
  set status = new_status, decided_by = (select auth.uid()), decided_at = now(), updated_at = now()
  where r.id = registration;
  return new_status;
end;
$$;
comment on function private.decide_event_registration(uuid, boolean) is 'An organiser approves (confirmed if a place is left, else waiting) or declines a pending registration (see public.decide_event_registration); not on an archived event (read-only).';

create function private.event_registration_counts(event uuid)
returns table (confirmed integer, waiting integer, pending integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not private.can_read_item((select auth.uid()), event) then
    return;
  end if;
  return query
    select (count(*) filter (where r.status = 'confirmed'))::integer,
           (count(*) filter (where r.status = 'waiting'))::integer,
           (count(*) filter (where r.status = 'pending'))::integer
    from public.event_registrations r
    where r.event_id = event;
end;
$$;
comment on function private.event_registration_counts(uuid) is 'Numbers of confirmed, waiting and pending registrations of an event the current user may read (see public.event_registration_counts).';

-- The window and cap of every calendar feed (README "Calendar feeds"): the events starting
-- in the coming year, at most 400, soonest first, and those that started in the last 30
-- days, at most 100, latest first. Calendar apps replace a subscribed feed with each
-- download, so a bounded feed keeps every poll small whatever the network's history.
-- The items read rule (private.may_read) as it applies to events (never a
-- paper draft), tested on each event of the window as it is scanned in time order, so the
-- scan stops at the cap (010 proves a personal feed equals RLS in the window).
create function private.feed_event_ids(member_of uuid[], editor_of uuid[], organisation uuid)
returns setof uuid
language sql
stable
security definer
set search_path = ''
rows 500
as $$
  -- Not materialized: each arm below gets its own copy, planned with its window and order,
  -- so each scan stops at its cap.
  -- The event's own copy of its item's access columns (private.copy_item_access): no join to
  -- items, so the window is read from the starts_at index alone (at 100k items the join
  -- made the planner hash every readable item: 84 ms instead of 17 for the public feed).
  with readable as not materialized (
    select e.id, e.starts_at
    from public.events e
    where private.may_read(e.status, e.visibility, e.participant_organisation_ids, e.lead_organisation_ids,
                           cardinality(member_of) > 0, member_of, editor_of)
      and (organisation is null
           or organisation = any (e.lead_organisation_ids)
           or organisation = any (e.participant_organisation_ids))
  )
  (select r.id
   from readable r
   where r.starts_at >= now() and r.starts_at < now() + interval '1 year'
   order by r.starts_at, r.id
   limit 400)
  union all
  (select r.id
   from readable r
   where r.starts_at >= now() - interval '30 days' and r.starts_at < now()
   order by r.starts_at desc, r.id desc
   limit 100)
$$;
comment on function private.feed_event_ids(uuid[], uuid[], uuid) is 'The events of a calendar feed: readable by a person with these organisations (the items read rule; none: the public ones), of one organisation (lead or participant) or all; starting in the coming year (the 400 soonest) or in the last 30 days (the 100 latest).';

create function private.calendar_token_owner(token text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select t.user_id
  from public.calendar_tokens t
  where t.token_hash = encode(extensions.digest(coalesce(token, ''), 'sha256'), 'hex')
    and t.revoked_at is null
$$;
comment on function private.calendar_token_owner(text) is 'The person whose valid (not revoked) personal calendar token this is, or null: the personal feeds of events and review stages.';

create function private.personal_calendar(token text)
returns table (
  event_id uuid,
  starts_at timestamptz,
  ends_at timestamptz,
  time_zone text,
  venue_name text,
  venue_address text,
  is_online boolean,
  cancelled_at timestamptz,
  updated_at timestamptz,
  original_locale text,
  titles jsonb,
  descriptions jsonb,
  registration_status public.registration_status
)
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
  -- The feed's window and cap (private.feed_event_ids): readability is checked on those
  -- events only, never on every item the person may read.
  return query
    select e.id, e.starts_at, e.ends_at, e.time_zone, e.venue_name, e.venue_address, e.is_online,
           e.cancelled_at, greatest(e.updated_at, i.updated_at), e.original_locale::text,
           (select jsonb_object_agg(t.locale, t.title) from public.event_translations t where t.event_id = e.id),
           (select jsonb_object_agg(t.locale, t.description) from public.event_translations t where t.event_id = e.id),
           (select r.status from public.event_registrations r where r.event_id = e.id and r.user_id = person)
    from public.events e
    join public.items i on i.id = e.id
    where e.id in (
      select f.id
      from private.organisations_of(person) o,
           private.feed_event_ids(o.member_of, o.editor_of, null) as f (id)
    )
    order by e.starts_at, e.id;
end;
$$;
comment on function private.personal_calendar(text) is 'Events the owner of a valid (not revoked) calendar token may read (in the feed window, private.feed_event_ids), with their texts per language and the owner''s registration status (see public.personal_calendar).';

grant execute on function private.register_for_event(uuid) to authenticated, service_role;
grant execute on function private.event_registration_counts(uuid) to anon, authenticated, service_role;
grant execute on function private.feed_event_ids(uuid[], uuid[], uuid) to anon, authenticated, service_role;

-- Public API (security invoker: the lints forbid security-definer functions here) ---
-- Most of the API is a private security definer function that checks the caller itself,
-- called through a public security invoker function of the same name, arguments and
-- result: private.expose writes those wrappers (here and in the later migrations), so a
-- signature is written once, with the function that does the work, and so are who may call
-- it: the roles it names, on the function and on its wrapper alike.

create function private.expose(
  target regprocedure,
  callers text[],
  public_names text[] default null
)
returns void
language plpgsql
set search_path = ''
as $$
declare
  f pg_catalog.pg_proc;
  arguments text[] := '{}';
  call_args text[] := '{}';
  wrapper text;
  fn text;
begin
  if not callers <@ array['anon', 'authenticated'] then
    raise exception 'private.expose: callers are anon and/or authenticated, not %', callers;
  end if;
  select * into f from pg_catalog.pg_proc p where p.oid = target;
  -- The arguments as the private function declares them (types schema-qualified: the
  -- search_path is empty), under their public names where those differ.
  for i in 1 .. f.pronargs loop
    arguments := arguments || format('%I %s%s', coalesce(public_names[i], f.proargnames[i]),
                                     pg_catalog.format_type(f.proargtypes[i - 1], null),
                                     ' default ' || pg_catalog.pg_get_function_arg_default(target, i));
    call_args := call_args || ('$' || i);
  end loop;
  execute format(
    'create function public.%I(%s) returns %s language sql %s security invoker set search_path = '''' %s as %L',
    f.proname, array_to_string(arguments, ', '), pg_catalog.pg_get_function_result(target),
    case f.provolatile when 'i' then 'immutable' when 's' then 'stable' else 'volatile' end,
    case when f.proretset then 'rows ' || f.prorows else '' end,
    -- target::regproc: the function's name, schema-qualified (the search_path is empty).
    format(case when f.proretset then 'select * from %s(%s)' else 'select %s(%s)' end,
           target::regproc, array_to_string(call_args, ', ')));
  wrapper := format('public.%I(%s)', f.proname, pg_catalog.oidvectortypes(f.proargtypes));
  execute format('comment on function %s is %L', wrapper, format('See %s.', target::regproc));
  -- The callers named, and the app's server (service_role); no one else, on both functions.
  foreach fn in array array[target::text, wrapper] loop
    execute format('revoke all on function %s from public, anon, authenticated', fn);
    execute format('grant execute on function %s to %s', fn,
                   array_to_string(callers || 'service_role'::text, ', '));
  end loop;
end;
$$;
comment on function private.expose(regprocedure, text[], text[]) is 'Migrations only: creates public.<name>, a security invoker SQL function with the private function''s arguments (renamed by public_names where given), defaults, result, volatility and rows, that calls it, with the comment "See private.<name>." (a later comment replaces it). Both functions may be executed by the callers given (anon, authenticated) and service_role, by no one else.';

create function public.register_for_event(event_id uuid)
returns public.registration_status
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  -- Read access is checked as the caller first (items' RLS), then again inside.
  if not exists (select 1 from public.events e where e.id = register_for_event.event_id) then
    raise exception 'you cannot register for this event' using errcode = '42501';
  end if;
  return private.register_for_event(register_for_event.event_id);
end;
$$;
comment on function public.register_for_event(uuid) is 'Registers the caller for an event they can read: confirmed (a place is left), waiting (full) or pending (approval mode). Errors: 42501 not readable, EV001 already registered, EV002 closed, EV003 deadline passed, EV004 cancelled, EV005 declined before.';

select private.expose('private.cancel_event_registration(uuid)', callers => '{authenticated}', public_names => array['event_id']);
comment on function public.cancel_event_registration(uuid) is 'Cancels the caller''s registration; returns the person promoted from the waiting list, if a place freed (for the app to email them). Error: EV006 not registered.';

select private.expose('private.decide_event_registration(uuid, boolean)', callers => '{authenticated}', public_names => array['registration_id', 'approve']);
comment on function public.decide_event_registration(uuid, boolean) is 'The organisers'' editors/admins approve (confirmed if a place is left, else waiting) or decline a pending registration. Errors: 42501 not an organiser, EV004 event cancelled, EV007 not pending.';

create function public.event_registration_counts(event_id uuid)
returns table (confirmed integer, waiting integer, pending integer)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return query
  select c.confirmed, c.waiting, c.pending
  from private.event_registration_counts(event_id) c
  where exists (select 1 from public.events e where e.id = event_registration_counts.event_id);
end;
$$;
comment on function public.event_registration_counts(uuid) is 'Numbers of confirmed, waiting and pending registrations of an event the caller may read (no row otherwise); never who.';

select private.expose('private.personal_calendar(text)', callers => '{anon,authenticated}');
comment on function public.personal_calendar(text) is 'The personal iCal feed: the events the owner of this secret token may read, in the window and cap of private.feed_event_ids (nothing for an unknown or revoked token), for unauthenticated feed requests.';

create function public.event_feed(organisation_id uuid default null)
returns table (
  event_id uuid,
  starts_at timestamptz,
  ends_at timestamptz,
  time_zone text,
  venue_name text,
  venue_address text,
  is_online boolean,
  cancelled_at timestamptz,
  updated_at timestamptz,
  original_locale text,
  titles jsonb,
  descriptions jsonb
)
language plpgsql
stable
security invoker
set search_path = ''
rows 500
as $$
begin
  return query
  select e.id, e.starts_at, e.ends_at, e.time_zone, e.venue_name, e.venue_address, e.is_online,
         e.cancelled_at, greatest(e.updated_at, i.updated_at), e.original_locale::text,
         (select jsonb_object_agg(t.locale, t.title) from public.event_translations t where t.event_id = e.id),
         (select jsonb_object_agg(t.locale, t.description) from public.event_translations t where t.event_id = e.id)
  from public.events e
  join public.items i on i.id = e.id
  where e.id in (select private.feed_event_ids('{}', '{}', event_feed.organisation_id))
  order by e.starts_at, e.id;
end;
$$;
comment on function public.event_feed(uuid) is 'A public iCal feed: the published public events of the network or of one organisation (lead or participant), in the window and cap of private.feed_event_ids, with their texts per language.';

create function public.events_by_day(
  range_start timestamptz,
  range_end timestamptz,
  per_day integer default 3,
  open_day date default null,
  area public.work_area default null,
  country text default null
)
returns table (day date, total integer, events jsonb)
-- plpgsql, not sql: a sql function with settings is planned again on every call, a plpgsql
-- one keeps its plan for the connection (PostgREST's pool). At 100k items the month's RPC
-- served 384-403 requests a second through PostgREST as sql, 461-536 as plpgsql (autocannon,
-- 10 connections, docs/benchmarks.md). Every column below is qualified: day, total and events
-- are also the names of the output columns.
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return query
  with starting as (
    select e.id, e.original_locale, e.starts_at, e.cancelled_at,
           (e.starts_at at time zone e.time_zone)::date as day
    from public.events e
    where e.starts_at >= events_by_day.range_start
      and e.starts_at < events_by_day.range_end
      and (events_by_day.area is null or e.areas @> array[events_by_day.area])
      and (events_by_day.country is null or e.countries @> array[events_by_day.country])
  ),
  numbered as (
    select s.*,
           row_number() over (partition by s.day order by s.starts_at, s.id) as n,
           count(*) over (partition by s.day) as total
    from starting s
  )
  select r.day, r.total::integer,
         jsonb_agg(jsonb_build_object(
           'id', r.id,
           'original_locale', r.original_locale,
           'cancelled_at', r.cancelled_at,
           'translations', coalesce((select jsonb_agg(jsonb_build_object('locale', t.locale, 'title', t.title))
                                     from public.event_translations t where t.event_id = r.id), '[]')
         ) order by r.starts_at, r.id)
  from numbered r
  where r.n <= case when r.day = events_by_day.open_day then 100 else events_by_day.per_day end
  group by r.day, r.total
  order by r.day;
end;
$$;
comment on function public.events_by_day(timestamptz, timestamptz, integer, date, public.work_area, text) is 'The month view: per local day (in each event''s time zone) of the events the caller may read starting in [range_start, range_end), how many there are and the first per_day of them (100 on open_day), soonest first: id, original_locale, cancelled_at and titles per language (what a day of the grid shows).';

revoke execute on function public.register_for_event(uuid) from public;
revoke execute on function public.event_registration_counts(uuid) from public;
revoke execute on function public.event_feed(uuid) from public;
revoke execute on function public.events_by_day(timestamptz, timestamptz, integer, date, public.work_area, text) from public;
grant execute on function public.register_for_event(uuid) to authenticated, service_role;
grant execute on function public.event_registration_counts(uuid) to anon, authenticated, service_role;
grant execute on function public.event_feed(uuid) to anon, authenticated, service_role;
grant execute on function public.events_by_day(timestamptz, timestamptz, integer, date, public.work_area, text) to anon, authenticated, service_role;

-- Privileges ----------------------------------------------------------------------
-- events are deleted with their item (cascade); registrations only change through the
-- functions above; anonymous visitors get no privilege on links, registrations, tokens.

revoke all on public.event_online_links, public.event_registrations, public.calendar_tokens
  from anon, authenticated;
grant select, insert, update on public.calendar_tokens to authenticated;
grant select, insert, update, delete on public.event_online_links to authenticated;
grant select on public.event_registrations to authenticated;

-- Policies ------------------------------------------------------------------------

-- events and event_translations: private.set_up_content_type, above.

-- event_online_links: confirmed registrants who (still) may read the event, and the
-- organisers' editors/admins. Never anonymous visitors (no privilege).
create policy "Confirmed registrants and organisers read the online link"
  on public.event_online_links for select to authenticated
  using (
    -- One probe of the event's item (under its own RLS) per row: the organisers' editors by
    -- the item's lead organisations, confirmed registrants while they may read the event. The
    -- reader's organisations and own confirmed places are computed once per statement; the
    -- set of every item their organisations lead (which grows with the network) never is.
    exists (
      select 1
      from public.items i
      where i.id = event_online_links.event_id
        and (i.lead_organisation_ids && (select private.user_organisation_id_array('editor'))
             or i.id in (select private.confirmed_event_ids()))
      offset 0
    )
  );

create policy "Lead editors add the online link of their events"
  on public.event_online_links for insert to authenticated
  with check (event_id in (select private.editable_item_ids()));

create policy "Lead editors change the online link of their events"
  on public.event_online_links for update to authenticated
  using (event_id in (select private.editable_item_ids()))
  with check (event_id in (select private.editable_item_ids()));

create policy "Lead editors remove the online link of their events"
  on public.event_online_links for delete to authenticated
  using (event_id in (select private.editable_item_ids()));

-- event_registrations: read only (writes go through the functions).
create policy "People read their own registrations, organisers all of theirs"
  on public.event_registrations for select to authenticated
  using (
    user_id = (select auth.uid())
    -- The organisers' editors: one probe of the event's item per row (as the online link's).
    or exists (
      select 1
      from public.items i
      where i.id = event_registrations.event_id
        and i.lead_organisation_ids && (select private.user_organisation_id_array('editor'))
      offset 0
    )
  );

-- calendar_tokens: each person their own.
create policy "People read their own calendar token"
  on public.calendar_tokens for select to authenticated
  using (user_id = (select auth.uid()));

create policy "People create their own calendar token"
  on public.calendar_tokens for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy "People renew or revoke their own calendar token"
  on public.calendar_tokens for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- Trigger functions need no grant; the helpers are granted above.
revoke execute on all functions in schema private from public;
