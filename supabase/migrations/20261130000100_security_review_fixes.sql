-- Fixes of the outside security review (issue 11), database side, and of the same class
-- of mistake elsewhere. The rules are written down in docs/access-model.md ("Coordinators",
-- "Immutable columns", "Archived items", "Deleting and unpublishing"); the proof is
-- supabase/tests/database/018-security-review.test.sql and tests/api/security-review.test.ts.
--
-- Finding 2 — a coordinator could make herself admin of any organisation (invite her own
--   address, accept). Nobody invites their own address any more, and a coordinator only
--   invites the FIRST admin of an organisation that has no admin (PRODUCT.md: "invite the
--   first admin of a new organisation"); everything else is its admins' business.
--   Policies on invitations + guard_invitation_change.
-- Finding 3 — the paper-draft term of the items read rule let every member of an
--   organisation accepted as *participant* read the draft. Only organisations asked to
--   co-sign (signatory attachment invited or accepted) read a paper draft:
--   private.signatory_draft_paper_ids() in the items policy and readable_item_ids_for.
-- Finding 6 — "an organisation keeps at least one admin" was checked without a lock, so
--   two admins demoting each other at once left none. The guard now locks the
--   organisation row before counting (a second, concurrent demotion waits, then counts
--   the first one's committed change and is refused).
-- Finding 7 — items.published_at was writable by lead editors (pinning an item to the top
--   of every list). It is now set by the database only: an API caller writing another
--   value is refused.
-- Finding 8 — organisations could be attached to, detached from, and could accept
--   invitations to, archived items. Archived items are read-only for their attachments too
--   (checked under the item's row lock, so an answer racing the archiving is refused).
-- Finding 9 — a paper others signed could be set back to draft and deleted, and the
--   cascade removed the signatures; an event with registrations likewise. New SQLSTATEs:
--     PA009 organisations signed this paper: it neither goes back to draft nor is deleted
--     EV008 people registered for this event: it neither goes back to draft nor is deleted
--   (archive the paper, cancel the event instead).
--
-- Same class:
--   - creation dates (created_at, updated_at on insert) of organisations, profiles,
--     memberships, invitations, items and attachments are stamped by the database for API
--     callers, and created_at never changes afterwards (it was writable);
--   - organisers no longer approve or decline registrations of an archived event;
--   - adding or removing a PDF of a version, and deleting a version, now lock the paper
--     first, like signing does: an upload racing a signature could add a file to a signed
--     version (tests/api/security-review.test.ts), and a version deleted while it was being
--     opened for signature was refused by a foreign-key error instead of PA007.

-- Helpers -----------------------------------------------------------------------------

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

create function private.signatory_draft_paper_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 20
as $$
begin
  return query
    select io.item_id
    from public.item_organisations io
    join public.items i on i.id = io.item_id
    where io.organisation_id = any (private.user_organisation_id_array('member'))
      and io.role = 'signatory'
      and io.state in ('invited', 'accepted')
      and i.kind = 'paper'
      and i.status = 'draft';
end;
$$;
comment on function private.signatory_draft_paper_ids() is 'Draft papers that one of the caller''s active organisations is asked to co-sign (signatory attachment invited, or accepted after signing): their members read the draft they sign.';

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

grant execute on function private.organisation_has_admin(uuid) to authenticated, service_role;
grant execute on function private.adminless_organisation_ids() to authenticated, service_role;
grant execute on function private.lock_organisation(uuid) to authenticated, service_role;
grant execute on function private.signatory_draft_paper_ids() to authenticated, service_role;
grant execute on function private.lock_item(uuid) to authenticated, service_role;
grant execute on function private.item_kept_by(uuid) to authenticated, service_role;
grant execute on function private.lock_paper(uuid) to authenticated, service_role;

-- Finding 2: invitations ----------------------------------------------------------------

drop policy "Admins invite to their organisation, coordinators to any" on public.invitations;
create policy "Admins invite to their organisation, coordinators the first admin of one without"
  on public.invitations for insert to authenticated
  with check (
    organisation_id in (select private.user_organisation_ids('admin'))
    or organisation_id in (select private.adminless_organisation_ids())
  );

drop policy "Admins revoke or re-send, the invited person accepts" on public.invitations;
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

create or replace function private.guard_invitation_change()
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

-- Finding 3: paper drafts for signatories only --------------------------------------------

drop policy "Members read the items their organisations may see" on public.items;
create policy "Members read the items their organisations may see"
  on public.items for select to authenticated
  using (
    (status <> 'draft' and visibility = 'public')
    or (status <> 'draft' and visibility = 'network' and (select private.is_network_member()))
    or (status <> 'draft' and visibility = 'participants'
        and participant_organisation_ids && (select private.user_organisation_id_array('member')))
    or lead_organisation_ids && (select private.user_organisation_id_array('editor'))
    -- A paper's draft is also read by the members of the organisations asked to co-sign
    -- it (signatory invited or signed), so that they read what they sign; not by
    -- participants, not by the owner's or co-leads' plain members.
    or (status = 'draft' and kind = 'paper' and id in (select private.signatory_draft_paper_ids()))
  );

create or replace function private.readable_item_ids_for(person uuid)
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 100
as $$
declare
  member_of uuid[];
  editor_of uuid[];
begin
  -- The items read rule (policies on public.items) for a given person instead of the
  -- caller: used where no session exists (the personal calendar feed) and by the
  -- registration functions. 009/010/011/018 tests prove it equals RLS.
  select coalesce(array_agg(m.organisation_id), '{}'),
         coalesce(array_agg(m.organisation_id) filter (where m.role >= 'editor'), '{}')
  into member_of, editor_of
  from public.memberships m
  join public.organisations o on o.id = m.organisation_id
  where m.user_id = person
    and o.status = 'active';

  return query
    select i.id
    from public.items i
    where (i.status <> 'draft' and i.visibility = 'public')
       or (i.status <> 'draft' and i.visibility = 'network' and cardinality(member_of) > 0)
       or (i.status <> 'draft' and i.visibility = 'participants' and i.participant_organisation_ids && member_of)
       or i.lead_organisation_ids && editor_of
       or (i.status = 'draft' and i.kind = 'paper'
           and exists (select 1 from public.item_organisations io
                       where io.item_id = i.id and io.organisation_id = any (member_of)
                         and io.role = 'signatory' and io.state in ('invited', 'accepted')));
end;
$$;
comment on function private.readable_item_ids_for(uuid) is 'Items the given person may read (the items read rule, for a person id instead of the session; null person = anonymous). Paper drafts: leads'' editors and members of organisations asked to co-sign.';

-- Finding 6: the last admin, under a lock ---------------------------------------------------

create or replace function private.guard_membership_change()
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

-- Finding 7: items.published_at is the database's --------------------------------------------

create or replace function private.stamp_item()
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

-- Finding 8: archived items are read-only for attachments too -------------------------------

drop policy "Owner editors invite organisations to their items" on public.item_organisations;
create policy "Owner editors invite organisations to their items"
  on public.item_organisations for insert to authenticated
  with check (
    item_id in (select private.owned_item_ids())
    and item_id in (select private.editable_item_ids())
    and role <> 'owner'
    and state = 'invited'
  );

drop policy "Owner editors detach organisations from their items" on public.item_organisations;
create policy "Owner editors detach organisations from their items"
  on public.item_organisations for delete to authenticated
  using (
    role <> 'owner'
    and item_id in (select private.owned_item_ids())
    and item_id in (select private.editable_item_ids())
  );

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

-- Finding 9: what others signed or registered for outlives unpublishing and deletion --------

create or replace function private.guard_item_update()
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
     or new.participant_organisation_ids is distinct from old.participant_organisation_ids then
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

-- Same class: creation dates are the database's ----------------------------------------------

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

create trigger organisations_stamp_created_at
  before insert or update on public.organisations
  for each row execute function private.stamp_created_at();
create trigger profiles_stamp_created_at
  before insert or update on public.profiles
  for each row execute function private.stamp_created_at();
create trigger memberships_stamp_created_at
  before insert or update on public.memberships
  for each row execute function private.stamp_created_at();
create trigger invitations_stamp_created_at
  before insert or update on public.invitations
  for each row execute function private.stamp_created_at();
create trigger items_stamp_created_at
  before insert or update on public.items
  for each row execute function private.stamp_created_at();
create trigger item_organisations_stamp_created_at
  before insert or update on public.item_organisations
  for each row execute function private.stamp_created_at();

-- Same class: an archived event's registrations are read-only for its organisers ---------------

create or replace function private.decide_event_registration(registration uuid, approve boolean)
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

-- Same class: file and version changes wait for signatures -------------------------------------

create or replace function private.guard_paper_file_change()
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

create or replace function private.guard_paper_version_change()
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

-- Functions are executable by PUBLIC by default; helpers are granted explicitly above
-- and trigger functions need no grant at all.
revoke execute on function private.organisation_has_admin(uuid) from public;
revoke execute on function private.adminless_organisation_ids() from public;
revoke execute on function private.lock_organisation(uuid) from public;
revoke execute on function private.signatory_draft_paper_ids() from public;
revoke execute on function private.lock_item(uuid) from public;
revoke execute on function private.item_kept_by(uuid) from public;
revoke execute on function private.lock_paper(uuid) from public;
revoke execute on function private.guard_archived_item_attachment() from public;
revoke execute on function private.guard_item_delete() from public;
revoke execute on function private.stamp_created_at() from public;
