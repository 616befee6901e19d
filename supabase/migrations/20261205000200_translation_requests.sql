-- Translation requests between organisations (issue 16, "Translation workflow"). Rules:
-- docs/access-model.md ("Translation requests"); proof:
-- supabase/tests/database/044-translation-requests.test.sql, tests/api/translation-requests.test.ts.
--
--   translation_requests      an item's lead editors (owner or accepted co-lead) ask another
--                             organisation for the text of one language; its editors accept or
--                             decline; the asking side may cancel. While a request is accepted
--                             (or done: delivered, still looked after), the asked
--                             organisation's editors write THAT language's text of THAT item,
--                             and nothing else of it (extra policies on the three translation
--                             tables).
--   original_text_revisions   the original's texts at each revision, recorded by trigger, so a
--                             translation made from revision n can show what changed in the
--                             original since (a word diff of title, summary/abstract/
--                             description, body). "Mark as up to date" is a save of the
--                             translation: the database stamps the revision it was reviewed
--                             against (private.guard_translation_change, …_joint_actions.sql).
--   item_translation_requests(item)  the open requests of an item its reader may read, without
--                             their message: the item page's "requested from X (due date)".
--
-- Refusals (SQLSTATE, mapped in src/lib/server/errors.ts translationRequestErrorKey):
--   TR001 the asking organisation is not a lead (owner or accepted co-lead) of the item
--   TR002 the asked organisation is not active, or already edits the item (a lead)
--   TR003 the language is the item's original language
--   TR004 the item is archived
--   TR005 the asked organisation cannot read the item (draft, or participants only)
--   TR006 the due date is in the past
--   TR007 a request's item, language, organisations and author never change
--   TR008 this status change is not this side's to make (or no longer possible)
--   TR009 only the asking side changes the due date and the message, while the request is open
--   23505 (translation_requests_open_key) a request for this language of this item is open

-- Types ---------------------------------------------------------------------------

create type public.translation_request_status as enum ('requested', 'accepted', 'declined', 'done', 'cancelled');
comment on type public.translation_request_status is 'Where a translation request stands: requested (waiting for the asked organisation), accepted (its editors write the language), declined, done (delivered; they still look after it), cancelled (by the asking side).';

-- New notifications: a request to the asked organisation's editors, its answer to the asking side.
alter type public.notification_type add value 'translation_requested';
alter type public.notification_type add value 'translation_request_answered';

-- Tables --------------------------------------------------------------------------

create table public.translation_requests (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references public.items (id) on delete cascade,
  locale public.content_locale not null,
  -- The organisation asked to translate.
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  -- The organisation asking: a lead of the item (owner or accepted co-lead); by default the
  -- caller's (private.guard_translation_request).
  requested_by_organisation_id uuid not null references public.organisations (id) on delete cascade,
  requested_by uuid default auth.uid() references public.profiles (id) on delete set null,
  due_on date,
  message text not null default ''
    constraint translation_requests_message_length check (length(message) <= 2000),
  status public.translation_request_status not null default 'requested',
  answered_by uuid references public.profiles (id) on delete set null,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint translation_requests_other_organisation check (organisation_id <> requested_by_organisation_id)
);
comment on table public.translation_requests is 'An item''s lead organisation asks another organisation for the text of one language; once accepted (or done), the asked organisation''s editors write that language''s text of that item only.';
comment on column public.translation_requests.organisation_id is 'The organisation asked to translate; its editors answer and, once accepted, write the language.';
comment on column public.translation_requests.requested_by_organisation_id is 'The asking organisation, a lead of the item (owner or accepted co-lead) when asking.';

-- One open request per language of an item (a cancelled or declined one may be asked again).
create unique index translation_requests_open_key on public.translation_requests (item_id, locale)
  where status in ('requested', 'accepted', 'done');
create index translation_requests_item_id_idx on public.translation_requests (item_id);
create index translation_requests_organisation_id_idx on public.translation_requests (organisation_id, status);
create index translation_requests_requested_by_organisation_id_idx on public.translation_requests (requested_by_organisation_id);
create index translation_requests_requested_by_idx on public.translation_requests (requested_by);
create index translation_requests_answered_by_idx on public.translation_requests (answered_by);

alter table public.translation_requests enable row level security;

