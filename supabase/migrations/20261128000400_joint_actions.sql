-- Joint actions: the first content type on top of `items` (issue 5). Three tables:
--   joint_actions              the action's facts (areas, UNCRC articles, countries, phase…)
--   joint_action_translations  title/summary/body per language, one of them the original
--   joint_action_updates       the timeline: dated posts by the organisations attached
-- Reading follows the item: joint_actions carries a copy of its item's access columns
-- (status, visibility, lead and participant organisations; kept by trigger, never written
-- by API callers) and its read policies are the items policies on those columns; the
-- texts and the timeline probe the item. Writing follows the item's leads
-- (private.editable_item_ids()); the timeline is written by every attached organisation.
-- Rules: docs/access-model.md ("Joint actions", "Content read policies").
--
-- Translation status: joint_actions.original_revision counts the versions of the
-- original text; each translation records in source_revision the original_revision it
-- was made from. Saving a translation makes it current; changing the original's
-- title/summary/body bumps original_revision, so every other translation becomes
-- outdated (source_revision < original_revision). Both numbers are kept by triggers,
-- written once here for the three content types (joint actions, events and papers): each
-- content table and its translation table attach them with trigger arguments.

-- Types ---------------------------------------------------------------------------

create type public.work_area as enum ('training_education', 'lobbying_advocacy', 'legal_actions', 'research_expertise');
comment on type public.work_area is 'DCI''s four areas of work: training & education, lobbying & advocacy, legal actions, research & expertise.';

create type public.action_phase as enum ('planned', 'ongoing', 'completed');
comment on type public.action_phase is 'Where a joint action stands.';

-- Validators for array check constraints, and the search configuration -------------
-- Check constraints cannot hold subqueries, hence these immutable functions. They (and
-- generated columns) are evaluated with the inserting role's rights, so anon/authenticated
-- need execute.

create function private.array_is_set(elements anyarray)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select array_position(elements, null) is null
     and cardinality(elements) = (select count(distinct e) from unnest(elements) as e)
$$;
comment on function private.array_is_set(anyarray) is 'True when an array has neither nulls nor duplicates (for check constraints).';

create function private.texts_have_length(texts text[], min_length integer, max_length integer)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(bool_and(length(btrim(t)) between min_length and max_length), true)
  from unnest(texts) as t
$$;
comment on function private.texts_have_length(text[], integer, integer) is 'True when every element, trimmed, is between min_length and max_length characters (for check constraints).';

create function private.text_search_config(locale public.content_locale)
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
    -- Postgres's own Snowball Arabic stemmer (Postgres 15 and later): a word finds its
    -- inflected forms (محتجز finds المحتجزين).
    when 'ar' then 'pg_catalog.arabic'
  end::regconfig
$$;
comment on function private.text_search_config(public.content_locale) is 'The full-text search configuration of a content language (the search columns of the translation tables); arabic for ar.';

create function private.is_crc_article_set(articles smallint[])
returns boolean
language sql
immutable
set search_path = ''
as $$
  select private.array_is_set(articles) and 1 <= all (articles) and 54 >= all (articles)
$$;
comment on function private.is_crc_article_set(smallint[]) is 'True when an array lists articles of the UN Convention on the Rights of the Child (1–54), each once (for check constraints).';

