-- joint_actions, joint_action_translations, joint_action_updates and
-- search_items: who reads, creates, edits and deletes each, from every actor's
-- side; the translation revisions (outdated / up to date); search in each language.
begin;
\ir _helpers.psql
select plan(160);

-- Fixture: content for the helper's joint-action items, plus an organisation attached
-- to nothing (test-delta) and items without content yet. ------------------------------

insert into public.organisations (id, slug, name, kind, status, country, description, original_locale, languages)
values (tests.uid('test-delta'), 'test-delta', 'Test Delta', 'section', 'active', 'IT', '{}', 'en', '{it}');
select tests.create_member('delta_editor', 'test-delta', 'editor') \g /dev/null

select tests.create_item('item_new', 'joint_action', 'draft', 'network') \g /dev/null
select tests.create_item('item_new_colead', 'joint_action', 'draft', 'network') \g /dev/null
select tests.create_item('item_new_event', 'event', 'draft', 'network') \g /dev/null
select tests.create_item('item_new_archived', 'joint_action', 'archived', 'public') \g /dev/null
insert into public.item_organisations (item_id, organisation_id, role, state)
values (tests.uid('item_new_colead'), tests.uid('test-beta'), 'co_lead', 'accepted');

insert into tests.names (id, name)
select tests.uid(n), n
from unnest(array[
  'test-delta', 'delta_editor', 'item_new', 'item_new_colead', 'item_new_event', 'item_new_archived',
  'post_draft', 'post_public', 'post_network', 'post_participants_alpha', 'post_participants_beta',
  'post_archived', 'post_new', 'post_smuggled'
]) as n;

insert into public.joint_actions (id, original_locale, areas, crc_articles, countries, themes, phase)
values
  (tests.uid('item_alpha_draft'), 'fr', '{lobbying_advocacy,research_expertise}', '{4,44}', '{BE}', '{rapport}', 'planned'),
  (tests.uid('item_alpha_public'), 'fr', '{lobbying_advocacy}', '{37}', '{BE}', '{détention}', 'ongoing'),
  (tests.uid('item_alpha_network'), 'fr', '{training_education}', '{40}', '{BE,NL}', '{justice juvénile}', 'ongoing'),
  (tests.uid('item_alpha_participants'), 'fr', '{legal_actions}', '{3,8,22}', '{BE,NL}', '{âge}', 'ongoing'),
  (tests.uid('item_alpha_archived'), 'fr', '{lobbying_advocacy}', '{28,29}', '{BE}', '{école}', 'completed');

insert into public.joint_action_translations (action_id, locale, title, summary, body)
values
  (tests.uid('item_alpha_draft'), 'fr', 'Rapport alternatif au Comité des droits de l''enfant',
   'Préparation commune du rapport.', 'Le Comité examinera la Belgique.'),
  (tests.uid('item_alpha_public'), 'fr', 'Campagne contre la détention des enfants',
   'Les enfants ne sont pas enfermés.', 'Aucun enfant en centre fermé.'),
  (tests.uid('item_alpha_public'), 'nl', 'Campagne tegen de opsluiting van kinderen', '', ''),
  (tests.uid('item_alpha_network'), 'fr', 'Formation à la justice juvénile', 'Un cycle pour les avocats.', ''),
  (tests.uid('item_alpha_network'), 'nl', 'Opleiding jeugdrecht', 'Een reeks voor advocaten.', ''),
  (tests.uid('item_alpha_network'), 'en', 'Training on juvenile justice', 'A series for lawyers.', ''),
  (tests.uid('item_alpha_participants'), 'fr', 'Recours contre les tests osseux',
   'Contester l''estimation de l''âge des mineurs.', ''),
  (tests.uid('item_alpha_participants'), 'nl', 'Procedure tegen botscans',
   'De leeftijdsbepaling van een minderjarige vluchteling aanvechten.', ''),
  (tests.uid('item_alpha_archived'), 'fr', 'Campagne contre le harcèlement à l''école', '', '');

insert into public.joint_action_updates (id, action_id, organisation_id, author_id, locale, body)
values
  (tests.uid('post_draft'), tests.uid('item_alpha_draft'), tests.uid('test-alpha'), tests.uid('alpha_editor'), 'fr', 'Plan validé.'),
  (tests.uid('post_public'), tests.uid('item_alpha_public'), tests.uid('test-alpha'), tests.uid('alpha_editor'), 'fr', 'Pétition lancée.'),
  (tests.uid('post_network'), tests.uid('item_alpha_network'), tests.uid('test-alpha'), tests.uid('alpha_editor'), 'fr', 'Inscriptions ouvertes.'),
  (tests.uid('post_participants_alpha'), tests.uid('item_alpha_participants'), tests.uid('test-alpha'), tests.uid('alpha_editor'), 'fr', 'Requête déposée.'),
  (tests.uid('post_participants_beta'), tests.uid('item_alpha_participants'), tests.uid('test-beta'), tests.uid('beta_editor'), 'nl', 'Dossier ingediend.'),
  (tests.uid('post_archived'), tests.uid('item_alpha_archived'), tests.uid('test-alpha'), tests.uid('alpha_editor'), 'fr', 'Campagne terminée.');

