-- splinter 0028/0029 (anon/authenticated_security_definer_function_executable): a
-- security definer function in an exposed schema is an RPC endpoint that runs with
-- its owner's rights. Keep them in `private` (not exposed).
select format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as object,
       format('security definer function in an exposed schema, executable by %s',
              concat_ws(', ',
                case when has_function_privilege('anon', p.oid, 'execute') then 'anon' end,
                case when has_function_privilege('authenticated', p.oid, 'execute') then 'authenticated' end)) as detail
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
where n.nspname = 'public'
  and p.prosecdef
  and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
order by 1;
