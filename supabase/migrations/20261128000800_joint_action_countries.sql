-- The countries of the joint actions the caller may read, for the list's country filter,
-- from a small summary kept by triggers instead of probing the actions on every view
-- (docs/benchmarks.md, Scale): its size grows with countries × organisations, not with
-- actions, and no reader is served an answer computed for someone else.
--
-- private.joint_action_country_audiences counts, for each country, the actions naming it
-- per audience, an audience being one branch of the items read policy
-- (supabase/migrations/20261128000200_items_access.sql): `public` (published or archived,
-- public), `network` (published or archived, network), `participants` of one organisation
-- (published or archived, participants-only: the members of an organisation in
-- participant_organisation_ids) and `leads` of one organisation (any status: the editors
-- of an organisation in lead_organisation_ids). Joint actions have no other branch (the
-- signatories' drafts are papers'). A reader is offered a country when one of their
-- audiences counts an action naming it: exactly the countries of the actions they read.
--
-- Kept by triggers: an action's countries added, changed or deleted (joint_actions), its
-- item's status, visibility or organisation arrays changed or the item deleted (items).

create table private.joint_action_country_audiences (
  country text not null,
  audience text not null constraint joint_action_country_audiences_audience
    check (audience in ('public', 'network', 'participants', 'leads')),
  -- The organisation whose members (participants) or editors (leads) read; null otherwise.
  organisation_id uuid,
  actions integer not null constraint joint_action_country_audiences_actions_positive check (actions > 0),
  constraint joint_action_country_audiences_key unique nulls not distinct (audience, organisation_id, country),
  constraint joint_action_country_audiences_organisation check (
    (audience in ('participants', 'leads')) = (organisation_id is not null)
  )
);
comment on table private.joint_action_country_audiences is
  'How many joint actions name each country, per audience of the items read policy (public, network, an organisation''s participants or leads); kept by triggers, read by public.joint_action_countries().';
create index joint_action_country_audiences_organisation_idx
  on private.joint_action_country_audiences (organisation_id) where organisation_id is not null;

-- The audiences that read an item in the given state (one row each).
create function private.joint_action_audiences(
  status public.item_status,
  visibility public.item_visibility,
  leads uuid[],
  participants uuid[]
)
returns table (audience text, organisation_id uuid)
language sql
immutable
set search_path = ''
as $$
  select 'public', null::uuid where status <> 'draft' and visibility = 'public'
  union all
  select 'network', null where status <> 'draft' and visibility = 'network'
  union all
  select distinct 'participants', o from unnest(participants) o
  where status <> 'draft' and visibility = 'participants'
  union all
  select distinct 'leads', o from unnest(leads) o
$$;
comment on function private.joint_action_audiences(public.item_status, public.item_visibility, uuid[], uuid[]) is
  'The audiences of the items read policy that read an item with this status, visibility, lead and participant organisations.';

-- Adds (sign 1) or removes (sign -1) one action's countries for the audiences of a state.
create function private.count_joint_action_countries(
  countries text[],
  status public.item_status,
  visibility public.item_visibility,
  leads uuid[],
  participants uuid[],
  sign integer
)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if countries is null or cardinality(countries) = 0 or status is null then
    return;
  end if;
  insert into private.joint_action_country_audiences as s (country, audience, organisation_id, actions)
  select u.country, a.audience, a.organisation_id, 1
  from (select distinct x from unnest(countries) x) u(country)
  cross join private.joint_action_audiences(status, visibility, leads, participants) a
  where sign > 0
  on conflict on constraint joint_action_country_audiences_key do update set actions = s.actions + excluded.actions;

  if sign < 0 then
    -- Counts that reach 0 go; the others lose one.
    delete from private.joint_action_country_audiences s
    using (select distinct x from unnest(countries) x) u(country),
          private.joint_action_audiences(status, visibility, leads, participants) a
    where s.country = u.country and s.audience = a.audience
      and s.organisation_id is not distinct from a.organisation_id
      and s.actions = 1;
    update private.joint_action_country_audiences s
    set actions = s.actions - 1
    from (select distinct x from unnest(countries) x) u(country),
         private.joint_action_audiences(status, visibility, leads, participants) a
    where s.country = u.country and s.audience = a.audience
      and s.organisation_id is not distinct from a.organisation_id;
  end if;
end;
$$;
comment on function private.count_joint_action_countries(text[], public.item_status, public.item_visibility, uuid[], uuid[], integer) is
  'Adds (1) or removes (-1) one joint action''s countries in the summary, for each audience that reads an item in that state; a count that reaches 0 is deleted.';

