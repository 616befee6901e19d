-- Events, the organisers' side (issue 6):
--   event_registrants(event)   the registrant list (name, email, organisations) for the
--                              organisers' editors/admins only; nobody else gets a row
--   notification_outbox        emails to send when a registration is promoted from the
--                              waiting list or decided by the organisers, written by a
--                              trigger in the same transaction as the change, read and
--                              marked only by the server's dispatcher (service_role)
--   claim_notifications(n)     the dispatcher's batch: rows to send with the recipient's
--                              email and preferred language and the event's facts
-- Rules: docs/access-model.md ("Events": registrant export for organisers) and
-- issue 6 ("registrant lists only to the organisers' editors/admins"). Coordinators are
-- not organisers: the list holds personal data (emails) and is not part of their
-- network overview, so they get nothing unless they edit for an organising organisation.

-- Registrant list -----------------------------------------------------------------

create function private.event_registrants(event uuid)
returns table (
  registration_id uuid,
  user_id uuid,
  status public.registration_status,
  registered_at timestamptz,
  decided_at timestamptz,
  display_name text,
  email text,
  organisations text[]
)
language plpgsql
stable
security definer
set search_path = ''
rows 50
as $$
begin
  -- The organisers as for decide_event_registration: editors/admins of the owner and of
  -- accepted co-lead organisations (private.managed_item_ids, any item status).
  if event is null or event not in (select private.managed_item_ids()) then
    return;
  end if;
  return query
    select r.id, r.user_id, r.status, r.created_at, r.decided_at, p.display_name, u.email::text,
           coalesce((
             select array_agg(o.name order by o.name)
             from public.memberships m
             join public.organisations o on o.id = m.organisation_id
             where m.user_id = r.user_id and o.status = 'active'
           ), '{}')
    from public.event_registrations r
    join public.profiles p on p.id = r.user_id
    left join auth.users u on u.id = r.user_id
    where r.event_id = event
    order by case r.status when 'confirmed' then 1 when 'pending' then 2 when 'waiting' then 3
                           when 'declined' then 4 else 5 end,
             r.created_at, r.id;
end;
$$;
comment on function private.event_registrants(uuid) is 'Registrations of an event with each person''s name, email and active organisations, for the organisers'' editors/admins only (no row for anyone else); see public.event_registrants.';

revoke execute on function private.event_registrants(uuid) from public;
grant execute on function private.event_registrants(uuid) to anon, authenticated, service_role;

select private.expose('private.event_registrants(uuid)', array['event_id']);
comment on function public.event_registrants(uuid) is 'The registrant list of an event (confirmed, pending, waiting, declined, cancelled; name, email, organisations) for its organisers'' editors/admins; no rows for anyone else, whether or not the event exists.';

revoke execute on function public.event_registrants(uuid) from public;
grant execute on function public.event_registrants(uuid) to anon, authenticated, service_role;

-- Outbox --------------------------------------------------------------------------

create type public.notification_kind as enum (
  'registration_promoted',
  'registration_approved',
  'registration_approved_waiting',
  'registration_declined'
);
comment on type public.notification_kind is 'Why an email is sent: a waiting registration got a place; the organisers approved a request (with a place, or onto the waiting list); they declined it.';

create table public.notification_outbox (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  kind public.notification_kind not null,
  event_id uuid references public.events (id) on delete cascade,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0
    constraint notification_outbox_attempts_positive check (attempts >= 0),
  -- The dispatcher claims a row by pushing this forward (a lease), and on failure
  -- leaves it there (backoff), so two dispatchers never send the same row together.
  next_attempt_at timestamptz not null default now(),
  last_error text
    constraint notification_outbox_last_error_length check (last_error is null or length(last_error) <= 2000)
);
comment on table public.notification_outbox is 'Emails waiting to be sent by the app''s server (service_role only; RLS on with no policy for anon/authenticated). Rows are written by triggers in the transaction that caused them, so a rolled-back change sends nothing and a failed send never undoes the change.';
comment on column public.notification_outbox.next_attempt_at is 'Not before: the lease of the dispatcher that claimed the row, or the backoff after a failed attempt.';

create index notification_outbox_recipient_id_idx on public.notification_outbox (recipient_id);
create index notification_outbox_event_id_idx on public.notification_outbox (event_id);
create index notification_outbox_unsent_idx on public.notification_outbox (next_attempt_at) where sent_at is null;

alter table public.notification_outbox enable row level security;

revoke all on public.notification_outbox from anon, authenticated;
grant select, update, delete on public.notification_outbox to service_role;

create function private.queue_registration_notification()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  kind public.notification_kind;
begin
  kind := case
    when old.status = 'waiting' and new.status = 'confirmed' then 'registration_promoted'
    when old.status = 'pending' and new.status = 'confirmed' then 'registration_approved'
    when old.status = 'pending' and new.status = 'waiting' then 'registration_approved_waiting'
    when old.status = 'pending' and new.status = 'declined' then 'registration_declined'
  end;
  if kind is not null then
    insert into public.notification_outbox (recipient_id, kind, event_id)
    values (new.user_id, kind, new.event_id);
  end if;
  return null;
end;
$$;
comment on function private.queue_registration_notification() is 'Trigger: queues an email when a registration is promoted from the waiting list or approved/declined by the organisers.';

create trigger event_registrations_queue_notification
  after update of status on public.event_registrations
  for each row
  when (old.status is distinct from new.status)
  execute function private.queue_registration_notification();

create function private.claim_notifications(batch_size integer default 20)
returns table (
  id uuid,
  kind public.notification_kind,
  attempts integer,
  email text,
  preferred_locale text,
  display_name text,
  event_id uuid,
  starts_at timestamptz,
  ends_at timestamptz,
  time_zone text,
  original_locale text,
  titles jsonb
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
      returning n.id, n.kind, n.attempts, n.recipient_id, n.event_id, n.created_at
    )
    select c.id, c.kind, c.attempts, u.email::text, p.preferred_locale::text, p.display_name, c.event_id,
           e.starts_at, e.ends_at, e.time_zone, e.original_locale::text,
           (select jsonb_object_agg(t.locale, t.title) from public.event_translations t where t.event_id = e.id)
    from claimed c
    join public.profiles p on p.id = c.recipient_id
    left join auth.users u on u.id = c.recipient_id
    left join public.events e on e.id = c.event_id
    order by c.created_at, c.id;
end;
$$;
comment on function private.claim_notifications(integer) is 'The dispatcher takes up to batch_size unsent outbox rows (oldest first, fewer than 8 attempts, leased for 5 minutes) with the recipient''s email and preferred language and the event''s times and titles; service_role only.';

revoke execute on function private.claim_notifications(integer) from public;
grant execute on function private.claim_notifications(integer) to service_role;

select private.expose('private.claim_notifications(integer)');
comment on function public.claim_notifications(integer) is 'For the server''s email dispatcher (secret key) only: claims unsent outbox rows with what the email needs. Not executable by anon or authenticated.';

revoke execute on function public.claim_notifications(integer) from public, anon, authenticated;
grant execute on function public.claim_notifications(integer) to service_role;

-- Trigger functions need no grant.
revoke execute on function private.queue_registration_notification() from public;
