-- In-app notifications (issue 15, "Notifications — in-app"): the bell in the header and the
-- list page (/{lang}/notifications). Rules: docs/access-model.md ("Notifications"); proof:
-- supabase/tests/database/041-notifications.test.sql and tests/api/notifications.test.ts.
--
--   notifications               one row per recipient and thing that happened, written by the
--                               triggers below in the transaction of the change (as the email
--                               outbox is, 20261205000100), so a rolled-back change notifies
--                               nobody; read by its recipient only, who may only mark it read
--   mark_notifications_read()   the recipient marks some or all of their notifications read
--   unread_notification_count() the bell's number
--   my_notifications()          one page of the list, with what each message needs (the item's
--                               titles, the organisations' names) read under the reader's RLS
--   create_due_reminders(now)   the reminders (event tomorrow, co-signature deadline in 3 days,
--                               review deadlines), idempotent, for the server's timer (secret key)
--
-- Who gets what (also docs/access-model.md):
--   item_invited              admins of the organisation invited to co-lead / take part
--   item_invitation_answered  admins of the item's owner, and the editor who invited
--   signature_requested       admins of the organisation asked to co-sign
--   signature_answered        editors and admins of the paper's owner (they run co-signature)
--   signature_deadline        admins of the asked organisations that have not answered,
--                             3 days before the deadline (reminder)
--   registration_approved     the registrant: the organisers confirmed a pending registration
--   registration_waiting      the registrant: approved, onto the waiting list (no place left)
--   registration_promoted     the registrant: a waiting registration got a place
--   registration_declined     the registrant: the organisers declined it
--   event_changed             registrants (confirmed, waiting, pending): time or place changed
--   event_cancelled           the same registrants
--   event_reminder            confirmed registrants, within a day of the start (reminder)
--   member_joined             admins of the organisation the person joined
--   application_submitted     coordinators
--   translation_outdated      editors and admins of the owner, when a change of the original
--                             outdates translations
-- Two rules hold for every type: the person who made the change is never notified of their
-- own act (auth.uid() is left out; a person's own registration is shown on the page at once and
-- notifies nobody), and nobody is notified about an item they may not read
-- (private.can_read_item, the items read rule for that person) — except the two requests
-- addressed to an organisation (item_invited, signature_requested): the request itself is
-- theirs to know, as the invitations inbox shows it (kind, inviting organisation, original
-- title; 20261128000900_item_invitations_inbox.sql). At display time every title and name is
-- read again under the reader's own RLS (my_notifications), so a notification never shows what
-- its reader may no longer read.

-- Types ---------------------------------------------------------------------------

create type public.notification_type as enum (
  'item_invited',
  'item_invitation_answered',
  'signature_requested',
  'signature_answered',
  'signature_deadline',
  'registration_approved',
  'registration_waiting',
  'registration_promoted',
  'registration_declined',
  'event_changed',
  'event_cancelled',
  'event_reminder',
  'member_joined',
  'application_submitted',
  'translation_outdated'
);
comment on type public.notification_type is 'What an in-app notification says: an invitation to an item or its answer, a co-signature request, its answer or deadline, a registration decided by the organisers or promoted, an event changed, cancelled or tomorrow, a new member, an application to join, translations outdated.';

-- Table ---------------------------------------------------------------------------

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  type public.notification_type not null,
  -- What it is about (each may be null): the item, the organisation the recipient acts for,
  -- the registration, the person (a new member).
  item_id uuid references public.items (id) on delete cascade,
  organisation_id uuid references public.organisations (id) on delete cascade,
  registration_id uuid references public.event_registrations (id) on delete cascade,
  person_id uuid references public.profiles (id) on delete set null,
  -- What the message needs besides those: kind, role, state, the other organisation
  -- (counterpart_id), a version number, a date. Never a title or a name: those are read at
  -- display time, under the reader's RLS.
  data jsonb not null default '{}'::jsonb
    constraint notifications_data_object check (jsonb_typeof(data) = 'object' and length(data::text) <= 2000),
  -- Reminders only: what makes one reminder once (the event and its start, the version and its
  -- deadline), unique per recipient and type.
  reminder_key text
    constraint notifications_reminder_key_length check (reminder_key is null or length(reminder_key) <= 200),
  created_at timestamptz not null default now(),
  read_at timestamptz
);
comment on table public.notifications is 'In-app notifications: written by triggers in the transaction of the change (and by private.create_due_reminders), read by their recipient only, who may only set read_at (mark_notifications_read). Nobody inserts or deletes them through the API.';
comment on column public.notifications.organisation_id is 'The organisation the recipient is notified for (the invited or asked one, the owner, the one a member joined); null for personal notifications.';
comment on column public.notifications.person_id is 'The person it is about (member_joined: the new member); their name is read at display time under the reader''s RLS.';
comment on column public.notifications.data is 'What the message needs besides the linked rows (kind, role, state, counterpart_id, version, starts_at, locales…); no titles or names.';
comment on column public.notifications.reminder_key is 'Reminders: the subject of the reminder (event@start, version@deadline); unique per recipient and type, so a reminder is created once.';
comment on column public.notifications.read_at is 'When the recipient marked it read (stamped by the database; null: unread).';

