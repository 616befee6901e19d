-- An item page in one request for a visitor (issue 14, docs/benchmarks.md "Item pages").
--
-- The pages of a joint action, an event and a paper read the item with its texts and
-- organisations in one PostgREST request, then asked twice more for the languages' states
-- (the dates of the original's revisions, the open translation requests) and, for an event,
-- once more for its registration counts: three or four requests where one does. The dates
-- come embedded (original_text_revisions references items); the rest are computed fields of
-- the row the caller has just read under RLS, so PostgREST selects them with it:
--
--   requested_translations(items)   the open translation requests of public.item_translation_requests
--   registration_counts(events)     the counts of public.event_registration_counts
--   reader_rights(items)            the caller's rights and memberships of public.item_rights
--                                   (a member's item pages: one request fewer)
--   reader_registration(events)     the caller's own registration and the online link
--                                   (a member's event page: one request fewer)
--
-- The first three go through the public functions they stand for, which check again that the
-- caller reads the item: called directly with a made-up row, they answer nothing for an item
-- the caller may not read. The fourth reads two tables whose own policies give a person
-- nothing but their own registration and, to confirmed registrants and organisers, the link.

create function public.requested_translations(item public.items)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'locale', r.locale, 'status', r.status, 'organisation_id', r.organisation_id,
           'organisation_name', r.organisation_name, 'due_on', r.due_on
         ) order by r.locale), '[]'::jsonb)
  from public.item_translation_requests((requested_translations.item).id) r
$$;
comment on function public.requested_translations(public.items) is 'Computed field: the item''s open translation requests (language, status, asked organisation, due date) as public.item_translation_requests gives them, for the item page''s "requested from X" in the same request as the item.';

create function public.registration_counts(event public.events)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(
    (select jsonb_build_object('confirmed', c.confirmed, 'waiting', c.waiting, 'pending', c.pending)
     from public.event_registration_counts((registration_counts.event).id) c),
    jsonb_build_object('confirmed', 0, 'waiting', 0, 'pending', 0))
$$;
comment on function public.registration_counts(public.events) is 'Computed field: the event''s numbers of confirmed, waiting and pending registrations (public.event_registration_counts; zeros for an event the caller may not read), in the same request as the event.';

create function public.reader_rights(item public.items)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select to_jsonb(r) from public.item_rights((reader_rights.item).id) r
$$;
comment on function public.reader_rights(public.items) is 'Computed field: public.item_rights of the item as one JSON object (can_manage, can_edit, is_owner_editor, post_as, can_create, memberships), in the same request as the item; no right for an item the caller may not read.';

create function public.reader_registration(event public.events)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- A visitor has neither and may not read the two tables: no query for them (plpgsql plans
  -- the statement below only when it runs).
  if (select auth.uid()) is null then
    return null;
  end if;
  return jsonb_build_object(
    'status', (select r.status from public.event_registrations r
               where r.event_id = (reader_registration.event).id and r.user_id = (select auth.uid())),
    'online_url', (select l.url from public.event_online_links l
                   where l.event_id = (reader_registration.event).id));
end;
$$;
comment on function public.reader_registration(public.events) is 'Computed field: the caller''s own registration to the event (status, null when none) and its online link when RLS gives it (confirmed registrants, organisers), in the same request as the event; null for a visitor.';

revoke execute on function public.requested_translations(public.items) from public;
revoke execute on function public.registration_counts(public.events) from public;
revoke execute on function public.reader_rights(public.items) from public;
revoke execute on function public.reader_registration(public.events) from public;
grant execute on function public.requested_translations(public.items) to anon, authenticated, service_role;
grant execute on function public.registration_counts(public.events) to anon, authenticated, service_role;
grant execute on function public.reader_rights(public.items) to anon, authenticated, service_role;
grant execute on function public.reader_registration(public.events) to anon, authenticated, service_role;
