-- splinter 0006 multiple_permissive_policies: several permissive policies for one
-- role and action are all evaluated and OR-ed; write one policy per role and action.
with expanded as (
  select n.nspname, c.relname, p.polname,
         case when r.rolid = 0 then 'public' else r.rolid::regrole::text end as role_name,
         cmd
  from pg_policy p
  join pg_class c on c.oid = p.polrelid
  join pg_namespace n on n.oid = c.relnamespace
  cross join lateral unnest(p.polroles) as r (rolid)
  cross join lateral unnest(
    case p.polcmd when '*' then array['select', 'insert', 'update', 'delete']
                  when 'r' then array['select'] when 'a' then array['insert']
                  when 'w' then array['update'] when 'd' then array['delete'] end) as cmd
  where p.polpermissive
    and n.nspname = 'public'
)
select format('%I.%I', nspname, relname) as object,
       format('%s permissive policies for role %s and %s: %s',
              count(*), role_name, cmd, string_agg(polname, ' | ' order by polname)) as detail
from expanded
group by nspname, relname, role_name, cmd
having count(*) > 1
order by 1, 2;