-- The list (newest first) and the foreign key to profiles.
create index notifications_recipient_id_created_at_idx on public.notifications (recipient_id, created_at desc, id desc);
-- The bell: "my unread" (a count of a few index entries).
create index notifications_recipient_id_unread_idx on public.notifications (recipient_id, created_at desc)
  where read_at is null;
create index notifications_item_id_idx on public.notifications (item_id);
create index notifications_organisation_id_idx on public.notifications (organisation_id);
create index notifications_registration_id_idx on public.notifications (registration_id);
create index notifications_person_id_idx on public.notifications (person_id);
create unique index notifications_reminder_key on public.notifications (recipient_id, type, reminder_key)
  where reminder_key is not null;

alter table public.notifications enable row level security;

-- Invariants (triggers) -----------------------------------------------------------

create function private.guard_notification_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- The column grant lets API callers write read_at only; its value is the database's:
  -- now() when first marked, and a read notification stays read.
  if private.is_api_caller() then
    new.read_at := case
      when old.read_at is not null then old.read_at
      when new.read_at is not null then now()
    end;
  end if;
  return new;
end;
$$;
comment on function private.guard_notification_update() is 'Trigger: for API callers read_at is stamped now() when first set and never unset (the column grant allows no other column).';

create trigger notifications_guard_update
  before update on public.notifications
  for each row execute function private.guard_notification_update();

-- Privileges and policies -----------------------------------------------------------

revoke all on public.notifications from anon, authenticated;
grant select on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;
grant select, update, delete on public.notifications to service_role;

create policy "People read their own notifications"
  on public.notifications for select to authenticated
  using (recipient_id = (select auth.uid()));

create policy "People mark their own notifications read"
  on public.notifications for update to authenticated
  using (recipient_id = (select auth.uid()))
  with check (recipient_id = (select auth.uid()));

-- Writing notifications ----------------------------------------------------------------
-- Only the trigger functions below (security definer, as their owner) call these.

create function private.organisation_people(organisation uuid, min_role public.membership_role)
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(m.user_id order by m.user_id), '{}')
  from public.memberships m
  join public.organisations o on o.id = m.organisation_id
  where m.organisation_id = organisation
    and m.role >= min_role
    and o.status = 'active'
$$;
comment on function private.organisation_people(uuid, public.membership_role) is 'The people holding at least min_role in an ACTIVE organisation (none for a pending or suspended one): who is notified in its name.';

create function private.coordinator_ids()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct m.user_id), '{}')
  from public.memberships m
  join public.organisations o on o.id = m.organisation_id
  where m.role = 'admin' and o.status = 'active' and o.is_coordinating
$$;
comment on function private.coordinator_ids() is 'Every coordinator (admin of an active coordinating organisation).';

create function private.notify(
  recipients uuid[],
  notification_type public.notification_type,
  about_item uuid default null,
  about_organisation uuid default null,
  about_registration uuid default null,
  about_person uuid default null,
  message_data jsonb default '{}',
  readable_only boolean default true,
  dedupe_key text default null
)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
  created integer;
begin
  insert into public.notifications
    (recipient_id, type, item_id, organisation_id, registration_id, person_id, data, reminder_key)
  select r.id, notification_type, about_item, about_organisation, about_registration, about_person,
         coalesce(message_data, '{}'), dedupe_key
  from (select distinct x as id from unnest(recipients) as x where x is not null) r
  -- Never the person who made the change; never about an item the recipient may not read.
  where r.id is distinct from actor
    and exists (select 1 from public.profiles p where p.id = r.id)
    and (about_item is null or not readable_only or private.can_read_item(r.id, about_item))
  on conflict (recipient_id, type, reminder_key) where reminder_key is not null do nothing;
  get diagnostics created = row_count;
  return created;
