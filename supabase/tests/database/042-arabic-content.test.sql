-- Arabic (ar) as a content language (issue 16): every locale column accepts it and no other
-- new code; Arabic texts are searched with Postgres's arabic configuration, so an inflected
-- or prefixed word finds its stem; and Arabic texts are read and written under the same rules
-- as any other language, from each actor's side.
begin;
\ir _helpers.psql
select plan(21);

-- Fixture: Arabic texts on the helper's public and participants actions. -----------------
insert into public.joint_actions (id, original_locale, areas, crc_articles, countries, themes, phase)
values
  (tests.uid('item_alpha_public'), 'ar', '{lobbying_advocacy}', '{37}', '{PS}', '{احتجاز}', 'ongoing'),
  (tests.uid('item_alpha_participants'), 'fr', '{legal_actions}', '{37,40}', '{PS,BE}', '{}', 'ongoing'),
  (tests.uid('item_alpha_network'), 'fr', '{training_education}', '{40}', '{BE}', '{}', 'ongoing');

insert into public.joint_action_translations (action_id, locale, title, summary, body)
values
  (tests.uid('item_alpha_public'), 'ar', 'توثيق احتجاز الأطفال في المحاكم العسكرية',
   'إفادات الأطفال المعتقلين وتمثيلهم القانوني.', 'يُستجوَب الأطفال دون حضور محامٍ.'),
  (tests.uid('item_alpha_public'), 'fr', 'Documenter la détention des enfants', '', ''),
  (tests.uid('item_alpha_participants'), 'fr', 'Recours devant les tribunaux militaires', '', ''),
  (tests.uid('item_alpha_participants'), 'ar', 'الطعن أمام المحاكم العسكرية',
   'دفاع قانوني عن القاصرين المحتجزين.', ''),
  (tests.uid('item_alpha_network'), 'fr', 'Formation à la justice juvénile', '', '');

-- The domain and the configuration -------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$update public.profiles set preferred_locale = 'ar' where id = tests.uid('alpha_member')$$,
   '1 row', 'a person chooses Arabic as their language'),
  ('alpha_member', $$update public.profiles set preferred_locale = 'fa' where id = tests.uid('alpha_member')$$,
   '23514: value for domain content_locale violates check constraint "content_locale"',
   'a language the hub does not have (Persian) is still refused'),
  ('alpha_admin', $$insert into public.invitations (organisation_id, email, role, locale, token_hash, expires_at)
    values (tests.uid('test-alpha'), 'new-ar@test.demo', 'member', 'ar', repeat('a', 64), now() + interval '14 days')$$,
   '1 row', 'an admin invites someone with an email in Arabic')
) as attempt (actor, statement, outcome, description);

select tests.clear_authentication();
select is(private.text_search_config('ar'), 'pg_catalog.arabic'::regconfig,
  'Arabic texts of actions, events and papers are indexed with the arabic configuration');
select is(private.text_search_config('fr'), 'pg_catalog.french'::regconfig, 'French ones stay French');
select ok(
  (select search from public.joint_action_translations
    where action_id = tests.uid('item_alpha_public') and locale = 'ar') @@ to_tsquery('arabic', 'معتقل'),
  'the stored search column of an Arabic text has Arabic stems (المعتقلين → معتقل)');

-- Search: Arabic stems, under RLS --------------------------------------------------------
select is(tests.read_as(actor, format('tests.found(%L, ''joint_action'')', word)), expected, description)
from (values
  (null, 'معتقل', array['item_alpha_public'],
   'a visitor finds a public action by the singular of a word its Arabic text has in the plural with the article (المعتقلين)'),
  (null, 'بالمعتقلين', array['item_alpha_public'],
   'a prefixed form (بـ + ال) finds the same stem'),
  (null, 'أطفال', array['item_alpha_public'],
   'a word written with hamza finds the text''s الأطفال (the stemmer drops the article and the hamza)'),
  (null, 'للأطفال', array['item_alpha_public'],
   'and so does للأطفال (the preposition لـ)'),
  (null, 'محتجز', '{}'::text[],
   'a visitor does not find a participants action by a word of its Arabic text'),
  ('gamma_member', 'محتجز', '{}'::text[],
   'nor does a member of an organisation only invited to it'),
  ('beta_member', 'محتجز', array['item_alpha_participants'],
   'a member of a participant organisation finds it by the singular of المحتجزين'),
  ('outsider', 'محتجز', '{}'::text[],
   'a signed-in person without organisation does not find it either'),
  (null, 'احتجاز -عسكرية', '{}'::text[],
   'the websearch syntax works in Arabic: a word and the exclusion of another both apply')
) as search (actor, word, expected, description);

select tests.authenticate_as_anon();
select is((select array_agg(n.name) from public.search_page('معتقل', 'joint_action') p join tests.names n on n.id = p.item_id),
  array['item_alpha_public'], 'the list''s search page finds the Arabic action for a visitor');

-- Writing Arabic texts: the same rules as any language -----------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$insert into public.joint_action_translations (action_id, locale, title, summary)
    values (tests.uid('item_alpha_network'), 'ar', 'تدريب على قضاء الأحداث', 'سلسلة للمحامين.')$$,
   'ok', 'an editor of the owner adds an Arabic translation'),
  ('gamma_admin', $$insert into public.joint_action_translations (action_id, locale, title)
    values (tests.uid('item_alpha_network'), 'ar', 'x')$$,
   '42501', 'an admin of another organisation adds no Arabic text to a network action it reads'),
  ('beta_editor', $$update public.joint_action_translations set title = 'x'
    where action_id = tests.uid('item_alpha_participants') and locale = 'ar'$$,
   '0 rows', 'an editor of a participant organisation does not change its Arabic text'),
  (null, $$insert into public.joint_action_translations (action_id, locale, title) values (tests.uid('item_alpha_public'), 'ar', 'x')$$,
   '42501', 'an anonymous visitor writes no Arabic text')
) as attempt (actor, statement, outcome, description);

select is(tests.read_as('gamma_member', 'tests.found(''قضاء'', ''joint_action'')'), array['item_alpha_network'],
  'the new Arabic translation is searchable at once by whoever reads the action');

select * from finish();
rollback;
