-- Notification emails (issue 15, "Email per type according to each person's preference"):
-- every in-app notification (20261203000100_notifications.sql) may also be emailed, at once,
-- in a daily or weekly digest, or never, as its recipient chose for its type. Everything goes
-- through the ONE outbox (notification_outbox): an outbox row is either one notification
-- (sent at once) or one digest (a person, daily/weekly, a period). Rules: docs/access-model.md ("Notification emails");
-- proof: supabase/tests/database/046-notification-emails.test.sql, tests/api/notification-emails.test.ts.
--
--   profiles.time_zone                 the person's zone: digests and reminders go out at a
--                                      fixed local hour (08:00) in it
--   notification_email_preferences     a person's choice per type (rows only for choices
--                                      that differ from private.default_email_frequency)
--   my_email_preferences()             every type with the caller's effective choice
--   notification_outbox                emails waiting for the server's dispatcher (service_role):
--                                      notification_id (at once) or digest + period_end
--   notifications.digest, .digest_outbox_id
--                                      waiting for which digest; which digest took it
--   queue_due_digests(now)             the dispatcher's first step: one outbox row per person
--                                      and period that has something, holding its items
--   claim_notifications(n)             the dispatcher's batch (for update skip locked, leased),
--                                      each email with its items and a fresh unsubscribe token
--   email_unsubscribe_tokens           one-click unsubscribe (RFC 8058): sha256 only, per
--                                      person and stream (a type, or a digest), works once
--   unsubscribe_token_state(token), unsubscribe(token)
--                                      for the unsubscribe page, without signing in
--
-- Exactly once: the outbox row of a notification is unique (notification_id), a digest is
-- unique per person, frequency and period (recipient_id, digest, period_end), its items are
-- fixed in the transaction that queues it, and rows are claimed with `for update skip locked`
-- plus a lease (next_attempt_at), so two dispatchers never take the same row and a dispatcher
-- that dies mid-run leaves its rows to be taken again when the lease ends.

-- Types ---------------------------------------------------------------------------------------

create type public.email_frequency as enum ('immediately', 'daily', 'weekly', 'never');
comment on type public.email_frequency is 'When a notification type is emailed to a person: at once, in the daily digest, in the weekly digest, or never.';

-- The person's time zone ------------------------------------------------------------------------

alter table public.profiles
  add column time_zone text not null default 'Europe/Brussels'
    constraint profiles_time_zone_valid check (private.is_time_zone(time_zone));
comment on column public.profiles.time_zone is 'The person''s IANA time zone: digests and reminders are emailed at a fixed local hour in it.';

-- Preferences ------------------------------------------------------------------------------------

create function private.default_email_frequency(notification_type public.notification_type)
returns public.email_frequency
language sql
immutable
set search_path = ''
as $$
  -- Requests that need an answer, and what cannot wait (a registration decided, an event
  -- changed, cancelled or tomorrow), at once; news about one's own items in the daily digest.
  select case notification_type
    when 'item_invitation_answered' then 'daily'
    when 'signature_answered' then 'daily'
    when 'member_joined' then 'daily'
    when 'translation_outdated' then 'daily'
    else 'immediately'
  end::public.email_frequency
$$;
comment on function private.default_email_frequency(public.notification_type) is 'The email frequency of a type for a person who has not chosen: at once for requests that need an answer and for registrations and event changes, the daily digest for the rest.';

create table public.notification_email_preferences (
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  type public.notification_type not null,
  frequency public.email_frequency not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, type)
);
comment on table public.notification_email_preferences is 'A person''s email choice per notification type (a missing row: private.default_email_frequency). Each person reads and writes their own rows only; an unsubscribe link writes `never`.';

alter table public.notification_email_preferences enable row level security;

revoke all on public.notification_email_preferences from anon, authenticated;
grant select, insert, delete on public.notification_email_preferences to authenticated;
-- An upsert (insert … on conflict do update) sets every column it inserts; RLS keeps the row theirs.
grant update (user_id, type, frequency) on public.notification_email_preferences to authenticated;
grant select, insert, update, delete on public.notification_email_preferences to service_role;

