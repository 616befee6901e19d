-- Organisations, profiles, memberships and invitations, with the access helpers
-- they need. Rules: docs/access-model.md ("Organisations and people", "Coordinators",
-- "Immutable columns").

-- The private schema holds authorisation helpers. It is not in PostgREST's
-- db-schemas, so nothing here is callable through the API; policies run as the
-- caller, so anon/authenticated need usage on it and execute on the helpers.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- Types ---------------------------------------------------------------------------

create type public.organisation_kind as enum ('secretariat', 'section', 'partner');
comment on type public.organisation_kind is 'What an organisation is in the network.';

create type public.organisation_status as enum ('pending', 'active', 'suspended');
comment on type public.organisation_status is 'pending: applied; active: in the network; suspended: its members lose what membership gave them.';

-- Declaration order matters: helpers compare roles with >= (member < editor < admin).
create type public.membership_role as enum ('member', 'editor', 'admin');
comment on type public.membership_role is 'Role of a person in an organisation, ordered member < editor < admin.';

-- The languages of the hub's interface and content (Arabic since issue 16, written right to
-- left). One list, used by every locale column (docs/languages.md) and by what is made per
-- language (the translation tables' full-text indexes, 20261128000400).
create function private.content_locales()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['fr', 'nl', 'en', 'de', 'es', 'ar']
$$;
comment on function private.content_locales() is 'The languages of the hub''s interface and content: fr, nl, en, de, es, ar. The one list behind public.content_locale and the per-language indexes.';

create function private.is_content_locale(locale text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select locale = any (private.content_locales())
$$;
comment on function private.is_content_locale(text) is 'True for the languages of the hub''s interface and content: fr, nl, en, de, es, ar (the content_locale domain''s check).';
-- Domain checks run with the writing role's rights (the list too: the check calls it).
grant execute on function private.content_locales() to anon, authenticated, service_role;
grant execute on function private.is_content_locale(text) to anon, authenticated, service_role;

create domain public.content_locale as text
  constraint content_locale check (private.is_content_locale(value));
comment on domain public.content_locale is 'A language of the hub''s interface and content: fr, nl, en, de, es or ar (written right to left).';

-- Shared small functions ------------------------------------------------------------

create function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.set_updated_at() is 'Trigger: stamps updated_at on every update.';

create function private.is_api_caller()
returns boolean
language sql
stable
set search_path = ''
as $$
  -- The roles PostgREST switches to for signed-in and anonymous requests. The
  -- secret key (service_role) and migrations (postgres) are trusted paths.
  select current_user in ('anon', 'authenticated')
$$;
comment on function private.is_api_caller() is 'True when the current SQL role is an API caller (anon/authenticated); must stay security invoker.';

-- Organisations -----------------------------------------------------------------

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique
    constraint organisations_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  name text not null
    constraint organisations_name_length check (length(btrim(name)) between 2 and 200),
  kind public.organisation_kind not null,
  status public.organisation_status not null default 'pending',
  is_coordinating boolean not null default false,
  -- ISO 3166-1 alpha-2, upper case (BE, CH, PS, …).
  country text not null
    constraint organisations_country_format check (country ~ '^[A-Z]{2}$'),
  website text
    constraint organisations_website_format check (website ~ '^https?://[^\s]+$'),
  -- {"fr": "…", "nl": "…"}: one text per content locale; original_locale is the
  -- language the organisation wrote it in, the others are translations.
  description jsonb not null default '{}'::jsonb
    constraint organisations_description_locales check (
      jsonb_typeof(description) = 'object'
      and description - private.content_locales() = '{}'::jsonb
      and not jsonb_path_exists(description, '$.* ? (@.type() != "string")')
    ),
  original_locale text not null default 'en'
    constraint organisations_original_locale check (private.is_content_locale(original_locale)),
  -- ISO 639-1 codes of the languages the organisation works in (not only UI locales).
  languages text[] not null default '{}'
    constraint organisations_languages_format check (
      array_to_string(languages, ',') ~ '^([a-z]{2}(,[a-z]{2})*)?$' and array_position(languages, null) is null
    ),
  logo_path text
    constraint organisations_logo_path_format check (logo_path !~ '(^/|\.\.)'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The name in other languages ({"nl": "…"}); `name` is the organisation's own.
  names jsonb not null default '{}'::jsonb
    constraint organisations_names_locales check (
      jsonb_typeof(names) = 'object'
      and names - private.content_locales() = '{}'::jsonb
      and not jsonb_path_exists(names, '$.* ? (@.type() != "string")')
      and length(names::text) <= 2000
    ),
  constraint organisations_description_has_original check (
    description = '{}'::jsonb or description ? original_locale
  )
);
comment on table public.organisations is 'Secretariat, DCI sections and partner NGOs of the network. Anonymous visitors see active ones; coordinators see all.';
comment on column public.organisations.names is 'The organisation''s name in other languages ({"nl": "…"}); `name` is its own (original) name, shown when a language has none.';

create index organisations_status_idx on public.organisations (status);

alter table public.organisations enable row level security;

-- Profiles ------------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null
    constraint profiles_display_name_length check (length(btrim(display_name)) between 1 and 120),
  preferred_locale public.content_locale not null default 'en',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'Public face of a person (one per auth.users row, created by trigger). Visible to themselves, to members of their active organisations and to coordinators.';

alter table public.profiles enable row level security;

create function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  requested_locale text := new.raw_user_meta_data ->> 'locale';
begin
  insert into public.profiles (id, display_name, preferred_locale)
  values (
    new.id,
    left(coalesce(
      nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''),
      nullif(btrim(new.raw_user_meta_data ->> 'full_name'), ''),
      nullif(btrim(new.raw_user_meta_data ->> 'name'), ''),
      nullif(split_part(coalesce(new.email, ''), '@', 1), ''),
      'anonymous'
    ), 120),
    case when private.is_content_locale(requested_locale) then requested_locale else 'en' end
  )
  on conflict (id) do nothing;
  return new;
end;
$$;
comment on function private.handle_new_user() is 'Trigger on auth.users: creates the profile (display name from metadata or the email local part, locale from metadata).';

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

-- Memberships -------------------------------------------------------------------

create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  role public.membership_role not null default 'member',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint memberships_user_organisation_key unique (user_id, organisation_id)
);
comment on table public.memberships is 'Who belongs to which organisation, with which role. Changed only by the organisation''s admins; always at least one admin.';

