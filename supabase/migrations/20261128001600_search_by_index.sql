-- Full-text search through the GIN index, then RLS on the hits only.
--
-- The search functions were security invoker over the translations, so the translations'
-- policy applied to them. A policy is a security barrier: the non-leakproof `@@` can then
-- not use the GIN index on `search`, and every translation in the query's languages was
-- probed for readability and matched one by one (1.3 s for "Kinshasa" as a member in the
-- benchmark data, 40,000 texts; docs/benchmarks.md). Now a private security-definer
-- function finds the hits through the index, and the public function (security invoker)
-- keeps only the hits whose item the caller may read, one primary-key probe each (the
-- `offset 0` keeps that a probe per hit instead of a scan of every readable row). What a
-- caller finds is unchanged (pgTAP 009–011).

create function private.joint_action_search_hits(query text)
returns table (action_id uuid, rank real)
language sql
stable
security definer
set search_path = ''
as $$
  select t.action_id,
         max(ts_rank(t.search, case t.locale
           when 'fr' then websearch_to_tsquery('french'::regconfig, query)
           when 'nl' then websearch_to_tsquery('dutch'::regconfig, query)
           when 'en' then websearch_to_tsquery('english'::regconfig, query)
           when 'de' then websearch_to_tsquery('german'::regconfig, query)
           when 'es' then websearch_to_tsquery('spanish'::regconfig, query)
         end))::real as rank
  from public.joint_action_translations t
  where btrim(coalesce(query, '')) <> ''
    and ((t.locale = 'fr' and t.search @@ websearch_to_tsquery('french'::regconfig, query))
      or (t.locale = 'nl' and t.search @@ websearch_to_tsquery('dutch'::regconfig, query))
      or (t.locale = 'en' and t.search @@ websearch_to_tsquery('english'::regconfig, query))
      or (t.locale = 'de' and t.search @@ websearch_to_tsquery('german'::regconfig, query))
      or (t.locale = 'es' and t.search @@ websearch_to_tsquery('spanish'::regconfig, query)))
  group by t.action_id
$$;
comment on function private.joint_action_search_hits(text) is 'Every joint-action text matching the query in its own language, best rank per item, without RLS: only search_joint_actions() reads it, and keeps what the caller may read.';
revoke execute on function private.joint_action_search_hits(text) from public;
grant execute on function private.joint_action_search_hits(text) to anon, authenticated, service_role;

create or replace function public.search_joint_actions(query text)
returns table (action_id uuid, rank real)
language sql
stable
security invoker
set search_path = ''
as $$
  select h.action_id, h.rank
  from private.joint_action_search_hits(query) h
  where exists (select 1 from public.joint_actions x where x.id = h.action_id offset 0)
$$;

create function private.event_search_hits(query text)
returns table (event_id uuid, rank real)
language sql
stable
security definer
set search_path = ''
as $$
  select t.event_id,
         max(ts_rank(t.search, case t.locale
           when 'fr' then websearch_to_tsquery('french'::regconfig, query)
           when 'nl' then websearch_to_tsquery('dutch'::regconfig, query)
           when 'en' then websearch_to_tsquery('english'::regconfig, query)
           when 'de' then websearch_to_tsquery('german'::regconfig, query)
           when 'es' then websearch_to_tsquery('spanish'::regconfig, query)
         end))::real as rank
  from public.event_translations t
  where btrim(coalesce(query, '')) <> ''
    and ((t.locale = 'fr' and t.search @@ websearch_to_tsquery('french'::regconfig, query))
      or (t.locale = 'nl' and t.search @@ websearch_to_tsquery('dutch'::regconfig, query))
      or (t.locale = 'en' and t.search @@ websearch_to_tsquery('english'::regconfig, query))
      or (t.locale = 'de' and t.search @@ websearch_to_tsquery('german'::regconfig, query))
      or (t.locale = 'es' and t.search @@ websearch_to_tsquery('spanish'::regconfig, query)))
  group by t.event_id
$$;
comment on function private.event_search_hits(text) is 'Every event text matching the query in its own language, best rank per item, without RLS: only search_events() reads it, and keeps what the caller may read.';
revoke execute on function private.event_search_hits(text) from public;
grant execute on function private.event_search_hits(text) to anon, authenticated, service_role;

create or replace function public.search_events(query text)
returns table (event_id uuid, rank real)
language sql
stable
security invoker
set search_path = ''
as $$
  select h.event_id, h.rank
  from private.event_search_hits(query) h
  where exists (select 1 from public.events x where x.id = h.event_id offset 0)
$$;

create function private.paper_search_hits(query text)
returns table (paper_id uuid, rank real)
language sql
stable
security definer
set search_path = ''
as $$
  select t.paper_id,
         max(ts_rank(t.search, case t.locale
           when 'fr' then websearch_to_tsquery('french'::regconfig, query)
           when 'nl' then websearch_to_tsquery('dutch'::regconfig, query)
           when 'en' then websearch_to_tsquery('english'::regconfig, query)
           when 'de' then websearch_to_tsquery('german'::regconfig, query)
           when 'es' then websearch_to_tsquery('spanish'::regconfig, query)
         end))::real as rank
  from public.paper_translations t
  where btrim(coalesce(query, '')) <> ''
    and ((t.locale = 'fr' and t.search @@ websearch_to_tsquery('french'::regconfig, query))
      or (t.locale = 'nl' and t.search @@ websearch_to_tsquery('dutch'::regconfig, query))
      or (t.locale = 'en' and t.search @@ websearch_to_tsquery('english'::regconfig, query))
      or (t.locale = 'de' and t.search @@ websearch_to_tsquery('german'::regconfig, query))
      or (t.locale = 'es' and t.search @@ websearch_to_tsquery('spanish'::regconfig, query)))
  group by t.paper_id
$$;
comment on function private.paper_search_hits(text) is 'Every paper text matching the query in its own language, best rank per item, without RLS: only search_papers() reads it, and keeps what the caller may read.';
revoke execute on function private.paper_search_hits(text) from public;
grant execute on function private.paper_search_hits(text) to anon, authenticated, service_role;

create or replace function public.search_papers(query text)
returns table (paper_id uuid, rank real)
language sql
stable
security invoker
set search_path = ''
as $$
  select h.paper_id, h.rank
  from private.paper_search_hits(query) h
  where exists (select 1 from public.papers x where x.id = h.paper_id offset 0)
$$;