create policy "People read their own email preferences"
  on public.notification_email_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy "People add their own email preferences"
  on public.notification_email_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "People change their own email preferences"
  on public.notification_email_preferences for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy "People remove their own email preferences"
  on public.notification_email_preferences for delete to authenticated
  using (user_id = (select auth.uid()));

create trigger notification_email_preferences_set_updated_at
  before update on public.notification_email_preferences
  for each row execute function private.set_updated_at();

create function private.email_frequency_for(person uuid, notification_type public.notification_type)
returns public.email_frequency
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select p.frequency from public.notification_email_preferences p
     where p.user_id = person and p.type = notification_type),
    private.default_email_frequency(notification_type))
$$;
comment on function private.email_frequency_for(uuid, public.notification_type) is 'A person''s effective email frequency for a type: their choice, else the default.';

create function public.my_email_preferences()
returns table (type public.notification_type, frequency public.email_frequency, is_default boolean)
language sql
stable
security invoker
set search_path = ''
as $$
  select t.type,
         coalesce(p.frequency, private.default_email_frequency(t.type)),
         p.frequency is null
  from unnest(enum_range(null::public.notification_type)) as t (type)
  left join public.notification_email_preferences p
    on p.type = t.type and p.user_id = (select auth.uid())
  where (select auth.uid()) is not null
  order by t.type
$$;
comment on function public.my_email_preferences() is 'Every notification type with the caller''s email frequency (their choice or the default, is_default); nothing for a visitor.';

-- The outbox ----------------------------------------------------------------------------------

create table public.notification_outbox (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0
    constraint notification_outbox_attempts_positive check (attempts >= 0),
  -- The dispatcher claims a row by pushing this forward (a lease), and on failure
  -- leaves it there (backoff), so two dispatchers never send the same row together.
  next_attempt_at timestamptz not null default now(),
  last_error text
    constraint notification_outbox_last_error_length check (last_error is null or length(last_error) <= 2000),
  notification_id uuid references public.notifications (id) on delete cascade,
  digest public.email_frequency,
  period_end timestamptz,
  constraint notification_outbox_one_subject check (
    (notification_id is not null and digest is null and period_end is null)
    or (notification_id is null and digest in ('daily', 'weekly') and period_end is not null))
);
comment on column public.notification_outbox.next_attempt_at is 'Not before: the lease of the dispatcher that claimed the row, or the backoff after a failed attempt.';
comment on column public.notification_outbox.notification_id is 'An email sent at once: the notification it says.';
comment on column public.notification_outbox.digest is 'A digest: daily or weekly (its items: the notifications whose digest_outbox_id is this row).';
comment on column public.notification_outbox.period_end is 'A digest: the end of its period (the person''s local 08:00), unique per person and frequency, so a period has one digest.';
comment on table public.notification_outbox is 'Emails waiting to be sent by the app''s server (service_role only; RLS on with no policy for anon/authenticated): one notification at once, or one digest per person and period. Rows are written in the transaction that caused them (a trigger on notifications, queue_due_digests), so a rolled-back change sends nothing and a failed send never undoes the change.';

-- Also the foreign key's index (null for digests: nulls are distinct).
create unique index notification_outbox_notification_id_key on public.notification_outbox (notification_id);
create unique index notification_outbox_digest_period_key on public.notification_outbox (recipient_id, digest, period_end)
  where digest is not null;
create index notification_outbox_recipient_id_idx on public.notification_outbox (recipient_id);
create index notification_outbox_unsent_idx on public.notification_outbox (next_attempt_at) where sent_at is null;

alter table public.notification_outbox enable row level security;

revoke all on public.notification_outbox from anon, authenticated;
grant select, update, delete on public.notification_outbox to service_role;

alter table public.notifications
  add column digest public.email_frequency
    constraint notifications_digest_kind check (digest is null or digest in ('daily', 'weekly')),
  add column digest_outbox_id uuid references public.notification_outbox (id) on delete set null;
comment on column public.notifications.digest is 'The digest this notification waits for (daily, weekly; null: emailed at once or never).';
comment on column public.notifications.digest_outbox_id is 'The digest (outbox row) that took it; set once, in the transaction that queued the digest.';

create index notifications_digest_outbox_id_idx on public.notifications (digest_outbox_id);
create index notifications_digest_pending_idx on public.notifications (recipient_id, digest, created_at)
  where digest is not null and digest_outbox_id is null;

