-- public.item_rights(item): what each actor may do with an item, and what each must NOT get;
-- public.create_joint_action/create_event/create_paper: one transaction, run as the caller,
-- allowing nothing more than the direct inserts did (RLS still decides).
-- Fixture (_helpers.psql): item_alpha_draft (alpha owner, beta co-lead accepted, gamma
-- co-lead invited), item_alpha_participants (beta participant accepted, gamma participant
-- invited, frozen participant accepted), item_alpha_archived, item_alpha_public.
begin;
\ir _helpers.psql
select plan(44);

create function tests.rights(item text)
returns text
language sql
set search_path = ''
as $$
  select format('manage=%s edit=%s owner=%s post_as=%s create=%s',
                r.can_manage::text, r.can_edit::text, r.is_owner_editor::text,
                (select coalesce(string_agg(o.slug, ',' order by o.slug), '')
                 from public.organisations o where o.id = any (r.post_as)),
                r.can_create::text)
  from public.item_rights(tests.uid(item)) r
$$;
grant execute on function tests.rights(text) to anon, authenticated;

create function tests.memberships(item text)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg((m ->> 'role') || '@' || (m -> 'organisation' ->> 'slug'), ','
                             order by m -> 'organisation' ->> 'slug'), '')
  from public.item_rights(tests.uid(item)) r, jsonb_array_elements(r.memberships) m
$$;
grant execute on function tests.memberships(text) to anon, authenticated;

-- item_rights ---------------------------------------------------------------------------------
-- Those who may do nothing at all with the item (null: without an item, only can_create answers).
select is(tests.value_as(actor, format('tests.rights(%L)', item)), 'manage=false edit=false owner=false post_as= create=false', description)
from (values
  (null, 'item_alpha_draft', 'anonymous: no rights on a draft'),
  (null, 'item_alpha_public', 'anonymous: no rights on a public item either (reading is not a right to act)'),
  ('outsider', 'item_alpha_draft', 'outsider: nothing, and cannot create'),
  ('alpha_member', 'item_alpha_draft', 'member of the owner: no rights on a draft they cannot read'),
  ('alpha_member', 'item_alpha_public', 'member of the owner: reads the published item, may not edit, post or create'),
  ('beta_member', 'item_alpha_draft', 'member of a co-lead: no rights'),
  ('frozen_admin', 'item_alpha_participants', 'admin of a suspended participant: nothing'),
  ('outsider', null, 'without an item: only can_create answers (outsider)')
) as nothing (actor, item, description);

select is(tests.value_as(actor, format('tests.rights(%L)', item)), rights, description)
from (values
  ('alpha_editor', 'item_alpha_draft', 'manage=true edit=true owner=true post_as=test-alpha create=true',
   'editor of the owner: manages, edits, decides status and invitations, posts as the owner'),
  ('alpha_admin', 'item_alpha_draft', 'manage=true edit=true owner=true post_as=test-alpha create=true',
   'admin of the owner: the same'),
  ('beta_editor', 'item_alpha_draft', 'manage=true edit=true owner=false post_as=test-beta create=true',
   'editor of an accepted co-lead: manages and edits, but is not the owner''s editor'),
  ('gamma_admin', 'item_alpha_draft', 'manage=false edit=false owner=false post_as= create=true',
   'admin of an invited (not yet accepted) co-lead: no rights on the item'),
  ('coordinator', 'item_alpha_draft', 'manage=false edit=false owner=false post_as= create=true',
   'coordinator: creates for their own organisation, no rights on another''s item'),
  ('beta_editor', 'item_alpha_participants', 'manage=false edit=false owner=false post_as=test-beta create=true',
   'editor of an accepted participant: posts as it, does not manage'),
  ('gamma_admin', 'item_alpha_participants', 'manage=false edit=false owner=false post_as= create=true',
   'admin of an invited participant: does not post yet'),
  ('alpha_editor', 'item_alpha_archived', 'manage=true edit=false owner=true post_as= create=true',
   'editor of the owner of an archived item: manages (may restore it), neither edits nor posts')
) as allowed (actor, item, rights, description);

