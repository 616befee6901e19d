-- public.my_dashboard(): each section shows an actor exactly what RLS lets them read and
-- nothing else (not even as a count); public.mark_news_seen() moves only the caller's own
-- mark, forward only, never beyond now; nobody reads another person's mark.
-- Fixture (_helpers.psql) plus, here: joint actions act_public/act_network/act_participants
-- (beta participant accepted)/act_draft of alpha, act_old (public, published 60 days ago,
-- its text changed since), an event ev_approval (alpha, network, approval) with a pending
-- registration of beta_member, and an outdated Dutch text of act_network.
begin;
\ir _helpers.psql
select plan(40);

insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by)
select tests.uid(i.name), i.kind::public.item_kind, tests.uid('test-alpha'), i.status::public.item_status,
       i.visibility::public.item_visibility, tests.uid('alpha_editor')
from (values
  ('act_public', 'joint_action', 'published', 'public'),
  ('act_network', 'joint_action', 'published', 'network'),
  ('act_participants', 'joint_action', 'published', 'participants'),
  ('act_draft', 'joint_action', 'draft', 'network'),
  ('act_old', 'joint_action', 'published', 'public'),
  ('ev_approval', 'event', 'published', 'network')
) as i (name, kind, status, visibility);
-- Distinct publication times, the shared fixture's items (no texts) the oldest.
update public.items i set published_at = now() - p.ago
from (values ('act_public', interval '5 hours'), ('act_network', interval '4 hours'),
             ('act_participants', interval '3 hours'), ('ev_approval', interval '1 hour'),
             ('act_old', interval '60 days')) as p (name, ago)
where i.id = tests.uid(p.name);
update public.items set published_at = now() - interval '10 days'
where id in (select tests.uid(n) from unnest(array['item_alpha_public', 'item_alpha_network', 'item_alpha_participants',
                                                   'item_alpha_archived', 'item_beta_signatures']) as n);

insert into public.item_organisations (item_id, organisation_id, role, state)
values (tests.uid('act_participants'), tests.uid('test-beta'), 'participant', 'accepted');

insert into public.joint_actions (id, original_locale, areas)
select tests.uid(n), 'fr', '{legal_actions}'
from unnest(array['act_public', 'act_network', 'act_participants', 'act_draft', 'act_old']) as n;
insert into public.joint_action_translations (action_id, locale, title)
select tests.uid(n), 'fr', 'Titre ' || n
from unnest(array['act_public', 'act_network', 'act_participants', 'act_draft', 'act_old']) as n;
insert into public.joint_action_translations (action_id, locale, title)
values (tests.uid('act_network'), 'nl', 'Titel act_network');
-- The French original of act_network changed after the Dutch text was made from it.
update public.joint_actions set original_revision = 2 where id = tests.uid('act_network');

-- Held in Costa Rica: not the hub's home zone, so a row that carries the home zone is seen.
insert into public.events (id, original_locale, starts_at, ends_at, registration_mode, time_zone)
values (tests.uid('ev_approval'), 'en', now() + interval '10 days', now() + interval '10 days 3 hours', 'approval',
        'America/Costa_Rica');
insert into public.event_translations (event_id, locale, title)
values (tests.uid('ev_approval'), 'en', 'An event to approve');
insert into public.event_registrations (event_id, user_id, status)
values (tests.uid('ev_approval'), tests.uid('beta_member'), 'pending');

insert into tests.names (id, name)
select tests.uid(n), n
from unnest(array['act_public', 'act_network', 'act_participants', 'act_draft', 'act_old', 'ev_approval']) as n;

-- The names of the fixture items in one section of the caller's dashboard (demo items left
-- out), each with what the section says of it.
create function tests.dashboard(section text, detail text default null)
returns text[]
language sql
set search_path = ''
as $$
  select coalesce(array_agg(n.name || coalesce(':' || (e ->> detail), '') order by n.name), '{}')
  from jsonb_array_elements(public.my_dashboard() -> section) e
  join tests.names n on n.id = (e ->> 'item_id')::uuid
$$;
grant execute on function tests.dashboard(text, text) to authenticated;

-- Nobody signed out has a dashboard or a mark -------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok('select public.my_dashboard()', '42501', null, 'anonymous: no dashboard');
select throws_ok($$select public.mark_news_seen(now())$$, '42501', null, 'anonymous: no mark to move');

-- News: what each actor may read, published or changed in the last 30 days; never a draft -----
select is(tests.read_as(actor, $$tests.dashboard('news', 'is_new')$$), news, description)
from (values
  ('outsider', '{act_old:false,act_public:true}'::text[],
   'outsider: only the public items (act_old as changed, act_public as new)'),
  ('gamma_member', '{act_network:true,act_old:false,act_public:true,ev_approval:true}',
   'member of the network: adds the network items, not the participants-only one nor the draft'),
  ('beta_member', '{act_network:true,act_old:false,act_participants:true,act_public:true,ev_approval:true}',
   'member of a participant: adds the participants-only item'),
  ('alpha_editor', '{act_network:true,act_old:false,act_participants:true,act_public:true,ev_approval:true}',
   'editor of the owner: the same, and still not the draft (not published)'),
  ('frozen_member', '{act_old:false,act_public:true}',
   'member of a suspended organisation: only the public items')
) as t (actor, news, description);

