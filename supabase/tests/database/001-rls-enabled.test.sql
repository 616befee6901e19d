-- Structural guarantees: RLS everywhere in public, explicit roles on every policy, no
-- privilege that bypasses RLS, helpers closed to PUBLIC.
begin;
\ir _helpers.psql
select plan(5);

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

select * from finish();
rollback;