create table public.original_text_revisions (
  item_id uuid not null references public.items (id) on delete cascade,
  revision integer not null,
  locale public.content_locale not null,
  -- The text columns of the original at that revision, by name (title, summary, body;
  -- title, description, accessibility_notes; title, abstract).
  texts jsonb not null,
  created_at timestamptz not null default now(),
  primary key (item_id, revision)
);
comment on table public.original_text_revisions is 'The original-language texts of an item at each of its revisions (original_revision), recorded by trigger: what an outdated translation was made from, to show what changed since. Read like the item; written by the database only.';

alter table public.original_text_revisions enable row level security;

-- Helpers ---------------------------------------------------------------------------

create function private.translation_assignment_keys()
returns setof text
language plpgsql
stable
security definer
set search_path = ''
rows 10
as $$
begin
  -- Accepted (or done) requests to an organisation the caller edits for, on items that are not
  -- archived, for a language that is not (or no longer) the original; as 'item id:language',
  -- so that a policy tests a text's pair with one `(select …)` computed once per statement.
  return query
    select r.item_id::text || ':' || r.locale
    from public.translation_requests r
    join public.items i on i.id = r.item_id
    left join public.joint_actions ja on ja.id = r.item_id
    left join public.events e on e.id = r.item_id
    left join public.papers p on p.id = r.item_id
    where r.status in ('accepted', 'done')
      and r.organisation_id in (select private.user_organisation_ids('editor'))
      and i.status <> 'archived'
      and r.locale is distinct from coalesce(ja.original_locale, e.original_locale, p.original_locale);
end;
$$;
comment on function private.translation_assignment_keys() is 'The texts the current user may write as a translator, as ''item id:language'': accepted or done requests to an organisation they edit for, items not archived, never the original language.';

