-- Content read policies probe the item row by row, for real.
--
-- Migration 000700 wrote them as `exists (select 1 from items i where i.id = <row>.id)` so
-- that a page of rows checks a page of items. Postgres may still turn such an EXISTS into
-- a hashed subplan: it then reads every item the caller may see (73,000 rows for a member
-- in the benchmark data) to build a hash table before returning 12 actions — 68 ms of a
-- 127 ms list query, and 1.5 s for a filtered page (docs/benchmarks.md). `offset 0` keeps
-- the subquery from being simplified into that form (simplify_EXISTS_query gives up on an
-- OFFSET), so each row costs one primary-key probe of items under its own RLS (≈5 µs).
-- Same rule, same result: only the plan changes.

alter policy "People read the joint actions whose item they may read" on public.joint_actions
  using (exists (select 1 from public.items i where i.id = joint_actions.id offset 0));

alter policy "People read the texts of the joint actions they may read" on public.joint_action_translations
  using (exists (select 1 from public.items i where i.id = joint_action_translations.action_id offset 0));

alter policy "People read the timelines of the joint actions they may read" on public.joint_action_updates
  using (exists (select 1 from public.items i where i.id = joint_action_updates.action_id offset 0));

alter policy "People read the events whose item they may read" on public.events
  using (exists (select 1 from public.items i where i.id = events.id offset 0));

alter policy "People read the texts of the events they may read" on public.event_translations
  using (exists (select 1 from public.items i where i.id = event_translations.event_id offset 0));

alter policy "People read the papers whose item they may read" on public.papers
  using (exists (select 1 from public.items i where i.id = papers.id offset 0));

alter policy "People read the texts of the papers they may read" on public.paper_translations
  using (exists (select 1 from public.items i where i.id = paper_translations.paper_id offset 0));

alter policy "People read the versions of the papers they may read" on public.paper_versions
  using (exists (select 1 from public.items i where i.id = paper_versions.paper_id offset 0));

alter policy "People read the files of the papers they may read" on public.paper_files
  using (exists (select 1 from public.items i where i.id = paper_files.paper_id offset 0));

alter policy "Anyone reads the accepted attachments of items they can read" on public.item_organisations
  using (state = 'accepted' and exists (select 1 from public.items i where i.id = item_organisations.item_id offset 0));


-- The country menu: each country any action names (read without RLS: the codes alone) is
-- kept only when one action the caller may read names it (with RLS: an early-exit probe
-- through the GIN index on countries), instead of checking every readable action.
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

create or replace function public.joint_action_countries()
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