-- Translation status as the app computes it: original / current / outdated.
create function tests.text_status(item text)
returns text[]
language sql
stable
set search_path = ''
as $$
  select coalesce(array_agg(
    t.locale || ':' || case when t.locale = ja.original_locale then 'original'
                            when t.source_revision < ja.original_revision then 'outdated'
                            else 'current' end
    order by t.locale), '{}')
  from public.joint_action_translations t
  join public.joint_actions ja on ja.id = t.action_id
  where ja.id = tests.uid(item)
$$;

create function tests.revision(item text)
returns integer
language sql
stable
set search_path = ''
as $$
  select ja.original_revision from public.joint_actions ja where ja.id = tests.uid(item)
$$;
grant execute on all functions in schema tests to public;

-- The fixture content itself -------------------------------------------------------
select throws_ok(
  $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_beta_signatures'), 'nl', '{legal_actions}')$$,
  '23514', 'a joint action belongs to an item of kind joint_action, not paper',
  'a joint action cannot hang off an item of another kind (even on a trusted path)');
select is(tests.text_status('item_alpha_network'), array['en:current', 'fr:original', 'nl:current'],
  'translations saved after the original are current');

-- reading: every actor -------------------------------------------------------------
select tests.authenticate_as('gamma_admin');
select ok(tests.visible_attachments() @> array['item_alpha_draft/test-gamma:invited', 'item_alpha_participants/test-gamma:invited'],
  'the admin of an invited (not accepted) organisation sees the invitations…');

-- Outside the network (anonymous visitors, people without membership, members of a suspended
-- organisation, even an accepted one): public actions, their texts and timelines only.
select is(tests.read_as(outside.actor, public_part.reading), public_part.expected, outside.descriptions[public_part.n])
from (values
  (null, array['anonymous visitors read published and archived public actions only',
    'anonymous visitors read the texts of public actions only',
    'anonymous visitors read the timelines of public actions only']),
  ('outsider', array['a person without membership reads public actions only',
    'a person without membership reads the texts of public actions only',
    'a person without membership reads the timelines of public actions only']),
  ('frozen_member', array['a member of a suspended organisation loses network and participants actions (even an accepted attachment)',
    'a member of a suspended organisation reads public texts only',
    'a member of a suspended organisation reads public timelines only'])
) as outside (actor, descriptions)
cross join (values
  (1, $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_public']),
  (2, $$tests.visible_rows('public.joint_action_translations', 'action_id', true)$$, array['item_alpha_archived/fr', 'item_alpha_public/fr', 'item_alpha_public/nl']),
  (3, $$tests.visible_rows('public.joint_action_updates')$$, array['post_archived', 'post_public'])
) as public_part (n, reading, expected);

-- Inside the network.
select is(tests.read_as(actor, reading), expected, description)
from (values
  ('alpha_member', $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public'],
   'a member of the owner reads public, network and participants actions, not the draft'),
  ('alpha_member', $$tests.visible_rows('public.joint_action_translations', 'action_id', true)$$, array['item_alpha_archived/fr', 'item_alpha_network/en', 'item_alpha_network/fr', 'item_alpha_network/nl',
    'item_alpha_participants/fr', 'item_alpha_participants/nl', 'item_alpha_public/fr', 'item_alpha_public/nl'],
   'a member of the owner reads the texts of those actions, not the draft''s'),
  ('alpha_member', $$tests.visible_rows('public.joint_action_updates')$$, array['post_archived', 'post_network', 'post_participants_alpha', 'post_participants_beta', 'post_public'],
   'a member of the owner reads those timelines, not the draft''s'),
  ('alpha_editor', $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_draft', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public'],
   'an editor of the owner also reads the draft'),
  ('alpha_admin', $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_draft', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public'],
   'an admin of the owner reads the draft'),
  ('beta_editor', $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_draft', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public'],
   'an editor of an accepted co-lead reads the draft; of an accepted participant, the participants action'),
  ('beta_member', $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public'],
   'a member of a participant organisation reads the participants action, not the draft its organisation co-leads'),
  ('beta_member', $$tests.visible_rows('public.joint_action_updates')$$, array['post_archived', 'post_network', 'post_participants_alpha', 'post_participants_beta', 'post_public'],
   'a member of a participant organisation reads its timeline'),
  ('gamma_admin', $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_network', 'item_alpha_public'],
   '…but neither the draft nor the participants action…'),
  ('gamma_admin', $$tests.visible_rows('public.joint_action_translations', 'action_id', true)$$, array['item_alpha_archived/fr', 'item_alpha_network/en', 'item_alpha_network/fr', 'item_alpha_network/nl',
    'item_alpha_public/fr', 'item_alpha_public/nl'],
   '…nor their texts…'),
  ('gamma_admin', $$tests.visible_rows('public.joint_action_updates')$$, array['post_archived', 'post_network', 'post_public'],
   '…nor their timelines'),
  ('delta_editor', $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_network', 'item_alpha_public'],
   'an editor of an organisation attached to nothing reads public and network actions'),
  ('delta_editor', $$tests.visible_rows('public.joint_action_updates')$$, array['post_archived', 'post_network', 'post_public'],
   'an editor of an organisation attached to nothing reads public and network timelines'),
  ('coordinator', $$tests.visible_rows('public.joint_actions')$$, array['item_alpha_archived', 'item_alpha_network', 'item_alpha_public'],
   'a coordinator reads network actions but not other organisations'' drafts or participants actions'),
  ('coordinator', $$tests.visible_rows('public.joint_action_translations', 'action_id', true)$$, array['item_alpha_archived/fr', 'item_alpha_network/en', 'item_alpha_network/fr', 'item_alpha_network/nl',
    'item_alpha_public/fr', 'item_alpha_public/nl'],
   'a coordinator reads no text of a draft or participants action')
) as reading (actor, reading, expected, description);

