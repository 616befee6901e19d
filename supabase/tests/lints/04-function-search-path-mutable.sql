-- splinter 0011 function_search_path_mutable: a function without a fixed search_path
-- resolves names through the caller's path (object shadowing, especially for
-- security definer functions).
select format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as object,
       case when p.prosecdef then 'security definer function' else 'function' end
         || ' without a fixed search_path (add: set search_path = '''')' as detail
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where n.nspname in ('public', 'private')
  and p.prokind in ('f', 'p')
  and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) as c where c like 'search_path=%')
  -- A SQL function with a SQL-standard body (`return …`/`begin atomic`) binds its names
  -- when it is created, so no search_path reaches it; not security definer and without a
  -- `set` clause, the planner inlines it (private.may_read, 20261128000200_items_access.sql).
  and not (p.prosqlbody is not null and not p.prosecdef)
  -- functions that belong to an extension are not ours to fix
  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
order by 1;
