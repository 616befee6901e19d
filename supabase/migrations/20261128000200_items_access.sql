-- The access primitives shared by joint actions, events and position papers: one
-- base table `items` (owner, status, visibility) and the organisations attached to
-- each item. Content tables added later use `id uuid primary key references
-- public.items (id) on delete cascade` and one-line policies:
--   select: using (id in (select i.id from public.items i))       -- items' RLS decides
--   update: using (id in (select private.editable_item_ids()))    -- owner/co-lead editors, not archived
-- Rules: docs/access-model.md ("Who sees what", "Archived items", "Deleting and unpublishing").
--
-- For speed, items carries three access arrays derived from item_organisations by
-- trigger (never written by callers): lead_organisation_ids (owner + accepted
-- co-leads), participant_organisation_ids (accepted attachments + invited
-- signatories) and signatory_organisation_ids (signatories invited or accepted: who
-- reads a paper's draft). The read policy then tests small arrays per row against the
-- caller's organisations, computed once per statement, instead of materialising
-- every item the caller's organisations are attached to. The content tables keep a
-- copy of status, visibility and these arrays (private.sync_content_access,
-- 20261128000600_papers.sql), so that their own read policies are this same rule
-- (private.may_read) on the row's columns, with no probe of items per row.

-- Types ---------------------------------------------------------------------------

create type public.item_kind as enum ('joint_action', 'event', 'paper');
comment on type public.item_kind is 'Which content table holds the rest of an item.';

create type public.item_status as enum ('draft', 'published', 'archived');
comment on type public.item_status is 'draft: owner and co-lead editors only; published; archived: readable as when published, read-only.';

create type public.item_visibility as enum ('public', 'network', 'participants');
comment on type public.item_visibility is 'Who reads a published item: everyone, members of active organisations, or members of attached organisations.';

create type public.item_organisation_role as enum ('owner', 'co_lead', 'participant', 'signatory');
comment on type public.item_organisation_role is 'How an organisation is attached to an item.';

create type public.attachment_state as enum ('invited', 'accepted', 'declined');
comment on type public.attachment_state is 'Answer of an attached organisation (given by its admins).';

-- Tables --------------------------------------------------------------------------

create table public.items (
  id uuid primary key default gen_random_uuid(),
  kind public.item_kind not null,
  owner_organisation_id uuid not null references public.organisations (id) on delete restrict,
  status public.item_status not null default 'draft',
  visibility public.item_visibility not null default 'network',
  created_by uuid default auth.uid() references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  -- Derived from item_organisations by trigger; see the header.
  lead_organisation_ids uuid[] not null default '{}',
  participant_organisation_ids uuid[] not null default '{}',
  signatory_organisation_ids uuid[] not null default '{}'
);
comment on table public.items is 'Access record shared by joint actions, events and papers: owning organisation, status and visibility. RLS here decides who reads each content row.';

create index items_owner_organisation_id_idx on public.items (owner_organisation_id);
create index items_created_by_idx on public.items (created_by);
create index items_visibility_status_idx on public.items (visibility, status);
create index items_published_at_idx on public.items (published_at desc nulls last, id);
create index items_lead_organisation_ids_idx on public.items using gin (lead_organisation_ids);
create index items_participant_organisation_ids_idx on public.items using gin (participant_organisation_ids);

alter table public.items enable row level security;

create table public.item_organisations (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references public.items (id) on delete cascade,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  role public.item_organisation_role not null,
  state public.attachment_state not null default 'invited',
  invited_by uuid references public.profiles (id) on delete set null,
  responded_by uuid references public.profiles (id) on delete set null,
  responded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint item_organisations_item_organisation_key unique (item_id, organisation_id)
);
comment on table public.item_organisations is 'Organisations attached to an item (owner, co-leads, participants, signatories). Attaching is an invitation only the attached organisation''s admins answer.';

create unique index item_organisations_one_owner_key on public.item_organisations (item_id) where role = 'owner';
create index item_organisations_organisation_id_state_idx on public.item_organisations (organisation_id, state, role);
create index item_organisations_invited_by_idx on public.item_organisations (invited_by);
create index item_organisations_responded_by_idx on public.item_organisations (responded_by);

alter table public.item_organisations enable row level security;

-- Access helpers ------------------------------------------------------------------

create function private.managed_item_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 100
as $$
begin
  return query
    select i.id
    from public.items i
    where i.lead_organisation_ids && (select private.user_organisation_id_array('editor'));
end;
$$;
comment on function private.managed_item_ids() is 'Items the current user manages as editor/admin of the owner or an accepted co-lead organisation (any status): who reads drafts and sees pending attachments.';

create function private.owned_item_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 100
as $$
begin
  return query
    select i.id
    from public.items i
    where i.owner_organisation_id = any ((select private.user_organisation_id_array('editor'))::uuid[]);
end;
$$;
comment on function private.owned_item_ids() is 'Items whose owner organisation the current user is editor/admin of: who publishes, archives and attaches organisations.';

create function private.editable_item_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 100
as $$
begin
  return query
    select i.id
    from public.items i
    where i.lead_organisation_ids && (select private.user_organisation_id_array('editor'))
      and i.status <> 'archived';
end;
$$;
comment on function private.editable_item_ids() is 'Managed items that are not archived: the update rule for content tables (joint_actions, events, papers).';

create function private.lock_item(item uuid)
returns public.item_status
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item_status public.item_status;
begin
  -- The lock refresh_item_access takes after every attachment change anyway: taken first,
  -- an answer racing the archiving of its item waits for it and then sees it archived.
  select i.status into item_status from public.items i where i.id = item for update;
  return item_status;
end;
$$;
comment on function private.lock_item(uuid) is 'Locks an item row until the end of the transaction and returns its (then current) status, whatever the caller may read.';

-- What an organisation leads or takes part in, read by the attachments' index: the read
-- policies test the row's arrays with `@>`, which is not leakproof, so under RLS no index
-- serves "the items of this organisation" and a list walks its date index to the end for an
-- organisation with few items among many (docs/benchmarks.md). The items found are then read
-- as the caller, under RLS.
create function private.item_ids_attached(organisation uuid)
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return array(
    select io.item_id from public.item_organisations io
    where io.organisation_id = organisation and io.state = 'accepted');
end;
$$;
comment on function private.item_ids_attached(uuid) is 'The ids of the items an organisation leads or takes part in (accepted attachments), whoever may read them: where an organisation''s page (public.organisation_work) and the lists filtered by an organisation (public.search_page) look. Definer so that the attachments'' index serves the search; the items are then read under the caller''s RLS.';

-- The items read rule, written once: the items policy, the read policies of joint_actions,
-- events and papers (on their copies of the item's columns), private.readable_item_ids_for
-- and private.feed_event_ids all call it. Who asks comes in as arguments (a policy passes
-- `(select private.…())`, computed once per statement), so the function reads no table.
-- It is meant to be inlined: the planner replaces the call by its expression (Postgres'
-- inline_function), and a policy then tests the row's columns against initPlans with no
-- function call per row (supabase/tests/database/040-content-access-columns.test.sql checks
-- the plans). Inlining needs a plain SQL function that is neither security definer nor has
-- a `set` clause, hence no `set search_path`: its SQL-standard body (`return`) binds every
-- name when the function is created, so the caller's search_path never reaches it (the
-- lints 04 and 08 make that exception, for such functions only). Each argument is used once
-- but the row's status and visibility, or the planner would not inline a subquery argument.
create function private.may_read(
  status public.item_status,
  visibility public.item_visibility,
  participant_organisation_ids uuid[],
  lead_organisation_ids uuid[],
  is_network_member boolean,
  member_of uuid[],
  editor_of uuid[]
)
returns boolean
language sql
immutable
return (status <> 'draft' and visibility = 'public')
  or (status <> 'draft' and visibility = 'network' and is_network_member)
  or (status <> 'draft' and visibility = 'participants' and participant_organisation_ids && member_of)
  or lead_organisation_ids && editor_of;
comment on function private.may_read(public.item_status, public.item_visibility, uuid[], uuid[], boolean, uuid[], uuid[]) is 'The items read rule (inlined into its callers): a published or archived item by its visibility (public: everyone; network: members of an active organisation; participants: members of its participant organisations), any item by the editors of its lead organisations. Paper drafts read by signatories are the callers'' own extra branch.';

grant execute on function private.managed_item_ids() to anon, authenticated, service_role;
grant execute on function private.owned_item_ids() to anon, authenticated, service_role;
grant execute on function private.editable_item_ids() to anon, authenticated, service_role;
grant execute on function private.lock_item(uuid) to authenticated, service_role;
grant execute on function private.item_ids_attached(uuid) to anon, authenticated, service_role;
grant execute on function private.may_read(public.item_status, public.item_visibility, uuid[], uuid[], boolean, uuid[], uuid[]) to anon, authenticated, service_role;

-- Triggers ------------------------------------------------------------------------

create function private.stamp_item()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_caller()
     and new.published_at is distinct from (case when tg_op = 'UPDATE' then old.published_at end) then
    raise exception 'published_at is set by the database when an item is first published' using errcode = '42501';
  end if;
  if tg_op = 'INSERT' then
    -- The owner attachment (created right after) is the only one a new item has.
    new.lead_organisation_ids := array[new.owner_organisation_id];
    new.participant_organisation_ids := array[new.owner_organisation_id];
    new.signatory_organisation_ids := '{}';
  elsif private.is_api_caller()
     or new.status is distinct from old.status
     or new.visibility is distinct from old.visibility then
    -- Not when only the derived access arrays were refreshed.
    new.updated_at := now();
  end if;
  if new.status = 'published' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end;
$$;
comment on function private.stamp_item() is 'Trigger: stamps updated_at, and published_at the first time an item is published; API callers never write published_at themselves.';

create trigger items_stamp
  before insert or update on public.items
  for each row execute function private.stamp_item();

create function private.guard_item_update()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_caller() then
    return new;
  end if;
  if new.id is distinct from old.id
     or new.owner_organisation_id is distinct from old.owner_organisation_id
     or new.kind is distinct from old.kind
     or new.created_by is distinct from old.created_by
     or new.created_at is distinct from old.created_at then
    raise exception 'an item''s owner organisation, kind and author cannot change' using errcode = '42501';
  end if;
  if new.lead_organisation_ids is distinct from old.lead_organisation_ids
     or new.participant_organisation_ids is distinct from old.participant_organisation_ids
     or new.signatory_organisation_ids is distinct from old.signatory_organisation_ids then
    raise exception 'an item''s organisation lists follow its attachments; attach or detach organisations instead'
      using errcode = '42501';
  end if;
  if (new.status is distinct from old.status or new.visibility is distinct from old.visibility)
     and old.owner_organisation_id not in (select private.user_organisation_ids('editor')) then
    raise exception 'only editors of the owner organisation can publish, archive or change visibility'
      using errcode = '42501';
  end if;
  if old.status = 'archived' and new.status = 'archived'
     and new.visibility is distinct from old.visibility then
    raise exception 'an archived item is read-only; restore it first' using errcode = '42501';
  end if;
  -- private.item_kept_by is defined with the last of the tables it reads (papers).
  if old.status <> 'draft' and new.status = 'draft' then
    case private.item_kept_by(old.id)
      when 'signatures' then
        raise exception 'organisations have signed this paper: it cannot go back to draft (archive it instead)'
          using errcode = 'PA009';
      when 'registrations' then
        raise exception 'people registered for this event: it cannot go back to draft (cancel it instead)'
          using errcode = 'EV008';
      else
        null;
    end case;
  end if;
  return new;
end;
$$;
comment on function private.guard_item_update() is 'Trigger: owner, kind and author are fixed; only the owner''s editors change status or visibility; archived items are read-only; a paper others signed (PA009) or an event people registered for (EV008) does not go back to draft.';

create trigger items_guard_update
  before update on public.items
  for each row execute function private.guard_item_update();

create function private.attach_item_owner()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.item_organisations (item_id, organisation_id, role, state, invited_by, responded_by, responded_at)
  values (new.id, new.owner_organisation_id, 'owner', 'accepted', new.created_by, new.created_by, now());
  return new;
end;
$$;
comment on function private.attach_item_owner() is 'Trigger: every new item gets its owner attachment (accepted).';

create trigger items_attach_owner
  after insert on public.items
  for each row execute function private.attach_item_owner();

create function private.guard_item_organisation_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_caller() then
    return coalesce(new, old);
  end if;

  if tg_op = 'INSERT' then
    if new.role = 'owner' or new.state <> 'invited' then
      raise exception 'attaching an organisation is an invitation: role owner and state accepted/declined are refused'
        using errcode = '42501';
    end if;
    new.invited_by := (select auth.uid());
    new.responded_by := null;
    new.responded_at := null;
    return new;
  end if;

  if tg_op = 'DELETE' then
    if old.role = 'owner' then
      raise exception 'the owner organisation cannot be detached from its item' using errcode = '42501';
    end if;
    return old;
  end if;

  -- UPDATE: the attached organisation answers; nothing else changes.
  if old.role = 'owner' then
    raise exception 'the owner''s attachment cannot change' using errcode = '42501';
  end if;
  if new.id is distinct from old.id
     or new.item_id is distinct from old.item_id
     or new.organisation_id is distinct from old.organisation_id
     or new.role is distinct from old.role
     or new.invited_by is distinct from old.invited_by
     or new.created_at is distinct from old.created_at then
    raise exception 'only the answer (state) of an attachment can change' using errcode = '42501';
  end if;
  if new.state = 'invited' and old.state <> 'invited' then
    raise exception 'an answered attachment cannot go back to invited' using errcode = '42501';
  end if;
  if new.state is distinct from old.state then
    new.responded_by := (select auth.uid());
    new.responded_at := now();
  else
    new.responded_by := old.responded_by;
    new.responded_at := old.responded_at;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.guard_item_organisation_change() is 'Trigger: attachments start as invitations (never owner, never pre-accepted); only the state changes, stamped with who answered; the owner row is fixed.';

create trigger item_organisations_guard_change
  before insert or update or delete on public.item_organisations
  for each row execute function private.guard_item_organisation_change();

create function private.refresh_item_access()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  item uuid := coalesce(new.item_id, old.item_id);
begin
  if tg_op = 'UPDATE' and new.item_id is distinct from old.item_id then
    raise exception 'an attachment cannot move to another item' using errcode = '42501';
  end if;
  -- Lock the item first so that concurrent answers on the same item serialise, then
  -- recompute from the committed attachments (a new statement sees a new snapshot).
  perform 1 from public.items i where i.id = item for update;
  update public.items i
  set lead_organisation_ids = coalesce((
        select array_agg(io.organisation_id order by io.organisation_id)
        from public.item_organisations io
        where io.item_id = item and io.role in ('owner', 'co_lead') and io.state = 'accepted'), '{}'),
      participant_organisation_ids = coalesce((
        select array_agg(io.organisation_id order by io.organisation_id)
        from public.item_organisations io
        where io.item_id = item
          and (io.state = 'accepted' or (io.role = 'signatory' and io.state = 'invited'))), '{}'),
      signatory_organisation_ids = coalesce((
        select array_agg(io.organisation_id order by io.organisation_id)
        from public.item_organisations io
        where io.item_id = item and io.role = 'signatory' and io.state in ('invited', 'accepted')), '{}')
  where i.id = item;
  return null;
end;
$$;
comment on function private.refresh_item_access() is 'Trigger: recomputes items.lead_organisation_ids, participant_organisation_ids and signatory_organisation_ids from the item''s attachments.';

create trigger item_organisations_refresh_item_access
  after insert or update or delete on public.item_organisations
  for each row execute function private.refresh_item_access();

create trigger items_stamp_created_at
  before insert or update on public.items
  for each row execute function private.stamp_created_at();
create trigger item_organisations_stamp_created_at
  before insert or update on public.item_organisations
  for each row execute function private.stamp_created_at();

create function private.guard_archived_item_attachment()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Before the policies' generic refusal, a clear message; the update branch is the only
  -- guard of answers (the attached organisation's admins pass the update policy).
  if private.is_api_caller()
     and private.lock_item(coalesce(new.item_id, old.item_id)) = 'archived' then
    raise exception 'an archived item is read-only; restore it first' using errcode = '42501';
  end if;
  return coalesce(new, old);
end;
$$;
comment on function private.guard_archived_item_attachment() is 'Trigger: API callers neither attach, answer nor detach organisations of an archived item (it is read-only, and its attachments decide who reads it); checked under the item''s lock, so an answer racing the archiving is refused too.';

create trigger item_organisations_guard_archived
  before insert or update or delete on public.item_organisations
  for each row execute function private.guard_archived_item_attachment();

-- Privileges ----------------------------------------------------------------------

revoke all on public.items, public.item_organisations from anon, authenticated;
grant select on public.items, public.item_organisations to anon;
grant select, insert, update, delete on public.items, public.item_organisations to authenticated;

-- Policies ------------------------------------------------------------------------

-- items: no per-row function calls. Each helper runs once per statement (InitPlan);
-- per row there are only column comparisons and small-array overlaps, so listing
-- stays an index scan with a cheap filter.
create policy "Anyone can read published public items"
  on public.items for select to anon
  using (status <> 'draft' and visibility = 'public');

create policy "Members read the items their organisations may see"
  on public.items for select to authenticated
  using (
    private.may_read(status, visibility, participant_organisation_ids, lead_organisation_ids,
                     (select private.is_network_member()),
                     (select private.user_organisation_id_array('member')),
                     (select private.user_organisation_id_array('editor')))
    -- A paper's draft is also read by the members of the organisations asked to co-sign
    -- it (signatory invited or signed), so that they read what they sign; not by
    -- participants, not by the owner's or co-leads' plain members.
    or (status = 'draft' and kind = 'paper'
        and signatory_organisation_ids && (select private.user_organisation_id_array('member')))
  );

create policy "Editors create items in their organisation's name"
  on public.items for insert to authenticated
  with check (
    owner_organisation_id in (select private.user_organisation_ids('editor'))
    and created_by = (select auth.uid())
  );

create policy "Editors of the owner and co-lead organisations update items"
  on public.items for update to authenticated
  using (lead_organisation_ids && (select private.user_organisation_id_array('editor')))
  with check (lead_organisation_ids && (select private.user_organisation_id_array('editor')));

create policy "Editors of the owner organisation delete drafts"
  on public.items for delete to authenticated
  using (status = 'draft' and owner_organisation_id in (select private.user_organisation_ids('editor')));

-- item_organisations
create policy "Anyone reads the accepted attachments of items they can read"
  on public.item_organisations for select to anon
  -- `offset 0`: one primary-key probe of the item per row (see "Content read policies" in
  -- 20261128000400_joint_actions.sql).
  using (state = 'accepted' and exists (select 1 from public.items i where i.id = item_organisations.item_id offset 0));

create policy "Members read attachments of visible items, admins their own"
  on public.item_organisations for select to authenticated
  using (
    -- A probe of the item (under its own RLS) per attachment row: cheap for the
    -- attachments of a page of items, and never materialises every readable item.
    exists (
      select 1
      from public.items i
      where i.id = item_organisations.item_id
        and (item_organisations.state = 'accepted'
             or i.lead_organisation_ids && (select private.user_organisation_id_array('editor')))
    )
    or organisation_id in (select private.user_organisation_ids('admin'))
  );

create policy "Owner editors invite organisations to their items"
  on public.item_organisations for insert to authenticated
  with check (
    item_id in (select private.owned_item_ids())
    and item_id in (select private.editable_item_ids())
    and role <> 'owner'
    and state = 'invited'
  );

create policy "Admins of the attached organisation answer its invitation"
  on public.item_organisations for update to authenticated
  using (organisation_id in (select private.user_organisation_ids('admin')))
  with check (organisation_id in (select private.user_organisation_ids('admin')));

create policy "Owner editors detach organisations from their items"
  on public.item_organisations for delete to authenticated
  using (
    role <> 'owner'
    and item_id in (select private.owned_item_ids())
    and item_id in (select private.editable_item_ids())
  );

-- Functions are executable by PUBLIC by default; helpers are granted explicitly above
-- and trigger functions need no grant at all.
revoke execute on all functions in schema private from public;