select tests.authenticate_as('alpha_editor');
select ok('item_alpha_draft/fr' = any (tests.visible_rows('public.joint_action_translations', 'action_id', true)), 'an editor of the owner reads the draft''s text');
select ok('post_draft' = any (tests.visible_rows('public.joint_action_updates')), 'an editor of the owner reads the draft''s timeline');
select tests.authenticate_as('beta_editor');
select ok('item_alpha_draft/fr' = any (tests.visible_rows('public.joint_action_translations', 'action_id', true)) and 'post_draft' = any (tests.visible_rows('public.joint_action_updates')),
  'an editor of an accepted co-lead reads the draft''s text and timeline');

-- search: per-language stems, under RLS ---------------------------------------------
select is(tests.read_as(actor, format('tests.found(%L, ''joint_action'')', word)), expected, description)
from (values
  (null, 'enfant', array['item_alpha_public'],
   'French stems: "enfant" finds "enfants" in a French text'),
  (null, 'kind', '{}'::text[],
   'Dutch "kind" does not stem to "kinderen" (the Dutch stemmer keeps them apart)'),
  (null, 'kinderen', array['item_alpha_public'],
   'a Dutch word finds the Dutch translation of a public action'),
  (null, 'advocaat', '{}'::text[],
   'anonymous visitors do not find a network action even when the word matches'),
  (null, '', '{}'::text[],
   'an empty query finds nothing'),
  (null, '   ', '{}'::text[],
   'a blank query finds nothing'),
  (null, 'de het een', '{}'::text[],
   'a query of Dutch stop words finds nothing'),
  ('delta_editor', 'advocaat', array['item_alpha_network'],
   'Dutch stems: "advocaat" finds "advocaten" in a Dutch translation'),
  ('delta_editor', 'lawyer', array['item_alpha_network'],
   'English stems: "lawyer" finds "lawyers"'),
  ('delta_editor', 'avocat', array['item_alpha_network'],
   'French stems: "avocat" finds "avocats"'),
  ('delta_editor', 'minderjarigen', '{}'::text[],
   'an outsider''s search does not return a participants action even when the word matches'),
  ('delta_editor', 'Comité', '{}'::text[],
   'a network member''s search does not return another organisation''s draft'),
  ('beta_member', 'minderjarigen', array['item_alpha_participants'],
   'a participant''s member finds the participants action by an inflected Dutch word ("minderjarigen" → "minderjarige")'),
  ('beta_member', 'vluchtelingen', array['item_alpha_participants'],
   'Dutch plural "vluchtelingen" finds singular "vluchteling"'),
  ('alpha_editor', 'comité', array['item_alpha_draft'],
   'an owner editor finds its draft')
) as search (actor, word, expected, description);

select tests.authenticate_as('delta_editor');
select is((select count(*)::int from public.search_items('justice OR jeugdrecht OR juvenile', 'joint_action') s
            where s.item_id = tests.uid('item_alpha_network')), 1,
  'one row per action even when several of its languages match');
select tests.authenticate_as('alpha_editor');
select ok(
  (select rank from public.search_items('enfants', 'joint_action') s where s.item_id = tests.uid('item_alpha_public')) > 0,
  'search returns a positive rank');

-- Each language's texts have a full-text index of their own (each branch of the search's
-- OR matches one language's parse against that language's texts; one index for all read the
-- texts every other parse matched too): one per content language on each translation table.
select tests.clear_authentication();
select set_eq(
  $$select t.relname::text, pg_get_expr(i.indpred, i.indrelid)
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_class c on c.oid = i.indexrelid
    join pg_am am on am.oid = c.relam
    where am.amname = 'gin' and t.relnamespace = 'public'::regnamespace
      and t.relname in ('joint_action_translations', 'event_translations', 'paper_translations')$$,
  $$select t, format('((locale)::text = %L::text)', l)
    from unnest(array['joint_action_translations', 'event_translations', 'paper_translations']) t,
         unnest(private.content_locales()) l$$,
  'each translation table has one full-text index per content language, of that language''s texts only');