end;
$$;
comment on function private.notify(uuid[], public.notification_type, uuid, uuid, uuid, uuid, jsonb, boolean, text) is 'Writes one notification per recipient (each once), leaving out the current user (the actor) and, unless readable_only is false, anyone who may not read the item; a reminder (dedupe_key) already written is skipped. Returns how many were written.';

-- Triggers that write them ----------------------------------------------------------
-- Named ..._send_notifications so that they fire after the same table's other AFTER triggers
-- (name order): the item's access arrays are refreshed first.

-- Invitations to co-lead or take part, and their answers (item_organisations).
create function private.notify_item_attachment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  item public.items%rowtype;
begin
  -- Signatories are asked and answer through paper_signatures (below).
  if new.role not in ('co_lead', 'participant') then
    return null;
  end if;
  select * into item from public.items i where i.id = new.item_id;
  if tg_op = 'INSERT' then
    if new.state = 'invited' then
      -- The invited organisation cannot read the item yet: the invitation is theirs to know.
      perform private.notify(
        private.organisation_people(new.organisation_id, 'admin'), 'item_invited',
        about_item => new.item_id, about_organisation => new.organisation_id,
        message_data => jsonb_build_object('kind', item.kind, 'role', new.role,
                                           'counterpart_id', item.owner_organisation_id),
        readable_only => false);
    end if;
  elsif old.state = 'invited' and new.state in ('accepted', 'declined') then
    -- The owner's admins, and the editor who sent the invitation while they still edit for it.
    perform private.notify(
      private.organisation_people(item.owner_organisation_id, 'admin')
        || array(select p from unnest(private.organisation_people(item.owner_organisation_id, 'editor')) as p
                 where p = new.invited_by),
      'item_invitation_answered',
      about_item => new.item_id, about_organisation => item.owner_organisation_id,
      message_data => jsonb_build_object('kind', item.kind, 'role', new.role, 'state', new.state,
                                         'counterpart_id', new.organisation_id));
  end if;
  return null;
end;
$$;
comment on function private.notify_item_attachment() is 'Trigger: an organisation invited to co-lead or take part notifies its admins (item_invited); its answer notifies the owner''s admins and the inviting editor (item_invitation_answered).';

create trigger item_organisations_send_notifications
  after insert or update of state on public.item_organisations
  for each row execute function private.notify_item_attachment();

-- Co-signature requests and answers (paper_signatures).
create function private.notify_paper_signature()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  owner uuid;
  version_number integer;
  deadline timestamptz;
begin
  select i.owner_organisation_id, p.signature_deadline into owner, deadline
  from public.items i join public.papers p on p.id = i.id
  where i.id = new.paper_id;
  select v.number into version_number from public.paper_versions v where v.id = new.version_id;
  if tg_op = 'INSERT' then
    if new.state <> 'invited' then
      return null;
    end if;
    -- Asked to sign, the organisation reads the paper (a signatory reads even its draft) once
    -- its attachment is written, right after this row (private.ask_to_sign).
    perform private.notify(
      private.organisation_people(new.organisation_id, 'admin'), 'signature_requested',
      about_item => new.paper_id, about_organisation => new.organisation_id,
      message_data => jsonb_build_object('kind', 'paper', 'version', version_number, 'deadline', deadline,
                                         'counterpart_id', owner),
      readable_only => false);
  elsif old.state = 'invited' and new.state in ('signed', 'declined') then
    perform private.notify(
      private.organisation_people(owner, 'editor'), 'signature_answered',
      about_item => new.paper_id, about_organisation => owner,
      message_data => jsonb_build_object('kind', 'paper', 'version', version_number, 'state', new.state,
                                         'counterpart_id', new.organisation_id));
  end if;
  return null;
end;
$$;
comment on function private.notify_paper_signature() is 'Trigger: a request to co-sign notifies the asked organisation''s admins (signature_requested); its answer notifies the owner''s editors and admins (signature_answered).';

create trigger paper_signatures_send_notifications
  after insert or update of state on public.paper_signatures
  for each row execute function private.notify_paper_signature();

-- Registrations decided by the organisers or promoted from the waiting list.
create function private.notify_registration()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  notification_type public.notification_type;
begin
  -- The person's own registering and cancelling are their acts: nothing here.
  notification_type := case
    when old.status = 'waiting' and new.status = 'confirmed' then 'registration_promoted'
    when old.status = 'pending' and new.status = 'confirmed' then 'registration_approved'
    when old.status = 'pending' and new.status = 'waiting' then 'registration_waiting'
    when old.status = 'pending' and new.status = 'declined' then 'registration_declined'
  end;
  if notification_type is not null then
    perform private.notify(array[new.user_id], notification_type,
                           about_item => new.event_id, about_registration => new.id,
                           message_data => jsonb_build_object('kind', 'event'));
  end if;
  return null;
