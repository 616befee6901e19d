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

select is(
  array(
    select tablename || ': ' || policyname
    from pg_policies
    where schemaname = 'public' and 'public' = any (roles)
    order by 1
  ),
  '{}'::text[],
  'every policy in public names its roles (no implicit TO public)'
);

select is(
  array(
    select c.relname || ' to ' || r.rolname
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    cross join (values ('anon'), ('authenticated')) as r (rolname)
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and (has_table_privilege(r.rolname, c.oid, 'truncate')
           or has_table_privilege(r.rolname, c.oid, 'references')
           or has_table_privilege(r.rolname, c.oid, 'trigger'))
    order by 1
  ),
  '{}'::text[],
  'the API roles hold no truncate/references/trigger privilege (truncate ignores RLS)'
);

select is(
  array(
    select p.oid::regprocedure::text
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'private' and has_function_privilege('public', p.oid, 'execute')
    order by 1
  ),
  '{}'::text[],
  'no helper in private is executable by PUBLIC (execute is granted explicitly)'
);

select is(
  array(
    select p.oid::regprocedure::text
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'private' and p.prokind = 'f'
      and not exists (select 1 from unnest(p.proconfig) as c where c = 'search_path=""')
      -- SQL-standard bodies bind their names at creation; no `set`, so they inline (lint 04).
      and not (p.prosqlbody is not null and not p.prosecdef)
    order by 1
  ),
  '{}'::text[],
  'every function in private pins search_path to empty'
);

select * from finish();
rollback;