-- joint_actions: creating -----------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_new'), 'fr', '{legal_actions}')$$,
   '42501: permission denied for table joint_actions', 'anonymous visitors cannot create joint actions'),
  ('alpha_member', $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_new'), 'fr', '{legal_actions}')$$,
   '42501: new row violates row-level security policy for table "joint_actions"', 'a member of the owner cannot create the content of its item'),
  ('beta_editor', $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_new_colead'), 'nl', '{legal_actions}')$$,
   '42501: new row violates row-level security policy for table "joint_actions"', 'an editor of a co-lead cannot create the content of the owner''s item'),
  ('delta_editor', $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_new'), 'en', '{legal_actions}')$$,
   '42501: new row violates row-level security policy for table "joint_actions"', 'an editor of another organisation cannot create content for an item it cannot even see'),
  ('coordinator', $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_new'), 'en', '{legal_actions}')$$,
   '42501: new row violates row-level security policy for table "joint_actions"', 'a coordinator cannot create content for another organisation''s item'),
  ('alpha_editor', $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_new_event'), 'fr', '{legal_actions}')$$,
   '23514: a joint action belongs to an item of kind joint_action, not event', 'an event item cannot get joint-action content'),
  ('alpha_editor', $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_new_archived'), 'fr', '{legal_actions}')$$,
   '42501: new row violates row-level security policy for table "joint_actions"', 'an archived item gets no content'),
  ('alpha_editor', $$insert into public.joint_actions (id, original_locale) values (tests.uid('item_new'), 'fr')$$,
   'violates joint_actions_areas_valid', 'a joint action needs at least one area'),
  ('alpha_editor', $$insert into public.joint_actions (id, original_locale, areas, crc_articles, countries, themes, original_revision)
    values (tests.uid('item_new'), 'fr', '{legal_actions}', '{12,3}', '{BE}', '{participation}', 7)$$,
   'ok', 'an owner editor creates the content of its draft…')
) as attempt (actor, statement, outcome, description);
select is(tests.revision('item_new'), 1, '…and original_revision starts at 1 whatever the caller sends');
select lives_ok(
  $$insert into public.joint_action_translations (action_id, locale, title, source_revision)
    values (tests.uid('item_new'), 'fr', 'Écouter les enfants', 5)$$,
  'the owner editor adds the original text');
select is(tests.text_status('item_new'), array['fr:original'], 'the original text carries the current revision');
select is(
  (select source_revision || ':' || tests.name(updated_by) from public.joint_action_translations where action_id = tests.uid('item_new')),
  '1:alpha_editor', 'source_revision and updated_by are stamped by the database');

-- joint_actions: bad input (each change breaks the check constraint named) ----------
select tests.check_as('alpha_editor', format($$update public.joint_actions set %s where id = tests.uid('item_alpha_public')$$, bad.change),
                      'violates ' || bad.constraint_name, bad.description)
from (values
  ($$areas = '{}'$$, 'joint_actions_areas_valid', 'no action without an area'),
  ($$crc_articles = '{55}'$$, 'joint_actions_crc_articles_valid', 'UNCRC articles stop at 54'),
  ($$crc_articles = '{0}'$$, 'joint_actions_crc_articles_valid', 'UNCRC articles start at 1'),
  ($$crc_articles = '{3,3}'$$, 'joint_actions_crc_articles_valid', 'an article is listed once'),
  ($$countries = '{be}'$$, 'joint_actions_countries_valid', 'countries are upper-case ISO codes'),
  ($$countries = '{BEL}'$$, 'joint_actions_countries_valid', 'countries are two-letter codes'),
  ($$themes = array[repeat('x', 61)]$$, 'joint_actions_themes_valid', 'a theme has at most 60 characters'),
  ($$themes = array[' ']$$, 'joint_actions_themes_valid', 'a theme is not blank'),
  ($$themes = array(select 'theme ' || g from generate_series(1, 21) g)$$, 'joint_actions_themes_valid', 'at most 20 themes'),
  ($$starts_on = '2026-06-01', ends_on = '2026-05-31'$$, 'joint_actions_dates_ordered', 'an action does not end before it starts')
) as bad (change, constraint_name, description);
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_admin', $$insert into public.joint_actions (id, original_locale, areas) values (tests.uid('item_new_colead'), 'nl', '{training_education}')$$,
   'ok', 'an admin of the owner creates content too'),
  ('alpha_editor', $$update public.joint_actions set original_locale = 'it' where id = tests.uid('item_alpha_public')$$,
   '23514: value for domain content_locale violates check constraint "content_locale"', 'the original language is one of the hub''s six content languages (not Italian)'),
  ('alpha_editor', $$update public.joint_action_translations set title = '  ' where action_id = tests.uid('item_alpha_public') and locale = 'fr'$$,
   'violates joint_action_translations_title_length', 'a text needs a title'),
  ('alpha_editor', $$update public.joint_action_translations set body = repeat('x', 50001) where action_id = tests.uid('item_alpha_public') and locale = 'fr'$$,
   'violates joint_action_translations_body_length', 'a body has at most 50,000 characters')
) as attempt (actor, statement, outcome, description);

