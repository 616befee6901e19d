-- Arabic (ar) as a language of the hub's interface and content (issue 16): every locale
-- column (the content_locale domain) accepts it, and Arabic texts are searched with Postgres's
-- own `arabic` text-search configuration (the Snowball Arabic stemmer, in Postgres 15 and
-- later), so that a word finds its inflected forms (محتجز finds المحتجزين).
-- organisations.description/names and original_locale allowed Arabic from the start.

-- The domain's check calls this function: replacing it widens every locale column at once.
create or replace function private.is_content_locale(locale text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select locale in ('fr', 'nl', 'en', 'de', 'es', 'ar')
$$;
comment on function private.is_content_locale(text) is 'True for the languages of the hub''s interface and content: fr, nl, en, de, es, ar (the content_locale domain''s check).';
comment on domain public.content_locale is 'A language of the hub''s interface and content: fr, nl, en, de, es or ar (written right to left).';

-- No Arabic text exists before this migration, so no stored search column needs computing again.
create or replace function private.text_search_config(locale public.content_locale)
returns regconfig
language sql
immutable
set search_path = ''
as $$
  select case locale
    when 'fr' then 'pg_catalog.french'
    when 'nl' then 'pg_catalog.dutch'
    when 'en' then 'pg_catalog.english'
    when 'de' then 'pg_catalog.german'
    when 'es' then 'pg_catalog.spanish'
    when 'ar' then 'pg_catalog.arabic'
  end::regconfig
$$;
comment on function private.text_search_config(public.content_locale) is 'The full-text search configuration of a content language (the search columns of the translation tables); arabic for ar.';

-- As in …_papers.sql, with an Arabic branch: the query is parsed once per language, and one
-- OR branch per language with a constant configuration lets the GIN index serve each.
create or replace function private.item_search_hits(query text, kind public.item_kind default null)
returns table (item_id uuid, rank real)
language plpgsql
stable
security definer
set search_path = ''
-- Serial: two workers for a few thousand hits cost more to start than they save (on a
-- busy 2-core server, 48 ms serial against 210-250 ms parallel for 2,504 hits).
set max_parallel_workers_per_gather = 0
as $$
declare
  content record;
begin
  if btrim(coalesce(query, '')) = '' then
    return;
  end if;
  -- One query per content type (an item is of one type only, so its best rank is found in
  -- its own table). The query is parsed once in each language and handed to the index scan
  -- and the rank as a value: parsed in place, it was parsed again for every hit (2,504 hits
  -- at 100k items: 37-90 ms instead of about 10; docs/benchmarks.md, Scale).
  for content in
    select c.translations, c.item_column
    from (values ('joint_action'::public.item_kind, 'joint_action_translations', 'action_id'),
                 ('event', 'event_translations', 'event_id'),
                 ('paper', 'paper_translations', 'paper_id')) as c (kind, translations, item_column)
    where item_search_hits.kind is null or c.kind = item_search_hits.kind
  loop
    return query execute format($query$
      with parsed as materialized (
        select websearch_to_tsquery('french'::regconfig, $1) as fr,
               websearch_to_tsquery('dutch'::regconfig, $1) as nl,
               websearch_to_tsquery('english'::regconfig, $1) as en,
               websearch_to_tsquery('german'::regconfig, $1) as de,
               websearch_to_tsquery('spanish'::regconfig, $1) as es,
               websearch_to_tsquery('arabic'::regconfig, $1) as ar
      )
      select t.%2$I,
             max(ts_rank(t.search, case t.locale
               when 'fr' then q.fr when 'nl' then q.nl when 'en' then q.en when 'de' then q.de when 'es' then q.es
               when 'ar' then q.ar
             end))::real
      from parsed q
      join public.%1$I t
        on (t.locale = 'fr' and t.search @@ q.fr)
        or (t.locale = 'nl' and t.search @@ q.nl)
        or (t.locale = 'en' and t.search @@ q.en)
        or (t.locale = 'de' and t.search @@ q.de)
        or (t.locale = 'es' and t.search @@ q.es)
        or (t.locale = 'ar' and t.search @@ q.ar)
      group by t.%2$I
    $query$, content.translations, content.item_column) using query;
  end loop;
end;
$$;
comment on function private.item_search_hits(text, public.item_kind) is 'Every content text (of one kind, or of all three) matching the query in its own language (Arabic with the arabic configuration), best rank per item, without RLS: only search_items() reads it, and keeps what the caller may read.';
