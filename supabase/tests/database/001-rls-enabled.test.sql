-- Structural guarantees: RLS everywhere in public, explicit roles on every policy, no
-- privilege that bypasses RLS, helpers closed to PUBLIC.
begin;
\ir _helpers.psql
select plan(7);

-- Row-level security on every table in public: lint 01 (supabase/tests/lints), run by
-- npm run test:db, and proven to find a table without it by 015-lints-find-known-bad.

select ok(
  (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind = 'r') >= 7,
  'the access-model tables exist in public'
);

-- is_empty lists the offending rows when it fails.
select is_empty(
  $$select tablename || ': ' || policyname from pg_policies where schemaname = 'public' and 'public' = any (roles)$$,
  'every policy in public names its roles (no implicit TO public)'
);

select is_empty(
  $$select c.relname || ' to ' || r.rolname
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    cross join (values ('anon'), ('authenticated')) as r (rolname)
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and (has_table_privilege(r.rolname, c.oid, 'truncate')
           or has_table_privilege(r.rolname, c.oid, 'references')
           or has_table_privilege(r.rolname, c.oid, 'trigger'))$$,
  'the API roles hold no truncate/references/trigger privilege (truncate ignores RLS)'
);

-- The functions of the private schema, for the two checks below.
create view tests.private_functions as
select p.oid::regprocedure::text as signature, p.prokind as kind,
       has_function_privilege('public', p.oid, 'execute') as executable_by_public,
       coalesce('search_path=""' = any (p.proconfig), false) as pins_empty_search_path,
       (p.prosqlbody is not null and not p.prosecdef) as inlinable
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where n.nspname = 'private';

select is_empty(
  'select signature from tests.private_functions where executable_by_public',
  'no helper in private is executable by PUBLIC (execute is granted explicitly)'
);
select is_empty(
  -- SQL-standard bodies bind their names at creation; no `set`, so they inline (lint 04).
  $$select signature from tests.private_functions
    where kind = 'f' and not pins_empty_search_path and not inlinable$$,
  'every function in private pins search_path to empty'
);

-- The API's wrappers (private.expose): a public function that calls the private function of
-- its name and arguments may be executed by exactly those who may execute that function.
create view tests.api_wrappers as
select w.oid as wrapper, t.oid as target
from pg_proc w
join pg_namespace wn on wn.oid = w.pronamespace and wn.nspname = 'public'
join pg_proc t on t.proname = w.proname and t.proargtypes = w.proargtypes
join pg_namespace tn on tn.oid = t.pronamespace and tn.nspname = 'private'
where w.prosrc ~ ('^select (\* from )?private\.' || w.proname || '\(');

select cmp_ok((select count(*) from tests.api_wrappers), '>=', 39::bigint,
              'the API''s wrappers of private functions are found');
select is_empty(
  $$select a.wrapper::regprocedure::text || ' by ' || r.rolname
    from tests.api_wrappers a
    cross join (values ('public'), ('anon'), ('authenticated'), ('service_role')) as r (rolname)
    where has_function_privilege(r.rolname, a.wrapper, 'execute')
          <> has_function_privilege(r.rolname, a.target, 'execute')$$,
  'a wrapper is executable by exactly the roles that may execute the private function it calls'
);

select * from finish();
rollback;