-- joint_actions: updating -----------------------------------------------------------
select tests.check_as(nobody.actor, $$update public.joint_actions set phase = 'completed'$$, '0 rows', nobody.description)
from (values
  ('beta_member', 'a member of a co-lead or participant organisation edits nothing'),
  ('gamma_admin', 'the admin of an invited (not accepted) co-lead edits nothing'),
  ('delta_editor', 'an editor of another organisation edits nothing'),
  ('frozen_admin', 'the admin of a suspended participant edits nothing'),
  ('coordinator', 'a coordinator edits nothing')
) as nobody (actor, description);
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$update public.joint_actions set phase = 'completed'$$,
   '42501: permission denied for table joint_actions', 'anonymous visitors cannot edit joint actions'),
  ('outsider', $$update public.joint_actions set phase = 'completed' where id = tests.uid('item_alpha_public')$$,
   '0 rows', 'a person without membership cannot edit a public action'),
  ('alpha_member', $$update public.joint_actions set phase = 'completed' where id = tests.uid('item_alpha_network')$$,
   '0 rows', 'a member of the owner cannot edit its action'),
  ('beta_editor', $$update public.joint_actions set phase = 'completed' where id = tests.uid('item_alpha_participants')$$,
   '0 rows', 'an editor of a participant organisation can read but not edit'),
  ('beta_editor', $$update public.joint_actions set phase = 'ongoing', crc_articles = '{4,12,44}' where id = tests.uid('item_alpha_draft')$$,
   '1 row', 'an editor of an accepted co-lead edits the action'),
  ('alpha_editor', $$update public.joint_actions set phase = 'completed', ends_on = '2026-12-31' where id = tests.uid('item_alpha_public')$$,
   '1 row', 'an owner editor edits its action'),
  ('alpha_editor', $$update public.joint_actions set phase = 'ongoing' where id = tests.uid('item_alpha_archived')$$,
   '0 rows', 'an archived action is read-only, even for the owner''s editors'),
  ('alpha_editor', $$update public.joint_actions set original_revision = 9 where id = tests.uid('item_alpha_public')$$,
   '42501: original_revision follows the original text; edit the original translation instead', 'nobody writes original_revision'),
  ('alpha_editor', $$delete from public.joint_actions where id = tests.uid('item_alpha_public')$$,
   '42501: permission denied for table joint_actions', 'joint actions are not deleted directly (they follow their item)')
) as attempt (actor, statement, outcome, description);

-- translations: writing --------------------------------------------------------------
-- Translating takes an editor of the owner or of an accepted co-lead, on a live action.
select tests.check_as(refused.actor,
  format($$insert into public.joint_action_translations (action_id, locale, title) values (tests.uid(%L), %L, 'x')$$,
         refused.item, refused.locale),
  '42501: new row violates row-level security policy for table "joint_action_translations"', refused.description)
from (values
  ('alpha_member', 'item_alpha_network', 'de', 'a member of the owner cannot add a translation'),
  ('beta_editor', 'item_alpha_participants', 'en', 'an editor of a participant organisation cannot add a translation'),
  ('gamma_admin', 'item_alpha_draft', 'en', 'an invited (not accepted) co-lead cannot translate'),
  ('delta_editor', 'item_alpha_network', 'de', 'an editor of another organisation cannot translate a network action'),
  ('alpha_editor', 'item_alpha_archived', 'nl', 'an archived action gets no new translation')
) as refused (actor, item, locale, description);
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$insert into public.joint_action_translations (action_id, locale, title) values (tests.uid('item_alpha_public'), 'en', 'x')$$,
   '42501: permission denied for table joint_action_translations', 'anonymous visitors cannot translate'),
  ('alpha_member', $$update public.joint_action_translations set title = 'x'$$,
   '0 rows', 'a member of the owner edits no text'),
  ('beta_editor', $$update public.joint_action_translations set title = 'x' where action_id = tests.uid('item_alpha_participants')$$,
   '0 rows', 'an editor of a participant organisation edits no text'),
  ('beta_editor', $$delete from public.joint_action_translations where action_id = tests.uid('item_alpha_participants') and locale = 'nl'$$,
   '0 rows', 'an editor of a participant organisation deletes no translation'),
  ('beta_editor', $$insert into public.joint_action_translations (action_id, locale, title, summary)
    values (tests.uid('item_alpha_draft'), 'nl', 'Alternatief rapport voor het Kinderrechtencomité', 'Gezamenlijke voorbereiding.')$$,
   'ok', 'an editor of an accepted co-lead adds a translation'),
  ('delta_editor', $$update public.joint_action_translations set title = 'x'$$,
   '0 rows', 'an editor of another organisation edits no text'),
  ('frozen_admin', $$update public.joint_action_translations set title = 'x'$$,
   '0 rows', 'the admin of a suspended organisation edits no text'),
  ('coordinator', $$delete from public.joint_action_translations$$,
   '0 rows', 'a coordinator deletes no text'),
  ('alpha_editor', $$update public.joint_action_translations set title = 'x' where action_id = tests.uid('item_alpha_archived')$$,
   '0 rows', 'the texts of an archived action are read-only'),
  ('alpha_editor', $$delete from public.joint_action_translations where action_id = tests.uid('item_alpha_network') and locale = 'fr'$$,
   '42501: the original-language text of a joint action cannot be deleted', 'the original text cannot be deleted'),
  ('alpha_editor', $$update public.joint_action_translations set locale = 'de' where action_id = tests.uid('item_alpha_network') and locale = 'en'$$,
   '42501: a translation cannot move to another action or language', 'a translation does not change language'),
  ('alpha_editor', $$delete from public.joint_action_translations where action_id = tests.uid('item_alpha_public') and locale = 'nl'$$,
   '1 row', 'an owner editor deletes a translation')
) as attempt (actor, statement, outcome, description);

