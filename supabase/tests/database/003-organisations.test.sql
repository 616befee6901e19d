-- organisations: anonymous and signed-in people read active ones, coordinators read,
-- create and (re)qualify all; an organisation's admins edit its profile fields only.
begin;
\ir _helpers.psql
select plan(33);

-- anonymous ---------------------------------------------------------------------
select tests.authenticate_as_anon();
select is(
  tests.visible_organisations(), array['test-alpha', 'test-beta', 'test-coord', 'test-gamma'],
  'anonymous visitors read active organisations only (not pending, not suspended)'
);
select throws_ok(
  $$insert into public.organisations (slug, name, kind, country) values ('anon-org', 'Anon', 'partner', 'BE')$$,
  '42501', 'permission denied for table organisations', 'anonymous visitors cannot create organisations'
);
select throws_ok(
  $$update public.organisations set name = 'X' where slug = 'test-alpha'$$,
  '42501', 'permission denied for table organisations', 'anonymous visitors cannot update organisations'
);

-- signed-in person without membership --------------------------------------------
select tests.authenticate_as('outsider');
select is(
  tests.visible_organisations(), array['test-alpha', 'test-beta', 'test-coord', 'test-gamma'],
  'a person without membership reads active organisations only'
);
select throws_ok(
  $$insert into public.organisations (slug, name, kind, country) values ('my-ngo', 'My NGO', 'partner', 'BE')$$,
  '42501', 'new row violates row-level security policy for table "organisations"',
  'a person without membership cannot create an organisation'
);

-- member / editor -------------------------------------------------------------
select tests.authenticate_as('alpha_member');
with u as (update public.organisations set name = 'Renamed by member' where slug = 'test-alpha' returning 1)
select is(count(*)::int, 0, 'a member cannot edit their organisation''s profile') from u;

select tests.authenticate_as('alpha_editor');
with u as (update public.organisations set name = 'Renamed by editor' where slug = 'test-alpha' returning 1)
select is(count(*)::int, 0, 'an editor cannot edit their organisation''s profile') from u;

-- admin of the organisation --------------------------------------------------------
select tests.authenticate_as('alpha_admin');
with u as (
  update public.organisations
  set name = 'Test Alpha asbl', website = 'https://alpha.example', languages = '{fr,nl}',
      description = '{"fr": "Alpha défend les droits de l''enfant.", "nl": "Alpha verdedigt kinderrechten."}'
  where slug = 'test-alpha' returning 1
)
select is(count(*)::int, 1, 'an admin edits their organisation''s name, website, languages and description') from u;

select throws_ok(
  $$update public.organisations set status = 'suspended' where slug = 'test-alpha'$$,
  '42501', 'only coordinators can change an organisation''s status, kind or coordinating flag',
  'an admin cannot change their organisation''s status'
);
select throws_ok(
  $$update public.organisations set is_coordinating = true where slug = 'test-alpha'$$,
  '42501', 'only coordinators can change an organisation''s status, kind or coordinating flag',
  'an admin cannot make their organisation coordinating'
);
select throws_ok(
  $$update public.organisations set kind = 'section' where slug = 'test-alpha'$$,
  '42501', 'only coordinators can change an organisation''s status, kind or coordinating flag',
  'an admin cannot change their organisation''s kind'
);
select throws_ok(
  $$update public.organisations set slug = 'alpha-new' where slug = 'test-alpha'$$,
  '42501', 'only coordinators can change an organisation''s slug or country',
  'an admin cannot change their organisation''s slug'
);
with u as (update public.organisations set name = 'Taken over' where slug = 'test-beta' returning 1)
select is(count(*)::int, 0, 'an admin cannot edit another organisation') from u;
select throws_ok(
  $$insert into public.organisations (slug, name, kind, country) values ('alpha-two', 'Alpha 2', 'partner', 'BE')$$,
  '42501', 'new row violates row-level security policy for table "organisations"',
  'an admin cannot create organisations'
);
select throws_ok(
  $$delete from public.organisations where slug = 'test-alpha'$$,
  '42501', 'permission denied for table organisations', 'nobody deletes organisations through the API'
);

-- member of another organisation --------------------------------------------------
select tests.authenticate_as('beta_admin');
with u as (update public.organisations set website = 'https://evil.example' where slug = 'test-alpha' returning 1)
select is(count(*)::int, 0, 'the admin of another organisation cannot edit alpha') from u;

