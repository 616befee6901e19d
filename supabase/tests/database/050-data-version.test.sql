-- public.data_version() (migration 20261208000100_data_version.sql): the version the app keeps
-- calendar feeds under (src/lib/server/unchanged.ts). Every actor the feeds serve (a visitor,
-- a signed-in person) may ask for it and gets the hash of their own statement's snapshot:
-- never the snapshot itself (how many transactions ran), and nothing of any row. Roles without
-- a grant may not call it. That it moves with a committed write is shown through the API
-- (tests/api/calendar-tokens.test.ts): inside this one transaction nothing commits.
begin;
\ir _helpers.psql
select plan(7);

select tests.create_person('version_reader');
create role tests_no_grant nologin;

select ok(tests.value_as(null, 'public.data_version()') ~ '^[0-9a-f]{32}$',
  'a visitor gets a 32-digit hash, not the snapshot');
select is(tests.value_as(null, 'public.data_version() = md5(pg_current_snapshot()::text)'), 'true',
  'a visitor''s version is the hash of their statement''s snapshot');
select ok(tests.value_as('version_reader', 'public.data_version()') ~ '^[0-9a-f]{32}$',
  'a signed-in person gets a 32-digit hash, not the snapshot');
select is(tests.value_as('version_reader', 'public.data_version() = md5(pg_current_snapshot()::text)'), 'true',
  'a signed-in person''s version is the hash of their statement''s snapshot');
select tests.clear_authentication();

select ok(not has_function_privilege('tests_no_grant', 'public.data_version()', 'execute'),
  'a role without a grant may not call it (revoked from public)');
select ok(has_function_privilege('anon', 'public.data_version()', 'execute')
          and has_function_privilege('authenticated', 'public.data_version()', 'execute'),
  'the API roles may call it');
select is((select p.prosecdef from pg_catalog.pg_proc p where p.oid = 'public.data_version()'::regprocedure), false,
  'it runs as the caller (security invoker)');

select * from finish();
rollback;