-- translations: outdated and up to date ------------------------------------------------
select tests.authenticate_as('alpha_editor');
update public.joint_action_translations set summary = 'Un cycle pour les avocats et les juges.'
where action_id = tests.uid('item_alpha_network') and locale = 'fr';
select is(tests.revision('item_alpha_network'), 2, 'editing the original text makes a new revision…');
select is(tests.text_status('item_alpha_network'), array['en:outdated', 'fr:original', 'nl:outdated'],
  '…and the other translations become outdated');
update public.joint_action_translations set title = title where action_id = tests.uid('item_alpha_network') and locale = 'fr';
select is(tests.revision('item_alpha_network'), 2, 'saving the original unchanged makes no new revision');
update public.joint_action_translations set summary = 'Een reeks voor advocaten en rechters.', source_revision = 1
where action_id = tests.uid('item_alpha_network') and locale = 'nl';
select is(tests.text_status('item_alpha_network'), array['en:outdated', 'fr:original', 'nl:current'],
  'saving a translation makes it up to date (whatever source_revision the caller sends)');
update public.joint_action_translations set source_revision = 99
where action_id = tests.uid('item_alpha_network') and locale = 'en';
select is(
  (select source_revision from public.joint_action_translations where action_id = tests.uid('item_alpha_network') and locale = 'en'),
  2, 'a caller cannot claim a revision that does not exist');
update public.joint_action_translations set source_revision = 99
where action_id = tests.uid('item_alpha_network') and locale = 'fr';
select is(tests.revision('item_alpha_network'), 2, 'nor inflate the original''s revision');

select tests.authenticate_as('beta_editor');
update public.joint_action_translations set body = 'Le Comité examinera la Belgique en 2027.'
where action_id = tests.uid('item_alpha_draft') and locale = 'fr';
select is(tests.text_status('item_alpha_draft'), array['fr:original', 'nl:outdated'],
  'a co-lead editing the original outdates the translations too');
select is(
  (select tests.name(updated_by) from public.joint_action_translations where action_id = tests.uid('item_alpha_draft') and locale = 'fr'),
  'beta_editor', 'updated_by names the last editor');

-- switching the original language
select tests.authenticate_as('alpha_editor');
select throws_ok($$update public.joint_actions set original_locale = 'de' where id = tests.uid('item_alpha_network')$$,
  '23514', 'the original language can only change to a language the action already has a text in (add the de text first)',
  'the original language moves only to a language the action has a text in');
update public.joint_actions set original_locale = 'nl' where id = tests.uid('item_alpha_network');
select is(tests.revision('item_alpha_network'), 2, 'moving the original to an up-to-date translation keeps the revision…');
select is(tests.text_status('item_alpha_network'), array['en:current', 'fr:current', 'nl:original'],
  '…and what was current stays current');
update public.joint_action_translations set title = 'Opleiding jeugdrecht 2027'
where action_id = tests.uid('item_alpha_network') and locale = 'nl';
select is(tests.text_status('item_alpha_network'), array['en:outdated', 'fr:outdated', 'nl:original'],
  'once moved, editing the new original outdates the former one');
update public.joint_actions set original_locale = 'en' where id = tests.uid('item_alpha_network');
select is(tests.revision('item_alpha_network'), 4, 'moving the original to an outdated translation makes a new revision…');
select is(tests.text_status('item_alpha_network'), array['en:original', 'fr:outdated', 'nl:outdated'],
  '…so every other text is to be checked against it');
select is(
  (select source_revision from public.joint_action_translations where action_id = tests.uid('item_alpha_network') and locale = 'en'),
  4, 'the new original carries the current revision');

-- timeline: writing -----------------------------------------------------------------
-- Posting takes an editor of an organisation attached (accepted, active) to a live action,
-- posting in that organisation's name; RLS refuses everyone else.
select tests.check_as(post.actor,
  format($$insert into public.joint_action_updates (action_id, organisation_id, locale, body) values (tests.uid(%L), tests.uid(%L), %L, 'x')$$,
         post.item, post.org, post.locale),
  '42501: new row violates row-level security policy for table "joint_action_updates"', post.description)
