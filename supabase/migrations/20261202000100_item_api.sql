-- The item API of the app (issue 13): what the caller may do with an item, asked once, and
-- creating a joint action, an event or a paper in one call. Rules: docs/access-model.md;
-- proof: supabase/tests/database/035-item-api.test.sql.
--
-- Every function here is `security invoker`: it runs as the caller, so RLS and the triggers
-- decide exactly as they do for the direct reads and writes it replaces. It grants nothing
-- that the caller could not already do one statement at a time; it only makes the answer
-- one round trip and a create one transaction (nothing half-saved, no compensating delete).
-- Columns the database stamps (items.created_by, translations' updated_by, the owner
-- attachment) are left to their defaults and triggers.
--
-- SQLSTATEs: those of the tables' checks, policies and triggers (42501 refused by RLS or
-- a guard, 23514 a check, and the EV/PA codes of events and papers).

-- The caller's rights on an item ------------------------------------------------------------

create function private.my_active_memberships()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'role', m.role,
           'organisation', jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'status', o.status))
         order by o.name, o.id), '[]')
  from public.memberships m
  join public.organisations o on o.id = m.organisation_id
  where m.user_id = (select auth.uid())
    and o.status = 'active'
$$;
comment on function private.my_active_memberships() is 'The caller''s own memberships of active organisations, as [{role, organisation: {id, slug, name, status}}] (empty for a visitor): what public.item_rights returns for "why you see this". Definer only so that a visitor''s call needs no grant on memberships; it reveals nothing but the caller''s own ties to organisations everyone may read.';

create function public.item_rights(item_id uuid default null)
returns table (
  can_manage boolean,
  can_edit boolean,
  is_owner_editor boolean,
  post_as uuid[],
  can_create boolean,
  memberships jsonb
)
-- plpgsql, as public.events_by_day: PostgREST's connections keep its plan (a sql function with
-- settings is planned again on every call). Every signed-in item page calls it (reader_rights):
-- at 100k items 1.8 ms a call as sql, 0.6 ms as plpgsql once its plan is kept.
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return query
  with editor_of as (
    select private.user_organisation_id_array('editor') as ids
  ),
  -- RLS decides: an item the caller cannot read gives no rights at all.
  item as (
    select i.id, i.status, i.owner_organisation_id, i.lead_organisation_ids
    from public.items i
    where i.id = item_rights.item_id
  )
  -- The rules of private.managed_item_ids, editable_item_ids and owned_item_ids, tested on
  -- this item's row: those list every item the caller manages, thousands in a large network.
  select
    exists (select 1 from item where item.lead_organisation_ids && editor_of.ids),
    exists (select 1 from item where item.lead_organisation_ids && editor_of.ids and item.status <> 'archived'),
    exists (select 1 from item where item.owner_organisation_id = any (editor_of.ids)),
    coalesce((
      select array_agg(io.organisation_id order by io.organisation_id)
      from item
      join public.item_organisations io on io.item_id = item.id
      where item.status <> 'archived'
        and io.state = 'accepted'
        and io.role <> 'signatory'
        and io.organisation_id = any (editor_of.ids)
    ), '{}'),
    cardinality(editor_of.ids) > 0,
    -- Why they may read the item (said on its page), so that the page needs no second read.
    private.my_active_memberships()
  from editor_of;
end;
$$;
comment on function public.item_rights(uuid) is 'What the caller may do with an item they can read (display only; every write is decided again by RLS): can_manage (editor/admin of the owner or an accepted co-lead: the edit page, the registrant list), can_edit (the same, not archived), is_owner_editor (editor/admin of the owner: status, invitations), post_as (attached organisations, not as signatory, the caller may post for; none when archived), can_create (editor/admin of some active organisation; the only answer without an item), memberships (the caller''s own in active organisations: private.my_active_memberships).';

-- Creating an item in one call ----------------------------------------------------------------

