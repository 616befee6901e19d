-- splinter 0002 auth_users_exposed: a view or materialized view in an exposed schema
-- that reads auth.users (emails, metadata) and so exposes it through the API.
select distinct format('%I.%I', n.nspname, v.relname) as object,
       'view in an exposed schema reads auth.users' as detail
from pg_class v
join pg_namespace n on n.oid = v.relnamespace
join pg_rewrite r on r.ev_class = v.oid
join pg_depend d on d.objid = r.oid and d.classid = 'pg_rewrite'::regclass
where n.nspname = 'public'
  and v.relkind in ('v', 'm')
  and d.refobjid = 'auth.users'::regclass
order by 1;