from (values
  ('outsider', 'item_alpha_public', 'test-alpha', 'fr', 'a person without membership cannot post'),
  ('alpha_member', 'item_alpha_public', 'test-alpha', 'fr', 'a member (not editor) of the owner cannot post'),
  ('alpha_editor', 'item_alpha_participants', 'test-beta', 'fr', 'nobody posts in the name of another organisation, even an attached one'),
  ('alpha_editor', 'item_alpha_archived', 'test-alpha', 'fr', 'nobody posts on an archived action'),
  ('beta_editor', 'item_alpha_network', 'test-beta', 'nl', 'an organisation not attached to a (readable) action cannot post on it'),
  ('beta_member', 'item_alpha_participants', 'test-beta', 'nl', 'a plain member of a participant organisation cannot post'),
  ('gamma_admin', 'item_alpha_participants', 'test-gamma', 'nl', 'an invited (not accepted) organisation cannot post'),
  ('frozen_admin', 'item_alpha_participants', 'test-frozen', 'fr', 'a suspended organisation cannot post, even where it was accepted'),
  ('delta_editor', 'item_alpha_public', 'test-delta', 'en', 'an editor of another organisation cannot post on a public action'),
  ('coordinator', 'item_alpha_network', 'test-coord', 'en', 'a coordinator cannot post on other organisations'' actions')
) as post (actor, item, org, locale, description);
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$insert into public.joint_action_updates (action_id, organisation_id, locale, body) values (tests.uid('item_alpha_public'), tests.uid('test-alpha'), 'fr', 'x')$$,
   '42501: permission denied for table joint_action_updates', 'anonymous visitors cannot post'),
  ('alpha_editor', $$insert into public.joint_action_updates (action_id, organisation_id, locale, body) values (tests.uid('item_alpha_public'), tests.uid('test-alpha'), 'fr', ' ')$$,
   'violates joint_action_updates_body_length', 'a post is not blank'),
  ('beta_editor', $$insert into public.joint_action_updates (action_id, organisation_id, locale, body) values (tests.uid('item_alpha_participants'), tests.uid('test-beta'), 'nl', 'Zitting vastgelegd.')$$,
   'ok', 'an editor of an accepted participant posts in its organisation''s name')
) as attempt (actor, statement, outcome, description);
select tests.check_as('alpha_editor',
  $$insert into public.joint_action_updates (id, action_id, organisation_id, author_id, locale, body)
    values (tests.uid('post_new'), tests.uid('item_alpha_public'), tests.uid('test-alpha'), tests.uid('alpha_admin'), 'fr', 'Nouvelle étape.')$$,
  'ok', 'an owner editor posts in its organisation''s name…');
select is((select tests.name(author_id) from public.joint_action_updates where id = tests.uid('post_new')), 'alpha_editor',
  '…and is recorded as the author whatever author_id was sent');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('beta_editor', $$insert into public.joint_action_updates (id, action_id, organisation_id, locale, body) values (tests.uid('post_smuggled'), tests.uid('item_alpha_draft'), tests.uid('test-beta'), 'nl', 'Eerste versie klaar.')$$,
   'ok', 'an editor of an accepted co-lead posts on the draft'),
  -- timeline: editing and deleting
  (null, $$delete from public.joint_action_updates$$,
   '42501: permission denied for table joint_action_updates', 'anonymous visitors delete no post'),
  ('beta_editor', $$update public.joint_action_updates set body = 'Dossier ingediend op 3 maart.' where id = tests.uid('post_participants_beta')$$,
   '1 row', 'an author edits their own post'),
  ('beta_editor', $$update public.joint_action_updates set body = 'x' where id = tests.uid('post_participants_alpha')$$,
   '0 rows', 'nobody edits another person''s post'),
  ('beta_editor', $$delete from public.joint_action_updates where id = tests.uid('post_participants_alpha')$$,
   '0 rows', 'a participant cannot delete the owner''s posts'),
  ('beta_editor', $$update public.joint_action_updates set organisation_id = tests.uid('test-alpha') where id = tests.uid('post_participants_beta')$$,
   '42501: only the text and language of a timeline update can change', 'a post does not change organisation'),
  ('beta_editor', $$delete from public.joint_action_updates where id = tests.uid('post_smuggled')$$,
   '1 row', 'an author deletes their own post'),
  ('alpha_admin', $$update public.joint_action_updates set body = 'x' where id = tests.uid('post_public')$$,
   '0 rows', 'an owner admin does not rewrite an editor''s post'),
  ('alpha_admin', $$delete from public.joint_action_updates where id = tests.uid('post_participants_beta')$$,
   '1 row', 'an owner admin deletes a participant''s post (moderation)'),
  ('alpha_member', $$delete from public.joint_action_updates$$,
   '0 rows', 'a member deletes no post'),
  ('gamma_admin', $$delete from public.joint_action_updates$$,
   '0 rows', 'an invited organisation deletes no post'),
  ('alpha_editor', $$update public.joint_action_updates set body = 'x' where id = tests.uid('post_archived')$$,
   '0 rows', 'the timeline of an archived action is read-only (edit)'),
  ('alpha_editor', $$delete from public.joint_action_updates where id = tests.uid('post_archived')$$,
   '0 rows', 'the timeline of an archived action is read-only (delete)'),
  -- deleting the item takes everything with it ----------------------------------------
  ('alpha_editor', $$delete from public.items where id = tests.uid('item_new')$$,
   '1 row', 'an owner editor deletes its draft item…')
) as attempt (actor, statement, outcome, description);
select tests.clear_authentication();
select is(
  (select count(*)::int from public.joint_action_translations where action_id = tests.uid('item_new'))
  + (select count(*)::int from public.joint_actions where id = tests.uid('item_new')),
  0, '…and its content and texts go with it (the original text too)');

