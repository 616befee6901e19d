-- splinter 0010 security_definer_view: views run with their owner's rights and so
-- bypass the caller's RLS unless created with security_invoker.
select format('%I.%I', n.nspname, c.relname) as object,
       'view in an exposed schema without security_invoker = true (runs as its owner, bypassing RLS)' as detail
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public'
  and c.relkind = 'v'
  and not exists (
    select 1 from unnest(coalesce(c.reloptions, '{}')) as o
    where lower(o) in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1')
  )
order by 1;
