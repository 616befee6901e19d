-- splinter 0007 policy_exists_rls_disabled: policies that do nothing because RLS is off.
select format('%I.%I', n.nspname, c.relname) as object,
       format('has %s polic(ies) (%s) but row-level security is disabled',
              count(*), string_agg(p.polname, ', ' order by p.polname)) as detail
from pg_policy p
join pg_class c on c.oid = p.polrelid
join pg_namespace n on n.oid = c.relnamespace
where not c.relrowsecurity
  and n.nspname not in ('pg_catalog', 'information_schema')
group by n.nspname, c.relname
order by 1;
