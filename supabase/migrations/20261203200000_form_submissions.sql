-- A form posted twice creates one thing (issue 18, "Faults"): a double click, or the back
-- button and the form sent again, carries the same submission key (a hidden field the page
-- makes when it renders the form). The app sends it with the create call as the request
-- header `x-hub-submission`, which PostgREST gives the transaction in `request.headers`; this
-- trigger records (person, key) → item in the same transaction, so a second create with the
-- key fails with HB001 and rolls back entirely, and
-- public.submitted_item(key) tells the app which item the first one made.
--   private.form_submissions           (user, key) → item; no access but through the functions
--   private.record_item_submission()   trigger on public.items (any kind: actions, events, papers)
--   public.submitted_item(key)         the caller's item made with that key, or null (exposed
--                                      private.submitted_item)

create table private.form_submissions (
  user_id uuid not null references auth.users (id) on delete cascade,
  submission_key uuid not null,
  item_id uuid not null references public.items (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, submission_key)
);
create index form_submissions_item_id_idx on private.form_submissions (item_id);
comment on table private.form_submissions is 'Which item a person''s form submission (its key) created: a second submission with the same key is refused (HB001), so a form posted twice creates one item.';

create function private.record_item_submission()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  raw text := nullif(current_setting('request.headers', true), '')::json ->> 'x-hub-submission';
  submission uuid;
begin
  if raw is null or (select auth.uid()) is null
     or raw !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return new;
  end if;
  submission := raw::uuid;
  insert into private.form_submissions (user_id, submission_key, item_id)
  values ((select auth.uid()), submission, new.id);
  return new;
exception
  when unique_violation then
    raise exception 'this form was already sent' using errcode = 'HB001';
end;
$$;
comment on function private.record_item_submission() is 'Trigger: records the request''s x-hub-submission key for the new item; the same key twice (a form posted twice) raises HB001 and the second create rolls back.';

revoke execute on function private.record_item_submission() from public;

create trigger items_record_submission
  after insert on public.items
  for each row execute function private.record_item_submission();

create function private.submitted_item(submission_key uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.item_id from private.form_submissions s
  where s.user_id = (select auth.uid()) and s.submission_key = submitted_item.submission_key
$$;
comment on function private.submitted_item(uuid) is 'The item the caller''s form submission with this key created, or null (another person''s key tells nothing).';

select private.expose('private.submitted_item(uuid)', callers => '{authenticated}');
comment on function public.submitted_item(uuid) is 'The item the caller''s form submission with this key created, or null (private.submitted_item).';