select tests.authenticate_as('beta_member');
select is((select can_create from public.item_rights()), false, 'without an item: a member creates nothing');

-- The caller's memberships (why they may read the item, said on its page): their own in active
-- organisations, and never anyone else's, whatever the item and their rights on it.
select is(tests.value_as(actor, format('tests.memberships(%L)', item)), memberships, description)
from (values
  (null, 'item_alpha_public', '', 'anonymous: no memberships'),
  ('outsider', 'item_alpha_public', '', 'outsider: none, though others are members of the owner'),
  ('alpha_editor', 'item_alpha_draft', 'editor@test-alpha', 'editor of the owner: their own membership only'),
  ('beta_member', 'item_alpha_draft', 'member@test-beta', 'member without rights on the item: still their own membership'),
  ('gamma_admin', 'item_beta_signatures', 'admin@test-gamma', 'admin of an invited signatory: their own membership'),
  ('frozen_admin', 'item_alpha_participants', '', 'admin of a suspended organisation: it does not count'),
  ('coordinator', null, 'admin@test-coord', 'without an item: the coordinator''s own membership')
) as own (actor, item, memberships, description);

-- create_joint_action ------------------------------------------------------------------------------

select tests.authenticate_as('alpha_editor');
select lives_ok(
  $$ select set_config('tests.action', public.create_joint_action(
       organisation_id => tests.uid('test-alpha'), visibility => 'network', original_locale => 'fr',
       title => 'Une action', summary => 'Résumé', body => 'Texte', areas => '{lobbying_advocacy}',
       countries => '{BE}')::text, true) $$,
  'an editor of the owner creates a joint action in one call');
select tests.clear_authentication();
select results_eq(
  $$ select i.kind::text, i.status::text, i.visibility::text, i.created_by, t.title, t.updated_by
     from public.items i join public.joint_action_translations t on t.action_id = i.id
     where i.id = current_setting('tests.action')::uuid $$,
  $$ values ('joint_action', 'draft', 'network', tests.uid('alpha_editor'), 'Une action', tests.uid('alpha_editor')) $$,
  'a draft with its original text; the database stamped created_by and updated_by');
select results_eq(
  $$ select organisation_id, role::text, state::text, invited_by from public.item_organisations
     where item_id = current_setting('tests.action')::uuid $$,
  $$ values (tests.uid('test-alpha'), 'owner', 'accepted', tests.uid('alpha_editor')) $$,
  'the owner attachment is made by the trigger');

select tests.authenticate_as('alpha_admin');
select set_config('tests.published', public.create_joint_action(
  organisation_id => tests.uid('test-alpha'), visibility => 'public', original_locale => 'en',
  title => 'Published at once', areas => '{research_expertise}', publish => true)::text, true);
select is(
  (select i.status::text from public.items i where i.id = current_setting('tests.published')::uuid),
  'published', 'publish => true publishes it in the same call');

select tests.clear_authentication();
create temporary table before_count as select count(*) as n from public.items;
grant select on before_count to authenticated;
select tests.authenticate_as('alpha_editor');
select throws_ok(
  $$ select public.create_joint_action(organisation_id => tests.uid('test-alpha'), visibility => 'network',
       original_locale => 'fr', title => '   ', areas => '{lobbying_advocacy}') $$,
  '23514', null, 'a text the table refuses fails the whole create');
select throws_ok(
  $$ select public.create_joint_action(organisation_id => tests.uid('test-alpha'), visibility => 'network',
       original_locale => 'fr', title => 'Sans domaine') $$,
  '23514', null, 'content the table refuses (no area) fails the whole create');
select tests.clear_authentication();
select is((select count(*) from public.items), (select n from before_count),
  'nothing half-saved: a failed create leaves no item behind');

