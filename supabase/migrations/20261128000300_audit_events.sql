-- Audit trail of access changes: memberships, invitations, organisation status,
-- item status/visibility and attachments. Written only by triggers; readable by the
-- concerned organisations' admins and by coordinators.

create table public.audit_events (
  id bigint generated always as identity primary key,
  -- Who did it (null for the trusted paths: migrations, secret key).
  actor_id uuid,
  -- The organisation whose access changed, and for attachments the item owner too.
  -- No foreign keys on purpose: the trail outlives deleted rows.
  organisation_id uuid,
  related_organisation_id uuid,
  table_name text not null,
  row_id uuid not null,
  action text not null
    constraint audit_events_action check (action in ('insert', 'update', 'delete')),
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now(),
  -- Why a coordinator made the change, when given (the coordinator console asks for it).
  reason text
    constraint audit_events_reason_length check (reason is null or length(reason) between 1 and 1000)
);
comment on table public.audit_events is 'Who changed which access, when, before/after. Written by triggers only; read by the concerned organisations'' admins and coordinators.';
comment on column public.audit_events.reason is 'Why a coordinator made this change (suspension, reactivation, declined application), when given.';

create index audit_events_organisation_id_idx on public.audit_events (organisation_id, created_at desc);
create index audit_events_related_organisation_id_idx on public.audit_events (related_organisation_id)
  where related_organisation_id is not null;
create index audit_events_created_at_idx on public.audit_events (created_at desc);
-- A person's trail (the account console).
create index audit_events_actor_id_idx on public.audit_events (actor_id, created_at desc)
  where actor_id is not null;

alter table public.audit_events enable row level security;

revoke all on public.audit_events from anon, authenticated;
grant select on public.audit_events to authenticated;

create policy "Admins read their organisation's audit trail, coordinators all"
  on public.audit_events for select to authenticated
  using (
    organisation_id in (select private.user_organisation_ids('admin'))
    or related_organisation_id in (select private.user_organisation_ids('admin'))
    or (select private.is_coordinator())
  );

create function private.record_audit_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  organisation uuid;
  related uuid;
begin
  -- Only access-relevant changes of organisations and items are recorded.
  if tg_op = 'UPDATE' and tg_table_name = 'organisations'
     and (old_row -> 'status', old_row -> 'is_coordinating', old_row -> 'kind')
         is not distinct from (new_row -> 'status', new_row -> 'is_coordinating', new_row -> 'kind') then
    return null;
  end if;
  if tg_op = 'UPDATE' and tg_table_name = 'items'
     and (old_row -> 'status', old_row -> 'visibility')
         is not distinct from (new_row -> 'status', new_row -> 'visibility') then
    return null;
  end if;

  case tg_table_name
    when 'organisations' then
      organisation := (row_data ->> 'id')::uuid;
      -- Profile texts are not access data.
      old_row := old_row - 'description';
      new_row := new_row - 'description';
    when 'items' then
      organisation := (row_data ->> 'owner_organisation_id')::uuid;
    when 'item_organisations' then
      organisation := (row_data ->> 'organisation_id')::uuid;
      select i.owner_organisation_id into related
      from public.items i
      where i.id = (row_data ->> 'item_id')::uuid;
      if related = organisation then
        related := null;
      end if;
    when 'invitations' then
      organisation := (row_data ->> 'organisation_id')::uuid;
      -- Even the hash of the secret token stays out of the trail.
      old_row := old_row - 'token_hash';
      new_row := new_row - 'token_hash';
    else
      organisation := (row_data ->> 'organisation_id')::uuid;
  end case;

  insert into public.audit_events
    (actor_id, organisation_id, related_organisation_id, table_name, row_id, action, before, after)
  values (
    (select auth.uid()), organisation, related, tg_table_name, (row_data ->> 'id')::uuid,
    lower(tg_op), old_row, new_row
  );
  return null;
end;
$$;
comment on function private.record_audit_event() is 'Trigger: appends an audit_events row for an access change (actor = auth.uid()).';

-- The audited tables, listed once: each gets the same trigger, named <table>_audit
-- (organisation_applications, audited on update only, attaches it in its own migration).
do $$
declare
  audited text;
begin
  foreach audited in array array['organisations', 'memberships', 'invitations', 'items', 'item_organisations'] loop
    execute format(
      'create trigger %I after insert or update or delete on public.%I
         for each row execute function private.record_audit_event()',
      audited || '_audit', audited);
  end loop;
end;
$$;

-- Functions are executable by PUBLIC by default; helpers are granted explicitly above
-- and trigger functions need no grant at all.
revoke execute on all functions in schema private from public;
