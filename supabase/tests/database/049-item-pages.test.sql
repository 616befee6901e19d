-- The computed fields an item page selects with its item (migration 20261207000100_item_pages.sql):
-- public.requested_translations(items), public.registration_counts(events) and
-- public.reader_rights(items) give each actor exactly what the public functions they stand for
-- give (item_translation_requests, event_registration_counts, item_rights);
-- public.reader_registration(events) gives the caller their own registration and the online link
-- only when they are a confirmed registrant or an organiser. None of them tells anything about
-- an item the actor may not read, even when handed a row of it made up by the caller.
begin;
\ir _helpers.psql
select plan(27);

-- Fixture ------------------------------------------------------------------------------------
-- Alpha's public and network actions (French originals), each asked in Dutch from beta and the
-- public one in English from gamma; a public and a network event of alpha, each with two
-- confirmed registrations and one on the waiting list.
select tests.add_joint_action_content(array['item_alpha_public', 'item_alpha_network'],
                                      'Formation ', 'Un résumé.', 'Le texte.')
\g /dev/null
insert into public.translation_requests (item_id, locale, organisation_id, requested_by_organisation_id, due_on)
values
  (tests.uid('item_alpha_public'), 'nl', tests.uid('test-beta'), tests.uid('test-alpha'), current_date + 30),
  (tests.uid('item_alpha_public'), 'en', tests.uid('test-gamma'), tests.uid('test-alpha'), null),
  (tests.uid('item_alpha_network'), 'nl', tests.uid('test-beta'), tests.uid('test-alpha'), null);

select tests.create_item(e.name, 'event', 'published', e.visibility)
from (values ('ev_public', 'public'), ('ev_network', 'network')) as e (name, visibility)
\g /dev/null
insert into public.events (id, original_locale, starts_at, ends_at, capacity)
select tests.uid(n), 'fr', now() + interval '10 days', now() + interval '10 days 3 hours', 2
from unnest(array['ev_public', 'ev_network']) as n;
insert into public.event_translations (event_id, locale, title, description)
select tests.uid(n), 'fr', 'Formation ' || n, ''
from unnest(array['ev_public', 'ev_network']) as n;
insert into public.event_registrations (event_id, user_id, status)
select tests.uid(e), tests.uid(p.person), p.status::public.registration_status
from unnest(array['ev_public', 'ev_network']) as e,
     (values ('alpha_member', 'confirmed'), ('beta_member', 'confirmed'), ('gamma_member', 'waiting')) as p (person, status);
insert into public.event_online_links (event_id, url)
select tests.uid(n), 'https://meet.example.org/' || n
from unnest(array['ev_public', 'ev_network']) as n;

-- What a reader gets through a computed field (`field`) of the row of `tbl` it reads, and what
-- it gets when handed a copy of that row made while no RLS applied (a made-up row).
create table tests.items_handed as select * from public.items;
create table tests.events_handed as select * from public.events;
grant select on tests.items_handed, tests.events_handed to anon, authenticated;
create function tests.via_row(field text, tbl text, name text)
returns text
language plpgsql
set search_path = ''
as $$
declare
  found text;
begin
  execute format('select public.%I(r)::text from public.%I r where r.id = tests.uid($1)', field, tbl)
    into found using name;
  return coalesce(found, 'unread');
end;
$$;
create function tests.handed(field text, tbl text, name text)
returns text
language plpgsql
set search_path = ''
as $$
declare
  found text;
begin
  execute format('select public.%I(row(h.*)::public.%I)::text from tests.%I h where h.id = tests.uid($1)',
                 field, tbl, tbl || '_handed')
    into found using name;
  return found;
end;
$$;
-- The same through the public functions the fields stand for.
create function tests.requested_via_function(item text)
returns text
language sql
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'locale', r.locale, 'status', r.status, 'organisation_id', r.organisation_id,
           'organisation_name', r.organisation_name, 'due_on', r.due_on) order by r.locale), '[]')::text
  from public.item_translation_requests(tests.uid(item)) r
$$;
create function tests.rights_via_function(item text)
returns text
language sql
set search_path = ''
as $$
  select to_jsonb(r)::text from public.item_rights(tests.uid(item)) r
$$;
grant execute on function tests.via_row(text, text, text), tests.handed(text, text, text),
  tests.requested_via_function(text), tests.rights_via_function(text) to anon, authenticated;

-- requested_translations ---------------------------------------------------------------------
select is(tests.value_as(p.person, 'tests.via_row(''requested_translations'', ''items'', ''item_alpha_public'') = tests.requested_via_function(''item_alpha_public'')'),
          'true', coalesce(p.person, 'anonymous') || ': the public action''s requests, the same through the row as through item_translation_requests')
