-- The person's own account (leave an organisation, my data, delete my account), the
-- coordinators' console (organisations overview, suspend/reactivate with a reason, the audit
-- trail as sentences) and applications to join the network (issue 12, part 2). Rules:
-- docs/access-model.md ("My account", "Coordinator console", "Applications"); proof:
-- supabase/tests/database/033-account-console-applications.test.sql.
--
-- Every function here that reads or writes beyond the caller's own rows is a security
-- definer in `private` with its own check (auth.uid() only, or private.is_coordinator()),
-- behind a thin security invoker wrapper in `public` with explicit grants.
--
-- SQLSTATEs raised here (mapped to i18n keys in src/lib/server/errors.ts):
--   42501  not allowed (not signed in, not a coordinator)
--   23514  an organisation must keep at least one admin (leaving; same as the memberships guard)
--   NW001  the application was already decided
--   NW002  this status change is not possible (only active <-> suspended here)
--   NW003  a coordinating organisation cannot be suspended (the coordinators would lock themselves out)
--   NW004  the organisation is no longer empty and cannot be discarded
--   NW005  the last admin of an organisation cannot delete their account (hand over first)
--   22023  invalid input to the application function

-- Types ---------------------------------------------------------------------------------

create type public.application_status as enum ('pending', 'approved', 'declined');
comment on type public.application_status is 'An application to join the network: pending until a coordinator approves or declines it.';

-- Applications ----------------------------------------------------------------------------