-- Local hours --------------------------------------------------------------------------------------

create function private.digest_period_end(frequency public.email_frequency, at timestamptz, zone text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  local_now timestamp := at at time zone zone;
  due timestamp;
begin
  -- The latest local 08:00 not after `at` (weekly: on a Monday), as an instant.
  if frequency = 'weekly' then
    due := date_trunc('week', local_now) + interval '8 hours';
    if due > local_now then due := due - interval '7 days'; end if;
  else
    due := date_trunc('day', local_now) + interval '8 hours';
    if due > local_now then due := due - interval '1 day'; end if;
  end if;
  return due at time zone zone;
end;
$$;
comment on function private.digest_period_end(public.email_frequency, timestamptz, text) is 'The end of the latest digest period at `at` in a zone: the last local 08:00 (weekly: Monday 08:00).';

create function private.waking_time(at timestamptz, zone text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  local_at timestamp := at at time zone zone;
begin
  -- Between 08:00 and 20:00 local time: now; else the next local 08:00.
  if extract(hour from local_at) between 8 and 19 then
    return at;
  end if;
  return (date_trunc('day', local_at) + interval '8 hours'
          + case when extract(hour from local_at) >= 20 then interval '1 day' else interval '0' end) at time zone zone;
end;
$$;
comment on function private.waking_time(timestamptz, text) is 'The first instant from `at` between 08:00 and 20:00 local time in the zone: when a reminder email may go.';

-- Writing emails -------------------------------------------------------------------------------------

create function private.choose_notification_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  frequency public.email_frequency := private.email_frequency_for(new.recipient_id, new.type);
begin
  new.digest := case when frequency in ('daily', 'weekly') then frequency end;
  return new;
end;
$$;
comment on function private.choose_notification_email() is 'Trigger: a new notification waits for the daily or weekly digest when its recipient chose one for its type.';

create trigger notifications_choose_email
  before insert on public.notifications
  for each row execute function private.choose_notification_email();

create function private.queue_notification_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  send_at timestamptz := now();
  zone text;
  subject_at timestamptz;
begin
  if private.email_frequency_for(new.recipient_id, new.type) <> 'immediately' then
    return null;
  end if;
  -- Reminders go at a waking hour in the recipient's zone, but before what they remind of.
  if new.type in ('event_reminder', 'signature_deadline') then
    select p.time_zone into zone from public.profiles p where p.id = new.recipient_id;
    subject_at := case when new.type = 'event_reminder'
                       then (new.data ->> 'starts_at')::timestamptz
                       else (new.data ->> 'deadline')::timestamptz end;
    send_at := greatest(now(), least(private.waking_time(now(), coalesce(zone, 'UTC')),
                                     coalesce(subject_at, now()) - interval '2 hours'));
  end if;
  insert into public.notification_outbox (recipient_id, notification_id, next_attempt_at)
  values (new.recipient_id, new.id, send_at)
  on conflict (notification_id) do nothing;
  return null;
end;
$$;
comment on function private.queue_notification_email() is 'Trigger: a new notification whose type its recipient wants at once queues its email (reminders at a waking hour of the recipient''s zone, before the event or deadline).';

create trigger notifications_queue_email
  after insert on public.notifications
  for each row execute function private.queue_notification_email();

create function private.queue_due_digests(now timestamptz default pg_catalog.now())
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  due record;
  digest_id uuid;
  queued integer := 0;
begin
  -- Waiting items follow the person's current choice: `never` drops them, `immediately` (chosen
  -- after they were written) sends them with the next daily digest.
  update public.notifications n
  set digest = case f.frequency when 'weekly' then 'weekly'::public.email_frequency
                                when 'never' then null
                                else 'daily'::public.email_frequency end
  from (select n2.id, private.email_frequency_for(n2.recipient_id, n2.type) as frequency
        from public.notifications n2
        where n2.digest is not null and n2.digest_outbox_id is null) f
  where n.id = f.id
    and n.digest is distinct from case f.frequency when 'weekly' then 'weekly'::public.email_frequency
                                                   when 'never' then null
                                                   else 'daily'::public.email_frequency end;
  -- One digest per person, frequency and period that has items from before the period's end.
  for due in
    select w.recipient_id, w.digest, w.period_end
    from (
      select n.recipient_id, n.digest, min(n.created_at) as first_at,
             private.digest_period_end(n.digest, queue_due_digests.now, p.time_zone) as period_end
      from public.notifications n
      join public.profiles p on p.id = n.recipient_id
      where n.digest is not null and n.digest_outbox_id is null
      group by n.recipient_id, n.digest, p.time_zone
    ) w
    where w.first_at < w.period_end
  loop
    digest_id := null;
    -- A concurrent run waits here for the other's row, then skips it (one digest per period).
    insert into public.notification_outbox (recipient_id, digest, period_end)
    values (due.recipient_id, due.digest, due.period_end)
    on conflict (recipient_id, digest, period_end) where digest is not null do nothing
    returning id into digest_id;
    if digest_id is null then
      continue;
    end if;
    update public.notifications n
    set digest_outbox_id = digest_id
    where n.recipient_id = due.recipient_id and n.digest = due.digest
      and n.digest_outbox_id is null and n.created_at < due.period_end;
    queued := queued + 1;
  end loop;
  return queued;
end;
$$;
comment on function private.queue_due_digests(timestamptz) is 'The dispatcher''s first step: for each person with digest items from before their latest period end (local 08:00; weekly: Monday), one outbox row per frequency and period, holding those items. Safe to run concurrently and repeatedly (unique per person, frequency and period). Returns how many digests it queued.';

-- What an email says about one notification -------------------------------------------------------

create function private.notification_email_view(n public.notifications)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  -- The fields of public.my_notifications, read for the recipient: titles only of an item they
  -- may read now (an unanswered invitation: its original title, as the inbox shows it).
  with item as (
    select i.id, i.kind, private.can_read_item(n.recipient_id, i.id) as readable
    from public.items i where i.id = n.item_id
  ),
  content as (
    select c.original_locale::text as original_locale,
           (select jsonb_object_agg(t.locale, t.title) from public.joint_action_translations t
            where t.action_id = c.id) as titles, null::jsonb as event
    from public.joint_actions c join item on item.id = c.id
    union all
    select c.original_locale::text,
           (select jsonb_object_agg(t.locale, t.title) from public.event_translations t where t.event_id = c.id),
           jsonb_build_object('starts_at', c.starts_at, 'ends_at', c.ends_at, 'time_zone', c.time_zone)
    from public.events c join item on item.id = c.id
    union all
    select c.original_locale::text,
           (select jsonb_object_agg(t.locale, t.title) from public.paper_translations t where t.paper_id = c.id),
           null
    from public.papers c join item on item.id = c.id
  )
  select jsonb_build_object(
    'id', n.id,
    'type', n.type,
    'created_at', n.created_at,
    'read_at', n.read_at,
    'data', n.data,
    'item_id', n.item_id,
    'item_kind', coalesce((select item.kind::text from item),
                          case when n.data ->> 'kind' in ('joint_action', 'event', 'paper') then n.data ->> 'kind' end),
    'original_locale', (select content.original_locale from content),
    'titles', case
      when (select item.readable from item) then (select content.titles from content)
      when n.type = 'item_invited' and exists (
        select 1 from public.item_organisations io
        where io.item_id = n.item_id and io.organisation_id = n.organisation_id and io.state = 'invited')
      then (select jsonb_build_object(content.original_locale, content.titles -> content.original_locale) from content)
    end,
    'event', case when (select item.readable from item) then (select content.event from content) end,
    'organisation', (select jsonb_build_object('slug', o.slug, 'name', o.name, 'names', o.names)
                     from public.organisations o where o.id = n.organisation_id),
    'counterpart', (select jsonb_build_object('slug', o.slug, 'name', o.name, 'names', o.names)
                    from public.organisations o
                    where o.id = case when n.data ->> 'counterpart_id' ~ '^[0-9a-f-]{36}$'
                                      then (n.data ->> 'counterpart_id')::uuid end),
    'subject_name', coalesce(
      (select p.display_name from public.profiles p where p.id = n.person_id),
      (select a.organisation_name from public.organisation_applications a
       where n.type = 'application_submitted'
         and a.id = case when n.data ->> 'application_id' ~ '^[0-9a-f-]{36}$'
                         then (n.data ->> 'application_id')::uuid end)))
$$;
comment on function private.notification_email_view(public.notifications) is 'One notification as an email says it (the fields of my_notifications, and the event''s times): titles only of an item its recipient may read now, or the original title of an invitation still open.';

-- Unsubscribe tokens -------------------------------------------------------------------------------

create table public.email_unsubscribe_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- A notification type, or digest_daily / digest_weekly (every type sent in that digest).
  stream text not null
    constraint email_unsubscribe_tokens_stream_valid check (
      stream in ('digest_daily', 'digest_weekly')
      or stream = any (enum_range(null::public.notification_type)::text[])),
  -- sha256 hex of the token; the token itself is only in the email.
  token_hash text not null
    constraint email_unsubscribe_tokens_token_hash_key unique
    constraint email_unsubscribe_tokens_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  used_at timestamptz
);
comment on table public.email_unsubscribe_tokens is 'One-click unsubscribe links (RFC 8058), one per email sent: a person and a stream (a notification type, or a digest), sha256 only; using one sets the stream to never and uses every token of that person and stream. Service role only (the page calls public.unsubscribe).';

