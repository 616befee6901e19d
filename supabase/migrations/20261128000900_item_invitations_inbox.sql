-- An organisation invited to co-lead or take part in an item cannot read the item yet
-- (RLS: it sees only the invitation). To answer, its admins need to know what they are
-- invited to: the kind, the inviting organisation and the title in its original language.
-- This is that invitation, and nothing more (no text body, no other attachments).

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
    coalesce(ja.title, ev.title, pa.title),
    coalesce(ja.locale, ev.locale, pa.locale)::text,
    io.created_at
  from public.item_organisations io
  join public.items i on i.id = io.item_id
  join public.organisations org on org.id = io.organisation_id
  join public.organisations owner on owner.id = i.owner_organisation_id
  left join public.joint_actions j on j.id = i.id
  left join public.joint_action_translations ja on ja.action_id = j.id and ja.locale = j.original_locale
  left join public.events e on e.id = i.id
  left join public.event_translations ev on ev.event_id = e.id and ev.locale = e.original_locale
  left join public.papers p on p.id = i.id
  left join public.paper_translations pa on pa.paper_id = p.id and pa.locale = p.original_locale
  where io.state = 'invited'
    and io.role in ('co_lead', 'participant')
    and io.organisation_id in (select private.user_organisation_ids('admin'))
  order by io.created_at desc
$$;

comment on function private.pending_item_invitations() is
  'Invitations (co-lead, participant) waiting for an answer from the organisations the caller administers, with what admins need to decide: kind, inviting organisation, original title.';

revoke all on function private.pending_item_invitations() from public;
grant execute on function private.pending_item_invitations() to authenticated, service_role;

select private.expose('private.pending_item_invitations()');
comment on function public.pending_item_invitations() is
  'The caller''s organisations'' pending invitations to items (admins only); answer them by updating item_organisations.state.';

revoke all on function public.pending_item_invitations() from public;
grant execute on function public.pending_item_invitations() to authenticated, service_role;