-- member / admin of a suspended or pending organisation ---------------------------
select tests.authenticate_as('frozen_member');
select is(
  tests.visible_organisations(), array['test-alpha', 'test-beta', 'test-coord', 'test-gamma'],
  'a member of a suspended organisation reads what anyone reads (not their own organisation)'
);
select tests.authenticate_as('frozen_admin');
with u as (update public.organisations set name = 'Still here' where slug = 'test-frozen' returning 1)
select is(count(*)::int, 0, 'the admin of a suspended organisation can no longer edit it') from u;
select tests.authenticate_as('pending_admin');
with u as (update public.organisations set name = 'Pending edit' where slug = 'test-pending' returning 1)
select is(count(*)::int, 0, 'the admin of a pending organisation cannot edit it before admission') from u;

-- coordinator -----------------------------------------------------------------
select tests.authenticate_as('coordinator');
select is(
  tests.visible_organisations(),
  array['test-alpha', 'test-beta', 'test-coord', 'test-frozen', 'test-gamma', 'test-pending'],
  'a coordinator reads organisations of every status'
);
select lives_ok(
  $$insert into public.organisations (slug, name, kind, country, original_locale, description, languages)
    values ('test-new-section', 'DCI Test Section', 'section', 'SN', 'fr', '{"fr": "Nouvelle section."}', '{fr,wo}')$$,
  'a coordinator creates an organisation'
);
select is(
  (select status::text from public.organisations where slug = 'test-new-section'),
  'pending',
  'a new organisation starts pending'
);
with u as (update public.organisations set status = 'active' where slug = 'test-pending' returning 1)
select is(count(*)::int, 1, 'a coordinator admits a pending organisation') from u;
with u as (update public.organisations set status = 'suspended' where slug = 'test-beta' returning 1)
select is(count(*)::int, 1, 'a coordinator suspends an organisation') from u;
with u as (update public.organisations set is_coordinating = true, kind = 'section' where slug = 'test-gamma' returning 1)
select is(count(*)::int, 1, 'a coordinator changes kind and coordinating flag') from u;
select throws_ok(
  $$delete from public.organisations where slug = 'test-frozen'$$,
  '42501', 'permission denied for table organisations', 'coordinators do not delete organisations either (suspend instead)'
);

-- constraints -----------------------------------------------------------------
select throws_ok(
  $$insert into public.organisations (slug, name, kind, country) values ('bad-country', 'Bad', 'partner', 'be')$$,
  '23514', 'new row for relation "organisations" violates check constraint "organisations_country_format"', 'the country must be an upper-case ISO 3166-1 alpha-2 code'
);
select throws_ok(
  $$insert into public.organisations (slug, name, kind, country, description) values ('bad-locale', 'Bad', 'partner', 'BE', '{"en": "x", "xx": "y"}')$$,
  '23514', 'new row for relation "organisations" violates check constraint "organisations_description_locales"', 'descriptions are keyed by the content locales only'
);
select throws_ok(
  $$insert into public.organisations (slug, name, kind, country, original_locale, description) values ('bad-original', 'Bad', 'partner', 'BE', 'fr', '{"en": "x"}')$$,
  '23514', 'new row for relation "organisations" violates check constraint "organisations_description_has_original"', 'a description must include its original language'
);
select throws_ok(
  $$insert into public.organisations (slug, name, kind, country, names) values ('bad-names', 'Bad', 'partner', 'BE', '{"nl": "x", "it": "y"}')$$,
  '23514', 'new row for relation "organisations" violates check constraint "organisations_names_locales"', 'names in other languages are keyed by the content locales only'
);
select throws_ok(
  $$insert into public.organisations (slug, name, kind, country, original_locale) values ('bad-original-locale', 'Bad', 'partner', 'BE', 'it')$$,
  '23514', 'new row for relation "organisations" violates check constraint "organisations_original_locale"', 'the original language is a content locale'
);
select lives_ok(
  $$insert into public.organisations (slug, name, kind, country, original_locale, names, description) values ('every-locale', 'Every', 'partner', 'BE', 'ar', '{"fr": "a", "nl": "b", "en": "c", "de": "d", "es": "e", "ar": "f"}', '{"ar": "g", "es": "h"}')$$,
  'every content locale is accepted, Arabic as the original language too'
);

-- what really happened --------------------------------------------------------
select tests.clear_authentication();
select is(
  (select array_agg(slug || ':' || status order by slug) from public.organisations where slug in ('test-alpha', 'test-beta', 'test-pending')),
  array['test-alpha:active', 'test-beta:suspended', 'test-pending:active'],
  'only the coordinator''s status changes took effect'
);

select * from finish();
rollback;