create index email_unsubscribe_tokens_user_id_stream_idx on public.email_unsubscribe_tokens (user_id, stream);

alter table public.email_unsubscribe_tokens enable row level security;
revoke all on public.email_unsubscribe_tokens from anon, authenticated;
grant select, delete on public.email_unsubscribe_tokens to service_role;

create function private.issue_unsubscribe_token(person uuid, stream text)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  token text := encode(extensions.gen_random_bytes(32), 'hex');
begin
  insert into public.email_unsubscribe_tokens (user_id, stream, token_hash)
  values (person, stream, encode(extensions.digest(token, 'sha256'), 'hex'));
  return token;
end;
$$;
comment on function private.issue_unsubscribe_token(uuid, text) is 'A new unsubscribe token (256 random bits, hex) for a person and stream; only its sha256 is stored.';

create function private.unsubscribe_token_row(token text)
returns public.email_unsubscribe_tokens
language sql
stable
security definer
set search_path = ''
as $$
  select t.* from public.email_unsubscribe_tokens t
  where token ~ '^[0-9a-f]{64}$'
    and t.token_hash = encode(extensions.digest(token, 'sha256'), 'hex')
$$;
comment on function private.unsubscribe_token_row(text) is 'The token row of a raw token (none for a malformed or unknown one).';