end;
$$;
comment on function private.notify_registration() is 'Trigger: a registration approved (with a place or onto the waiting list), declined or promoted from the waiting list notifies its registrant.';

create trigger event_registrations_send_notifications
  after update of status on public.event_registrations
  for each row
  when (old.status is distinct from new.status)
  execute function private.notify_registration();

-- Events changed (time or place) or cancelled: their registrants.
create function private.notify_event_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  cancelled boolean := old.cancelled_at is null and new.cancelled_at is not null;
  time_changed boolean := (new.starts_at, new.ends_at, new.time_zone)
                          is distinct from (old.starts_at, old.ends_at, old.time_zone);
  place_changed boolean := (new.venue_name, new.venue_address, new.is_online)
                           is distinct from (old.venue_name, old.venue_address, old.is_online);
begin
  -- A cancelled or past event's later edits tell its registrants nothing new.
  if not cancelled and (new.cancelled_at is not null or old.ends_at < now() or not (time_changed or place_changed)) then
    return null;
  end if;
  perform private.notify(
    array(select r.user_id from public.event_registrations r
          where r.event_id = new.id and r.status in ('confirmed', 'waiting', 'pending')),
    case when cancelled then 'event_cancelled' else 'event_changed' end::public.notification_type,
    about_item => new.id,
    message_data => case
      when cancelled then jsonb_build_object('kind', 'event', 'starts_at', new.starts_at, 'time_zone', new.time_zone)
      else jsonb_build_object('kind', 'event', 'time_changed', time_changed, 'place_changed', place_changed,
                              'starts_at', new.starts_at, 'time_zone', new.time_zone)
    end);
  return null;
end;
$$;
comment on function private.notify_event_change() is 'Trigger: an event cancelled, or whose time (start, end, zone) or place (venue, address, online) changed before it ended, notifies its registrants (confirmed, waiting, pending).';

create trigger events_send_notifications
  after update of starts_at, ends_at, time_zone, venue_name, venue_address, is_online, cancelled_at
  on public.events
  for each row execute function private.notify_event_change();

-- New members: the organisation's admins.
create function private.notify_member_joined()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.notify(
    array_remove(private.organisation_people(new.organisation_id, 'admin'), new.user_id), 'member_joined',
    about_organisation => new.organisation_id, about_person => new.user_id,
    message_data => jsonb_build_object('role', new.role));
  return null;
end;
$$;
comment on function private.notify_member_joined() is 'Trigger: a new membership of an active organisation notifies its admins (not the new member, nor the admin who added them).';

create trigger memberships_send_notifications
  after insert on public.memberships
  for each row execute function private.notify_member_joined();

-- Applications to join: the coordinators.
create function private.notify_application()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.notify(
    private.coordinator_ids(), 'application_submitted',
    message_data => jsonb_build_object('application_id', new.id, 'kind', new.kind, 'country', new.country));
  return null;
end;
$$;
comment on function private.notify_application() is 'Trigger: a new application to join the network notifies every coordinator.';

create trigger organisation_applications_send_notifications
  after insert on public.organisation_applications
  for each row execute function private.notify_application();

-- Translations outdated by a change of the original (joint actions, events, papers).
create function private.notify_translations_outdated()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- tg_argv: [0] the translation table, [1] its foreign key to this content table.
  outdated text[];
  item public.items%rowtype;
begin
  -- The translations that were current and are not any more.
  execute format(
    'select array_agg(t.locale::text order by t.locale) from public.%I t
     where t.%I = $1 and t.locale <> $2 and t.source_revision >= $3 and t.source_revision < $4',
    tg_argv[0], tg_argv[1])
  into outdated
  using new.id, new.original_locale, old.original_revision, new.original_revision;
  if outdated is null then
    return null;
  end if;
  select * into item from public.items i where i.id = new.id;
  perform private.notify(
    private.organisation_people(item.owner_organisation_id, 'editor'), 'translation_outdated',
    about_item => new.id, about_organisation => item.owner_organisation_id,
    message_data => jsonb_build_object('kind', item.kind, 'locales', to_jsonb(outdated)));
  return null;