create index memberships_organisation_id_role_idx on public.memberships (organisation_id, role);

alter table public.memberships enable row level security;

-- Invitations -------------------------------------------------------------------

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  -- Stored lower-cased; compared with lower(auth.email()).
  email text not null
    constraint invitations_email_format check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  role public.membership_role not null default 'member',
  invited_by uuid references public.profiles (id) on delete set null,
  -- Language of the invitation email.
  locale public.content_locale not null default 'en',
  -- sha256 of the secret token, hex. The token itself is only in the email.
  token_hash text not null unique
    constraint invitations_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz not null default now() + interval '14 days',
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The invited person said no: the invitation is closed like a revoked one.
  declined_at timestamptz,
  constraint invitations_accepted_or_revoked check (accepted_at is null or revoked_at is null),
  constraint invitations_declined_is_closed check (declined_at is null or revoked_at is not null)
);
comment on table public.invitations is 'Invitations to join an organisation. Readable by its admins, coordinators and the invited email; only the token''s sha256 is stored.';
comment on column public.invitations.declined_at is 'When the invited person declined; a declined invitation is also revoked (closed).';

create index invitations_organisation_id_idx on public.invitations (organisation_id);
create index invitations_email_idx on public.invitations (email);
create index invitations_invited_by_idx on public.invitations (invited_by);
-- One open invitation per person and organisation.
create unique index invitations_open_key on public.invitations (organisation_id, email)
  where accepted_at is null and revoked_at is null;

alter table public.invitations enable row level security;