from (values (null), ('outsider'), ('beta_member'), ('coordinator')) as p (person);
select is(tests.value_as(null, 'jsonb_array_length(tests.via_row(''requested_translations'', ''items'', ''item_alpha_public'')::jsonb)::text'), '2',
          'anonymous: the public action''s two open requests (Dutch from beta, English from gamma)');
select is(tests.value_as('alpha_member', 'tests.via_row(''requested_translations'', ''items'', ''item_alpha_network'')::jsonb -> 0 ->> ''organisation_name'''),
          (select name from public.organisations where id = tests.uid('test-beta')),
          'alpha_member: the network action''s request names the asked organisation');
select is(tests.value_as(null, 'tests.handed(''requested_translations'', ''items'', ''item_alpha_network'')'), '[]',
          'anonymous, handed a row of the network action: no request of it');
select is(tests.value_as('outsider', 'tests.handed(''requested_translations'', ''items'', ''item_alpha_network'')'), '[]',
          'outsider (no organisation), handed a row of the network action: no request of it');
select is(tests.value_as(null, 'tests.via_row(''requested_translations'', ''items'', ''item_alpha_network'')'), 'unread',
          'anonymous: the network action is not read at all');

-- registration_counts ------------------------------------------------------------------------
select is(tests.value_as(p.person, 'tests.via_row(''registration_counts'', ''events'', ''ev_public'')'),
          '{"pending": 0, "waiting": 1, "confirmed": 2}',
          coalesce(p.person, 'anonymous') || ': the public event''s counts through its row')
from (values (null), ('gamma_member')) as p (person);
select is(tests.value_as('beta_member', 'tests.via_row(''registration_counts'', ''events'', ''ev_network'')'),
          '{"pending": 0, "waiting": 1, "confirmed": 2}',
          'beta_member: the network event''s counts through its row');
select is(tests.value_as(null, 'tests.handed(''registration_counts'', ''events'', ''ev_network'')'),
          '{"pending": 0, "waiting": 0, "confirmed": 0}',
          'anonymous, handed a row of the network event: zeros, not its counts');

-- reader_rights ------------------------------------------------------------------------------
select is(tests.value_as(p.person, 'tests.via_row(''reader_rights'', ''items'', ''item_alpha_network'') = tests.rights_via_function(''item_alpha_network'')'),
          'true', p.person || ': the rights on the network action, the same through the row as through item_rights')
from (values ('alpha_editor'), ('alpha_member'), ('beta_editor'), ('coordinator')) as p (person);
select is(tests.value_as('alpha_editor', 'tests.via_row(''reader_rights'', ''items'', ''item_alpha_network'')::jsonb ->> ''can_manage'''), 'true',
          'alpha_editor: manages the network action of alpha, said through its row');
select is(tests.value_as('beta_editor', 'tests.via_row(''reader_rights'', ''items'', ''item_alpha_network'')::jsonb ->> ''can_manage'''), 'false',
          'beta_editor: reads the network action of alpha but does not manage it');

-- reader_registration ------------------------------------------------------------------------
select is(tests.value_as(null, '(select count(*) from public.events r where r.id = tests.uid(''ev_public'') and public.reader_registration(r) is null)::text'),
          '1', 'anonymous: reads the public event, and nothing of a registration or a link (no permission error either)');
select is(tests.value_as('alpha_member', 'tests.via_row(''reader_registration'', ''events'', ''ev_public'')'),
          '{"status": "confirmed", "online_url": "https://meet.example.org/ev_public"}',
          'alpha_member, confirmed: their registration and the online link');
select is(tests.value_as('gamma_member', 'tests.via_row(''reader_registration'', ''events'', ''ev_public'')'),
          '{"status": "waiting", "online_url": null}',
          'gamma_member, on the waiting list: their registration, not the link');
select is(tests.value_as('beta_editor', 'tests.via_row(''reader_registration'', ''events'', ''ev_public'')'),
          '{"status": null, "online_url": null}',
          'beta_editor, not registered (beta_member is): no one else''s registration, no link');
select is(tests.value_as('alpha_editor', 'tests.via_row(''reader_registration'', ''events'', ''ev_network'')'),
          '{"status": null, "online_url": "https://meet.example.org/ev_network"}',
          'alpha_editor, an organiser: the link without registering');
select is(tests.value_as('outsider', 'tests.via_row(''reader_registration'', ''events'', ''ev_network'')'), 'unread',
          'outsider: the network event is not read at all');
select is(tests.value_as('outsider', 'tests.handed(''reader_registration'', ''events'', ''ev_network'')'),
          '{"status": null, "online_url": null}',
          'outsider, handed a row of the network event: no link');
select is(tests.value_as(null, 'tests.handed(''reader_registration'', ''events'', ''ev_network'')'), null,
          'anonymous, handed a row of the network event: nothing');
select * from finish();
rollback;
