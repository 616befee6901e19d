-- A signed-in reader's pages at the request count of a visitor's (issue 14,
-- docs/benchmarks.md "Scale: what each change was worth").
--
-- On one machine every PostgREST request a page makes costs throughput one for one. A
-- visitor's list page of events or papers made one request, a member's two (the list, and
-- public.item_rights asking whether to offer "new"); the organisation page one and two (the
-- organisation, then its members and the caller's memberships). Every signed-in page already
-- makes one request of its own, the bell's count in the root layout; the create-right rides on
-- it, and the organisation page's members and management right come with the organisation.
--
--   reader_summary()                    the bell's count and whether the caller may create
--                                       items, one row (the root layout, every signed-in page)
--   reader_can_manage(organisations)    computed field: the caller administers the
--                                       organisation or coordinates the network

create or replace function public.reader_summary()
returns table (
  unread_notifications integer,
  can_create boolean
)
language sql
stable
security invoker
set search_path = ''
as $$
  -- Both answers are the caller's own: their notifications (RLS: recipient only) and their
  -- editor-or-admin memberships of active organisations (public.item_rights' can_create).
  select public.unread_notification_count(),
         cardinality(private.user_organisation_id_array('editor')) > 0
$$;
comment on function public.reader_summary() is 'What every signed-in page shows of its reader, in one call: unread_notifications (public.unread_notification_count, up to 100) and can_create (editor or admin of some active organisation, as public.item_rights says: the lists'' "new" link; display only, RLS decides every write). Not executable by anon.';

create or replace function public.reader_can_manage(organisation public.organisations)
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$
  -- The rule of organisationAdmin.managementRights: an admin of this (active) organisation or
  -- of an active coordinating one. The row is one the caller may read (RLS on organisations).
  select organisation.id = any (private.user_organisation_id_array('admin'))
         or (select private.is_coordinator())
$$;
comment on function public.reader_can_manage(public.organisations) is 'Computed field of organisations (PostgREST: select=reader_can_manage): whether the caller may manage the organisation, as its admin (active organisations only) or a coordinator; false for a visitor. Display only: the admin pages and RLS decide again.';

-- Privileges ----------------------------------------------------------------------------------

revoke execute on function public.reader_summary() from public, anon;
revoke execute on function public.reader_can_manage(public.organisations) from public;
grant execute on function public.reader_summary() to authenticated, service_role;
grant execute on function public.reader_can_manage(public.organisations) to anon, authenticated, service_role;
