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
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select coalesce(jsonb_agg(jsonb_build_object(
             'locale', r.locale, 'status', r.status, 'organisation_id', r.organisation_id,
             'organisation_name', r.organisation_name, 'due_on', r.due_on
           ) order by r.locale), '[]'::jsonb)
    from public.item_translation_requests((requested_translations.item).id) r
  );
end;
$$;
comment on function public.requested_translations(public.items) is 'Computed field: the item''s open translation requests (language, status, asked organisation, due date) as public.item_translation_requests gives them, for the item page''s "requested from X" in the same request as the item.';

create function public.registration_counts(event public.events)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select coalesce(
      (select jsonb_build_object('confirmed', c.confirmed, 'waiting', c.waiting, 'pending', c.pending)
       from public.event_registration_counts((registration_counts.event).id) c),
      jsonb_build_object('confirmed', 0, 'waiting', 0, 'pending', 0))
  );
end;
$$;
comment on function public.registration_counts(public.events) is 'Computed field: the event''s numbers of confirmed, waiting and pending registrations (public.event_registration_counts; zeros for an event the caller may not read), in the same request as the event.';

create function public.reader_rights(item public.items)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select to_jsonb(r) from public.item_rights((reader_rights.item).id) r
  );
end;
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

-- The page's JSON from the database --------------------------------------------------------
-- An item page's one request selected 19-25 named columns with five to seven embeds, and
-- PostgREST spent 4.5-8.6 ms of CPU parsing that select and planning its query, more than the
-- app or Postgres (docs/benchmarks.md, "Where a page's CPU goes"). public.joint_action_page,
-- public.event_page and public.paper_page return the same JSON, key for key, built in SQL:
-- PostgREST parses no select, and plpgsql keeps each statement's plan for the connection. They
-- read as the caller (security invoker), every table under its own policies, exactly as the
-- select did: the item's row first (null when the caller may not read it), each embed under
-- its table's RLS (an organisation or a linked joint action the caller may not read: null).
-- The app keeps the select as the type of the JSON, and an API test compares the two for every
-- demo account and every item of the kind (tests/api/item-pages.test.ts).

-- What the three pages read of the item itself: its state, its organisations, its languages'
-- states and the caller's rights (the `item:items!inner(...)` embed).
create function private.item_page_item(item public.items)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'status', (item_page_item.item).status,
      'visibility', (item_page_item.item).visibility,
      'published_at', (item_page_item.item).published_at,
      'owner_organisation_id', (item_page_item.item).owner_organisation_id,
      'attachments', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'role', io.role, 'state', io.state,
                 'organisation', (select jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name)
                                  from public.organisations o where o.id = io.organisation_id))), '[]')
        from public.item_organisations io where io.item_id = (item_page_item.item).id),
      'revisions', (
        select coalesce(jsonb_agg(jsonb_build_object('revision', r.revision, 'created_at', r.created_at)), '[]')
        from public.original_text_revisions r where r.item_id = (item_page_item.item).id),
      'requested_translations', public.requested_translations(item_page_item.item),
      'reader_rights', public.reader_rights(item_page_item.item))
  );
end;
$$;
comment on function private.item_page_item(public.items) is 'The item part of an item page''s JSON (state, attachments with their organisations, the original''s revisions, open translation requests, the caller''s rights), read as the caller.';

-- The joint action an event or a paper belongs to, with its titles (null: none, or unreadable).
create function private.item_page_action(action_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'id', a.id, 'original_locale', a.original_locale,
      'translations', (
        select coalesce(jsonb_agg(jsonb_build_object('locale', t.locale, 'title', t.title)), '[]')
        from public.joint_action_translations t where t.action_id = a.id))
    from public.joint_actions a
    where a.id = item_page_action.action_id
  );
end;
$$;
comment on function private.item_page_action(uuid) is 'The joint action an event or a paper belongs to, as its page shows the link (id, original language, titles), read as the caller: null when none or not readable.';

create function public.joint_action_page(action_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'id', a.id, 'original_locale', a.original_locale, 'original_revision', a.original_revision,
      'areas', a.areas, 'crc_articles', a.crc_articles, 'countries', a.countries, 'themes', a.themes,
      'phase', a.phase, 'starts_on', a.starts_on, 'ends_on', a.ends_on, 'updated_at', a.updated_at,
      'item', private.item_page_item(i),
      'translations', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'locale', t.locale, 'title', t.title, 'summary', t.summary, 'body', t.body,
                 'source_revision', t.source_revision, 'updated_at', t.updated_at)), '[]')
        from public.joint_action_translations t where t.action_id = a.id),
      'updates', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'id', u.id, 'locale', u.locale, 'body', u.body, 'created_at', u.created_at,
                 'author_id', u.author_id,
                 'organisation', (select jsonb_build_object('slug', o.slug, 'name', o.name)
                                  from public.organisations o where o.id = u.organisation_id))
                 order by u.created_at desc), '[]')
        from public.joint_action_updates u where u.action_id = a.id))
    from public.joint_actions a
    join public.items i on i.id = a.id
    where a.id = joint_action_page.action_id);
