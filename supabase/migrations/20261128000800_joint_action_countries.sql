-- The countries of the joint actions the caller may read, for the list's country filter.
-- Security invoker: RLS on joint_actions applies, so a country that only appears in an
-- action the caller cannot read is not revealed. One row per country instead of one per
-- action (PostgREST caps responses at max-rows, which made the menu incomplete).
create function public.joint_action_countries()
returns setof text
language sql
stable
security invoker
set search_path = ''
as $$
  select distinct country
  from public.joint_actions j, unnest(j.countries) as country
  order by country
$$;

comment on function public.joint_action_countries() is
  'Distinct countries of the joint actions the caller may read (RLS applies), for filter menus.';

revoke all on function public.joint_action_countries() from public;
grant execute on function public.joint_action_countries() to anon, authenticated, service_role;
