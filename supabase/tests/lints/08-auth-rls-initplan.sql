-- splinter 0003 auth_rls_initplan: auth.uid()/auth.jwt()/current_setting() (and our
-- private.* helpers) called bare in a policy are re-evaluated for every row; wrapped
-- in (select …) they run once per statement as an InitPlan.
-- Not flagged: an immutable SQL-standard function (not security definer), which reads no
-- table and is inlined into the policy: its arguments are what must be wrapped
-- (private.may_read, 20261128000200_items_access.sql).
with inlined as (
  select coalesce(string_agg(p.proname, '|'), '-') as names
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = 'private'
    and p.prosqlbody is not null
    and p.provolatile = 'i'
    and not p.prosecdef
),
policy_text as (
  select schemaname, tablename, policyname,
         regexp_replace(lower(coalesce(qual, '') || ' ' || coalesce(with_check, '')),
                        'private\.(' || (select names from inlined) || ')\(', '(', 'g') as expr
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