-- Access helpers ------------------------------------------------------------------
-- Used by policies as `x in (select private.…())` or `(select private.…())`, so each
-- runs once per statement (InitPlan). Written in plpgsql on purpose: plpgsql keeps
-- its query plans for the session (PostgREST's pooled connections), whereas a
-- non-inlinable SQL function (security definer) is re-planned at every call.

-- The caller's organisations are asked for many times in one request: each policy's InitPlan in
-- each statement (18 times for a member's organisation page, one PostgREST request). They are
-- read once per transaction and kept, for that transaction only, in settings of its own
-- (set_config(…, true)): hub.reader_key, what they were read for (the caller's JWT claims as
-- PostgREST set them), and hub.reader_organisations_member/_editor/_admin. Another caller
-- (other claims) reads them again; a change to memberships or to an organisation's status
-- forgets them (private.forget_reader_organisations, triggers below). Whoever could write these
-- settings could as well write request.jwt.claims, on which auth.uid() and every policy rest:
-- the API sets neither from anything a caller sends. 53 µs a call before, 8 once read
-- (docs/benchmarks.md, "A member's organisations once per request").
create function private.user_organisation_id_array(min_role public.membership_role default 'member')
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  reader text := coalesce(current_setting('request.jwt.claim.sub', true), '') || '|'
                 || coalesce(current_setting('request.jwt.claims', true), '');
  organisations record;
begin
  if current_setting('hub.reader_key', true) is distinct from reader then
    select coalesce(array_agg(m.organisation_id), '{}') as member,
           coalesce(array_agg(m.organisation_id) filter (where m.role >= 'editor'), '{}') as editor,
           coalesce(array_agg(m.organisation_id) filter (where m.role >= 'admin'), '{}') as admin
      into organisations
      from public.memberships m
      join public.organisations o on o.id = m.organisation_id
      where m.user_id = (select auth.uid())
        and o.status = 'active';
    perform set_config('hub.reader_organisations_member', organisations.member::text, true),
            set_config('hub.reader_organisations_editor', organisations.editor::text, true),
            set_config('hub.reader_organisations_admin', organisations.admin::text, true),
            set_config('hub.reader_key', reader, true);
  end if;
  return current_setting('hub.reader_organisations_' || min_role)::uuid[];
end;
$$;
comment on function private.user_organisation_id_array(public.membership_role) is 'Ids of the ACTIVE organisations in which the current user holds at least min_role (memberships of pending/suspended organisations count for nothing), as an array: for `organisation_ids && (select private.user_organisation_id_array(…))` in policies. Read once per transaction and caller (see above).';

create function private.user_organisation_ids(min_role public.membership_role default 'member')
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 10
as $$
begin
  return query select unnest(private.user_organisation_id_array(min_role));
end;
$$;
comment on function private.user_organisation_ids(public.membership_role) is 'Same as user_organisation_id_array, as a set: for `x in (select private.user_organisation_ids(…))` in policies.';

-- Forgets the caller's organisations read in this transaction (above): memberships changed, or
-- an organisation's status.
create function private.forget_reader_organisations()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('hub.reader_key', '', true);
  return null;
end;
$$;
comment on function private.forget_reader_organisations() is 'Trigger (statement): the organisations read by private.user_organisation_id_array in this transaction are read again at the next call.';

create function private.is_coordinator()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  admin_of uuid[] := private.user_organisation_id_array('admin');
begin
  return exists (
    select 1
    from public.organisations o
    where o.id = any(admin_of)
      and o.is_coordinating
  );
end;
$$;
comment on function private.is_coordinator() is 'True when the current user is an admin of an active coordinating organisation.';

create function private.is_network_member()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return cardinality(private.user_organisation_id_array()) > 0;
end;
$$;
comment on function private.is_network_member() is 'True when the current user is a member of at least one active organisation.';

create function private.fellow_member_ids()
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  -- The caller's organisations once (initPlan): as a plain call in the filter, a scan of the
  -- table without its index (a small table) called it for every row, 0.37 ms a call at demo
  -- size instead of 0.02.
  return array(
    select distinct fellow.user_id
    from public.memberships fellow
    where fellow.organisation_id = any ((select private.user_organisation_id_array())::uuid[]));
end;
$$;
comment on function private.fellow_member_ids() is 'The members of the current user''s active organisations (the user among them), as an array: the profiles read policy computes it once per statement and tests each row''s id against it. (A set of every visible profile, with everyone for coordinators, cost 3-5 ms a statement at 100k people.)';

create function private.membership_admin_count(organisation uuid, excluding uuid)
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
  select count(*)
  from public.memberships m
  where m.organisation_id = organisation
    and m.role = 'admin'
    and m.id <> excluding
$$;
comment on function private.membership_admin_count(uuid, uuid) is 'Number of admins of an organisation other than the given membership (for the last-admin invariant).';

-- Organisation helpers of the invitation and membership guards (security review,
-- issue 11: a coordinator only invites the first admin of an organisation without one;
-- the last-admin check runs under a lock of the organisation row).

create function private.organisation_has_admin(organisation uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m where m.organisation_id = organisation and m.role = 'admin'
  );
end;
$$;
comment on function private.organisation_has_admin(uuid) is 'True when the organisation has at least one admin (whatever the caller may read): coordinators invite only the first admin of an organisation without one.';

create function private.adminless_organisation_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 10
as $$
begin
  if not private.is_coordinator() then
    return;
  end if;
  return query
    select o.id from public.organisations o
    where not exists (select 1 from public.memberships m where m.organisation_id = o.id and m.role = 'admin');
end;
$$;
comment on function private.adminless_organisation_ids() is 'For a coordinator: the organisations that have no admin (new ones, or whose last admin deleted their account), to which she invites the first admin; empty for everyone else.';

create function private.lock_organisation(organisation uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  -- no key update: serialises admin changes of one organisation without blocking the
  -- foreign-key checks of rows that merely reference it.
  perform 1 from public.organisations o where o.id = organisation for no key update;
end;
$$;
comment on function private.lock_organisation(uuid) is 'Locks an organisation row until the end of the transaction, so that concurrent changes of its admins are checked one after the other (last-admin invariant).';

grant execute on function private.user_organisation_ids(public.membership_role) to anon, authenticated, service_role;
grant execute on function private.user_organisation_id_array(public.membership_role) to anon, authenticated, service_role;
grant execute on function private.is_coordinator() to anon, authenticated, service_role;
grant execute on function private.is_network_member() to anon, authenticated, service_role;
grant execute on function private.fellow_member_ids() to anon, authenticated, service_role;
grant execute on function private.is_api_caller() to anon, authenticated, service_role;
grant execute on function private.membership_admin_count(uuid, uuid) to authenticated, service_role;
grant execute on function private.organisation_has_admin(uuid) to authenticated, service_role;
grant execute on function private.adminless_organisation_ids() to authenticated, service_role;
grant execute on function private.lock_organisation(uuid) to authenticated, service_role;

-- Invariants (triggers) ---------------------------------------------------------

create function private.guard_organisation_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_caller() or private.is_coordinator() then
    return new;
  end if;
  if new.status is distinct from old.status
     or new.is_coordinating is distinct from old.is_coordinating
     or new.kind is distinct from old.kind then
    raise exception 'only coordinators can change an organisation''s status, kind or coordinating flag'
      using errcode = '42501';
  end if;
  if new.slug is distinct from old.slug or new.country is distinct from old.country then
    raise exception 'only coordinators can change an organisation''s slug or country'
      using errcode = '42501';
  end if;
  if new.id is distinct from old.id or new.created_at is distinct from old.created_at then
    raise exception 'an organisation''s id and creation date cannot change' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function private.guard_organisation_update() is 'Trigger: organisation admins may edit the profile fields only; status, kind, coordinating flag, slug and country are for coordinators.';

create trigger organisations_guard_update
  before update on public.organisations
  for each row execute function private.guard_organisation_update();

create function private.guard_membership_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  if not private.is_api_caller() then
    -- Trusted paths (migrations, secret key, the invitation-acceptance trigger).
    return coalesce(new, old);
  end if;

  if tg_op = 'UPDATE' then
    if new.user_id is distinct from old.user_id or new.organisation_id is distinct from old.organisation_id then
      raise exception 'a membership cannot be moved to another person or organisation'
        using errcode = '42501';
    end if;
    if new.user_id = caller and new.role > old.role then
      raise exception 'you cannot raise your own role' using errcode = '42501';
    end if;
  elsif tg_op = 'INSERT' then
    if new.user_id = caller then
      raise exception 'you cannot give yourself a membership; accept an invitation instead'
        using errcode = '42501';
    end if;
  end if;

  -- An organisation always keeps at least one admin. Lock the organisation first: a
  -- concurrent demotion or removal of another admin waits here until this transaction
  -- ends, and its count (a new statement, so a new snapshot) then sees this change.
  if old.role = 'admin' and (tg_op = 'DELETE' or new.role <> 'admin') then
    perform private.lock_organisation(old.organisation_id);
    if private.membership_admin_count(old.organisation_id, old.id) = 0 then
      raise exception 'an organisation must keep at least one admin' using errcode = '23514';
    end if;
  end if;

  return coalesce(new, old);
end;
$$;
comment on function private.guard_membership_change() is 'Trigger: nobody raises their own role or grants themself a membership; an organisation keeps at least one admin (checked under a lock of the organisation row, so concurrent demotions cannot remove the last one).';

create trigger memberships_guard_change
  before insert or update or delete on public.memberships
  for each row execute function private.guard_membership_change();

-- What private.user_organisation_id_array read in this transaction is read again after any
-- change to memberships or organisations (an organisation's status decides whether its
-- memberships count). Statement triggers fire at the end of each statement, also of each one
-- inside a function, so the next statement reads the change.
create trigger memberships_forget_reader_organisations
  after insert or update or delete or truncate on public.memberships
  for each statement execute function private.forget_reader_organisations();
create trigger organisations_forget_reader_organisations
  after insert or update or delete or truncate on public.organisations
  for each statement execute function private.forget_reader_organisations();

create function private.guard_invitation_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  is_admin boolean;
  is_manager boolean;
  is_invitee boolean;
begin
  if not private.is_api_caller() then
    return new;
  end if;

  is_admin := coalesce(old.organisation_id, new.organisation_id) in (select private.user_organisation_ids('admin'));
  -- A coordinator manages an organisation's invitations only while it has no admin.
  is_manager := is_admin
                or (private.is_coordinator()
                    and not private.organisation_has_admin(coalesce(old.organisation_id, new.organisation_id)));

  if tg_op = 'INSERT' then
    if new.email = lower((select auth.email())) then
      raise exception 'you cannot invite yourself: another admin of the organisation invites you'
        using errcode = '42501';
    end if;
    -- Others than admins and coordinators are refused by the insert policy.
    if not is_admin and private.is_coordinator() and (not is_manager or new.role <> 'admin') then
      raise exception 'coordinators only invite the first admin of an organisation that has none; its admins invite everyone else'
        using errcode = '42501';
    end if;
    new.invited_by := (select auth.uid());
    new.accepted_at := null;
    new.revoked_at := null;
    return new;
  end if;

  is_invitee := old.email = lower((select auth.email()));

  if new.id is distinct from old.id
     or new.organisation_id is distinct from old.organisation_id
     or new.email is distinct from old.email
     or new.invited_by is distinct from old.invited_by
     or new.created_at is distinct from old.created_at then
    raise exception 'an invitation''s organisation, email and author cannot change' using errcode = '42501';
  end if;
  if old.accepted_at is not null or old.revoked_at is not null then
    raise exception 'this invitation is closed (accepted or revoked)' using errcode = '42501';
  end if;

  if new.accepted_at is not null then
    if not is_invitee then
      raise exception 'only the invited person can accept an invitation' using errcode = '42501';
    end if;
    if old.expires_at < now() then
      raise exception 'this invitation has expired' using errcode = '22023';
    end if;
    if new.role is distinct from old.role
       or new.expires_at is distinct from old.expires_at
       or new.token_hash is distinct from old.token_hash
       or new.revoked_at is not null then
      raise exception 'accepting an invitation cannot change it' using errcode = '42501';
    end if;
    new.accepted_at := now();
    return new;
  end if;

  -- Revoking or re-sending (new token, expiry, role, locale): the organisation's side.
  if not is_manager then
    raise exception 'only the organisation''s admins can change an invitation' using errcode = '42501';
  end if;
  if not is_admin and new.role <> 'admin' then
    raise exception 'coordinators only invite the first admin of an organisation that has none; its admins invite everyone else'
      using errcode = '42501';
  end if;
  if new.revoked_at is not null then
    new.revoked_at := now();
  end if;
  return new;
end;
$$;
comment on function private.guard_invitation_change() is 'Trigger: nobody invites their own address; coordinators invite (and re-send) only the first admin of an organisation without one; the invitee may only accept (before expiry); the organisation''s admins may revoke or re-send; nothing else changes.';

create trigger invitations_guard_change
  before insert or update on public.invitations
  for each row execute function private.guard_invitation_change();

create function private.accept_invitation_membership()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- The guard trigger checked that auth.email() is the invited email.
  insert into public.memberships (user_id, organisation_id, role)
  values ((select auth.uid()), new.organisation_id, new.role)
  on conflict (user_id, organisation_id) do update
    set role = excluded.role
    where public.memberships.role < excluded.role;
  return new;
end;
$$;
comment on function private.accept_invitation_membership() is 'Trigger: when an invitation is accepted, gives the accepting person the invited membership (or raises an existing lower role).';

create trigger invitations_accept
  after update of accepted_at on public.invitations
  for each row
  when (old.accepted_at is null and new.accepted_at is not null)
  execute function private.accept_invitation_membership();

-- Creation dates are the database's: for API callers created_at (and updated_at of a new
-- row) are now(), and created_at never changes afterwards.
create function private.stamp_created_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_caller() then
    if tg_op = 'INSERT' then
      new.created_at := now();
      new.updated_at := now();
    else
      new.created_at := old.created_at;
    end if;
  end if;
  return new;
end;
$$;
comment on function private.stamp_created_at() is 'Trigger: for API callers, created_at and updated_at of a new row are now(), and created_at never changes afterwards (tables with both columns).';

-- The four tables above keep their timestamps alike: <table>_set_updated_at stamps
-- updated_at on every update, <table>_stamp_created_at keeps created_at the database's.
do $$
declare
  stamped text;
begin
  foreach stamped in array array['organisations', 'profiles', 'memberships', 'invitations'] loop
    execute format(
      'create trigger %I before update on public.%I
         for each row execute function private.set_updated_at()',
      stamped || '_set_updated_at', stamped);
    execute format(
      'create trigger %I before insert or update on public.%I
         for each row execute function private.stamp_created_at()',
      stamped || '_stamp_created_at', stamped);
  end loop;
end;
$$;

-- Privileges --------------------------------------------------------------------
-- Hosted Supabase grants ALL (incl. truncate, which ignores RLS) to the API roles by
-- default. Keep only what the policies below are written for.

revoke all on public.organisations, public.profiles, public.memberships, public.invitations
  from anon, authenticated;
grant select on public.organisations to anon;
grant select, insert, update on public.organisations to authenticated;
grant select, update on public.profiles to authenticated;
grant select, insert, update, delete on public.memberships to authenticated;
grant select, insert, update on public.invitations to authenticated;

-- Policies ----------------------------------------------------------------------

-- organisations
create policy "Anyone can read active organisations"
  on public.organisations for select to anon
  using (status = 'active');

create policy "People read active organisations, coordinators read all"
  on public.organisations for select to authenticated
  using (status = 'active' or (select private.is_coordinator()));

create policy "Coordinators can create organisations"
  on public.organisations for insert to authenticated
  with check ((select private.is_coordinator()));

create policy "Admins edit their organisation, coordinators edit any"
  on public.organisations for update to authenticated
  using (id in (select private.user_organisation_ids('admin')) or (select private.is_coordinator()))
  with check (id in (select private.user_organisation_ids('admin')) or (select private.is_coordinator()));

-- profiles
-- Their own, the members of their active organisations, everyone for coordinators: each
-- helper once per statement (initPlan), a comparison with the row's id per row.
create policy "People read their own and fellow members' profiles"
  on public.profiles for select to authenticated
  using (
    id = (select auth.uid())
    or id = any ((select private.fellow_member_ids())::uuid[])
    or (select private.is_coordinator())
  );

create policy "People update their own profile"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

-- memberships
create policy "Members read their organisations' memberships and their own"
  on public.memberships for select to authenticated
  using (
    user_id = (select auth.uid())
    or organisation_id in (select private.user_organisation_ids('member'))
    or (select private.is_coordinator())
  );

create policy "Admins add members to their organisation"
  on public.memberships for insert to authenticated
  with check (organisation_id in (select private.user_organisation_ids('admin')));

create policy "Admins change roles in their organisation"
  on public.memberships for update to authenticated
  using (organisation_id in (select private.user_organisation_ids('admin')))
  with check (organisation_id in (select private.user_organisation_ids('admin')));

create policy "Admins remove members from their organisation"
  on public.memberships for delete to authenticated
  using (organisation_id in (select private.user_organisation_ids('admin')));

-- invitations
create policy "Admins, coordinators and the invited person read invitations"
  on public.invitations for select to authenticated
  using (
    organisation_id in (select private.user_organisation_ids('admin'))
    or (select private.is_coordinator())
    or email = lower((select auth.email()))
  );

create policy "Admins invite to their organisation, coordinators the first admin of one without"
  on public.invitations for insert to authenticated
  with check (
    organisation_id in (select private.user_organisation_ids('admin'))
    or organisation_id in (select private.adminless_organisation_ids())
  );

create policy "Admins revoke or re-send, the invited person accepts"
  on public.invitations for update to authenticated
  using (
    organisation_id in (select private.user_organisation_ids('admin'))
    or organisation_id in (select private.adminless_organisation_ids())
    or email = lower((select auth.email()))
  )
  with check (
    organisation_id in (select private.user_organisation_ids('admin'))
    or organisation_id in (select private.adminless_organisation_ids())
    or email = lower((select auth.email()))
  );

-- Functions are executable by PUBLIC by default; helpers are granted explicitly above
-- and trigger functions need no grant at all.
revoke execute on all functions in schema private from public;
