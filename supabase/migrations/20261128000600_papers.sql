-- Position papers: statements, alternative reports and submissions (issue 7), the third
-- content type on top of `items`, built like joint actions (20261128000400) and events
-- (20261128000500):
--   papers               the facts (kind, areas, UNCRC articles, countries, linked action)
--                        and which version is open for signature until when
--   paper_translations   title/abstract per language, with revisions (as joint actions)
--   paper_versions       versions 1, 2, 3… of the paper (numbered by trigger)
--   paper_files          one PDF per language per version: metadata + the storage key
--   paper_signatures     which organisation was asked to co-sign which version, and its answer
-- Reading follows the item: papers carries a copy of its item's access columns, the
-- signatories included (who read a draft), as joint_actions does ("Content read policies"
-- in 20261128000400); the other tables probe the item. Writing follows the item's leads
-- (private.editable_item_ids()). Rules: docs/access-model.md ("Papers").
--
-- The bytes of a PDF live in the app's storage port under paper_files.storage_key; the
-- app serves a download only after reading the file's row as the caller, so the row's
-- read rule IS the download rule.
--
-- Co-signature goes through four functions (public, security invoker, each calling a
-- private security definer function that checks everything itself); nobody writes
-- paper_signatures or signatory attachments directly. Errors use custom SQLSTATEs
-- (class PA, HTTP 400 through PostgREST) that the app maps to messages:
--   PA001 signature is closed            PA005 the deadline must be in the future
--   PA002 the deadline has passed        PA006 the version belongs to another paper
--   PA003 not the version open for signature
--   PA004 already signed/declined        PA007 a version with signatures is frozen
--   PA008 this organisation cannot be invited to sign
--   PA009 organisations signed this paper: it neither goes back to draft nor is deleted
--   42501 the caller may not do this
--
-- Also here, once the last of the tables they read exists: what others signed or
-- registered for outlives unpublishing and deletion of its item (private.item_kept_by),
-- the publication date and access columns copied onto the content rows
-- (private.sync_content_access), and the search over the three
-- content types (private.item_search_hits, public.search_items).

-- Types ---------------------------------------------------------------------------

create type public.paper_kind as enum ('position_statement', 'alternative_report', 'submission', 'other');
comment on type public.paper_kind is 'What a paper is: a position statement, an alternative report (UN Committee on the Rights of the Child), a submission, or something else.';

create type public.signature_state as enum ('invited', 'signed', 'declined');
comment on type public.signature_state is 'An organisation''s answer to a request to co-sign a version of a paper (given by its admins).';

-- Tables --------------------------------------------------------------------------

