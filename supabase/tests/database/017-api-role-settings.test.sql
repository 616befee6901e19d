begin;
\ir _helpers.psql
select plan(3);

-- The API's roles run without JIT compilation (20261128001500_api_roles_without_jit.sql).
select ok(
  exists (select 1 from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
          where r.rolname = role_name and s.setdatabase = 0 and 'jit=off' = any (s.setconfig)),
  role_name || ' runs without JIT'
)
from unnest(array['anon', 'authenticated', 'service_role']) as role_name;

select * from finish();
rollback;