-- detaching an organisation revokes what it gave --------------------------------------
delete from public.item_organisations where item_id = tests.uid('item_alpha_draft') and organisation_id = tests.uid('test-beta');
select tests.authenticate_as('beta_editor');
select ok(not ('item_alpha_draft' = any (tests.visible_rows('public.joint_actions'))), 'a detached co-lead no longer reads the draft…');
with u as (update public.joint_action_translations set title = 'x' where action_id = tests.uid('item_alpha_draft') returning 1)
select is(count(*)::int, 0, '…nor edits its texts') from u;

-- what really happened --------------------------------------------------------------
select tests.clear_authentication();
select is(
  (select array_agg(tests.name(id) || ':' || phase order by tests.name(id)) from public.joint_actions where id in (select id from tests.names)),
  array['item_alpha_archived:completed', 'item_alpha_draft:ongoing', 'item_alpha_network:ongoing',
        'item_alpha_participants:ongoing', 'item_alpha_public:completed', 'item_new_colead:planned'],
  'only the owner''s and the co-lead''s editors changed the phase');
select is(
  (select array_agg(tests.name(action_id) || '/' || locale || ':' || title order by tests.name(action_id), locale)
   from public.joint_action_translations where title = 'x'),
  null::text[], 'no refused write changed a text');

-- search: found by the whole text, ranked by its start ------------------------------
-- (after the checks above, which count the fixture's actions)
select tests.create_item(n, 'joint_action', 'published', 'public')
from unnest(array['item_rank_lead', 'item_rank_deep']) as n
\g /dev/null
insert into tests.names (id, name)
values (tests.uid('item_rank_lead'), 'item_rank_lead'), (tests.uid('item_rank_deep'), 'item_rank_deep');
-- The word in the body's first sentence, or after 1,700 characters of it.
select tests.add_joint_action_content(array['item_rank_lead'], 'Action ', '',
                                      'Un plaidoyer commun. ' || repeat('Texte suivant. ', 100));
select tests.add_joint_action_content(array['item_rank_deep'], 'Action ', '',
                                      repeat('Texte précédent. ', 100) || 'Un plaidoyer commun.');

select is(tests.read_as(null, $$tests.found('plaidoyer', 'joint_action')$$),
          array['item_rank_deep', 'item_rank_lead'],
          'a word 1,700 characters into a body is found: search matches the whole text');
select tests.authenticate_as_anon();
select ok((select s.rank from public.search_items('plaidoyer', 'joint_action') s where s.item_id = tests.uid('item_rank_lead'))
          > (select s.rank from public.search_items('plaidoyer', 'joint_action') s where s.item_id = tests.uid('item_rank_deep')),
          'a hit in the first 1,000 characters of a body ranks above a hit further on');
select is((select array_agg(tests.name(p.item_id) order by p.rank desc)
           from public.search_page('plaidoyer', 'joint_action', page_limit => 100) p
           where p.item_id in (tests.uid('item_rank_lead'), tests.uid('item_rank_deep'))),
          array['item_rank_lead', 'item_rank_deep'],
          'the list''s search shows the hit at the start of its text first');

select tests.clear_authentication();
select is_empty(
  $$select 'joint action ' || action_id from public.joint_action_translations
      where (length(body) <= 1000) = (ranking is not null)
    union all
    select 'event ' || event_id from public.event_translations
      where (length(description) <= 1000) = (ranking is not null)
    union all
    select 'paper ' || paper_id from public.paper_translations
      where (length(abstract) <= 1000) = (ranking is not null)$$,
  'only a text longer than 1,000 characters has a ranking vector; a shorter one is ranked by all of its words, as before');
select is_empty(
  $$select item_id || ' ' || revision from public.original_text_revisions
    where texts ?| array['search', 'ranking', 'source_revision', 'locale', 'updated_by', 'updated_at']$$,
  'a revision keeps the texts only, not the search and ranking vectors or the bookkeeping');

select * from finish();
rollback;
