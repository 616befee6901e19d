-- The security lints (supabase/tests/lints/*.sql) are queries whose every row is a finding:
-- a broken query finds nothing and "passes". Here each lint meets one object made to offend
-- it, created inside this transaction (rolled back), and must report it.
-- psql reads the lint files relative to the repository root (pg_prove runs from there).
begin;
\ir _helpers.psql
select plan(10);

-- Every lint file, each after a line naming it (split again below).
\set lints `for f in supabase/tests/lints/*.sql; do echo "-- lint file: $f"; cat "$f"; done`

-- The objects a lint query finds, by the number its file name starts with.
create function tests.lint_objects(number text, lints text)
returns setof text
language plpgsql
set search_path = ''
as $$
declare
  lint text := (select substr(f, strpos(f, E'\n') + 1)
                from regexp_split_to_table(lints, '-- lint file: supabase/tests/lints/') as f
                where f like number || '-%');
begin
  if lint is null then
    raise exception 'no lint file supabase/tests/lints/%-*.sql', number;
  end if;
  return query execute 'select object::text from (' || rtrim(btrim(lint, E' \n'), ';') || E'\n) as findings';
end;
$$;

-- One offending object per lint.
create table public.lint_probe_no_rls (id int primary key);
create table public.lint_probe_policy_no_rls (id int primary key);
create policy "Probe policy on a table without RLS" on public.lint_probe_policy_no_rls
  for select to authenticated using (true);
create view public.lint_probe_definer_view as select 1 as one;
create function public.lint_probe_mutable_path() returns int language sql as 'select 1';
create view public.lint_probe_users with (security_invoker = true) as select id from auth.users;
create table public.lint_probe_policies (id int primary key, owner uuid);
alter table public.lint_probe_policies enable row level security;
create policy "Probe reads user metadata" on public.lint_probe_policies
  for update to authenticated using ((select auth.jwt()) -> 'user_metadata' ->> 'admin' = 'yes');
create policy "Probe calls auth uid per row" on public.lint_probe_policies
  for delete to authenticated using (owner = auth.uid());
create policy "Probe first reader" on public.lint_probe_policies
  for select to authenticated using (true);
create policy "Probe second reader" on public.lint_probe_policies
  for select to authenticated using (owner = (select auth.uid()));
create function public.lint_probe_definer() returns int language sql security definer
  set search_path = '' as 'select 1';
create table public.lint_probe_fk (id int primary key, organisation_id uuid references public.organisations (id));
alter table public.lint_probe_fk enable row level security;

select ok(probe.object in (select tests.lint_objects(probe.lint, :'lints')), format('lint %s finds %s', probe.lint, probe.what))
from (values
  ('01', 'public.lint_probe_no_rls', 'a table in public without row-level security'),
  ('02', 'public.lint_probe_policy_no_rls', 'a policy on a table whose row-level security is off'),
  ('03', 'public.lint_probe_definer_view', 'a view without security_invoker'),
  ('04', 'public.lint_probe_mutable_path()', 'a function without a fixed search_path'),
  ('05', 'public.lint_probe_users', 'a view that reads auth.users'),
  ('06', 'public.lint_probe_policies: Probe reads user metadata', 'a policy reading user_metadata'),
  ('07', 'public.lint_probe_definer()', 'a security definer function executable by the API roles'),
  ('08', 'public.lint_probe_policies: Probe calls auth uid per row', 'auth.uid() not wrapped in (select …)'),
  ('09', 'public.lint_probe_fk (organisation_id)', 'a foreign key without an index'),
  ('10', 'public.lint_probe_policies', 'two permissive policies for the same role and command')
) as probe (lint, object, what);

select * from finish();
rollback;