create function private.unsubscribe_token_state(token text)
returns table (state text, stream text)
language sql
stable
security definer
set search_path = ''
as $$
  select case when t.id is null then 'unknown' when t.used_at is not null then 'used' else 'valid' end,
         t.stream
  from (select 1) one
  left join lateral private.unsubscribe_token_row(token) t on true
$$;
comment on function private.unsubscribe_token_state(text) is 'What an unsubscribe link is (valid, used, unknown) and its stream, for the confirm page; says nothing about whose it is.';

create function private.unsubscribe(token text)
returns table (state text, stream text)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  found public.email_unsubscribe_tokens;
  types public.notification_type[];
begin
  select * into found from public.email_unsubscribe_tokens t
  where token ~ '^[0-9a-f]{64}$' and t.token_hash = encode(extensions.digest(token, 'sha256'), 'hex')
  for update;
  if found.id is null then
    return query select 'unknown'::text, null::text;
    return;
  end if;
  if found.used_at is not null then
    return query select 'used'::text, found.stream;
    return;
  end if;
  if found.stream like 'digest_%' then
    -- Every type that this digest carries now.
    select array_agg(t) into types
    from unnest(enum_range(null::public.notification_type)) t
    where private.email_frequency_for(found.user_id, t)::text = substr(found.stream, 8);
  else
    types := array[found.stream::public.notification_type];
  end if;
  insert into public.notification_email_preferences (user_id, type, frequency)
  select found.user_id, t, 'never' from unnest(coalesce(types, '{}')) t
  on conflict (user_id, type) do update set frequency = 'never';
  update public.email_unsubscribe_tokens t set used_at = now()
  where t.user_id = found.user_id and t.stream = found.stream and t.used_at is null;
  return query select 'done'::text, found.stream;