create function private.is_country_code_set(countries text[])
returns boolean
language sql
immutable
set search_path = ''
as $$
  select private.array_is_set(countries) and array_to_string(countries, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$'
$$;
comment on function private.is_country_code_set(text[]) is 'True when an array lists ISO 3166-1 alpha-2 country codes (upper case), each once (for check constraints).';

grant execute on function private.array_is_set(anyarray) to anon, authenticated, service_role;
grant execute on function private.is_crc_article_set(smallint[]) to anon, authenticated, service_role;
grant execute on function private.is_country_code_set(text[]) to anon, authenticated, service_role;
grant execute on function private.texts_have_length(text[], integer, integer) to anon, authenticated, service_role;
grant execute on function private.text_search_config(public.content_locale) to anon, authenticated, service_role;

-- Tables --------------------------------------------------------------------------

create table public.joint_actions (
  id uuid primary key references public.items (id) on delete cascade,
  original_locale public.content_locale not null,
  areas public.work_area[] not null default '{}'
    constraint joint_actions_areas_valid check (cardinality(areas) >= 1 and private.array_is_set(areas)),
  crc_articles smallint[] not null default '{}'
    constraint joint_actions_crc_articles_valid check (private.is_crc_article_set(crc_articles)),
  countries text[] not null default '{}'
    constraint joint_actions_countries_valid check (private.is_country_code_set(countries)),
  -- Free tags.
  themes text[] not null default '{}'
    constraint joint_actions_themes_valid check (
      cardinality(themes) <= 20 and private.array_is_set(themes) and private.texts_have_length(themes, 1, 60)
    ),
  phase public.action_phase not null default 'planned',
  starts_on date,
  ends_on date,
  -- Version of the original text; bumped by trigger, never written by API callers.
  original_revision integer not null default 1
    constraint joint_actions_original_revision_positive check (original_revision >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Lists are newest first by the item's publication date: a copy of items.published_at
  -- (by trigger, never by API callers), indexed in list order, so a page is a walk down one
  -- index instead of sorting every readable row by an embedded items column
  -- (docs/benchmarks.md, "Joint actions list under load").
  published_at timestamptz,
  -- Then the item's access columns (status, visibility, lead_organisation_ids,
  -- participant_organisation_ids), copied by private.copy_item_access on insert and
  -- private.sync_content_access when the item changes, never by API callers, so that the
  -- read policy tests the row itself: added by private.set_up_content_type (below).
  constraint joint_actions_dates_ordered check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
comment on table public.joint_actions is 'Campaigns, advocacy, trainings, litigation and research run by one or more organisations. One row per item of kind joint_action; who reads and edits it is decided by the item.';
comment on column public.joint_actions.original_revision is 'Version of the original-language text, bumped when its title, summary or body changes; a translation with a lower source_revision is outdated.';
comment on column public.joint_actions.published_at is 'Copy of items.published_at (kept by trigger) so the list orders on an indexed column of its own.';

-- Filters of the list page (area, UNCRC article, country, theme, phase, dates).
create index joint_actions_areas_idx on public.joint_actions using gin (areas);
create index joint_actions_crc_articles_idx on public.joint_actions using gin (crc_articles);
create index joint_actions_countries_idx on public.joint_actions using gin (countries);
create index joint_actions_themes_idx on public.joint_actions using gin (themes);
create index joint_actions_starts_on_idx on public.joint_actions (starts_on);
-- The list's order (newest first); the access columns are tested on the rows it walks.
create index joint_actions_published_at_idx on public.joint_actions (published_at desc nulls last, id);

alter table public.joint_actions enable row level security;

create table public.joint_action_translations (
  action_id uuid not null references public.joint_actions (id) on delete cascade,
  locale public.content_locale not null,
  title text not null
    constraint joint_action_translations_title_length check (length(btrim(title)) between 1 and 200),
  summary text not null default ''
    constraint joint_action_translations_summary_length check (length(summary) <= 1000),
  -- Markdown; the app renders it without raw HTML.
  body text not null default ''
    constraint joint_action_translations_body_length check (length(body) <= 50000),
  -- The original_revision this text was made from. Always set by trigger; the default
  -- only makes it optional for callers.
  source_revision integer not null default 1,
  -- Each row is searched with its own language's configuration.
  search tsvector generated always as (
    setweight(to_tsvector(private.text_search_config(locale), title), 'A')
    || setweight(to_tsvector(private.text_search_config(locale), summary), 'B')
    || setweight(to_tsvector(private.text_search_config(locale), body), 'C')
  ) stored,
  -- What a hit with a body of more than 1,000 characters is ranked by: the same, but only the
  -- body's first 1,000 characters, so that ranking costs the same whatever a text's length
  -- (null for a shorter body: such a text is ranked by search, which is as short, and its row
  -- stays as narrow). Ranked by the whole vector, each long hit's was read back from TOAST:
  -- with bodies of 1.5-11 KB, the search page for a common word at 100k items cost Postgres
  -- 36.9 ms a view against 11.6 (docs/benchmarks.md, "Search ranked by the start of a text").
  ranking tsvector generated always as (
    case when length(body) > 1000 then
      setweight(to_tsvector(private.text_search_config(locale), title), 'A')
      || setweight(to_tsvector(private.text_search_config(locale), summary), 'B')
      || setweight(to_tsvector(private.text_search_config(locale), left(body, 1000)), 'C')
    end
  ) stored
  -- Then updated_by, created_at, updated_at and the primary key (action_id, locale), which
  -- the translation triggers rely on: private.set_up_content_type.
);
comment on table public.joint_action_translations is 'Title, summary and Markdown body of a joint action per language: the original (joint_actions.original_locale) and its translations, each with the original_revision it was made from.';

-- Kept in the row (compressed if need be): the rank reads it for every hit.
alter table public.joint_action_translations alter column ranking set storage main;
alter table public.joint_action_translations enable row level security;

create table public.joint_action_updates (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references public.joint_actions (id) on delete cascade,
  -- The posting organisation: attached to the item (owner, accepted co-lead or participant).
  organisation_id uuid not null references public.organisations (id),
  author_id uuid default auth.uid() references public.profiles (id) on delete set null,
  locale public.content_locale not null,
  -- Markdown, like the action's body.
  body text not null
    constraint joint_action_updates_body_length check (length(btrim(body)) between 1 and 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.joint_action_updates is 'Timeline of a joint action: dated posts by its organisations (owner, accepted co-leads and participants), readable by whoever reads the action.';

create index joint_action_updates_action_id_created_at_idx on public.joint_action_updates (action_id, created_at desc);
create index joint_action_updates_organisation_id_idx on public.joint_action_updates (organisation_id);
create index joint_action_updates_author_id_idx on public.joint_action_updates (author_id);

alter table public.joint_action_updates enable row level security;

-- Invariants (triggers) -----------------------------------------------------------
-- The content guard and the translation-revision triggers below are shared by the three
-- content types (joint actions, events, papers): each table attaches them with trigger
-- arguments naming its kind, its translation table and the words of its messages.

create function private.guard_content_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  -- tg_argv: [0] the item kind, [1] the translation table, [2] its foreign key to this
  -- table, [3] the content for messages ('a joint action'), [4] its noun ('action').
  item_kind public.item_kind;
  new_original_revision integer;
begin
  if tg_op = 'INSERT' then
    -- Read as the caller: an item they cannot see is refused by RLS (or the foreign key).
    select i.kind into item_kind from public.items i where i.id = new.id;
    if found and item_kind::text <> tg_argv[0] then
      raise exception '% belongs to an item of kind %, not %', tg_argv[3], tg_argv[0], item_kind
        using errcode = '23514';
    end if;
    if private.is_api_caller() then
      new.original_revision := 1;
      new.created_at := now();
      new.updated_at := now();
    end if;
    return new;
  end if;

  -- UPDATE
  if private.is_api_caller() then
    if new.id is distinct from old.id or new.created_at is distinct from old.created_at then
      raise exception '%''s id and creation date cannot change', tg_argv[3] using errcode = '42501';
    end if;
    if (to_jsonb(new) -> 'status', to_jsonb(new) -> 'visibility', to_jsonb(new) -> 'lead_organisation_ids',
        to_jsonb(new) -> 'participant_organisation_ids', to_jsonb(new) -> 'signatory_organisation_ids')
       is distinct from
       (to_jsonb(old) -> 'status', to_jsonb(old) -> 'visibility', to_jsonb(old) -> 'lead_organisation_ids',
        to_jsonb(old) -> 'participant_organisation_ids', to_jsonb(old) -> 'signatory_organisation_ids') then
      raise exception '%''s status, visibility and organisations follow its item; change the item instead', tg_argv[3]
        using errcode = '42501';
    end if;
    if new.original_revision is distinct from old.original_revision then
      raise exception 'original_revision follows the original text; edit the original translation instead'
        using errcode = '42501';
    end if;
  end if;
  if new.original_revision < old.original_revision then
    raise exception 'original_revision never goes back' using errcode = '23514';
  end if;
  if new.original_locale is distinct from old.original_locale then
    -- The original can move to a language the content already has a text in. If that
    -- text was outdated, the others were made from a newer original: they become
    -- outdated too (a new revision), and the new original is current
    -- (private.sync_original_translation).
    execute format('select t.source_revision from public.%I t where t.%I = $1 and t.locale = $2',
                   tg_argv[1], tg_argv[2])
    into new_original_revision
    using new.id, new.original_locale;
    if new_original_revision is null then
      raise exception 'the original language can only change to a language the % already has a text in (add the % text first)',
        tg_argv[4], new.original_locale using errcode = '23514';
    end if;
    if new_original_revision < new.original_revision then
      new.original_revision := new.original_revision + 1;
    end if;
  end if;
  -- A refresh of the copied access columns alone (private.sync_content_access) is not an
  -- edit of the content.
  if (to_jsonb(new) - array['status', 'visibility', 'lead_organisation_ids', 'participant_organisation_ids',
                            'signatory_organisation_ids'])
     is distinct from
     (to_jsonb(old) - array['status', 'visibility', 'lead_organisation_ids', 'participant_organisation_ids',
                            'signatory_organisation_ids']) then
    new.updated_at := now();
  end if;
  return new;
end;
$$;
comment on function private.guard_content_change() is 'Trigger on a content table (arguments: item kind, translation table, its foreign key, the content and its noun for messages): the item must be of that kind; id, creation date, original_revision and the copied access columns are not for API callers; original_revision never goes back; the original language moves only to an existing translation.';

create trigger joint_actions_guard_change
  before insert or update on public.joint_actions
  for each row execute function private.guard_content_change('joint_action', 'joint_action_translations', 'action_id', 'a joint action', 'action');




-- Translation revisions, shared by the three content types. Each content table (C) has
-- original_locale and original_revision; its translation table (T) has the foreign key
-- to C, locale, its texts, source_revision, updated_by, created_at, updated_at and the
-- generated search and ranking columns. The functions learn the other table and the
-- foreign-key column from their trigger arguments, and compare a translation's texts as its
-- row minus those bookkeeping columns (private.translation_texts), so every text column
-- counts without being named.

create function private.translation_texts(translation jsonb, content_key text)
returns jsonb
language sql
immutable
return translation - array[content_key, 'locale', 'source_revision', 'search', 'ranking', 'updated_by',
                           'created_at', 'updated_at'];
comment on function private.translation_texts(jsonb, text) is 'The texts of a translation row (to_jsonb; content_key: its foreign key to the content), without its bookkeeping columns: what a revision keeps and a change compares.';
grant execute on function private.translation_texts(jsonb, text) to authenticated, service_role;

create function private.sync_original_translation()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- tg_argv: [0] the translation table, [1] its foreign key to this content table.
  -- The original is the reference text: it always carries the current revision (also
  -- when a trusted path, e.g. the seed, sets original_revision to outdate translations).
  execute format(
    'update public.%I t set source_revision = $1
     where t.%I = $2 and t.locale = $3 and t.source_revision is distinct from $1',
    tg_argv[0], tg_argv[1])
  using new.original_revision, new.id, new.original_locale;
  return null;
end;
$$;
comment on function private.sync_original_translation() is 'Trigger on a content table (arguments: translation table, its foreign key): after the original language or revision changes, the text in the original language carries the current original_revision.';

create function private.guard_translation_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  -- tg_argv: [0] the content table, [1] the foreign key to it, [2] the content for
  -- messages ('a joint action'), [3] its noun ('action').
  content_key text := tg_argv[1];
  is_original boolean;
  content_original_locale text;
  content_original_revision integer;
begin
  if tg_op = 'DELETE' then
    -- Deleting the content (or its item) cascades as the table owner: not an API caller.
    if private.is_api_caller() then
      execute format('select exists (select 1 from public.%I c where c.id = $1 and c.original_locale = $2)', tg_argv[0])
      into is_original
      using (to_jsonb(old) ->> content_key)::uuid, old.locale;
      if is_original then
        raise exception 'the original-language text of % cannot be deleted', tg_argv[2] using errcode = '42501';
      end if;
    end if;
    return old;
  end if;

  if tg_op = 'UPDATE' and private.is_api_caller()
     and (to_jsonb(new) -> content_key is distinct from to_jsonb(old) -> content_key
          or new.locale is distinct from old.locale
          or new.created_at is distinct from old.created_at) then
    raise exception 'a translation cannot move to another % or language', tg_argv[3] using errcode = '42501';
  end if;

  -- Read as the caller: a content row they cannot see reads as none.
  execute format('select c.original_locale, c.original_revision from public.%I c where c.id = $1', tg_argv[0])
  into content_original_locale, content_original_revision
  using (to_jsonb(new) ->> content_key)::uuid;

  if content_original_locale is null then
    -- Content the caller cannot see: RLS (or the foreign key) refuses the row.
    new.source_revision := coalesce(new.source_revision, 1);
  elsif new.locale = content_original_locale then
    -- The original always carries the current revision; changing its text makes a new one.
    if tg_op = 'UPDATE' and private.translation_texts(to_jsonb(new), content_key)
                               is distinct from private.translation_texts(to_jsonb(old), content_key) then
      new.source_revision := content_original_revision + 1;
    else
      new.source_revision := content_original_revision;
    end if;
  else
    -- Saving a translation makes it current: it was made from the original as it is now.
    -- Nobody records another revision (the seed outdates translations by raising
    -- original_revision afterwards).
    new.source_revision := content_original_revision;
  end if;

  if private.is_api_caller() then
    new.updated_by := (select auth.uid());
    if tg_op = 'INSERT' then
      new.created_at := now();
    end if;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.guard_translation_change() is 'Trigger on a translation table (arguments: content table, foreign key, the content and its noun for messages): stamps source_revision (original: current, or next when its text changed; translations: current), updated_by and updated_at; the original text cannot be deleted; a translation does not move.';

create function private.bump_original_revision()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- tg_argv: [0] the content table, [1] the foreign key to it. Runs as the owner, so the
  -- content table's guard treats it as a trusted path.
  execute format(
    'update public.%I c set original_revision = $1
     where c.id = $2 and c.original_locale = $3 and c.original_revision < $1',
    tg_argv[0])
  using new.source_revision, (to_jsonb(new) ->> tg_argv[1])::uuid, new.locale;
  return null;
end;
$$;
comment on function private.bump_original_revision() is 'Trigger on a translation table (arguments: content table, foreign key): when the original text changed, the content''s original_revision takes its new revision (other translations become outdated).';

create function private.guard_joint_action_update_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_caller() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new.author_id := (select auth.uid());
    new.created_at := now();
    new.updated_at := now();
    return new;
  end if;
  if new.id is distinct from old.id
     or new.action_id is distinct from old.action_id
     or new.organisation_id is distinct from old.organisation_id
     or new.author_id is distinct from old.author_id
     or new.created_at is distinct from old.created_at then
    raise exception 'only the text and language of a timeline update can change' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.guard_joint_action_update_change() is 'Trigger: a timeline post''s author is the caller; only its text and language change afterwards.';

create trigger joint_action_updates_guard_change
  before insert or update on public.joint_action_updates
  for each row execute function private.guard_joint_action_update_change();

-- The item's publication date and access columns ---------------------------------

create function private.copy_item_access()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  item jsonb;
begin
  -- Whatever is written, the columns hold the item's values (an API caller's change of
  -- the access columns was refused before, by private.guard_content_change). Keys a
  -- table lacks (published_at on events, signatory_organisation_ids but on papers) are
  -- ignored by jsonb_populate_record.
  select jsonb_build_object(
           'published_at', i.published_at,
           'status', i.status,
           'visibility', i.visibility,
           'lead_organisation_ids', i.lead_organisation_ids,
           'participant_organisation_ids', i.participant_organisation_ids,
           'signatory_organisation_ids', i.signatory_organisation_ids)
  into item
  from public.items i
  where i.id = new.id;
  if found then
    new := jsonb_populate_record(new, item);
  end if;
  return new;
end;
$$;
comment on function private.copy_item_access() is 'Trigger on a content table: its published_at and access columns (status, visibility, organisation arrays) are its item''s, never what the caller wrote; private.sync_content_access re-applies it when the item changes.';

-- Setting up a content type ----------------------------------------------------------
-- joint_actions, events and papers are set up alike: each content table gets the copy of
-- its item's access columns, its translation table the columns, key and indexes the
-- translation triggers need, and both the same triggers (those columns; translation
-- revisions), privileges and policies, with only their names changed. One function writes
-- them, called once per content type (here, in 20261128000500_events.sql and in
-- 20261128000600_papers.sql). Its own guard trigger (guard_content_change, above) each
-- content table attaches itself, named after what it guards beside it.
--
-- Content read policies: joint_actions, events and papers carry a copy of their item's
-- access columns (private.copy_item_access), so their read policies are the items read rule
-- (private.may_read, 20261128000200_items_access.sql) on the row itself: "my organisations"
-- and "am I a network member" are initPlans, computed once per statement, and each row
-- costs a few column comparisons. A list is then a walk down the index of its order that
-- stops after a page, whatever the data size; no SubPlan per row
-- (supabase/tests/database/040-content-access-columns.test.sql checks the plan).
--
-- The tables around them (texts, timelines, versions, files) read through the item:
-- `exists (select 1 from public.items i where i.id = <row's item> offset 0)`, one
-- primary-key probe of the item under its policy per row, which is cheap for the rows of
-- the page being shown. Written as `x in (select i.id from public.items i)`, Postgres
-- would build the set of every item the caller may read; a plain `exists` may be turned
-- into a hashed subplan over that same set. `offset 0` keeps the subquery from being
-- simplified into that form (simplify_EXISTS_query gives up on an OFFSET).

create function private.set_up_content_type(
  content_table text,        -- 'joint_actions'
  translation_table text,    -- 'joint_action_translations'
  content_key text,          -- its foreign key to the content table: 'action_id'
  content_noun text,         -- for messages: 'a joint action'
  noun text,                 -- for messages: 'action'
  plural text,               -- for policy names: 'joint actions'
  owned_noun text,           -- the insert policy's word for them: 'items' (joint actions), else the plural
  signatories boolean default false  -- papers: also copy who is asked to co-sign, who read the draft
)
returns void
language plpgsql
set search_path = ''
as $$
declare
  copied text;
  language text;
begin
  -- The item's access columns, last in the table (copy_item_access fills them).
  execute format($sql$
    alter table public.%I
      add column status public.item_status not null default 'draft',
      add column visibility public.item_visibility not null default 'network',
      add column lead_organisation_ids uuid[] not null default '{}',
      add column participant_organisation_ids uuid[] not null default '{}'
  $sql$, content_table);
  foreach copied in array array['status', 'visibility', 'lead_organisation_ids', 'participant_organisation_ids'] loop
    execute format('comment on column public.%I.%I is %L', content_table, copied,
                   format('Copy of items.%s (kept by trigger): the read policy tests the row itself.', copied));
  end loop;
  if signatories then
    execute format($sql$
      alter table public.%I add column signatory_organisation_ids uuid[] not null default '{}'
    $sql$, content_table);
    execute format('comment on column public.%I.signatory_organisation_ids is %L', content_table,
                   'Copy of items.signatory_organisation_ids (kept by trigger): whose members read the draft they are asked to sign.');
  end if;

  -- The translation table's bookkeeping (after its texts, source_revision, search and ranking), which
  -- private.guard_translation_change keeps, and its indexes.
  execute format($sql$
    alter table public.%I
      add column updated_by uuid references public.profiles (id) on delete set null,
      add column created_at timestamptz not null default now(),
      add column updated_at timestamptz not null default now(),
      add primary key (%I, locale)
  $sql$, translation_table, content_key);
  execute format('comment on column public.%I.source_revision is %L', translation_table,
                 format('The %s.original_revision this text was made from: equal for the original and for up-to-date translations, lower for outdated ones. Set by trigger.', content_table));
  -- One full-text index per language, each holding only that language's texts: the search
  -- (private.item_search_hits) parses a query once per language and matches each parse
  -- against the texts of its own language only. With one index for all, the index found every
  -- text any parse matched (a Dutch word is often a German stem too) and the heap was read
  -- for each, to keep a few: 'kinderen' at 100k actions read 9,995 texts to find 1,691
  -- (docs/benchmarks.md, issue 14). A language added to private.content_locales() later needs
  -- its own index on each table (pgTAP 009 fails until it has one).
  foreach language in array private.content_locales() loop
    execute format('create index %I on public.%I using gin (search) where locale = %L',
                   format('%s_search_%s_idx', translation_table, language), translation_table, language);
  end loop;
  execute format('create index %I on public.%I (updated_by)', translation_table || '_updated_by_idx', translation_table);

  -- Named to run after the guards (triggers of one event fire in name order), which refuse
  -- an API caller's change of the copied columns.
  execute format($sql$
    create trigger %I
      before insert or update on public.%I
      for each row execute function private.copy_item_access()
  $sql$, content_table || '_take_item_access', content_table);

  -- Translation revisions (the shared trigger functions above).
  execute format($sql$
    create trigger %I
      after update of original_locale, original_revision on public.%I
      for each row
      when (old.original_locale is distinct from new.original_locale
            or old.original_revision is distinct from new.original_revision)
      execute function private.sync_original_translation(%L, %L)
  $sql$, content_table || '_sync_original_translation', content_table, translation_table, content_key);
  execute format($sql$
    create trigger %I
      before insert or update or delete on public.%I
      for each row execute function private.guard_translation_change(%L, %L, %L, %L)
  $sql$, translation_table || '_guard_change', translation_table, content_table, content_key, content_noun, noun);
  execute format($sql$
    create trigger %I
      after insert or update on public.%I
      for each row execute function private.bump_original_revision(%L, %L)
  $sql$, translation_table || '_bump_original_revision', translation_table, content_table, content_key);

  -- Privileges: content rows are deleted with their item (cascade), never directly.
  execute format('revoke all on public.%I, public.%I from anon, authenticated', content_table, translation_table);
  execute format('grant select on public.%I, public.%I to anon', content_table, translation_table);
  execute format('grant select, insert, update on public.%I to authenticated', content_table);
  execute format('grant select, insert, update, delete on public.%I to authenticated', translation_table);

  -- The content table: the items policies on the row's copy of its item's access columns.
  execute format($sql$
    create policy %I
      on public.%I for select to anon
      using (status <> 'draft' and visibility = 'public')
  $sql$, 'Anyone reads published public ' || plural, content_table);
  execute format($sql$
    create policy %I
      on public.%I for select to authenticated
      using (
        private.may_read(status, visibility, participant_organisation_ids, lead_organisation_ids,
                         (select private.is_network_member()),
                         (select private.user_organisation_id_array('member')),
                         (select private.user_organisation_id_array('editor')))
        %s
      )
  $sql$, 'Members read the ' || plural || ' their organisations may see', content_table,
         -- A draft is also read by the members of the organisations asked to co-sign it.
         case when signatories
           then $or$or (status = 'draft' and signatory_organisation_ids && (select private.user_organisation_id_array('member')))$or$
           else '' end);
  execute format($sql$
    create policy %I
      on public.%I for insert to authenticated
      with check (
        id in (select private.owned_item_ids())
        and id in (select private.editable_item_ids())
      )
  $sql$, 'Owner editors add the content of their organisation''s ' || owned_noun, content_table);
  execute format($sql$
    create policy %I
      on public.%I for update to authenticated
      using (id in (select private.editable_item_ids()))
      with check (id in (select private.editable_item_ids()))
  $sql$, 'Editors of the owner and co-lead organisations edit ' || plural, content_table);

  -- Its texts: read through the item, written by the lead editors.
  execute format($sql$
    create policy %I
      on public.%I for select to anon, authenticated
      using (exists (select 1 from public.items i where i.id = %I.%I offset 0))
  $sql$, 'People read the texts of the ' || plural || ' they may read', translation_table,
         translation_table, content_key);
  execute format($sql$
    create policy %I
      on public.%I for insert to authenticated
      with check (%I in (select private.editable_item_ids()))
  $sql$, 'Lead editors add texts to their ' || plural, translation_table, content_key);
  execute format($sql$
    create policy %I
      on public.%I for update to authenticated
      using (%I in (select private.editable_item_ids()))
      with check (%I in (select private.editable_item_ids()))
  $sql$, 'Lead editors edit the texts of their ' || plural, translation_table, content_key, content_key);
  execute format($sql$
    create policy %I
      on public.%I for delete to authenticated
      using (%I in (select private.editable_item_ids()))
  $sql$, 'Lead editors delete translations of their ' || plural, translation_table, content_key);
end;
$$;
comment on function private.set_up_content_type(text, text, text, text, text, text, text, boolean) is 'Migrations only: gives a content table its copy of the item''s access columns (papers: and signatories), its translation table its bookkeeping columns, key and indexes, and both their shared triggers (access columns, translation revisions), privileges and policies (read: the items read rule on the row; write: the item''s lead editors). Called once per content type.';

select private.set_up_content_type('joint_actions', 'joint_action_translations', 'action_id', 'a joint action', 'action',
                                   'joint actions', 'items');

-- Search: private.item_search_hits and public.search_items (20261128000600_papers.sql,
-- once the three translation tables exist).

-- Timeline posts -------------------------------------------------------------------

-- Security invoker: item_organisations and items are read under the caller's RLS, so the
-- action must also be readable to them. As 'action id:organisation id' keys (the set form
-- of the policies, evaluated once per statement).
create function private.update_posting_keys()
returns setof text
language sql
stable
security invoker
set search_path = ''
rows 100
as $$
  select io.item_id::text || ':' || io.organisation_id
  from public.item_organisations io
  join public.items i on i.id = io.item_id
  where io.organisation_id in (select private.user_organisation_ids('editor'))
    and io.state = 'accepted'
    and io.role in ('owner', 'co_lead', 'participant')
    and i.status <> 'archived'
$$;
comment on function private.update_posting_keys() is 'Where the current user posts, edits and deletes their own timeline updates, as ''action id:organisation id'': the organisations they edit for, attached (accepted owner, co-lead or participant) to an item they may read that is not archived.';
grant execute on function private.update_posting_keys() to authenticated;

-- Privileges ----------------------------------------------------------------------

revoke all on public.joint_action_updates from anon, authenticated;
grant select on public.joint_action_updates to anon;
grant select, insert, update, delete on public.joint_action_updates to authenticated;

-- Policies ------------------------------------------------------------------------

-- joint_action_updates: an organisation posts only while it is attached (accepted
-- owner, co-lead or participant) to an item that is readable and not archived
-- (private.update_posting_keys, read under the caller's RLS).
create policy "People read the timelines of the joint actions they may read"
  on public.joint_action_updates for select to anon, authenticated
  using (exists (select 1 from public.items i where i.id = joint_action_updates.action_id offset 0));

create policy "Editors of attached organisations post updates in their name"
  on public.joint_action_updates for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and (action_id::text || ':' || organisation_id) in (select private.update_posting_keys())
  );

create policy "Authors edit their own updates while their organisation is attached"
  on public.joint_action_updates for update to authenticated
  using (
    author_id = (select auth.uid())
    and (action_id::text || ':' || organisation_id) in (select private.update_posting_keys())
  )
  with check (
    author_id = (select auth.uid())
    and organisation_id in (select private.user_organisation_ids('editor'))
  );

create policy "Authors and owner editors delete updates"
  on public.joint_action_updates for delete to authenticated
  using (
    -- The owner's editors moderate the whole timeline of a non-archived action.
    (action_id in (select private.owned_item_ids()) and action_id in (select private.editable_item_ids()))
    or (
      author_id = (select auth.uid())
      and (action_id::text || ':' || organisation_id) in (select private.update_posting_keys())
    )
  );

-- Trigger functions need no grant; the validators are granted above.
revoke execute on all functions in schema private from public;
