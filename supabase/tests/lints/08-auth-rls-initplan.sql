-- splinter 0003 auth_rls_initplan: auth.uid()/auth.jwt()/current_setting() (and our
-- private.* helpers) called bare in a policy are re-evaluated for every row; wrapped
-- in (select …) they run once per statement as an InitPlan.
with policy_text as (
  select schemaname, tablename, policyname,
         lower(coalesce(qual, '') || ' ' || coalesce(with_check, '')) as expr
  from pg_policies
  where schemaname = 'public'
)
select format('%I.%I: %s', schemaname, tablename, policyname) as object,
       'calls ' || (regexp_match(
         regexp_replace(expr, 'select\s+(auth\.\w+\(\)|current_setting\([^)]*\)|private\.\w+\()', '', 'g'),
         '(auth\.\w+\(\)|current_setting\(|private\.\w+\()'))[1]
       || ' without wrapping it in (select …): evaluated once per row' as detail
from policy_text
where regexp_replace(expr, 'select\s+(auth\.\w+\(\)|current_setting\([^)]*\)|private\.\w+\()', '', 'g')
      ~ '(auth\.\w+\(\)|current_setting\(|private\.\w+\()'
order by 1;