end;
$$;
comment on function private.unsubscribe(text) is 'One-click unsubscribe: sets the token''s stream to never for its person (a digest: every type it carries now) and uses every token of that person and stream. Returns done, used (already) or unknown; never says whose it is.';

-- The dispatcher's batch ------------------------------------------------------------------------------

create function private.claim_notifications(batch_size integer default 20)
returns table (
  id uuid,
  attempts integer,
  email text,
  preferred_locale text,
  display_name text,
  time_zone text,
  digest public.email_frequency,
  period_end timestamptz,
  items jsonb,
  stream text,
  unsubscribe_token text
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  -- Only the server's dispatcher (the secret key) may execute this: see the grants.
  return query
    with claimed as (
      update public.notification_outbox n
      -- Lease: another dispatcher skips the row for 5 minutes (then it is retried).
      set attempts = n.attempts + 1, next_attempt_at = now() + interval '5 minutes'
      where n.id in (
        select o.id from public.notification_outbox o
        where o.sent_at is null and o.next_attempt_at <= now() and o.attempts < 8
        order by o.created_at, o.id
        limit greatest(1, least(coalesce(batch_size, 20), 100))
        for update skip locked
      )
      returning n.id, n.attempts, n.recipient_id, n.notification_id, n.digest, n.period_end, n.created_at
    ),
    described as (
      select c.*,
             case when c.digest is not null then 'digest_' || c.digest::text
                  else (select x.type::text from public.notifications x where x.id = c.notification_id) end as stream,
             case when c.digest is not null then
               (select coalesce(jsonb_agg(private.notification_email_view(x) order by x.created_at, x.id), '[]')
                from public.notifications x where x.digest_outbox_id = c.id)
             else
               (select coalesce(jsonb_agg(private.notification_email_view(x)), '[]')
                from public.notifications x where x.id = c.notification_id)
             end as items
      from claimed c
    )
    select d.id, d.attempts, u.email::text, p.preferred_locale::text, p.display_name, p.time_zone,
           d.digest, d.period_end, d.items, d.stream,
           case when d.stream is not null and jsonb_array_length(d.items) > 0
                then private.issue_unsubscribe_token(d.recipient_id, d.stream) end
    from described d
    join public.profiles p on p.id = d.recipient_id
    left join auth.users u on u.id = d.recipient_id
    order by d.created_at, d.id;
end;
$$;
comment on function private.claim_notifications(integer) is 'The dispatcher takes up to batch_size unsent outbox rows (oldest first, fewer than 8 attempts; for update skip locked, leased for 5 minutes) with the recipient''s email, language and zone, the items the email says (one notification, or a digest''s) and a new unsubscribe token for its stream; an empty digest (its items deleted since) has no items and no token; service_role only.';

-- Exposure and grants -------------------------------------------------------------------------------

select private.expose('private.claim_notifications(integer)', callers => '{}');
comment on function public.claim_notifications(integer) is 'For the server''s email dispatcher (secret key) only: claims unsent outbox rows with what each email needs. Not executable by anon or authenticated.';
select private.expose('private.queue_due_digests(timestamptz)', callers => '{}');
comment on function public.queue_due_digests(timestamptz) is 'For the server''s email dispatcher (secret key) only: queues the digests that are due (private.queue_due_digests).';
select private.expose('private.unsubscribe_token_state(text)', callers => '{anon,authenticated}');
comment on function public.unsubscribe_token_state(text) is 'For the unsubscribe page, without signing in: whether a link is valid, used or unknown, and its stream.';
select private.expose('private.unsubscribe(text)', callers => '{anon,authenticated}');
comment on function public.unsubscribe(text) is 'One-click unsubscribe, without signing in: the token is the authority (private.unsubscribe).';

revoke execute on all functions in schema private from public;
grant execute on function private.default_email_frequency(public.notification_type) to authenticated, service_role;
grant execute on function private.email_frequency_for(uuid, public.notification_type) to service_role;

revoke execute on function public.my_email_preferences() from public, anon;
grant execute on function public.my_email_preferences() to authenticated, service_role;