create table public.papers (
  id uuid primary key references public.items (id) on delete cascade,
  original_locale public.content_locale not null,
  -- Version of the original text; bumped by trigger, never written by API callers.
  original_revision integer not null default 1
    constraint papers_original_revision_positive check (original_revision >= 1),
  paper_kind public.paper_kind not null default 'position_statement',
  areas public.work_area[] not null default '{}'
    constraint papers_areas_valid check (private.array_is_set(areas)),
  crc_articles smallint[] not null default '{}'
    constraint papers_crc_articles_valid check (private.is_crc_article_set(crc_articles)),
  countries text[] not null default '{}'
    constraint papers_countries_valid check (private.is_country_code_set(countries)),
  joint_action_id uuid references public.joint_actions (id) on delete set null,
  -- The version open for signature (null: signature closed) and until when. Written only
  -- by open_paper_signature / close_paper_signature; the foreign key (added below, with
  -- paper_versions) makes it a version of this paper.
  signature_version_id uuid,
  signature_deadline timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A copy of items.published_at, as joint_actions.published_at (the list's order).
  published_at timestamptz,
  -- Then the item's access columns, copied as on joint_actions, and the organisations asked
  -- to co-sign (who read the draft): private.set_up_content_type.
  constraint papers_signature_deadline_required check (signature_version_id is null or signature_deadline is not null)
);
comment on table public.papers is 'Position statements, alternative reports and submissions. One row per item of kind paper; who reads and edits it is decided by the item. signature_version_id/deadline: the version open for co-signature.';
comment on column public.papers.original_revision is 'Version of the original-language text, bumped when its title or abstract changes; a translation with a lower source_revision is outdated.';
comment on column public.papers.signature_version_id is 'The version currently open for co-signature; null when signature is closed (signature_deadline then keeps the last deadline).';
comment on column public.papers.signature_deadline is 'Until when the open version can be signed; kept after closing, for the record.';
comment on column public.papers.published_at is 'Copy of items.published_at (kept by trigger) so the list orders on an indexed column of its own.';

create index papers_areas_idx on public.papers using gin (areas);
create index papers_crc_articles_idx on public.papers using gin (crc_articles);
create index papers_countries_idx on public.papers using gin (countries);
create index papers_joint_action_id_idx on public.papers (joint_action_id);
create index papers_paper_kind_idx on public.papers (paper_kind);
create index papers_published_at_idx on public.papers (published_at desc nulls last, id);

alter table public.papers enable row level security;

create table public.paper_translations (
  paper_id uuid not null references public.papers (id) on delete cascade,
  locale public.content_locale not null,
  title text not null
    constraint paper_translations_title_length check (length(btrim(title)) between 1 and 300),
  abstract text not null default ''
    constraint paper_translations_abstract_length check (length(abstract) <= 5000),
  -- The original_revision this text was made from. Always set by trigger.
  source_revision integer not null default 1,
  -- Each row is searched with its own language's configuration.
  search tsvector generated always as (
    setweight(to_tsvector(private.text_search_config(locale), title), 'A')
    || setweight(to_tsvector(private.text_search_config(locale), abstract), 'B')
  ) stored,
  -- What a hit with an abstract of more than 1,000 characters is ranked by: the title and the
  -- abstract's first 1,000 characters (as joint_action_translations.ranking).
  ranking tsvector generated always as (
    case when length(abstract) > 1000 then
      setweight(to_tsvector(private.text_search_config(locale), title), 'A')
      || setweight(to_tsvector(private.text_search_config(locale), left(abstract, 1000)), 'B')
    end
  ) stored
  -- Then updated_by, created_at, updated_at and the primary key (paper_id, locale), which
  -- the translation triggers rely on: private.set_up_content_type.
);
comment on table public.paper_translations is 'Title and abstract of a paper per language: the original (papers.original_locale) and its translations, each with the original_revision it was made from.';

alter table public.paper_translations alter column ranking set storage main;
alter table public.paper_translations enable row level security;

create table public.paper_versions (
  id uuid primary key default gen_random_uuid(),
  paper_id uuid not null
    constraint paper_versions_paper_id_fkey references public.papers (id) on delete cascade,
  -- 1, 2, 3… assigned by trigger (max + 1 under the paper's row lock), never by the caller.
  number integer not null
    constraint paper_versions_number_positive check (number >= 1),
  -- What changed.
  note text not null default ''
    constraint paper_versions_note_length check (length(note) <= 2000),
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint paper_versions_paper_id_number_key unique (paper_id, number),
  -- Target of the (paper_id, version_id) foreign keys: a version of the same paper.
  constraint paper_versions_paper_id_id_key unique (paper_id, id)
);
comment on table public.paper_versions is 'Versions of a paper (1, 2, 3…), each with its PDFs (paper_files) and its co-signatures (paper_signatures). A version with signatures is never deleted.';

create index paper_versions_created_by_idx on public.paper_versions (created_by);

alter table public.paper_versions enable row level security;

alter table public.papers
  add constraint papers_signature_version_fkey
  foreign key (id, signature_version_id) references public.paper_versions (paper_id, id);
create index papers_signature_version_idx on public.papers (id, signature_version_id);

create table public.paper_files (
  id uuid primary key default gen_random_uuid(),
  paper_id uuid not null
    constraint paper_files_paper_id_fkey references public.papers (id) on delete cascade,
  version_id uuid not null,
  locale public.content_locale not null,
  -- Opaque key in the storage port, always under the paper's own folder:
  -- papers/<paper_id>/<name> (API callers), seed/<paper_id>/<name> (seed only).
  storage_key text not null
    constraint paper_files_storage_key_key unique
    constraint paper_files_storage_key_format check (
      storage_key ~ ('^(papers|seed)/' || paper_id::text || '/[A-Za-z0-9][A-Za-z0-9._-]{0,199}$')
      and storage_key !~ '\.\.'
    ),
  filename text not null
    constraint paper_files_filename_valid check (
      length(btrim(filename)) between 1 and 200 and filename !~ '[/\\[:cntrl:]]'
    ),
  size_bytes integer not null
    constraint paper_files_size_bytes_range check (size_bytes between 1 and 26214400),
  sha256 text not null
    constraint paper_files_sha256_format check (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text not null default 'application/pdf'
    constraint paper_files_content_type_pdf check (content_type = 'application/pdf'),
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  -- One PDF per language per version.
  constraint paper_files_version_id_locale_key unique (version_id, locale),
  -- The version belongs to the same paper.
  constraint paper_files_version_fkey foreign key (paper_id, version_id)
    references public.paper_versions (paper_id, id) on delete cascade
);
comment on table public.paper_files is 'The PDF of a version of a paper in one language: metadata and the key of its bytes in the storage port. The app serves the bytes only after reading this row as the caller, so who reads the row may download the file.';

create index paper_files_paper_id_version_id_idx on public.paper_files (paper_id, version_id);
create index paper_files_created_by_idx on public.paper_files (created_by);

alter table public.paper_files enable row level security;

create table public.paper_signatures (
  id uuid primary key default gen_random_uuid(),
  paper_id uuid not null
    constraint paper_signatures_paper_id_fkey references public.papers (id) on delete cascade,
  version_id uuid not null,
  organisation_id uuid not null references public.organisations (id),
  state public.signature_state not null default 'invited',
  comment text not null default ''
    constraint paper_signatures_comment_length check (length(comment) <= 2000),
  invited_by uuid references public.profiles (id) on delete set null,
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  constraint paper_signatures_version_id_organisation_id_key unique (version_id, organisation_id),
  constraint paper_signatures_version_fkey foreign key (paper_id, version_id)
    references public.paper_versions (paper_id, id) on delete cascade,
  constraint paper_signatures_decision_stamped check ((state = 'invited') = (decided_at is null))
);
comment on table public.paper_signatures is 'Requests to co-sign a version of a paper and each organisation''s answer (signed/declined, by one of its admins). Written only by invite_paper_signatories, open_paper_signature and decide_paper_signature; older versions'' rows are the history.';

create index paper_signatures_paper_id_version_id_idx on public.paper_signatures (paper_id, version_id);
create index paper_signatures_organisation_id_idx on public.paper_signatures (organisation_id, state);
create index paper_signatures_invited_by_idx on public.paper_signatures (invited_by);
create index paper_signatures_decided_by_idx on public.paper_signatures (decided_by);

alter table public.paper_signatures enable row level security;

-- Invariants (triggers) -----------------------------------------------------------

create function private.guard_paper_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- The linked joint action must be one the caller can read (as the caller: RLS).
  if private.is_api_caller() and new.joint_action_id is not null
     and (tg_op = 'INSERT' or new.joint_action_id is distinct from old.joint_action_id)
     and not exists (select 1 from public.joint_actions ja where ja.id = new.joint_action_id) then
    raise exception 'a paper can only be linked to a joint action you can read' using errcode = '42501';
  end if;
  if not private.is_api_caller() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.signature_version_id is not null then
      raise exception 'signature opens through open_paper_signature' using errcode = '42501';
    end if;
    new.signature_deadline := null;
  elsif new.signature_version_id is distinct from old.signature_version_id
        or new.signature_deadline is distinct from old.signature_deadline then
    raise exception 'signature opens and closes through open_paper_signature and close_paper_signature'
      using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function private.guard_paper_change() is 'Trigger: a readable joint action; the signature columns are not for API callers. The rest is the content guard (papers_guard_content).';

create trigger papers_guard_change
  before insert or update on public.papers
  for each row execute function private.guard_paper_change();

-- The shared content guard (20261128000400_joint_actions.sql), after the trigger above.
create trigger papers_guard_content
  before insert or update on public.papers
  for each row execute function private.guard_content_change('paper', 'paper_translations', 'paper_id', 'a paper', 'paper');

-- The item's access columns, translation revisions, privileges and policies of a content
-- type (20261128000400_joint_actions.sql), with the organisations asked to co-sign, who
-- read the draft.
select private.set_up_content_type('papers', 'paper_translations', 'paper_id', 'a paper', 'paper',
                                   'papers', 'papers', signatories => true);

create function private.number_paper_version()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Runs as the owner (to lock and count every version); RLS still decides afterwards
  -- whether the caller may add the row. The paper's row lock serialises two uploads.
  perform 1 from public.papers p where p.id = new.paper_id for update;
  new.number := coalesce((select max(v.number) from public.paper_versions v where v.paper_id = new.paper_id), 0) + 1;
  return new;
end;
$$;
comment on function private.number_paper_version() is 'Trigger: a new version gets the next number of its paper (max + 1, under the paper''s row lock), whatever the caller sent.';

create trigger paper_versions_number
  before insert on public.paper_versions
  for each row execute function private.number_paper_version();

create function private.lock_paper(paper uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform 1 from public.papers p where p.id = paper for update;
end;
$$;
comment on function private.lock_paper(uuid) is 'Locks a paper row until the end of the transaction: the lock every co-signature function takes first, so that file and version changes are checked against committed signatures.';

create function private.guard_paper_version_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_caller() then
    return coalesce(new, old);
  end if;
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
    new.created_at := now();
    return new;
  end if;
  if tg_op = 'UPDATE' then
    if new.id is distinct from old.id or new.paper_id is distinct from old.paper_id
       or new.number is distinct from old.number or new.created_by is distinct from old.created_by
       or new.created_at is distinct from old.created_at then
      raise exception 'only the note of a version can change' using errcode = '42501';
    end if;
    return new;
  end if;
  -- DELETE, under the paper's lock (asking to sign holds it too). The editors can read
  -- every signature of their paper (their RLS).
  perform private.lock_paper(old.paper_id);
  if exists (select 1 from public.papers p where p.id = old.paper_id and p.signature_version_id = old.id) then
    raise exception 'the version open for signature cannot be deleted; close signature first' using errcode = 'PA007';
  end if;
  if exists (select 1 from public.paper_signatures s where s.version_id = old.id) then
    raise exception 'a version organisations were asked to sign cannot be deleted: it is the record of the signatures'
      using errcode = 'PA007';
  end if;
  return old;
end;
$$;
comment on function private.guard_paper_version_change() is 'Trigger: author and date stamped; only the note changes; a version open for signature or with signature requests is never deleted (checked under the paper''s lock).';

create trigger paper_versions_guard_change
  before insert or update or delete on public.paper_versions
  for each row execute function private.guard_paper_version_change();

create function private.paper_version_signed(version uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (select 1 from public.paper_signatures s where s.version_id = version and s.state = 'signed');
end;
$$;
comment on function private.paper_version_signed(uuid) is 'True when at least one organisation signed this version (its PDFs are then frozen).';

create function private.guard_paper_file_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_caller() then
    return coalesce(new, old);
  end if;
  -- Signing holds this lock: a signature being given is committed (and seen) before we check.
  perform private.lock_paper(coalesce(new.paper_id, old.paper_id));
  if tg_op = 'INSERT' then
    if new.storage_key !~ ('^papers/' || new.paper_id::text || '/') then
      raise exception 'a paper''s file is stored under papers/%/', new.paper_id using errcode = '23514';
    end if;
    if private.paper_version_signed(new.version_id) then
      raise exception 'organisations have signed this version; upload a new version instead' using errcode = 'PA007';
    end if;
    new.created_by := (select auth.uid());
    new.created_at := now();
    return new;
  end if;
  -- DELETE
  if private.paper_version_signed(old.version_id) then
    raise exception 'organisations have signed this version; its files cannot be removed' using errcode = 'PA007';
  end if;
  return old;
end;
$$;
comment on function private.guard_paper_file_change() is 'Trigger: API callers store files under papers/<paper_id>/; author and date stamped; the files of a signed version are frozen (checked under the paper''s lock, which signing takes too).';

create trigger paper_files_guard_change
  before insert or delete on public.paper_files
  for each row execute function private.guard_paper_file_change();

create function private.guard_signatory_attachment()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Signatory attachments follow paper_signatures; only the functions (trusted path)
  -- write them. Detaching (delete) stays the owner editors' right.
  if private.is_api_caller() and (new.role = 'signatory' or (tg_op = 'UPDATE' and old.role = 'signatory')) then
    if tg_op = 'INSERT' then
      raise exception 'organisations are asked to co-sign through invite_paper_signatories' using errcode = '42501';
    end if;
    raise exception 'a co-signature is answered through decide_paper_signature' using errcode = '42501';
  end if;
  return new;
end;
$$;
comment on function private.guard_signatory_attachment() is 'Trigger: API callers neither create nor answer signatory attachments directly (invite_paper_signatories, decide_paper_signature do).';

create trigger item_organisations_guard_signatory
  before insert or update on public.item_organisations
  for each row execute function private.guard_signatory_attachment();

-- Items others recorded something on ------------------------------------------------
-- A paper others signed, or an event people registered for, neither goes back to draft
-- (private.guard_item_update, 20261128000200) nor is deleted: the cascade would remove
-- the signatures or registrations (security review, issue 11). Archive the paper, cancel
-- the event instead.

create function private.item_kept_by(item uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  -- Registering locks the event row (register_for_event): lock it too, so that a
  -- registration committed meanwhile is seen. Signing locks the paper row and then the
  -- item row, which the caller already holds: no lock here (a concurrent signature ends
  -- in a deadlock error for one of the two, never in a lost signature).
  perform 1 from public.events e where e.id = item for update;
  if exists (select 1 from public.paper_signatures s where s.paper_id = item and s.state = 'signed') then
    return 'signatures';
  end if;
  if exists (select 1 from public.event_registrations r where r.event_id = item) then
    return 'registrations';
  end if;
  return null;
end;
$$;
comment on function private.item_kept_by(uuid) is 'What other people recorded on an item that must outlive it: ''signatures'' (a signed co-signature of a paper), ''registrations'' (any registration of an event, cancelled ones included) or null.';

create function private.guard_item_delete()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_caller() then
    return old;
  end if;
  case private.item_kept_by(old.id)
    when 'signatures' then
      raise exception 'organisations have signed this paper: it cannot be deleted (archive it instead)'
        using errcode = 'PA009';
    when 'registrations' then
      raise exception 'people registered for this event: it cannot be deleted (cancel it instead)'
        using errcode = 'EV008';
    else
      null;
  end case;
  return old;
end;
$$;
comment on function private.guard_item_delete() is 'Trigger: API callers do not delete a paper others signed (PA009: the signatures are the record) nor an event people registered for (EV008, cancelled registrations included); the deletion would cascade to those rows.';

create trigger items_guard_delete
  before delete on public.items
  for each row execute function private.guard_item_delete();

-- An item's publication date and access columns reach the content row that copies them
-- (private.copy_item_access, 20261128000400_joint_actions.sql) in the same statement, so
-- the next query reads the content under the item's new rules. An AFTER trigger, since
-- stamp_item sets published_at in a BEFORE trigger (`update of` would not see it).
create function private.sync_content_access()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- The copy trigger re-reads the item: touching the row is enough.
  if new.kind = 'joint_action' then
    update public.joint_actions set status = new.status where id = new.id;
  elsif new.kind = 'event' then
    update public.events set status = new.status where id = new.id;
  elsif new.kind = 'paper' then
    update public.papers set status = new.status where id = new.id;
  end if;
  return null;
end;
$$;
comment on function private.sync_content_access() is 'Trigger: copies an item''s new published_at, status, visibility and organisation arrays onto its joint action, event or paper.';

create trigger items_sync_content_access
  after update on public.items
  for each row
  when (old.published_at is distinct from new.published_at
        or old.status is distinct from new.status
        or old.visibility is distinct from new.visibility
        or old.lead_organisation_ids is distinct from new.lead_organisation_ids
        or old.participant_organisation_ids is distinct from new.participant_organisation_ids
        or old.signatory_organisation_ids is distinct from new.signatory_organisation_ids)
  execute function private.sync_content_access();

-- Co-signature functions ------------------------------------------------------------
-- The private functions run as their owner (no RLS, and a trusted path for the
-- triggers): each checks the caller itself.

create function private.lock_paper_for_owner(paper uuid, action text)
returns public.papers
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  p public.papers;
  item_status public.item_status;
begin
  if paper is null or paper not in (select private.owned_item_ids()) then
    raise exception 'only editors of the owner organisation can % this paper', action using errcode = '42501';
  end if;
  select i.status into item_status from public.items i where i.id = paper;
  if item_status = 'archived' then
    raise exception 'an archived paper is read-only; restore it first' using errcode = '42501';
  end if;
  select * into p from public.papers x where x.id = paper for update;
  if not found then
    raise exception 'only editors of the owner organisation can % this paper', action using errcode = '42501';
  end if;
  return p;
end;
$$;
comment on function private.lock_paper_for_owner(uuid, text) is 'Checks that the current user is editor/admin of the paper''s owner and the paper is not archived, then locks and returns the paper row.';

create function private.ask_to_sign(paper uuid, version uuid, organisation uuid)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  asked boolean;
begin
  -- One request per (version, organisation); an existing one (answered or not) stays.
  insert into public.paper_signatures (paper_id, version_id, organisation_id, state, invited_by)
  values (paper, version, organisation, 'invited', (select auth.uid()))
  on conflict (version_id, organisation_id) do nothing;
  asked := found;
  if asked then
    insert into public.item_organisations (item_id, organisation_id, role, state, invited_by)
    values (paper, organisation, 'signatory', 'invited', (select auth.uid()))
    on conflict (item_id, organisation_id) do update
      set state = 'invited', responded_by = null, responded_at = null, updated_at = now()
      where item_organisations.role = 'signatory' and item_organisations.state <> 'invited';
  end if;
  return asked;
end;
$$;
comment on function private.ask_to_sign(uuid, uuid, uuid) is 'Creates the request to sign a version for an organisation (if none yet) and sets its signatory attachment to invited; true when a request was created.';

create function private.invite_paper_signatories(paper uuid, organisations uuid[])
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  p public.papers;
  owner_id uuid;
  org uuid;
  org_status public.organisation_status;
  org_name text;
  attached_role public.item_organisation_role;
  invited integer := 0;
begin
  p := private.lock_paper_for_owner(paper, 'invite organisations to sign');
  if p.signature_version_id is null then
    raise exception 'signature is not open for this paper; open a version for signature first' using errcode = 'PA001';
  end if;
  if p.signature_deadline <= now() then
    raise exception 'the signature deadline has passed' using errcode = 'PA002';
  end if;
  select i.owner_organisation_id into owner_id from public.items i where i.id = paper;
  for org in select distinct o from unnest(organisations) as o where o is not null loop
    select x.status, x.name into org_status, org_name from public.organisations x where x.id = org;
    if not found or org_status <> 'active' then
      raise exception 'organisation % cannot be asked to sign: it is not an active organisation', org using errcode = 'PA008';
    end if;
    if org = owner_id then
      raise exception 'the owner organisation does not co-sign its own paper' using errcode = 'PA008';
    end if;
    select io.role into attached_role from public.item_organisations io where io.item_id = paper and io.organisation_id = org;
    if found and attached_role <> 'signatory' then
      raise exception '% is already attached to this paper as %', org_name, attached_role using errcode = 'PA008';
    end if;
    if private.ask_to_sign(paper, p.signature_version_id, org) then
      invited := invited + 1;
    end if;
  end loop;
  return invited;
end;
$$;
comment on function private.invite_paper_signatories(uuid, uuid[]) is 'Asks organisations to co-sign the version open for signature (see public.invite_paper_signatories).';

create function private.open_paper_signature(paper uuid, version uuid, deadline timestamptz)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  p public.papers;
  org uuid;
  reasked integer := 0;
begin
  p := private.lock_paper_for_owner(paper, 'open signature of');
  if not exists (select 1 from public.paper_versions v where v.id = version and v.paper_id = paper) then
    raise exception 'this version belongs to another paper (or does not exist)' using errcode = 'PA006';
  end if;
  if deadline is null or deadline <= now() then
    raise exception 'the signature deadline must be in the future' using errcode = 'PA005';
  end if;
  update public.papers x
  set signature_version_id = version, signature_deadline = deadline
  where x.id = paper;
  -- Organisations asked to sign another version (whatever they answered) and still
  -- attached as signatories are asked again for this one; their old rows stay as history.
  for org in
    select distinct s.organisation_id
    from public.paper_signatures s
    join public.item_organisations io
      on io.item_id = s.paper_id and io.organisation_id = s.organisation_id and io.role = 'signatory'
    join public.organisations o on o.id = s.organisation_id and o.status = 'active'
    where s.paper_id = paper and s.version_id <> version
  loop
    if private.ask_to_sign(paper, version, org) then
      reasked := reasked + 1;
    end if;
  end loop;
  return reasked;
end;
$$;
comment on function private.open_paper_signature(uuid, uuid, timestamptz) is 'Opens a version for signature until a deadline and asks previous signatories again (see public.open_paper_signature).';

create function private.close_paper_signature(paper uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.lock_paper_for_owner(paper, 'close signature of');
  -- The deadline stays, for the record.
  update public.papers x set signature_version_id = null where x.id = paper;
end;
$$;
comment on function private.close_paper_signature(uuid) is 'Closes signature of a paper (see public.close_paper_signature).';

create function private.decide_paper_signature(signature uuid, approve boolean, comment text default '')
returns public.signature_state
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  s public.paper_signatures;
  p public.papers;
  item_status public.item_status;
  open_number integer;
  this_number integer;
  new_state public.signature_state;
begin
  select * into s from public.paper_signatures x where x.id = signature;
  -- Only the admins of the asked organisation answer in its name (never the owner,
  -- never an editor); an unknown id gets the same answer.
  if not found or s.organisation_id not in (select private.user_organisation_ids('admin')) then
    raise exception 'only admins of the organisation asked to sign can sign or decline in its name'
      using errcode = '42501';
  end if;
  if not exists (select 1 from public.item_organisations io
                 where io.item_id = s.paper_id and io.organisation_id = s.organisation_id and io.role = 'signatory') then
    raise exception 'your organisation is no longer asked to sign this paper' using errcode = '42501';
  end if;
  select * into p from public.papers x where x.id = s.paper_id for update;
  select i.status into item_status from public.items i where i.id = s.paper_id;
  if p.signature_version_id is null or item_status = 'archived' then
    raise exception 'signature is closed for this paper' using errcode = 'PA001';
  end if;
  if p.signature_version_id <> s.version_id then
    select v.number into open_number from public.paper_versions v where v.id = p.signature_version_id;
    select v.number into this_number from public.paper_versions v where v.id = s.version_id;
    raise exception 'this request is for version %, but version % is open for signature', this_number, open_number
      using errcode = 'PA003';
  end if;
  if p.signature_deadline <= now() then
    raise exception 'the signature deadline has passed' using errcode = 'PA002';
  end if;
  -- The signature row is locked by the paper's lock (every writer takes it first).
  select x.state into s.state from public.paper_signatures x where x.id = signature;
  if s.state <> 'invited' then
    raise exception 'your organisation has already % this version', s.state using errcode = 'PA004';
  end if;
  new_state := case when coalesce(approve, false) then 'signed' else 'declined' end;
  update public.paper_signatures x
  set state = new_state, comment = coalesce(decide_paper_signature.comment, ''),
      decided_by = (select auth.uid()), decided_at = now()
  where x.id = signature;
  update public.item_organisations io
  set state = case when new_state = 'signed' then 'accepted'::public.attachment_state else 'declined'::public.attachment_state end,
      responded_by = (select auth.uid()), responded_at = now(), updated_at = now()
  where io.item_id = s.paper_id and io.organisation_id = s.organisation_id and io.role = 'signatory';
  return new_state;
end;
$$;
comment on function private.decide_paper_signature(uuid, boolean, text) is 'An admin of the asked organisation signs or declines the open version before the deadline (see public.decide_paper_signature).';

grant execute on function private.paper_version_signed(uuid) to authenticated, service_role;
grant execute on function private.lock_paper(uuid) to authenticated, service_role;
grant execute on function private.item_kept_by(uuid) to authenticated, service_role;
grant execute on function private.lock_paper_for_owner(uuid, text) to service_role;
grant execute on function private.ask_to_sign(uuid, uuid, uuid) to service_role;

-- Public API (security invoker: the lints forbid security-definer functions here) ---

select private.expose('private.invite_paper_signatories(uuid, uuid[])', callers => '{authenticated}', public_names => array['paper_id', 'organisation_ids']);
comment on function public.invite_paper_signatories(uuid, uuid[]) is 'The owner''s editors/admins ask active organisations to co-sign the version open for signature (signatory attachment invited + a request for that version); returns how many were newly asked (already asked ones are skipped). Errors: 42501 not an owner editor or archived, PA001 signature not open, PA002 deadline passed, PA008 organisation not active / the owner / attached otherwise.';

select private.expose('private.open_paper_signature(uuid, uuid, timestamptz)', callers => '{authenticated}', public_names => array['paper_id', 'version_id', 'deadline']);
comment on function public.open_paper_signature(uuid, uuid, timestamptz) is 'The owner''s editors/admins open a version for signature until a future deadline (again: extends the deadline); organisations asked to sign another version are asked again for this one (returns how many); older requests stay as history. Errors: 42501, PA005 deadline not in the future, PA006 version of another paper.';

select private.expose('private.close_paper_signature(uuid)', callers => '{authenticated}', public_names => array['paper_id']);
comment on function public.close_paper_signature(uuid) is 'The owner''s editors/admins close signature (signature_version_id null; signature_deadline kept for the record). Unanswered requests stay invited. Error: 42501.';

select private.expose('private.decide_paper_signature(uuid, boolean, text)', callers => '{authenticated}', public_names => array['signature_id', 'approve', 'comment']);
comment on function public.decide_paper_signature(uuid, boolean, text) is 'An admin of the asked organisation signs (approve) or declines the version open for signature, with an optional comment; final for that version. Errors: 42501 not an admin of that organisation (or no longer attached), PA001 closed, PA003 not the open version, PA002 deadline passed, PA004 already answered.';

create function public.paper_file_for_download(file_id uuid)
returns table (storage_key text, filename text, size_bytes integer, sha256 text)
language sql
stable
security invoker
set search_path = ''
as $$
  -- Under the caller's RLS: no row when they may not read the paper.
  select f.storage_key, f.filename, f.size_bytes, f.sha256 from public.paper_files f where f.id = file_id
$$;
comment on function public.paper_file_for_download(uuid) is 'What the app needs to stream a PDF, read as the caller: no row when the caller may not read the paper (or the file does not exist).';

-- Search over the three content types -----------------------------------------------
-- A translation matches when the query, parsed with that translation's language
-- (websearch syntax), matches it. The hits are found without RLS, through the GIN indexes
-- on each translation table's `search`: a policy is a security barrier, behind which the
-- non-leakproof `@@` cannot use an index, so each readable text was matched one by one
-- (docs/benchmarks.md, "Content read policies and search"). One OR branch per language
-- with a constant configuration and a constant locale, so that each branch is served by that
-- language's own partial index (20261128000400_joint_actions.sql, one per language); the
-- planner pushes them into each arm of the union. public.search_items then keeps the hits
-- whose item the caller may read, one primary-key probe each (`offset 0`, as the content
-- read policies).

create function private.item_search_hits(query text, kind public.item_kind default null)
returns table (item_id uuid, rank real)
language plpgsql
stable
security definer
set search_path = ''
-- Serial: two workers for a few thousand hits cost more to start than they save (on a
-- busy 2-core server, 48 ms serial against 210-250 ms parallel for 2,504 hits).
set max_parallel_workers_per_gather = 0
as $$
declare
  content record;
begin
  if btrim(coalesce(query, '')) = '' then
    return;
  end if;
  -- One query per content type (an item is of one type only, so its best rank is found in
  -- its own table). The query is parsed once in each language and handed to the index scan
  -- and the rank as a value: parsed in place, it was parsed again for every hit (2,504 hits
  -- at 100k items: 37-90 ms instead of about 10; docs/benchmarks.md, Scale).
  for content in
    select c.translations, c.item_column
    from (values ('joint_action'::public.item_kind, 'joint_action_translations', 'action_id'),
                 ('event', 'event_translations', 'event_id'),
                 ('paper', 'paper_translations', 'paper_id')) as c (kind, translations, item_column)
    where item_search_hits.kind is null or c.kind = item_search_hits.kind
  loop
    return query execute format($query$
      with parsed as materialized (
        select websearch_to_tsquery('french'::regconfig, $1) as fr,
               websearch_to_tsquery('dutch'::regconfig, $1) as nl,
               websearch_to_tsquery('english'::regconfig, $1) as en,
               websearch_to_tsquery('german'::regconfig, $1) as de,
               websearch_to_tsquery('spanish'::regconfig, $1) as es,
               websearch_to_tsquery('arabic'::regconfig, $1) as ar
      )
      -- A long text by the start of it (ranking), a short one by all of it (search, as short).
      -- Each text ranked where it is read (offset 0 keeps the rank out of the grouping), so
      -- that what is sorted by item is its id and rank, not its vector: sorted with the
      -- vectors of long texts, 2,504 hits spilled 5.8 MB to disk (20 ms against 9).
      select h.item_id, max(h.rank)::real
      from (
        select t.%2$I as item_id,
               ts_rank(coalesce(t.ranking, t.search), case t.locale
                 when 'fr' then q.fr when 'nl' then q.nl when 'en' then q.en when 'de' then q.de when 'es' then q.es
                 when 'ar' then q.ar
               end) as rank
        from parsed q
        join public.%1$I t
          on (t.locale = 'fr' and t.search @@ q.fr)
          or (t.locale = 'nl' and t.search @@ q.nl)
          or (t.locale = 'en' and t.search @@ q.en)
          or (t.locale = 'de' and t.search @@ q.de)
          or (t.locale = 'es' and t.search @@ q.es)
          or (t.locale = 'ar' and t.search @@ q.ar)
        offset 0
      ) h
      group by h.item_id
    $query$, content.translations, content.item_column) using query;
  end loop;
end;
$$;
comment on function private.item_search_hits(text, public.item_kind) is 'Every content text (of one kind, or of all three) matching the query in its own language (Arabic with the arabic configuration), best rank per item, without RLS: only search_items() reads it, and keeps what the caller may read.';
revoke execute on function private.item_search_hits(text, public.item_kind) from public;
grant execute on function private.item_search_hits(text, public.item_kind) to anon, authenticated, service_role;

create function public.search_items(query text, kind public.item_kind default null)
returns table (item_id uuid, rank real)
language sql
stable
security invoker
set search_path = ''
as $$
  select h.item_id, h.rank
  from private.item_search_hits(query, kind) h
  where exists (select 1 from public.items i where i.id = h.item_id offset 0)
$$;
comment on function public.search_items(text, public.item_kind) is 'Full-text search of the joint actions, events and papers (or of one kind) the caller may read: a translation matches when the query, parsed with that translation''s language (websearch syntax), matches it; one row per item with its best rank. Blank query: no rows.';

-- One page of a list's search: the hits the caller may read (RLS on items and on the content
-- table, one primary-key probe each: `offset 0`, as in search_items), narrowed by the list's
-- filters, best first (events: by date, as their list), `page_limit` rows from
-- `page_offset`. The app asks for one row more than it shows to know whether a next page
-- exists, and then reads only the page's rows. `filters` holds the list's filters (absent or
-- null: not filtered): area, article, country, organisation (leads or takes part: its
-- accepted attachments, private.item_ids_attached), phase, from and to (actions running at
-- some time in [from, to]), paper_kind, ends_after and ends_before (events), order
-- ('soonest' or 'latest': events by start; 'newest': by publication; else by rank).
-- Without a query, the list of an organisation: its items are the hits, found by the
-- attachments' index (the table's own filter on the rows' arrays may not use an index under
-- RLS and walked the date index to its end: 220 ms for DEI-Belgique's joint actions among
-- 40,000; docs/benchmarks.md). Neither a query nor an organisation: no rows.
create function public.search_page(
  query text,
  kind public.item_kind,
  filters jsonb default '{}',
  page_limit integer default 13,
  page_offset integer default 0
)
returns table (item_id uuid, rank real)
language plpgsql
stable
security invoker
set search_path = ''
-- A page (page_limit rows, 13 by default): what a join with the content table is planned for
-- (index probes, not a hash of the whole table).
rows 13
as $$
declare
  -- The organisation's items (null: not filtered by organisation).
  attached uuid[] := case when filters->>'organisation' is not null
                       then private.item_ids_attached((filters->>'organisation')::uuid) end;
begin
  -- Planned for these arguments (EXECUTE): the filters not given drop out of the plan.
  -- Ordered by rank, the hits are probed best first and the probes stop when the page is
  -- full; by date, all are probed, then sorted.
  return query execute format($query$
    select h.item_id, h.rank
    from (%s) h
    cross join lateral (
      select i.published_at
      from public.items i where i.id = h.item_id offset 0
    ) i
    cross join lateral (
      select a.areas, a.crc_articles, a.countries, a.phase, a.starts_on, a.ends_on,
             null::text as paper_kind, null::timestamptz as starts_at, null::timestamptz as ends_at
      from public.joint_actions a where $2 = 'joint_action' and a.id = h.item_id
      union all
      select e.areas, null, e.countries, null, null, null, null, e.starts_at, e.ends_at
      from public.events e where $2 = 'event' and e.id = h.item_id
      union all
      select p.areas, p.crc_articles, p.countries, null, null, null, p.paper_kind::text, null, null
      from public.papers p where $2 = 'paper' and p.id = h.item_id
      offset 0
    ) c
    where ($3->>'area' is null or c.areas @> array[($3->>'area')::public.work_area])
      and ($3->>'article' is null or c.crc_articles @> array[($3->>'article')::smallint])
      and ($3->>'country' is null or c.countries @> array[$3->>'country'])
      and ($6::uuid[] is null or h.item_id = any ($6))
      and ($3->>'phase' is null or c.phase = ($3->>'phase')::public.action_phase)
      and ($3->>'from' is null or c.ends_on is null or c.ends_on >= ($3->>'from')::date)
      and ($3->>'to' is null or c.starts_on is null or c.starts_on <= ($3->>'to')::date)
      and ($3->>'paper_kind' is null or c.paper_kind = $3->>'paper_kind')
      and ($3->>'ends_after' is null or c.ends_at >= ($3->>'ends_after')::timestamptz)
      and ($3->>'ends_before' is null or c.ends_at < ($3->>'ends_before')::timestamptz)
    order by %s
    limit least(greatest($4, 0), 101) offset greatest($5, 0)
  $query$,
    case when btrim(coalesce(query, '')) = '' and attached is not null
      then 'select a.item_id, 0::real as rank from unnest($6) as a (item_id)'
      else 'select s.item_id, s.rank from private.item_search_hits($1, $2) s order by s.rank desc, s.item_id offset 0'
    end,
    case filters->>'order'
      when 'soonest' then 'c.starts_at, h.item_id'
      when 'latest' then 'c.starts_at desc, h.item_id'
      when 'newest' then 'i.published_at desc nulls last, h.item_id'
      else 'h.rank desc, h.item_id'
    end)
  using query, kind, coalesce(filters, '{}'), page_limit, page_offset, attached;
end;
$$;
comment on function public.search_page(text, public.item_kind, jsonb, integer, integer) is 'One page of a list''s search among the items of one kind the caller may read: search_items'' hits (without a query: the items of the filters'' organisation) narrowed by the list''s filters (jsonb: area, article, country, organisation, phase, from, to, paper_kind, ends_after, ends_before; order: soonest or latest (events by start), newest (by publication) or by rank), best first, page_limit rows (at most 101) from page_offset.';

revoke execute on function public.paper_file_for_download(uuid) from public;
revoke execute on function public.search_items(text, public.item_kind) from public;
revoke execute on function public.search_page(text, public.item_kind, jsonb, integer, integer) from public;
grant execute on function public.paper_file_for_download(uuid) to anon, authenticated, service_role;
grant execute on function public.search_items(text, public.item_kind) to anon, authenticated, service_role;
grant execute on function public.search_page(text, public.item_kind, jsonb, integer, integer) to anon, authenticated, service_role;

-- Privileges ----------------------------------------------------------------------
-- papers are deleted with their item (cascade); files are never updated (delete and
-- upload again, or upload a new version); signatures only change through the functions.

revoke all on public.paper_versions, public.paper_files, public.paper_signatures from anon, authenticated;
grant select on public.paper_versions, public.paper_files, public.paper_signatures to anon;
grant select, insert, update, delete on public.paper_versions to authenticated;
grant select, insert, delete on public.paper_files to authenticated;
grant select on public.paper_signatures to authenticated;

-- Policies ------------------------------------------------------------------------

-- papers and paper_translations: private.set_up_content_type, above.

-- paper_versions
create policy "People read the versions of the papers they may read"
  on public.paper_versions for select to anon, authenticated
  using (exists (select 1 from public.items i where i.id = paper_versions.paper_id offset 0));

create policy "Lead editors add versions to their papers"
  on public.paper_versions for insert to authenticated
  with check (paper_id in (select private.editable_item_ids()));

create policy "Lead editors edit the notes of their papers' versions"
  on public.paper_versions for update to authenticated
  using (paper_id in (select private.editable_item_ids()))
  with check (paper_id in (select private.editable_item_ids()));

create policy "Owner editors delete versions of their papers"
  on public.paper_versions for delete to authenticated
  using (paper_id in (select private.owned_item_ids()) and paper_id in (select private.editable_item_ids()));

-- paper_files: the read rule is the download rule.
create policy "People read the files of the papers they may read"
  on public.paper_files for select to anon, authenticated
  using (exists (select 1 from public.items i where i.id = paper_files.paper_id offset 0));

create policy "Lead editors add files to their papers"
  on public.paper_files for insert to authenticated
  with check (paper_id in (select private.editable_item_ids()));

create policy "Owner editors delete files of their papers"
  on public.paper_files for delete to authenticated
  using (paper_id in (select private.owned_item_ids()) and paper_id in (select private.editable_item_ids()));

-- paper_signatures: read only (writes go through the functions). Signed signatures of
-- published papers are public with the paper; pending and declined answers are for
-- the paper's organisations and the asked organisation.
create policy "Anyone reads the signatures of published papers they can read"
  on public.paper_signatures for select to anon
  -- A probe of the paper's item per row (`offset 0`), never a list of every readable item.
  using (state = 'signed' and exists (select 1 from public.items i where i.id = paper_signatures.paper_id and i.status <> 'draft' offset 0));

create policy "Members read the signatures their organisations may see"
  on public.paper_signatures for select to authenticated
  using (
    organisation_id in (select private.user_organisation_ids('member'))
    -- One probe of the paper's item (under its own RLS) per row, tested against the item's
    -- own columns and the reader's organisations (computed once per statement): never the
    -- set of every item the reader's organisations own or lead, which grows with the network.
    or exists (
      select 1
      from public.items i
      where i.id = paper_signatures.paper_id
        and ((paper_signatures.state = 'signed' and i.status <> 'draft')
             or i.lead_organisation_ids && (select private.user_organisation_id_array('editor'))
             or array[i.owner_organisation_id] && (select private.user_organisation_id_array('member')))
      offset 0
    )
  );

-- Trigger functions need no grant; the helpers are granted above.
revoke execute on all functions in schema private from public;
