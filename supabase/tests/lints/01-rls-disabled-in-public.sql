-- splinter 0013 rls_disabled_in_public: a table the API exposes without row-level security.
select format('%I.%I', n.nspname, c.relname) as object,
       'row-level security is disabled on a table in an exposed schema' as detail
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public'
  and c.relkind in ('r', 'p')
  and not c.relrowsecurity
order by 1;
