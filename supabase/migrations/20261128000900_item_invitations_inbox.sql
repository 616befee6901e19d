-- An organisation invited to co-lead or take part in an item cannot read the item yet
-- (RLS: it sees only the invitation). To answer, its admins need to know what they are
-- invited to: the kind, the inviting organisation and the title in its original language.
-- This is that invitation, and nothing more (no text body, no other attachments).

-- The title an item has in its original language, whatever its kind: what the admins and
-- editors asked about an item they may not read yet (an invitation, a translation request)
-- are shown of it. Called by security-definer functions, so read with their rights.
create function private.original_title(item uuid)
returns table (title text, locale text)
language sql
stable
set search_path = ''
as $$
  select t.title, t.locale::text
  from public.joint_actions c
  join public.joint_action_translations t on t.action_id = c.id and t.locale = c.original_locale
  where c.id = item
  union all
  select t.title, t.locale::text
  from public.events c
  join public.event_translations t on t.event_id = c.id and t.locale = c.original_locale
  where c.id = item
  union all
  select t.title, t.locale::text
  from public.papers c
  join public.paper_translations t on t.paper_id = c.id and t.locale = c.original_locale
  where c.id = item
$$;
comment on function private.original_title(uuid) is 'The title of an item (joint action, event or paper) in its original language, and that language; none for an item without its original text.';

create function private.pending_item_invitations()
returns table (
  item_id uuid,
  kind public.item_kind,
  role public.item_organisation_role,
  organisation_id uuid,
  organisation_name text,
  owner_name text,
  title text,
  title_locale text,
  invited_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
  select
    io.item_id,
    i.kind,
    io.role,
    io.organisation_id,
    org.name,
    owner.name,
    t.title,
    t.locale,
    io.created_at
  from public.item_organisations io
  join public.items i on i.id = io.item_id
  join public.organisations org on org.id = io.organisation_id
  join public.organisations owner on owner.id = i.owner_organisation_id
  left join lateral private.original_title(i.id) t on true
  where io.state = 'invited'
    and io.role in ('co_lead', 'participant')
    and io.organisation_id in (select private.user_organisation_ids('admin'))
  order by io.created_at desc
$$;

comment on function private.pending_item_invitations() is
  'Invitations (co-lead, participant) waiting for an answer from the organisations the caller administers, with what admins need to decide: kind, inviting organisation, original title.';

select private.expose('private.pending_item_invitations()', callers => '{authenticated}');
comment on function public.pending_item_invitations() is
  'The caller''s organisations'' pending invitations to items (admins only); answer them by updating item_organisations.state.';