create table public.organisation_applications (
  id uuid primary key default gen_random_uuid(),
  organisation_name text not null
    constraint organisation_applications_name_length check (length(btrim(organisation_name)) between 2 and 200),
  kind public.organisation_kind not null
    constraint organisation_applications_kind check (kind in ('section', 'partner')),
  country text not null
    constraint organisation_applications_country_format check (country ~ '^[A-Z]{2}$'),
  website text
    constraint organisation_applications_website_format check (website ~ '^https?://[^\s]+$' and length(website) <= 500),
  languages text[] not null default '{}'
    constraint organisation_applications_languages_format check (
      array_to_string(languages, ',') ~ '^([a-z]{2}(,[a-z]{2})*)?$' and array_position(languages, null) is null
      and cardinality(languages) <= 20
    ),
  description text not null
    constraint organisation_applications_description_length check (length(btrim(description)) between 1 and 5000),
  applicant_name text not null
    constraint organisation_applications_applicant_name_length check (length(btrim(applicant_name)) between 1 and 120),
  email text not null
    constraint organisation_applications_email_format check (
      email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 320
    ),
  motivation text not null
    constraint organisation_applications_motivation_length check (length(btrim(motivation)) between 1 and 5000),
  -- The applicant's language: the emails they get, and the original language of the description.
  locale public.content_locale not null,
  status public.application_status not null default 'pending',
  decline_reason text
    constraint organisation_applications_decline_reason_length check (decline_reason is null or length(btrim(decline_reason)) between 1 and 2000),
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  organisation_id uuid references public.organisations (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint organisation_applications_decision check (
    (status = 'pending' and decided_at is null and organisation_id is null and decline_reason is null)
    or (status = 'approved' and decided_at is not null and decline_reason is null)
    or (status = 'declined' and decided_at is not null and decline_reason is not null and organisation_id is null)
  )
);
comment on table public.organisation_applications is 'Applications of NGOs to join the network. Written only through public.submit_application (the server, after its throttle) and the coordinators'' decision functions; readable by coordinators only.';

create index organisation_applications_status_created_at_idx on public.organisation_applications (status, created_at desc);
create index organisation_applications_decided_by_idx on public.organisation_applications (decided_by);
create index organisation_applications_organisation_id_idx on public.organisation_applications (organisation_id);

alter table public.organisation_applications enable row level security;

create trigger organisation_applications_set_updated_at
  before update on public.organisation_applications
  for each row execute function private.set_updated_at();

-- Decisions are access changes: they go to the audit trail (not the submission itself).
create trigger organisation_applications_audit
  after update on public.organisation_applications
  for each row execute function private.record_audit_event();

revoke all on public.organisation_applications from anon, authenticated;
grant select on public.organisation_applications to authenticated;

create policy "Coordinators read applications"
  on public.organisation_applications for select to authenticated
  using ((select private.is_coordinator()));

-- Throttle: the public application form (src/routes/[lang=locale]/(public)/apply):
--   address  5 per hour from one client address;
--   account  3 per day for one applicant email.
insert into private.throttle_rules (action, scope, max_attempts, period)
values
  ('apply', 'address', 5, interval '1 hour'),
  ('apply', 'account', 3, interval '1 day');

-- Helpers -----------------------------------------------------------------------------------

create function private.require_coordinator()
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if not private.is_coordinator() then
    raise exception 'only coordinators can do this' using errcode = '42501';
  end if;
end;
$$;
comment on function private.require_coordinator() is 'Raises 42501 unless the current user is a coordinator (first line of every console function).';

create function private.require_person()
returns uuid
language plpgsql
stable
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
begin
  if me is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  return me;
end;
$$;
comment on function private.require_person() is 'The signed-in person''s id, or 42501 for anonymous callers.';

create function private.unique_organisation_slug(wanted text)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  base text := left(btrim(regexp_replace(lower(coalesce(wanted, '')), '[^a-z0-9]+', '-', 'g'), '-'), 70);
  candidate text;
  n integer := 1;
begin
  base := btrim(base, '-');
  if base = '' then
    base := 'organisation';
  end if;
  candidate := base;
  while exists (select 1 from public.organisations o where o.slug = candidate) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  return candidate;
end;
$$;
comment on function private.unique_organisation_slug(text) is 'A free organisation slug made of the wanted one (lower-case ASCII words joined by dashes, -2, -3… when taken).';

create function private.admin_blocked_organisations(person uuid)
returns table (organisation_id uuid, name text, slug text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select o.id, o.name, o.slug
    from public.memberships m
    join public.organisations o on o.id = m.organisation_id
    where m.user_id = person
      and m.role = 'admin'
      and private.membership_admin_count(m.organisation_id, m.id) = 0
    order by o.name;
end;
$$;
comment on function private.admin_blocked_organisations(uuid) is 'Organisations of which the person is the last admin (whatever their status): they hand over before deleting their account.';

create function public.am_i_coordinator()
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$
  select private.is_coordinator()
$$;
comment on function public.am_i_coordinator() is 'Whether the signed-in person is a coordinator (to show or refuse the console''s pages; its functions check again).';

-- Leave an organisation ---------------------------------------------------------------------

create function private.leave_organisation(organisation uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  me uuid := private.require_person();
  mine public.memberships%rowtype;
begin
  select * into mine from public.memberships m
  where m.user_id = me and m.organisation_id = organisation
  for update;
  if not found then
    raise exception 'you are not a member of this organisation' using errcode = 'P0002';
  end if;
  -- The memberships guard's rule, under its lock (this function runs as its owner, for whom
  -- the guard steps aside): an organisation always keeps at least one admin.
  if mine.role = 'admin' then
    perform private.lock_organisation(organisation);
    if private.membership_admin_count(organisation, mine.id) = 0 then
      raise exception 'an organisation must keep at least one admin' using errcode = '23514';
    end if;
  end if;
  delete from public.memberships m where m.id = mine.id;
end;
$$;
comment on function private.leave_organisation(uuid) is 'The caller leaves one of their organisations (any status); refused (23514) for its last admin.';

select private.expose('private.leave_organisation(uuid)', callers => '{authenticated}');
comment on function public.leave_organisation(uuid) is 'The signed-in person leaves an organisation; 23514 when they are its last admin, P0002 when not a member.';

-- My data -----------------------------------------------------------------------------------

create function private.my_data()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  -- No argument on purpose: this reads only the caller's own data.
  me uuid := private.require_person();
  my_email text;
begin
  select lower(u.email) into my_email from auth.users u where u.id = me;
  return jsonb_build_object(
    'generated_at', now(),
    'profile', (
      select jsonb_build_object('id', p.id, 'email', my_email, 'display_name', p.display_name,
                                'preferred_locale', p.preferred_locale, 'created_at', p.created_at,
                                'updated_at', p.updated_at)
      from public.profiles p where p.id = me),
    'memberships', coalesce((
      select jsonb_agg(jsonb_build_object('organisation_id', o.id, 'organisation', o.name, 'slug', o.slug,
                                          'organisation_status', o.status, 'role', m.role,
                                          'since', m.created_at) order by o.name)
      from public.memberships m join public.organisations o on o.id = m.organisation_id
      where m.user_id = me), '[]'),
    'invitations_received', coalesce((
      select jsonb_agg(jsonb_build_object('organisation', o.name, 'role', i.role, 'created_at', i.created_at,
                                          'expires_at', i.expires_at, 'accepted_at', i.accepted_at,
                                          'revoked_at', i.revoked_at) order by i.created_at)
      from public.invitations i join public.organisations o on o.id = i.organisation_id
      where i.email = my_email), '[]'),
    'event_registrations', coalesce((
      select jsonb_agg(jsonb_build_object('event_id', r.event_id, 'event', t.title, 'starts_at', e.starts_at,
                                          'status', r.status, 'registered_at', r.created_at,
                                          'decided_at', r.decided_at) order by e.starts_at)
      from public.event_registrations r
      join public.events e on e.id = r.event_id
      left join public.event_translations t on t.event_id = e.id and t.locale = e.original_locale
      where r.user_id = me), '[]'),
    'paper_signatures_decided', coalesce((
      select jsonb_agg(jsonb_build_object('paper_id', s.paper_id, 'paper', t.title, 'organisation', o.name,
                                          'state', s.state, 'comment', s.comment,
                                          'decided_at', s.decided_at) order by s.decided_at)
      from public.paper_signatures s
      join public.papers pa on pa.id = s.paper_id
      join public.organisations o on o.id = s.organisation_id
      left join public.paper_translations t on t.paper_id = pa.id and t.locale = pa.original_locale
      where s.decided_by = me), '[]'),
    'items_created', coalesce((
      select jsonb_agg(jsonb_build_object('item_id', i.id, 'kind', i.kind, 'status', i.status,
                                          'visibility', i.visibility, 'organisation', o.name,
                                          'created_at', i.created_at) order by i.created_at)
      from public.items i join public.organisations o on o.id = i.owner_organisation_id
      where i.created_by = me), '[]'),
    'translations_written', coalesce((
      select jsonb_agg(x.entry order by x.updated_at) from (
        select jsonb_build_object('item_id', t.action_id, 'kind', 'joint_action', 'locale', t.locale,
                                  'title', t.title, 'summary', t.summary, 'body', t.body,
                                  'updated_at', t.updated_at) as entry, t.updated_at
        from public.joint_action_translations t where t.updated_by = me
        union all
        select jsonb_build_object('item_id', t.event_id, 'kind', 'event', 'locale', t.locale,
                                  'title', t.title, 'description', t.description,
                                  'accessibility_notes', t.accessibility_notes, 'updated_at', t.updated_at), t.updated_at
        from public.event_translations t where t.updated_by = me
        union all
        select jsonb_build_object('item_id', t.paper_id, 'kind', 'paper', 'locale', t.locale,
                                  'title', t.title, 'abstract', t.abstract, 'updated_at', t.updated_at), t.updated_at
        from public.paper_translations t where t.updated_by = me
      ) x), '[]'),
    'action_updates_written', coalesce((
      select jsonb_agg(jsonb_build_object('action_id', u.action_id, 'organisation', o.name, 'locale', u.locale,
                                          'body', u.body, 'created_at', u.created_at) order by u.created_at)
      from public.joint_action_updates u join public.organisations o on o.id = u.organisation_id
      where u.author_id = me), '[]'),
    'paper_versions_created', coalesce((
      select jsonb_agg(jsonb_build_object('paper_id', v.paper_id, 'number', v.number, 'note', v.note,
                                          'created_at', v.created_at) order by v.created_at)
      from public.paper_versions v where v.created_by = me), '[]'),
    'paper_files_uploaded', coalesce((
      select jsonb_agg(jsonb_build_object('paper_id', f.paper_id, 'locale', f.locale, 'filename', f.filename,
                                          'size_bytes', f.size_bytes, 'created_at', f.created_at) order by f.created_at)
      from public.paper_files f where f.created_by = me), '[]'),
    -- The feeds' dates only: the secret address is never stored, its hash is not given out.
    'calendar_feeds', coalesce((
      select jsonb_agg(jsonb_build_object('created_at', c.created_at, 'revoked_at', c.revoked_at))
      from public.calendar_tokens c where c.user_id = me), '[]'),
    'applications', coalesce((
      select jsonb_agg(jsonb_build_object('organisation', a.organisation_name, 'status', a.status,
                                          'created_at', a.created_at, 'decided_at', a.decided_at) order by a.created_at)
      from public.organisation_applications a where a.email = my_email), '[]'),
    -- What I changed, without the rows' contents (they hold other people's data).
    'audit_events_as_actor', coalesce((
      select jsonb_agg(jsonb_build_object('at', a.created_at, 'table', a.table_name, 'action', a.action)
                       order by a.created_at)
      from public.audit_events a where a.actor_id = me), '[]')
  );
end;
$$;
comment on function private.my_data() is 'Everything the hub holds about the caller (auth.uid(); no argument, so nobody else''s): profile, memberships, invitations, registrations, signatures decided, content written, feeds (dates only), applications, audit actions.';

select private.expose('private.my_data()', callers => '{authenticated}');
comment on function public.my_data() is 'The signed-in person''s data export (JSON); 42501 for anonymous callers.';

-- Delete my account -------------------------------------------------------------------------

create function private.account_deletion_blockers()
returns table (organisation_id uuid, name text, slug text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query select * from private.admin_blocked_organisations(private.require_person());
end;
$$;
comment on function private.account_deletion_blockers() is 'The organisations of which the caller is the last admin: while there is one, their account cannot be deleted.';

select private.expose('private.account_deletion_blockers()', callers => '{authenticated}');
comment on function public.account_deletion_blockers() is 'Organisations of which the signed-in person is the last admin (they hand over before deleting their account).';

create function private.guard_profile_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Auth's admin delete cascades from auth.users to here: refusing rolls Auth's delete back,
  -- so a last admin's account stays whole even if the server's own check was raced.
  if exists (select 1 from private.admin_blocked_organisations(old.id)) then
    raise exception 'the last admin of an organisation cannot delete their account; hand over first'
      using errcode = 'NW005';
  end if;
  return old;
end;
$$;
comment on function private.guard_profile_delete() is 'Trigger: a person who is the last admin of an organisation is not deleted (hand over first).';

create trigger profiles_guard_delete
  before delete on public.profiles
  for each row execute function private.guard_profile_delete();

-- Coordinator console: organisations ------------------------------------------------------

create function private.console_organisations(
  status_filter public.organisation_status default null,
  kind_filter public.organisation_kind default null,
  page_size integer default 50,
  page_offset integer default 0
)
returns table (
  id uuid, slug text, name text, kind public.organisation_kind, status public.organisation_status,
  is_coordinating boolean, country text, member_count bigint, admin_count bigint,
  last_activity_at timestamptz, created_at timestamptz, total_count bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_coordinator();
  return query
    select o.id, o.slug, o.name, o.kind, o.status, o.is_coordinating, o.country,
           coalesce(mc.members, 0), coalesce(mc.admins, 0),
           greatest(o.updated_at, ae.last_at, it.last_at),
           o.created_at,
           count(*) over ()
    from public.organisations o
    left join lateral (
      select count(*) as members, count(*) filter (where m.role = 'admin') as admins
      from public.memberships m where m.organisation_id = o.id
    ) mc on true
    left join lateral (
      select max(a.created_at) as last_at from public.audit_events a where a.organisation_id = o.id
    ) ae on true
    left join lateral (
      select max(i.updated_at) as last_at from public.items i where i.owner_organisation_id = o.id
    ) it on true
    where (status_filter is null or o.status = status_filter)
      and (kind_filter is null or o.kind = kind_filter)
    order by o.status, o.kind, o.name
    limit least(greatest(coalesce(page_size, 50), 1), 200)
    offset greatest(coalesce(page_offset, 0), 0);
end;
$$;
comment on function private.console_organisations(public.organisation_status, public.organisation_kind, integer, integer) is 'Coordinators only: every organisation with member and admin counts and last activity (its own changes, its audit trail, its items), filtered and paged (at most 200 a page).';

select private.expose('private.console_organisations(public.organisation_status, public.organisation_kind, integer, integer)', callers => '{authenticated}');
comment on function public.console_organisations(public.organisation_status, public.organisation_kind, integer, integer) is 'The coordinators'' overview of organisations (42501 for everyone else).';

-- Suspend and reactivate ------------------------------------------------------------------

create function private.attach_audit_reason(table_name text, row_id uuid, reason text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if reason is null then
    return;
  end if;
  -- The audit trigger wrote the row of this change in this transaction (same now()).
  update public.audit_events a set reason = attach_audit_reason.reason
  where a.id = (
    select max(x.id) from public.audit_events x
    where x.table_name = attach_audit_reason.table_name and x.row_id = attach_audit_reason.row_id
      and x.created_at = now()
  );
end;
$$;
comment on function private.attach_audit_reason(text, uuid, text) is 'Adds a coordinator''s reason to the audit row the trigger just wrote for a change in this transaction.';

create function private.set_organisation_status(
  organisation uuid, new_status public.organisation_status, reason text default null
)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  current public.organisations%rowtype;
  why text := nullif(btrim(coalesce(reason, '')), '');
begin
  perform private.require_coordinator();
  select * into current from public.organisations o where o.id = organisation for update;
  if not found then
    raise exception 'no such organisation' using errcode = 'P0002';
  end if;
  if not ((current.status = 'active' and new_status = 'suspended')
          or (current.status = 'suspended' and new_status = 'active')) then
    raise exception 'only an active organisation is suspended, and only a suspended one reactivated'
      using errcode = 'NW002';
  end if;
  if new_status = 'suspended' and current.is_coordinating then
    raise exception 'a coordinating organisation cannot be suspended' using errcode = 'NW003';
  end if;
  if new_status = 'suspended' and why is null then
    raise exception 'a suspension needs a reason' using errcode = '22023';
  end if;
  if length(why) > 1000 then
    raise exception 'the reason is too long' using errcode = '22023';
  end if;
  update public.organisations o set status = new_status where o.id = organisation;
  perform private.attach_audit_reason('organisations', organisation, why);
end;
$$;
comment on function private.set_organisation_status(uuid, public.organisation_status, text) is 'Coordinators only: suspends an active organisation (reason required; not a coordinating one) or reactivates a suspended one; the reason goes to the audit trail. Members of a suspended organisation lose access at their next request (every access helper requires status active).';

select private.expose('private.set_organisation_status(uuid, public.organisation_status, text)', callers => '{authenticated}');
comment on function public.set_organisation_status(uuid, public.organisation_status, text) is 'Suspend or reactivate an organisation (coordinators only; NW002 wrong transition, NW003 coordinating organisation, 22023 reason missing).';

-- Coordinator console: the audit trail -------------------------------------------------------

create function private.audit_event_kind(table_name text, action text, before jsonb, after jsonb)
returns text
language sql
immutable
set search_path = ''
as $$
  select case table_name
    when 'organisations' then case action
      when 'insert' then 'organisation_created'
      when 'delete' then 'organisation_deleted'
      else case
        when after ->> 'status' = 'suspended' and before ->> 'status' is distinct from 'suspended' then 'organisation_suspended'
        when after ->> 'status' = 'active' and before ->> 'status' = 'suspended' then 'organisation_reactivated'
        when after ->> 'status' = 'active' and before ->> 'status' is distinct from 'active' then 'organisation_activated'
        else 'organisation_changed' end
      end
    when 'memberships' then case action
      when 'insert' then 'member_added' when 'delete' then 'member_removed' else 'role_changed' end
    when 'invitations' then case action
      when 'insert' then 'invitation_sent'
      when 'delete' then 'invitation_deleted'
      else case
        when after ->> 'accepted_at' is not null and before ->> 'accepted_at' is null then 'invitation_accepted'
        when after ->> 'revoked_at' is not null and before ->> 'revoked_at' is null then 'invitation_revoked'
        else 'invitation_renewed' end
      end
    when 'items' then case action
      when 'insert' then 'item_created' when 'delete' then 'item_deleted' else 'item_status_changed' end
    when 'item_organisations' then case action
      when 'insert' then 'attachment_invited' when 'delete' then 'attachment_removed' else 'attachment_answered' end
    when 'organisation_applications' then case
      when after ->> 'status' = 'approved' and before ->> 'status' is distinct from 'approved' then 'application_approved'
      when after ->> 'status' = 'declined' and before ->> 'status' is distinct from 'declined' then 'application_declined'
      else 'application_changed' end
    else 'other'
  end
$$;
comment on function private.audit_event_kind(text, text, jsonb, jsonb) is 'The kind of an audit event, as the console names it (organisation_suspended, member_added, invitation_sent…).';

create function private.console_audit_events(
  organisation_filter uuid default null,
  person_filter uuid default null,
  kind_filter text default null,
  page_size integer default 50,
  page_offset integer default 0
)
returns table (
  id bigint, created_at timestamptz, kind text,
  actor_id uuid, actor_name text,
  organisation_id uuid, organisation_name text,
  subject_id uuid, subject_name text, subject_email text,
  role text, previous_role text, status text, item_kind text, reason text,
  total_count bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_coordinator();
  return query
    with events as (
      select a.*, private.audit_event_kind(a.table_name, a.action, a.before, a.after) as event_kind,
             coalesce(a.after, a.before) as data
      from public.audit_events a
    )
    select e.id, e.created_at, e.event_kind,
           e.actor_id, actor.display_name,
           e.organisation_id,
           coalesce(o.name, case when e.table_name = 'organisations' then e.data ->> 'name' end,
                    case when e.table_name = 'organisation_applications' then e.data ->> 'organisation_name' end),
           case when e.table_name = 'memberships' then (e.data ->> 'user_id')::uuid end,
           subject.display_name,
           case when e.table_name = 'invitations' then e.data ->> 'email'
                when e.table_name = 'organisation_applications' then e.data ->> 'email' end,
           case when e.table_name in ('memberships', 'invitations') then e.data ->> 'role'
                when e.table_name = 'item_organisations' then e.data ->> 'role' end,
           case when e.table_name = 'memberships' and e.action = 'update' then e.before ->> 'role' end,
           case when e.table_name in ('items', 'item_organisations') then coalesce(e.data ->> 'status', e.data ->> 'state') end,
           case when e.table_name = 'items' then e.data ->> 'kind' end,
           coalesce(e.reason, case when e.table_name = 'organisation_applications' then e.data ->> 'decline_reason' end),
           count(*) over ()
    from events e
    left join public.profiles actor on actor.id = e.actor_id
    left join public.organisations o on o.id = e.organisation_id
    left join public.profiles subject
      on e.table_name = 'memberships' and subject.id = (e.data ->> 'user_id')::uuid
    where (organisation_filter is null or e.organisation_id = organisation_filter
           or e.related_organisation_id = organisation_filter)
      and (person_filter is null or e.actor_id = person_filter
           or (e.table_name = 'memberships' and (e.data ->> 'user_id')::uuid = person_filter))
      and (kind_filter is null or e.event_kind = kind_filter)
    order by e.created_at desc, e.id desc
    limit least(greatest(coalesce(page_size, 50), 1), 200)
    offset greatest(coalesce(page_offset, 0), 0);
end;
$$;
comment on function private.console_audit_events(uuid, uuid, text, integer, integer) is 'Coordinators only: the audit trail with names (null actor_name for a deleted person: a former member), filtered by organisation, person (actor or member concerned) and kind, newest first, paged (at most 200).';

select private.expose('private.console_audit_events(uuid, uuid, text, integer, integer)', callers => '{authenticated}');
comment on function public.console_audit_events(uuid, uuid, text, integer, integer) is 'The coordinators'' audit trail, readable as sentences (42501 for everyone else).';

-- Creating organisations (console and approved applications) ---------------------------------

create function private.create_organisation(
  name text, slug text, kind public.organisation_kind, country text, website text,
  languages text[], description text, locale text
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  created uuid;
begin
  perform private.require_coordinator();
  if kind not in ('section', 'partner') then
    raise exception 'coordinators create sections and partners' using errcode = '22023';
  end if;
  insert into public.organisations
    (name, slug, kind, status, country, website, languages, description, original_locale)
  values (
    btrim(name), private.unique_organisation_slug(coalesce(nullif(slug, ''), name)), kind, 'active',
    country, nullif(btrim(coalesce(website, '')), ''), coalesce(languages, '{}'),
    case when nullif(btrim(coalesce(description, '')), '') is null then '{}'::jsonb
         else jsonb_build_object(locale, btrim(description)) end,
    locale
  )
  returning id into created;
  return created;
end;
$$;
comment on function private.create_organisation(text, text, public.organisation_kind, text, text, text[], text, text) is 'Coordinators only: creates an active section or partner (slug made unique); its first admin is invited next.';

select private.expose('private.create_organisation(text, text, public.organisation_kind, text, text, text[], text, text)', callers => '{authenticated}');
comment on function public.create_organisation(text, text, public.organisation_kind, text, text, text[], text, text) is 'A coordinator creates a section or partner (then invites its first admin).';

create function private.discard_empty_organisation(organisation uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.require_coordinator();
  perform 1 from public.organisations o where o.id = organisation for update;
  if exists (select 1 from public.memberships m where m.organisation_id = organisation)
     or exists (select 1 from public.items i where i.owner_organisation_id = organisation)
     or exists (select 1 from public.item_organisations io where io.organisation_id = organisation)
     or exists (select 1 from public.invitations i where i.organisation_id = organisation and i.revoked_at is null) then
    raise exception 'this organisation is no longer empty' using errcode = 'NW004';
  end if;
  -- An approved application whose invitation failed goes back to pending.
  update public.organisation_applications a
  set status = 'pending', organisation_id = null, decided_by = null, decided_at = null
  where a.organisation_id = organisation and a.status = 'approved';
  delete from public.organisations o where o.id = organisation;
end;
$$;
comment on function private.discard_empty_organisation(uuid) is 'Coordinators only: deletes an organisation that has nothing yet (no member, item, attachment or open invitation), when inviting its first admin failed; its application, if any, is pending again.';

select private.expose('private.discard_empty_organisation(uuid)', callers => '{authenticated}');
comment on function public.discard_empty_organisation(uuid) is 'Undo of a creation whose first invitation failed (coordinators only; NW004 once the organisation has anything).';

-- Applications: submit (server only), approve, decline ---------------------------------------

create function private.submit_application(
  organisation_name text, kind public.organisation_kind, country text, website text,
  languages text[], description text, applicant_name text, email text, motivation text, locale text
)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  created uuid;
begin
  if kind is null or kind not in ('section', 'partner') then
    raise exception 'an application is for a section or a partner' using errcode = '22023';
  end if;
  -- At most 3 open applications per address whatever the throttle's period: a flood is refused.
  if (select count(*) from public.organisation_applications a
      where a.email = lower(btrim(submit_application.email)) and a.status = 'pending') >= 3 then
    raise exception 'too many open applications for this address' using errcode = '22023';
  end if;
  insert into public.organisation_applications
    (organisation_name, kind, country, website, languages, description, applicant_name, email, motivation, locale)
  values (
    btrim(organisation_name), kind, upper(btrim(country)), nullif(btrim(coalesce(website, '')), ''),
    coalesce(languages, '{}'), btrim(description), btrim(applicant_name), lower(btrim(email)),
    btrim(motivation), locale
  )
  returning id into created;
  return created;
end;
$$;
comment on function private.submit_application(text, public.organisation_kind, text, text, text[], text, text, text, text, text) is 'Records an application (pending). Called by the server with its secret key after the form''s throttle; the table''s checks validate every field.';

select private.expose('private.submit_application(text, public.organisation_kind, text, text, text[], text, text, text, text, text)', callers => '{}');
comment on function public.submit_application(text, public.organisation_kind, text, text, text[], text, text, text, text, text) is 'For the app''s server (secret key) only, after its throttle: records an application to join. Not executable by anon or authenticated.';

create function private.coordinator_recipients()
returns table (email text, display_name text, preferred_locale text)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select distinct on (u.id) u.email::text, p.display_name, p.preferred_locale::text
    from public.memberships m
    join public.organisations o on o.id = m.organisation_id
    join public.profiles p on p.id = m.user_id
    join auth.users u on u.id = m.user_id
    where m.role = 'admin' and o.status = 'active' and o.is_coordinating and u.email is not null
    order by u.id;
end;
$$;
comment on function private.coordinator_recipients() is 'Email, name and language of every coordinator, to notify them of a new application.';

select private.expose('private.coordinator_recipients()', callers => '{}');
comment on function public.coordinator_recipients() is 'For the app''s server (secret key) only: the coordinators to notify of a new application.';

create function private.approve_application(application uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  a public.organisation_applications%rowtype;
  created uuid;
begin
  perform private.require_coordinator();
  select * into a from public.organisation_applications x where x.id = application for update;
  if not found then
    raise exception 'no such application' using errcode = 'P0002';
  end if;
  if a.status <> 'pending' then
    raise exception 'this application was already decided' using errcode = 'NW001';
  end if;
  created := private.create_organisation(a.organisation_name, a.organisation_name, a.kind, a.country,
                                         a.website, a.languages, a.description, a.locale);
  update public.organisation_applications x
  set status = 'approved', organisation_id = created, decided_by = (select auth.uid()), decided_at = now()
  where x.id = application;
  return created;
end;
$$;
comment on function private.approve_application(uuid) is 'Coordinators only: creates the applicant''s organisation (active) and marks the application approved; the applicant is invited as its admin next (on failure the organisation is discarded and the application pending again).';

select private.expose('private.approve_application(uuid)', callers => '{authenticated}');
comment on function public.approve_application(uuid) is 'A coordinator approves an application: the new organisation''s id (NW001 when already decided).';

create function private.decline_application(application uuid, reason text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  a public.organisation_applications%rowtype;
  why text := nullif(btrim(coalesce(reason, '')), '');
begin
  perform private.require_coordinator();
  if why is null or length(why) > 2000 then
    raise exception 'a decline needs a reason (at most 2000 characters)' using errcode = '22023';
  end if;
  select * into a from public.organisation_applications x where x.id = application for update;
  if not found then
    raise exception 'no such application' using errcode = 'P0002';
  end if;
  if a.status <> 'pending' then
    raise exception 'this application was already decided' using errcode = 'NW001';
  end if;
  update public.organisation_applications x
  set status = 'declined', decline_reason = why, decided_by = (select auth.uid()), decided_at = now()
  where x.id = application;
end;
$$;
comment on function private.decline_application(uuid, text) is 'Coordinators only: declines a pending application with a reason (no organisation is created).';

select private.expose('private.decline_application(uuid, text)', callers => '{authenticated}');
comment on function public.decline_application(uuid, text) is 'A coordinator declines an application with a reason (NW001 when already decided, 22023 without a reason).';

-- Privileges ------------------------------------------------------------------------------

revoke execute on all functions in schema private from public;

grant execute on function private.require_coordinator() to authenticated, service_role;
grant execute on function private.require_person() to authenticated, service_role;

revoke execute on function public.am_i_coordinator() from public, anon;
grant execute on function public.am_i_coordinator() to authenticated;

