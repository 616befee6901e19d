-- The countries of the joint actions the caller may read, for the list's country filter.
-- Security invoker: RLS on joint_actions applies, so a country that only appears in an
-- action the caller cannot read is not revealed. One row per country instead of one per
-- action (PostgREST caps responses at max-rows, which made the menu incomplete).
--
-- Each country any action names (read without RLS: the codes alone) is kept only when one
-- action the caller may read names it (with RLS: an early-exit probe through the GIN index
-- on countries), instead of checking every readable action.

create function private.joint_action_country_codes()
returns setof text
language sql
stable
security definer
set search_path = ''
as $$
  select distinct country from public.joint_actions j, unnest(j.countries) as country
$$;
comment on function private.joint_action_country_codes() is
  'Every country code any joint action names (no RLS): candidates that joint_action_countries() filters by what the caller may read.';
revoke execute on function private.joint_action_country_codes() from public;
grant execute on function private.joint_action_country_codes() to anon, authenticated, service_role;

create function public.joint_action_countries()
returns setof text
language sql
stable
security invoker
set search_path = ''
as $$
  select c.country
  from private.joint_action_country_codes() as c(country)
  where exists (select 1 from public.joint_actions j where j.countries @> array[c.country])
  order by c.country
$$;

comment on function public.joint_action_countries() is
  'Distinct countries of the joint actions the caller may read (RLS applies), for filter menus.';

revoke all on function public.joint_action_countries() from public;
grant execute on function public.joint_action_countries() to anon, authenticated, service_role;