end;
$$;
comment on function private.notify_translations_outdated() is 'Trigger on a content table (arguments: translation table, its foreign key): when a new revision of the original outdates translations that were current, the owner''s editors and admins are notified with their languages.';

create trigger joint_actions_send_notifications
  after update of original_revision on public.joint_actions
  for each row
  when (new.original_revision > old.original_revision)
  execute function private.notify_translations_outdated('joint_action_translations', 'action_id');

create trigger events_send_translation_notifications
  after update of original_revision on public.events
  for each row
  when (new.original_revision > old.original_revision)
  execute function private.notify_translations_outdated('event_translations', 'event_id');

create trigger papers_send_notifications
  after update of original_revision on public.papers
  for each row
  when (new.original_revision > old.original_revision)
  execute function private.notify_translations_outdated('paper_translations', 'paper_id');

-- Reminders -------------------------------------------------------------------------------

create function private.create_due_reminders(now timestamptz default pg_catalog.now())
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  due record;
  created integer := 0;
begin
  -- Events starting within a day: their confirmed registrants, once per event and start (an
  -- event moved to another day reminds again).
  for due in
    select e.id, e.starts_at, e.time_zone
    from public.events e
    where e.starts_at > create_due_reminders.now
      and e.starts_at <= create_due_reminders.now + interval '1 day'
      and e.cancelled_at is null
      and e.status = 'published'
  loop
    created := created + private.notify(
      array(select r.user_id from public.event_registrations r where r.event_id = due.id and r.status = 'confirmed'),
      'event_reminder', about_item => due.id,
      message_data => jsonb_build_object('kind', 'event', 'starts_at', due.starts_at, 'time_zone', due.time_zone),
      dedupe_key => due.id || '@' || due.starts_at);
  end loop;
  -- Versions open for signature whose deadline is within 3 days: the admins of the asked
  -- organisations that have not answered, once per version and deadline.
  for due in
    select p.id, p.signature_version_id, p.signature_deadline, s.organisation_id, i.owner_organisation_id,
           v.number
    from public.papers p
    join public.items i on i.id = p.id
    join public.paper_signatures s on s.version_id = p.signature_version_id and s.state = 'invited'
    join public.paper_versions v on v.id = p.signature_version_id
    where p.signature_version_id is not null
      and p.signature_deadline > create_due_reminders.now
      and p.signature_deadline <= create_due_reminders.now + interval '3 days'
      and p.status <> 'archived'
  loop
    created := created + private.notify(
      private.organisation_people(due.organisation_id, 'admin'), 'signature_deadline',
      about_item => due.id, about_organisation => due.organisation_id,
      message_data => jsonb_build_object('kind', 'paper', 'version', due.number, 'deadline', due.signature_deadline,
                                         'counterpart_id', due.owner_organisation_id),
      dedupe_key => due.signature_version_id || '@' || due.signature_deadline);
  end loop;
  -- Review deadlines: private.create_review_reminders is defined with the tables it reads
  -- (20261205000300_review_cycles.sql).
  created := created + private.create_review_reminders(create_due_reminders.now);
  return created;
end;
$$;
comment on function private.create_due_reminders(timestamptz) is 'Writes the reminders due at `now`: event_reminder (events starting within a day, to confirmed registrants), signature_deadline (deadline within 3 days, to admins of asked organisations that have not answered) and review_deadline (private.create_review_reminders). Idempotent: each reminder once per recipient, type and subject (reminder_key). Returns how many were written.';

-- Reading and marking ------------------------------------------------------------------------
-- Security invoker: each runs as the reader, so RLS decides exactly as for direct reads.

create function public.unread_notification_count()
returns integer
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- Counted up to 100 (the bell says 99+ beyond): a few entries of the partial index.
  return (
    select count(*)::integer
    from (
      select 1 from public.notifications n
      where n.recipient_id = (select auth.uid()) and n.read_at is null
      limit 100
    ) unread
  );
end;
$$;
comment on function public.unread_notification_count() is 'The number of the caller''s unread notifications, counted up to 100 (0 for a visitor).';

create function public.mark_notifications_read(ids uuid[] default null)
returns integer
language sql
volatile
security invoker
set search_path = ''
as $$
  with marked as (
    update public.notifications n
    set read_at = pg_catalog.now()
    where n.recipient_id = (select auth.uid())
      and n.read_at is null
      and (mark_notifications_read.ids is null or n.id = any (mark_notifications_read.ids))
    returning 1
  )
  select count(*)::integer from marked