-- Registrations waiting for a decision: only for those who organise the event --------------------
select is(tests.read_as(actor, $$tests.dashboard('to_approve', 'pending')$$), waiting, description)
from (values
  ('alpha_editor', '{ev_approval:1}'::text[], 'editor of the organiser: one registration to decide'),
  ('alpha_admin', '{ev_approval:1}', 'admin of the organiser: the same'),
  ('alpha_member', '{}', 'member of the organiser who does not edit: nothing to decide'),
  ('beta_member', '{}', 'the registrant: not theirs to decide'),
  ('coordinator', '{}', 'a coordinator: not theirs to decide either')
) as t (actor, waiting, description);

-- A registration to decide is dated in its event's own zone, as the upcoming events are: the
-- row carries the zone, for those who decide only.
select is(tests.read_as(actor, $$tests.dashboard('to_approve', 'time_zone')$$), zones, description)
from (values
  ('alpha_editor', '{ev_approval:America/Costa_Rica}'::text[], 'editor of the organiser: the event''s own zone'),
  ('alpha_admin', '{ev_approval:America/Costa_Rica}', 'admin of the organiser: the same'),
  ('alpha_member', '{}', 'member of the organiser who does not edit: no row, no zone'),
  ('beta_member', '{}', 'the registrant: no row'),
  ('coordinator', '{}', 'a coordinator: no row')
) as t (actor, zones, description);

-- Outdated translations: only of items the caller edits ----------------------------------------
select is(tests.read_as(actor, $$tests.dashboard('outdated', 'locales')$$), outdated, description)
from (values
  ('alpha_editor', '{"act_network:[\"nl\"]"}'::text[], 'editor of the owner: the Dutch text of act_network'),
  ('alpha_member', '{}', 'member of the owner who does not edit: none'),
  ('beta_editor', '{}', 'editor of a participant: none (participants do not edit the texts)'),
  ('outsider', '{}', 'outsider: none')
) as t (actor, outdated, description);

-- Upcoming events: those registered for (with their state) or organised ------------------------
select is(tests.read_as(actor, $$tests.dashboard('upcoming', 'registration')$$), upcoming, description)
from (values
  ('beta_member', '{ev_approval:pending}'::text[], 'the registrant: the event, awaiting approval'),
  ('alpha_editor', '{ev_approval}', 'editor of the organiser: the event, as organiser (no registration)'),
  ('gamma_member', '{}', 'neither registered nor organising: none'),
  ('outsider', '{}', 'outsider: none')
) as t (actor, upcoming, description);

-- Applications to join: a count for coordinators only --------------------------------------------
select is(tests.value_as('alpha_admin', $$public.my_dashboard() ->> 'applications'$$), null,
          'an organisation admin gets no count of applications');
select isnt(tests.value_as('coordinator', $$public.my_dashboard() ->> 'applications'$$), null,
            'a coordinator gets the count of applications');
select is(tests.value_as('coordinator', $$public.my_dashboard() ->> 'applications'$$),
          (select count(*)::text from public.organisation_applications where status = 'pending'),
          'the count is the number of pending applications');

-- My organisations: the caller's active ones, with the latest item they may read ----------------
select is(tests.value_as(actor, $$(select string_agg((o ->> 'slug') || ':' || (o ->> 'role') || ':' ||
                                     coalesce((select n.name from tests.names n where n.id = (o -> 'latest' ->> 'item_id')::uuid), '-'), ',')
                                   from jsonb_array_elements(public.my_dashboard() -> 'organisations') o)$$),
          organisations, description)
from (values
  ('alpha_member', 'test-alpha:member:ev_approval', 'member: their organisation, its latest published item'),
  ('beta_member', 'test-beta:member:act_participants', 'member of a participant: the item it takes part in'),
  ('frozen_member', null, 'member of a suspended organisation: none listed'),
  ('outsider', null, 'outsider: none')
) as t (actor, organisations, description);

-- The news mark ---------------------------------------------------------------------------------
select is(tests.value_as('alpha_member', $$(public.my_dashboard() ->> 'since')::timestamptz = now() - interval '30 days'$$),
          'true', 'without a mark, the news start 30 days ago');
select is(tests.value_as('alpha_member', $$public.mark_news_seen(now()) = now()$$), 'true',
          'marking the news as seen now');
select is(tests.read_as('alpha_member', $$tests.dashboard('news')$$), '{}',
          'after the mark, nothing published before it is news');
select is(tests.value_as('alpha_member', $$public.mark_news_seen(now() - interval '1 day') = now()$$), 'true',
          'a late post of an older page does not move the mark back');
select is(tests.value_as('alpha_member', $$public.mark_news_seen(now() + interval '1 year') = now()$$), 'true',
          'a mark in the future is taken as now');
select is(tests.value_as('beta_member', $$(public.my_dashboard() ->> 'since')::timestamptz = now() - interval '30 days'$$),
          'true', 'another person''s mark did not move');
select tests.authenticate_as('beta_member');
select throws_ok('select * from private.news_marks', '42501', null,
                 'nobody reads the marks directly (when someone last looked is theirs)');
select throws_ok($$insert into private.news_marks values ('$$ || tests.uid('alpha_member') || $$', now() - interval '1 year')$$,
                 '42501', null, 'nobody writes another person''s mark');

select * from finish();
rollback;