end;
$$;
comment on function public.joint_action_page(uuid) is 'A joint action''s page as one JSON object (its columns, its item, texts and updates newest first: the keys of the select in src/lib/server/jointActions.ts), read as the caller; null when absent or not readable.';

create function public.event_page(event_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'id', e.id, 'original_locale', e.original_locale, 'original_revision', e.original_revision,
      'starts_at', e.starts_at, 'ends_at', e.ends_at, 'time_zone', e.time_zone,
      'venue_name', e.venue_name, 'venue_address', e.venue_address, 'is_online', e.is_online,
      'capacity', e.capacity, 'registration_mode', e.registration_mode,
      'registration_deadline', e.registration_deadline, 'accessibility', e.accessibility,
      'areas', e.areas, 'crc_articles', e.crc_articles, 'countries', e.countries,
      'cancelled_at', e.cancelled_at, 'updated_at', e.updated_at, 'joint_action_id', e.joint_action_id,
      'registration_counts', public.registration_counts(e),
      'reader_registration', public.reader_registration(e),
      'item', private.item_page_item(i),
      'translations', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'locale', t.locale, 'title', t.title, 'description', t.description,
                 'accessibility_notes', t.accessibility_notes, 'source_revision', t.source_revision)), '[]')
        from public.event_translations t where t.event_id = e.id),
      'action', private.item_page_action(e.joint_action_id))
    from public.events e
    join public.items i on i.id = e.id
    where e.id = event_page.event_id);
end;
$$;
comment on function public.event_page(uuid) is 'An event''s page as one JSON object (its columns, registration counts and the caller''s registration, its item, texts and joint action: the keys of the select in src/lib/server/events.ts), read as the caller; null when absent or not readable.';

create function public.paper_page(paper_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'id', p.id, 'original_locale', p.original_locale, 'original_revision', p.original_revision,
      'paper_kind', p.paper_kind, 'areas', p.areas, 'crc_articles', p.crc_articles,
      'countries', p.countries, 'joint_action_id', p.joint_action_id,
      'signature_version_id', p.signature_version_id, 'signature_deadline', p.signature_deadline,
      'item', private.item_page_item(i),
      'translations', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'locale', t.locale, 'title', t.title, 'abstract', t.abstract,
                 'source_revision', t.source_revision)), '[]')
        from public.paper_translations t where t.paper_id = p.id),
      'versions', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'id', v.id, 'number', v.number, 'note', v.note, 'created_at', v.created_at)), '[]')
        from public.paper_versions v where v.paper_id = p.id),
      'files', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'id', f.id, 'version_id', f.version_id, 'locale', f.locale,
                 'filename', f.filename, 'size_bytes', f.size_bytes)), '[]')
        from public.paper_files f where f.paper_id = p.id),
      'signatures', (
        select coalesce(jsonb_agg(jsonb_build_object(
                 'id', s.id, 'version_id', s.version_id, 'state', s.state, 'decided_at', s.decided_at,
                 'organisation', (select jsonb_build_object('slug', o.slug, 'name', o.name)
                                  from public.organisations o where o.id = s.organisation_id))), '[]')
        from public.paper_signatures s where s.paper_id = p.id),
      'action', private.item_page_action(p.joint_action_id))
    from public.papers p
    join public.items i on i.id = p.id
    where p.id = paper_page.paper_id);
end;
$$;
comment on function public.paper_page(uuid) is 'A paper''s page as one JSON object (its columns, its item, texts, versions, files, signatures and joint action: the keys of the select in src/lib/server/papers.ts), read as the caller; null when absent or not readable.';

revoke execute on function private.item_page_item(public.items) from public;
revoke execute on function private.item_page_action(uuid) from public;
revoke execute on function public.joint_action_page(uuid) from public;
revoke execute on function public.event_page(uuid) from public;
revoke execute on function public.paper_page(uuid) from public;
grant execute on function private.item_page_item(public.items) to anon, authenticated, service_role;
grant execute on function private.item_page_action(uuid) to anon, authenticated, service_role;
grant execute on function public.joint_action_page(uuid) to anon, authenticated, service_role;
grant execute on function public.event_page(uuid) to anon, authenticated, service_role;
grant execute on function public.paper_page(uuid) to anon, authenticated, service_role;