$$;
comment on function public.mark_notifications_read(uuid[]) is 'Marks the caller''s unread notifications with these ids read (all of them when ids is null); another person''s ids change nothing (RLS). Returns how many were marked.';

create function public.my_notifications(page_limit integer default 20, page_offset integer default 0)
returns table (
  id uuid,
  type public.notification_type,
  created_at timestamptz,
  read_at timestamptz,
  data jsonb,
  item_id uuid,
  item_kind public.item_kind,
  original_locale text,
  titles jsonb,
  organisation jsonb,
  counterpart jsonb,
  subject_name text
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return query
  select n.id, n.type, n.created_at, n.read_at, n.data, n.item_id,
         -- The kind is known to the recipient (it is in the invitation too).
         coalesce(i.kind, pending.kind, case when n.data ->> 'kind' in ('joint_action', 'event', 'paper')
                                             then (n.data ->> 'kind')::public.item_kind end),
         coalesce(content.original_locale, pending.title_locale),
         coalesce(content.titles, case when pending.title is not null
                                       then jsonb_build_object(pending.title_locale, pending.title) end),
         (select jsonb_build_object('slug', o.slug, 'name', o.name, 'names', o.names)
          from public.organisations o where o.id = n.organisation_id),
         (select jsonb_build_object('slug', o.slug, 'name', o.name, 'names', o.names)
          from public.organisations o
          where o.id = case when n.data ->> 'counterpart_id' ~ '^[0-9a-f-]{36}$'
                            then (n.data ->> 'counterpart_id')::uuid end),
         -- The new member's name (profiles: the reader's fellow members), the applying
         -- organisation's (applications: coordinators).
         coalesce(
           (select p.display_name from public.profiles p where p.id = n.person_id),
           (select a.organisation_name from public.organisation_applications a
            where n.type = 'application_submitted'
              and a.id = case when n.data ->> 'application_id' ~ '^[0-9a-f-]{36}$'
                              then (n.data ->> 'application_id')::uuid end))
  from public.notifications n
  -- Each of these under the reader's RLS: an item they may not read gives no kind and no title.
  left join public.items i on i.id = n.item_id
  left join lateral (
    select c.original_locale::text as original_locale,
           (select jsonb_object_agg(t.locale, t.title) from public.joint_action_translations t
            where t.action_id = c.id) as titles
    from public.joint_actions c where i.kind = 'joint_action' and c.id = i.id
    union all
    select c.original_locale::text,
           (select jsonb_object_agg(t.locale, t.title) from public.event_translations t where t.event_id = c.id)
    from public.events c where i.kind = 'event' and c.id = i.id
    union all
    select c.original_locale::text,
           (select jsonb_object_agg(t.locale, t.title) from public.paper_translations t where t.paper_id = c.id)
    from public.papers c where i.kind = 'paper' and c.id = i.id
  ) content on true
  -- An invitation the reader's organisation has not answered yet: what the inbox shows of it.
  left join lateral (
    select p.kind, p.title, p.title_locale
    from public.pending_item_invitations() p
    where n.type = 'item_invited' and i.id is null
      and p.item_id = n.item_id and p.organisation_id = n.organisation_id
    limit 1
  ) pending on true
  where n.recipient_id = (select auth.uid())
  order by n.created_at desc, n.id desc
  limit least(greatest(coalesce(page_limit, 20), 1), 101)
  offset greatest(coalesce(page_offset, 0), 0);
end;
$$;
comment on function public.my_notifications(integer, integer) is 'One page of the caller''s notifications, newest first (page_limit at most 101), with what each message needs, read under the caller''s RLS: the item''s kind, original language and titles per language (none for an item the caller may not read; for an unanswered invitation, its original title as the inbox shows it), the organisations'' names, the name of the person who joined or of the organisation that applied (subject_name).';

select private.expose('private.create_due_reminders(timestamptz)', callers => '{}');
comment on function public.create_due_reminders(timestamptz) is 'For the server''s timer (secret key) only: writes the reminders due now (private.create_due_reminders). Not executable by anon or authenticated.';

-- Grants -------------------------------------------------------------------------------------

revoke execute on all functions in schema private from public;

revoke execute on function public.unread_notification_count() from public, anon;
revoke execute on function public.mark_notifications_read(uuid[]) from public, anon;
revoke execute on function public.my_notifications(integer, integer) from public, anon;
grant execute on function public.unread_notification_count() to authenticated, service_role;
grant execute on function public.mark_notifications_read(uuid[]) to authenticated, service_role;
grant execute on function public.my_notifications(integer, integer) to authenticated, service_role;