-- joint_actions: an action's countries are counted with its item's state.
create function private.joint_action_countries_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  i public.items;
begin
  -- Locked, as items_count_countries' update locks it: a change of the action's countries
  -- and a change of who reads it, made at the same time, are counted one after the other.
  select * into i from public.items where id = coalesce(new.id, old.id) for update;
  if not found then
    return null; -- its item is being deleted: items_uncount_countries has removed it
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.count_joint_action_countries(
      old.countries, i.status, i.visibility, i.lead_organisation_ids, i.participant_organisation_ids, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.count_joint_action_countries(
      new.countries, i.status, i.visibility, i.lead_organisation_ids, i.participant_organisation_ids, 1);
  end if;
  return null;
end;
$$;
comment on function private.joint_action_countries_changed() is
  'Trigger: keeps private.joint_action_country_audiences when a joint action is added, deleted or its countries change.';

create trigger joint_actions_count_countries
  after insert or delete or update of countries on public.joint_actions
  for each row execute function private.joint_action_countries_changed();

-- items: who reads an action changed (status, visibility, organisations), or it is deleted
-- (before the cascade removes the action row, whose countries are needed).
create function private.item_readers_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  countries text[];
begin
  select j.countries into countries from public.joint_actions j where j.id = old.id;
  if not found then
    return case when tg_op = 'DELETE' then old else null end;
  end if;
  perform private.count_joint_action_countries(
    countries, old.status, old.visibility, old.lead_organisation_ids, old.participant_organisation_ids, -1);
  if tg_op = 'UPDATE' then
    perform private.count_joint_action_countries(
      countries, new.status, new.visibility, new.lead_organisation_ids, new.participant_organisation_ids, 1);
    return null;
  end if;
  return old;
end;
$$;
comment on function private.item_readers_changed() is
  'Trigger: moves a joint action''s countries between audiences in private.joint_action_country_audiences when its item''s status, visibility or organisations change, and removes them when the item is deleted.';

create trigger items_count_countries
  after update of status, visibility, lead_organisation_ids, participant_organisation_ids on public.items
  for each row
  when (old.kind = 'joint_action' and (
    old.status is distinct from new.status or old.visibility is distinct from new.visibility
    or old.lead_organisation_ids is distinct from new.lead_organisation_ids
    or old.participant_organisation_ids is distinct from new.participant_organisation_ids))
  execute function private.item_readers_changed();

-- Named to run after items_guard_delete (before triggers fire in name order): a refused
-- deletion raises there first.
create trigger items_uncount_countries
  before delete on public.items
  for each row
  when (old.kind = 'joint_action')
  execute function private.item_readers_changed();

-- The actions already there (none on a new database).
insert into private.joint_action_country_audiences (country, audience, organisation_id, actions)
select u.country, a.audience, a.organisation_id, count(*)
from public.joint_actions j
join public.items i on i.id = j.id
cross join lateral (select distinct x from unnest(j.countries) x) u(country)
cross join lateral private.joint_action_audiences(
  i.status, i.visibility, i.lead_organisation_ids, i.participant_organisation_ids) a
group by 1, 2, 3;

-- Reading: the caller's audiences, computed once, against the summary: one branch per
-- audience, each an index probe of the summary's key (audience, organisation, country), so a
-- visitor reads the public rows only and a member adds the network's and one probe per
-- organisation of theirs. (One OR over the audiences read the whole summary, 17,000 rows at
-- 100k items: 2-3 ms a list page; docs/benchmarks.md, "Calendar feeds kept".) Roles other
-- than the API's (the service role, the owner) read every action and get every country.
create function private.joint_action_countries_for(reader_role text)
returns setof text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select s.country from private.joint_action_country_audiences s
  where s.audience = 'public' and s.organisation_id is null
  union
  select s.country from private.joint_action_country_audiences s
  where s.audience = 'network' and s.organisation_id is null
    and reader_role = 'authenticated' and (select private.is_network_member())
  union
  select s.country from private.joint_action_country_audiences s
  where s.audience = 'participants' and reader_role = 'authenticated'
    and s.organisation_id = any ((select private.user_organisation_id_array('member'))::uuid[])
  union
  select s.country from private.joint_action_country_audiences s
  where s.audience = 'leads' and reader_role = 'authenticated'
    and s.organisation_id = any ((select private.user_organisation_id_array('editor'))::uuid[])
  union
  select s.country from private.joint_action_country_audiences s
  where reader_role not in ('anon', 'authenticated')
  order by 1;
end;
$$;
comment on function private.joint_action_countries_for(text) is
  'The countries of the joint actions a reader of this role (anon, authenticated: the current user) reads, from the summary.';

create function public.joint_action_countries()
returns setof text
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return query
  select private.joint_action_countries_for(current_user::text);
end;
$$;

comment on function public.joint_action_countries() is
  'Distinct countries of the joint actions the caller may read (the items read policy''s audiences, from a summary kept by triggers), for filter menus.';

revoke all on table private.joint_action_country_audiences from public, anon, authenticated;
revoke execute on function private.joint_action_audiences(public.item_status, public.item_visibility, uuid[], uuid[]) from public;
revoke execute on function private.count_joint_action_countries(text[], public.item_status, public.item_visibility, uuid[], uuid[], integer) from public;
revoke execute on function private.joint_action_countries_changed() from public;
revoke execute on function private.item_readers_changed() from public;
revoke execute on function private.joint_action_countries_for(text) from public;
grant execute on function private.joint_action_countries_for(text) to anon, authenticated, service_role;
revoke all on function public.joint_action_countries() from public;
grant execute on function public.joint_action_countries() to anon, authenticated, service_role;