create function public.create_joint_action(
  organisation_id uuid,
  visibility public.item_visibility,
  original_locale text,
  title text,
  summary text default '',
  body text default '',
  areas public.work_area[] default '{}',
  crc_articles smallint[] default '{}',
  countries text[] default '{}',
  themes text[] default '{}',
  phase public.action_phase default 'planned',
  starts_on date default null,
  ends_on date default null,
  publish boolean default false
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
  new_id uuid;
begin
  insert into public.items (kind, owner_organisation_id, status, visibility)
  values ('joint_action', create_joint_action.organisation_id, 'draft', create_joint_action.visibility)
  returning id into new_id;
  insert into public.joint_actions (id, original_locale, areas, crc_articles, countries, themes, phase, starts_on, ends_on)
  values (new_id, create_joint_action.original_locale, create_joint_action.areas, create_joint_action.crc_articles,
          create_joint_action.countries, create_joint_action.themes, create_joint_action.phase,
          create_joint_action.starts_on, create_joint_action.ends_on);
  insert into public.joint_action_translations (action_id, locale, title, summary, body)
  values (new_id, create_joint_action.original_locale, create_joint_action.title, create_joint_action.summary,
          create_joint_action.body);
  if publish then
    update public.items set status = 'published' where id = new_id;
  end if;
  return new_id;
end;
$$;
comment on function public.create_joint_action(uuid, public.item_visibility, text, text, text, text, public.work_area[], smallint[], text[], text[], public.action_phase, date, date, boolean) is 'Creates a joint action (item, owner attachment by trigger, content, original text), published when asked, in one transaction, as the caller (RLS decides). Returns its id.';

create function public.create_event(
  organisation_id uuid,
  visibility public.item_visibility,
  original_locale text,
  title text,
  starts_at timestamptz,
  ends_at timestamptz,
  time_zone text,
  description text default '',
  accessibility_notes text default '',
  venue_name text default null,
  venue_address text default null,
  is_online boolean default false,
  online_url text default null,
  capacity integer default null,
  registration_mode public.registration_mode default 'open',
  registration_deadline timestamptz default null,
  accessibility text[] default '{}',
  joint_action_id uuid default null,
  publish boolean default false
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
  new_id uuid;
begin
  insert into public.items (kind, owner_organisation_id, status, visibility)
  values ('event', create_event.organisation_id, 'draft', create_event.visibility)
  returning id into new_id;
  insert into public.events (id, original_locale, starts_at, ends_at, time_zone, venue_name, venue_address,
                             is_online, capacity, registration_mode, registration_deadline, accessibility,
                             joint_action_id)
  values (new_id, create_event.original_locale, create_event.starts_at, create_event.ends_at,
          create_event.time_zone, create_event.venue_name, create_event.venue_address, create_event.is_online,
          create_event.capacity, create_event.registration_mode, create_event.registration_deadline,
          create_event.accessibility, create_event.joint_action_id);
  insert into public.event_translations (event_id, locale, title, description, accessibility_notes)
  values (new_id, create_event.original_locale, create_event.title, create_event.description,
          create_event.accessibility_notes);
  if create_event.online_url is not null then
    insert into public.event_online_links (event_id, url) values (new_id, create_event.online_url);
  end if;
  if publish then
    update public.items set status = 'published' where id = new_id;
  end if;
  return new_id;
end;
$$;
comment on function public.create_event(uuid, public.item_visibility, text, text, timestamptz, timestamptz, text, text, text, text, text, boolean, text, integer, public.registration_mode, timestamptz, text[], uuid, boolean) is 'Creates an event (item, owner attachment by trigger, facts, original text, online link), published when asked, in one transaction, as the caller (RLS decides). Returns its id.';

create function public.create_paper(
  organisation_id uuid,
  visibility public.item_visibility,
  original_locale text,
  title text,
  abstract text default '',
  paper_kind public.paper_kind default 'position_statement',
  areas public.work_area[] default '{}',
  crc_articles smallint[] default '{}',
  countries text[] default '{}',
  joint_action_id uuid default null,
  publish boolean default false
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
  new_id uuid;
begin
  insert into public.items (kind, owner_organisation_id, status, visibility)
  values ('paper', create_paper.organisation_id, 'draft', create_paper.visibility)
  returning id into new_id;
  insert into public.papers (id, original_locale, paper_kind, areas, crc_articles, countries, joint_action_id)
  values (new_id, create_paper.original_locale, create_paper.paper_kind, create_paper.areas,
          create_paper.crc_articles, create_paper.countries, create_paper.joint_action_id);
  insert into public.paper_translations (paper_id, locale, title, abstract)
  values (new_id, create_paper.original_locale, create_paper.title, create_paper.abstract);
  -- An empty version 1 to upload the PDFs into (numbered by the database).
  insert into public.paper_versions (paper_id, number) values (new_id, 1);
  if publish then
    update public.items set status = 'published' where id = new_id;
  end if;
  return new_id;
end;
$$;
comment on function public.create_paper(uuid, public.item_visibility, text, text, text, public.paper_kind, public.work_area[], smallint[], text[], uuid, boolean) is 'Creates a paper (item, owner attachment by trigger, content, original text, empty version 1), published when asked, in one transaction, as the caller (RLS decides). Returns its id.';

-- Privileges ----------------------------------------------------------------------------------

revoke execute on function private.my_active_memberships() from public;
revoke execute on function public.item_rights(uuid) from public;
revoke execute on function public.create_joint_action(uuid, public.item_visibility, text, text, text, text, public.work_area[], smallint[], text[], text[], public.action_phase, date, date, boolean) from public, anon;
revoke execute on function public.create_event(uuid, public.item_visibility, text, text, timestamptz, timestamptz, text, text, text, text, text, boolean, text, integer, public.registration_mode, timestamptz, text[], uuid, boolean) from public, anon;
revoke execute on function public.create_paper(uuid, public.item_visibility, text, text, text, public.paper_kind, public.work_area[], smallint[], text[], uuid, boolean) from public, anon;

grant execute on function private.my_active_memberships() to anon, authenticated;
grant execute on function public.item_rights(uuid) to anon, authenticated;
grant execute on function public.create_joint_action(uuid, public.item_visibility, text, text, text, text, public.work_area[], smallint[], text[], text[], public.action_phase, date, date, boolean) to authenticated;
grant execute on function public.create_event(uuid, public.item_visibility, text, text, timestamptz, timestamptz, text, text, text, text, text, boolean, text, integer, public.registration_mode, timestamptz, text[], uuid, boolean) to authenticated;
grant execute on function public.create_paper(uuid, public.item_visibility, text, text, text, public.paper_kind, public.work_area[], smallint[], text[], uuid, boolean) to authenticated;