-- Creating takes an editor (or admin) of an active organisation, in its own name.
select tests.check_as(refused.actor,
  format($$select public.create_joint_action(organisation_id => tests.uid(%L), visibility => 'network',
                                             original_locale => 'fr', title => %L, areas => '{lobbying_advocacy}')$$,
         refused.org, refused.title),
  '42501', refused.description)
from (values
  ('alpha_member', 'test-alpha', 'Membre', 'a member (not editor) cannot create for their organisation'),
  ('beta_editor', 'test-alpha', 'Pas à moi', 'an editor cannot create in another organisation''s name (even a co-lead of its items)'),
  ('coordinator', 'test-alpha', 'Coordination', 'a coordinator cannot create in another organisation''s name'),
  ('frozen_admin', 'test-frozen', 'Gelé', 'the admin of a suspended organisation cannot create for it'),
  (null, 'test-alpha', 'Anonyme', 'anonymous visitors cannot call it')
) as refused (actor, org, title, description);

-- create_event -------------------------------------------------------------------------------------

select tests.authenticate_as('alpha_editor');
select lives_ok(
  $$ select set_config('tests.event', public.create_event(
       organisation_id => tests.uid('test-alpha'), visibility => 'public', original_locale => 'nl',
       title => 'Een evenement', starts_at => '2031-03-01 10:00+01', ends_at => '2031-03-01 12:00+01',
       time_zone => 'Europe/Brussels', is_online => true, online_url => 'https://example.org/meet',
       capacity => 20)::text, true) $$,
  'an editor of the owner creates an event with its online link in one call');
select tests.clear_authentication();
select results_eq(
  $$ select e.capacity, t.title, l.url, t.updated_by
     from public.events e
     join public.event_translations t on t.event_id = e.id
     join public.event_online_links l on l.event_id = e.id
     where e.id = current_setting('tests.event')::uuid $$,
  $$ values (20, 'Een evenement', 'https://example.org/meet', tests.uid('alpha_editor')) $$,
  'the event, its text and its online link are saved together');

select tests.authenticate_as('alpha_editor');
select throws_ok(
  $$ select public.create_event(organisation_id => tests.uid('test-alpha'), visibility => 'public',
       original_locale => 'nl', title => 'Slechte link', starts_at => '2031-03-01 10:00+01',
       ends_at => '2031-03-01 12:00+01', time_zone => 'Europe/Brussels', online_url => 'http://plain.example') $$,
  '23514', null, 'a refused online link fails the whole create (no event without its link)');
select tests.clear_authentication();
select is((select count(*) from public.event_translations where title = 'Slechte link'), 0::bigint,
  'and leaves no event behind');

select tests.authenticate_as('gamma_member');
select throws_ok(
  $$ select public.create_event(organisation_id => tests.uid('test-gamma'), visibility => 'public',
       original_locale => 'en', title => 'Member event', starts_at => '2031-03-01 10:00+01',
       ends_at => '2031-03-01 12:00+01', time_zone => 'Europe/Brussels') $$,
  '42501', null, 'a member cannot create an event for their organisation');

-- create_paper -------------------------------------------------------------------------------------

select tests.authenticate_as('beta_editor');
select lives_ok(
  $$ select set_config('tests.paper', public.create_paper(
       organisation_id => tests.uid('test-beta'), visibility => 'network', original_locale => 'de',
       title => 'Ein Papier', abstract => 'Kurz')::text, true) $$,
  'an editor creates a paper in one call');
select tests.clear_authentication();
select results_eq(
  $$ select v.number, v.created_by, t.title from public.paper_versions v
     join public.paper_translations t on t.paper_id = v.paper_id
     where v.paper_id = current_setting('tests.paper')::uuid $$,
  $$ values (1, tests.uid('beta_editor'), 'Ein Papier') $$,
  'with its original text and an empty version 1');

select tests.authenticate_as('alpha_editor');
select throws_ok(
  $$ select public.create_paper(organisation_id => tests.uid('test-beta'), visibility => 'network',
       original_locale => 'de', title => 'Nicht meins') $$,
  '42501', null, 'an editor cannot create a paper in another organisation''s name');

select * from finish();
rollback;