create function private.organisation_may_read_item(organisation uuid, item uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  -- The items read rule (private.may_read) for the members and editors of one active organisation.
  select exists (
    select 1
    from public.items i
    join public.organisations o on o.id = organisation and o.status = 'active'
    where i.id = item
      and private.may_read(i.status, i.visibility, i.participant_organisation_ids, i.lead_organisation_ids,
                           true, array[organisation], array[organisation])
  )
$$;
comment on function private.organisation_may_read_item(uuid, uuid) is 'True when the members of an active organisation may read the item (the items read rule for that organisation).';

create function private.open_translation_requests(item uuid)
returns table (
  locale public.content_locale,
  status public.translation_request_status,
  organisation_id uuid,
  organisation_name text,
  due_on date
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select r.locale, r.status, r.organisation_id, o.name, r.due_on
  from public.translation_requests r
  join public.organisations o on o.id = r.organisation_id
  where r.item_id = item and r.status in ('requested', 'accepted', 'done')
  order by r.locale;
end;
$$;
comment on function private.open_translation_requests(uuid) is 'The open requests (requested, accepted, done) of an item, without their message, whoever asks: only public.item_translation_requests calls it, after checking the caller reads the item.';

create function public.item_translation_requests(item uuid)
returns table (
  locale public.content_locale,
  status public.translation_request_status,
  organisation_id uuid,
  organisation_name text,
  due_on date
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- The item is read as the caller (its RLS): nothing for an item they may not read.
  return query
  select r.*
  from private.open_translation_requests(item) r
  where exists (select 1 from public.items i where i.id = item);
end;
$$;
comment on function public.item_translation_requests(uuid) is 'An item''s open translation requests (language, status, asked organisation, due date; not the message), for whoever may read the item: the item page''s "requested from X".';

create function private.pending_translation_requests()
returns table (
  id uuid,
  item_id uuid,
  kind public.item_kind,
  locale public.content_locale,
  status public.translation_request_status,
  organisation_id uuid,
  organisation_name text,
  asking_name text,
  due_on date,
  message text,
  title text,
  title_locale text,
  created_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
  select
    r.id, r.item_id, i.kind, r.locale, r.status, r.organisation_id, org.name, asking.name,
    r.due_on, r.message,
    t.title,
    t.locale,
    r.created_at
  from public.translation_requests r
  join public.items i on i.id = r.item_id
  join public.organisations org on org.id = r.organisation_id
  join public.organisations asking on asking.id = r.requested_by_organisation_id
  left join lateral private.original_title(i.id) t on true
  where r.status in ('requested', 'accepted')
    and r.organisation_id in (select private.user_organisation_ids('editor'))
    and i.status <> 'archived'
  order by r.status desc, r.due_on nulls last, r.created_at desc
$$;
comment on function private.pending_translation_requests() is 'Translation requests waiting for an answer (requested) or for the text (accepted) from the organisations the caller edits for, with the item''s kind and original title and the asking organisation.';

select private.expose('private.pending_translation_requests()', callers => '{authenticated}');
comment on function public.pending_translation_requests() is
  'The caller''s organisations'' translation requests to answer or to write (editors only); answer them by updating translation_requests.status.';

-- Triggers --------------------------------------------------------------------------

create function private.guard_translation_request()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  item public.items%rowtype;
  original_locale text;
  asked_side boolean;
  asking_side boolean;
begin
  if tg_op = 'INSERT' then
    if private.is_api_caller() then
      new.requested_by := (select auth.uid());
      new.status := 'requested';
      new.answered_by := null;
      new.answered_at := null;
      new.created_at := now();
      new.updated_at := now();
    end if;
    -- Read as the caller: the asking editors manage the item, so they read it.
    select * into item from public.items i where i.id = new.item_id;
    if not found then
      raise exception 'you cannot ask for a translation of this item' using errcode = '42501';
    end if;
    -- Unless named, the asking organisation is the caller's lead organisation of the item
    -- (the owner first, then the co-leads in the order they joined).
    if new.requested_by_organisation_id is null then
      select l.organisation into new.requested_by_organisation_id
      from unnest(item.lead_organisation_ids) with ordinality as l (organisation, position)
      where l.organisation in (select private.user_organisation_ids('editor'))
      order by l.organisation = item.owner_organisation_id desc, l.position
      limit 1;
    end if;
    if not (new.requested_by_organisation_id = any (item.lead_organisation_ids)) then
      raise exception 'only the item''s owner or a co-lead asks for its translations' using errcode = 'TR001';
    end if;
    if new.organisation_id = any (item.lead_organisation_ids)
       or not exists (select 1 from public.organisations o where o.id = new.organisation_id and o.status = 'active') then
      raise exception 'this organisation cannot be asked (not active, or it already edits the item)' using errcode = 'TR002';
    end if;
    select coalesce(ja.original_locale, e.original_locale, p.original_locale) into original_locale
    from (select 1) as one
    left join public.joint_actions ja on ja.id = new.item_id
    left join public.events e on e.id = new.item_id
    left join public.papers p on p.id = new.item_id;
    if new.locale = original_locale then
      raise exception 'the original language is not translated' using errcode = 'TR003';
    end if;
    if item.status = 'archived' then
      raise exception 'an archived item is not translated any more' using errcode = 'TR004';
    end if;
    if not private.organisation_may_read_item(new.organisation_id, new.item_id) then
      raise exception 'the asked organisation cannot read this item (publish it for the network first)' using errcode = 'TR005';
    end if;
    if new.due_on < current_date then
      raise exception 'the due date is in the past' using errcode = 'TR006';
    end if;
    return new;
  end if;

  -- UPDATE
  if (new.item_id, new.locale, new.organisation_id, new.requested_by_organisation_id, new.requested_by, new.created_at)
     is distinct from
     (old.item_id, old.locale, old.organisation_id, old.requested_by_organisation_id, old.requested_by, old.created_at) then
    raise exception 'a request''s item, language, organisations and author do not change' using errcode = 'TR007';
  end if;
  new.updated_at := now();
  if not private.is_api_caller() then
    return new;
  end if;
  asked_side := new.organisation_id in (select private.user_organisation_ids('editor'));
  asking_side := new.item_id in (select private.editable_item_ids());
  if new.status is distinct from old.status then
    if not (
      (asked_side and old.status = 'requested' and new.status in ('accepted', 'declined'))
      or (asked_side and old.status = 'accepted' and new.status = 'done')
      or (asking_side and old.status in ('requested', 'accepted', 'done') and new.status = 'cancelled')
    ) then
      raise exception 'this request cannot go from % to % by you', old.status, new.status using errcode = 'TR008';
    end if;
    if new.status in ('accepted', 'declined') then
      new.answered_by := (select auth.uid());
      new.answered_at := now();
    end if;
  end if;
  if (new.answered_by, new.answered_at) is distinct from (old.answered_by, old.answered_at)
     and new.status is not distinct from old.status then
    raise exception 'who answered and when is recorded by the database' using errcode = 'TR007';
  end if;
  if (new.due_on, new.message) is distinct from (old.due_on, old.message) then
    if not asking_side or old.status not in ('requested', 'accepted') then
      raise exception 'only the asking side changes the due date and the message of an open request' using errcode = 'TR009';
    end if;
    if new.due_on is distinct from old.due_on and new.due_on < current_date then
      raise exception 'the due date is in the past' using errcode = 'TR006';
    end if;
  end if;
  return new;
end;
$$;
comment on function private.guard_translation_request() is 'Trigger on translation_requests. Insert: the database stamps the author, status requested and the dates; the asking organisation is a lead of the item (TR001), the asked one active and not a lead (TR002), the language not the original (TR003), the item not archived (TR004) and readable by the asked organisation (TR005), the due date not past (TR006). Update: item, language, organisations and author fixed (TR007); the asked editors accept/decline a request and mark an accepted one done, the lead editors cancel (TR008); due date and message are the asking side''s while open (TR009).';

create trigger translation_requests_guard
  before insert or update on public.translation_requests
  for each row execute function private.guard_translation_request();

create function private.notify_translation_request()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  item public.items%rowtype;
begin
  select * into item from public.items i where i.id = new.item_id;
  if tg_op = 'INSERT' then
    -- The asked organisation reads the item (TR005): the usual readable-only rule holds.
    perform private.notify(
      private.organisation_people(new.organisation_id, 'editor'), 'translation_requested',
      about_item => new.item_id, about_organisation => new.organisation_id,
      message_data => jsonb_build_object('kind', item.kind, 'locale', new.locale,
                                         'counterpart_id', new.requested_by_organisation_id,
                                         'due_on', new.due_on));
  elsif old.status = 'requested' and new.status in ('accepted', 'declined') then
    perform private.notify(
      private.organisation_people(new.requested_by_organisation_id, 'editor'), 'translation_request_answered',
      about_item => new.item_id, about_organisation => new.requested_by_organisation_id,
      message_data => jsonb_build_object('kind', item.kind, 'locale', new.locale, 'state', new.status,
                                         'counterpart_id', new.organisation_id));
  end if;
  return null;
end;
$$;
comment on function private.notify_translation_request() is 'Trigger: a translation request notifies the asked organisation''s editors (translation_requested); its answer notifies the asking organisation''s editors (translation_request_answered).';

create trigger translation_requests_send_notifications
  after insert or update of status on public.translation_requests
  for each row execute function private.notify_translation_request();

create function private.record_original_revision()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- tg_argv: [0] the content table, [1] the foreign key to it (the item's id).
  content_key text := tg_argv[1];
  item uuid := (to_jsonb(new) ->> tg_argv[1])::uuid;
  original text;
begin
  execute format('select c.original_locale from public.%I c where c.id = $1', tg_argv[0])
  into original
  using item;
  if new.locale is distinct from original then
    return null;
  end if;
  insert into public.original_text_revisions (item_id, revision, locale, texts)
  values (item, new.source_revision, new.locale,
          private.translation_texts(to_jsonb(new), content_key))
  on conflict (item_id, revision) do update
    set texts = excluded.texts, locale = excluded.locale
    where (original_text_revisions.texts, original_text_revisions.locale) is distinct from (excluded.texts, excluded.locale);
  return null;
end;
$$;
comment on function private.record_original_revision() is 'Trigger on a translation table (arguments: content table, foreign key): the original-language text, after each write, is kept at its revision in original_text_revisions.';

create trigger joint_action_translations_record_original_revision
  after insert or update on public.joint_action_translations
  for each row execute function private.record_original_revision('joint_actions', 'action_id');
create trigger event_translations_record_original_revision
  after insert or update on public.event_translations
  for each row execute function private.record_original_revision('events', 'event_id');
create trigger paper_translations_record_original_revision
  after insert or update on public.paper_translations
  for each row execute function private.record_original_revision('papers', 'paper_id');

-- The originals as they are now, for the translations made from them.
insert into public.original_text_revisions (item_id, revision, locale, texts, created_at)
select t.action_id, t.source_revision, t.locale, private.translation_texts(to_jsonb(t), 'action_id'), t.updated_at
from public.joint_action_translations t join public.joint_actions c on c.id = t.action_id and c.original_locale = t.locale
union all
select t.event_id, t.source_revision, t.locale, private.translation_texts(to_jsonb(t), 'event_id'), t.updated_at
from public.event_translations t join public.events c on c.id = t.event_id and c.original_locale = t.locale
union all
select t.paper_id, t.source_revision, t.locale, private.translation_texts(to_jsonb(t), 'paper_id'), t.updated_at
from public.paper_translations t join public.papers c on c.id = t.paper_id and c.original_locale = t.locale
on conflict do nothing;

-- Privileges ------------------------------------------------------------------------

revoke all on public.translation_requests, public.original_text_revisions from anon, authenticated;
grant select, insert on public.translation_requests to authenticated;
grant update (status, due_on, message) on public.translation_requests to authenticated;
grant select on public.original_text_revisions to anon, authenticated;

grant execute on function private.translation_assignment_keys() to authenticated, service_role;
grant execute on function private.organisation_may_read_item(uuid, uuid) to authenticated, service_role;
grant execute on function private.open_translation_requests(uuid) to anon, authenticated, service_role;
revoke all on function public.item_translation_requests(uuid) from public;
grant execute on function public.item_translation_requests(uuid) to anon, authenticated, service_role;

-- Policies --------------------------------------------------------------------------

create policy "Both organisations and the item's editors read translation requests"
  on public.translation_requests for select to authenticated
  using (
    organisation_id in (select private.user_organisation_ids('member'))
    or requested_by_organisation_id in (select private.user_organisation_ids('member'))
    -- The item's editors while it is not archived: one probe of the item per row, never
    -- the set of every item their organisations lead.
    or exists (
      select 1
      from public.items i
      where i.id = translation_requests.item_id
        and i.lead_organisation_ids && (select private.user_organisation_id_array('editor'))
        and i.status <> 'archived'
      offset 0
    )
  );

create policy "Lead editors ask for translations in their organisation's name"
  on public.translation_requests for insert to authenticated
  with check (
    requested_by_organisation_id in (select private.user_organisation_ids('editor'))
    and item_id in (select private.editable_item_ids())
  );

create policy "Asked editors answer and lead editors change or cancel requests"
  on public.translation_requests for update to authenticated
  using (
    organisation_id in (select private.user_organisation_ids('editor'))
    or item_id in (select private.editable_item_ids())
  )
  with check (
    organisation_id in (select private.user_organisation_ids('editor'))
    or item_id in (select private.editable_item_ids())
  );

create policy "People read the original texts of the items they may read"
  on public.original_text_revisions for select to anon, authenticated
  using (exists (select 1 from public.items i where i.id = original_text_revisions.item_id offset 0));

-- The translators: one language of one item, written but never deleted. One policy per
-- operation (supabase/tests/lints/10): the lead editors' insert and update policies of each
-- content type's texts (private.set_up_content_type, …_joint_actions.sql) gain the
-- translators' branch, and a name that says so.
create function private.let_translators_write(translation_table text, content_key text, plural text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  may_write text := format(
    '%1$I in (select private.editable_item_ids())
     or (%1$I::text || '':'' || locale) in (select private.translation_assignment_keys())', content_key);
begin
  execute format('alter policy %I on public.%I with check (%s)',
                 'Lead editors add texts to their ' || plural, translation_table, may_write);
  execute format('alter policy %I on public.%I rename to %I',
                 'Lead editors add texts to their ' || plural, translation_table,
                 'Lead editors and translators add texts to ' || plural);
  execute format('alter policy %I on public.%I using (%3$s) with check (%3$s)',
                 'Lead editors edit the texts of their ' || plural, translation_table, may_write);
  execute format('alter policy %I on public.%I rename to %I',
                 'Lead editors edit the texts of their ' || plural, translation_table,
                 'Lead editors and translators edit texts of ' || plural);
end;
$$;
comment on function private.let_translators_write(text, text, text) is 'Migrations only: the lead editors'' insert and update policies of a content type''s texts also let its translators write their language (private.translation_assignment_keys). Called once per content type.';

select private.let_translators_write('joint_action_translations', 'action_id', 'joint actions');
select private.let_translators_write('event_translations', 'event_id', 'events');
select private.let_translators_write('paper_translations', 'paper_id', 'papers');

revoke execute on all functions in schema private from public;
