-- Lists are newest first by the item's publication date. Ordering joint_actions or papers
-- by an embedded items column makes PostgREST build and sort every readable row before
-- it can return one page (docs/benchmarks.md, "Joint actions list under load"). The date
-- is therefore copied onto the content rows (by trigger, never by API callers) and
-- indexed in list order, so a page is a walk down one index.

alter table public.joint_actions add column published_at timestamptz;
alter table public.papers add column published_at timestamptz;

comment on column public.joint_actions.published_at is 'Copy of items.published_at (kept by trigger) so the list orders on an indexed column of its own.';
comment on column public.papers.published_at is 'Copy of items.published_at (kept by trigger) so the list orders on an indexed column of its own.';

update public.joint_actions ja set published_at = i.published_at
from public.items i where i.id = ja.id and i.published_at is not null;
update public.papers p set published_at = i.published_at
from public.items i where i.id = p.id and i.published_at is not null;

create index joint_actions_published_at_idx on public.joint_actions (published_at desc nulls last, id);
create index papers_published_at_idx on public.papers (published_at desc nulls last, id);

-- Whatever a caller writes, the column holds the item's date.
create function private.copy_item_published_at()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  new.published_at := (select i.published_at from public.items i where i.id = new.id);
  return new;
end;
$$;
comment on function private.copy_item_published_at() is 'Trigger: a content row''s published_at is its item''s, never what the caller wrote.';

create trigger joint_actions_copy_published_at
  before insert or update on public.joint_actions
  for each row execute function private.copy_item_published_at();

create trigger papers_copy_published_at
  before insert or update on public.papers
  for each row execute function private.copy_item_published_at();

-- Publishing (stamp_item sets published_at in a BEFORE trigger, so `update of` would not
-- see it) reaches the content row.
create function private.sync_content_published_at()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.kind = 'joint_action' then
    update public.joint_actions set published_at = new.published_at where id = new.id;
  elsif new.kind = 'paper' then
    update public.papers set published_at = new.published_at where id = new.id;
  end if;
  return null;
end;
$$;
comment on function private.sync_content_published_at() is 'Trigger: copies an item''s new published_at onto its joint action or paper.';

create trigger items_sync_content_published_at
  after update on public.items
  for each row
  when (old.published_at is distinct from new.published_at)
  execute function private.sync_content_published_at();

revoke execute on function private.copy_item_published_at() from public;
revoke execute on function private.sync_content_published_at() from public;
