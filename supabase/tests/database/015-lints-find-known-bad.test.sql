-- The security lints (supabase/tests/lints/*.sql) are queries whose every row is a finding:
-- a broken query finds nothing and "passes". Here each lint meets one object made to offend
-- it, created inside this transaction (rolled back), and must report it.
-- psql reads the lint files relative to the repository root (pg_prove runs from there).
begin;
\ir _helpers.psql
select plan(10);

\set lint01 `cat supabase/tests/lints/01-rls-disabled-in-public.sql`
\set lint02 `cat supabase/tests/lints/02-policy-exists-rls-disabled.sql`
\set lint03 `cat supabase/tests/lints/03-security-definer-view.sql`
\set lint04 `cat supabase/tests/lints/04-function-search-path-mutable.sql`
\set lint05 `cat supabase/tests/lints/05-auth-users-exposed.sql`
\set lint06 `cat supabase/tests/lints/06-rls-references-user-metadata.sql`
\set lint07 `cat supabase/tests/lints/07-security-definer-function-executable.sql`
\set lint08 `cat supabase/tests/lints/08-auth-rls-initplan.sql`
\set lint09 `cat supabase/tests/lints/09-unindexed-foreign-keys.sql`
\set lint10 `cat supabase/tests/lints/10-multiple-permissive-policies.sql`

create function tests.lint_objects(lint text)
returns setof text
language plpgsql
set search_path = ''
as $$
begin
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

select ok('public.lint_probe_no_rls' in (select tests.lint_objects(:'lint01')),
  'lint 01 finds a table in public without row-level security');
select ok('public.lint_probe_policy_no_rls' in (select tests.lint_objects(:'lint02')),
  'lint 02 finds a policy on a table whose row-level security is off');
select ok('public.lint_probe_definer_view' in (select tests.lint_objects(:'lint03')),
  'lint 03 finds a view without security_invoker');
select ok('public.lint_probe_mutable_path()' in (select tests.lint_objects(:'lint04')),
  'lint 04 finds a function without a fixed search_path');
select ok('public.lint_probe_users' in (select tests.lint_objects(:'lint05')),
  'lint 05 finds a view that reads auth.users');
select ok('public.lint_probe_policies: Probe reads user metadata' in (select tests.lint_objects(:'lint06')),
  'lint 06 finds a policy reading user_metadata');
select ok('public.lint_probe_definer()' in (select tests.lint_objects(:'lint07')),
  'lint 07 finds a security definer function executable by the API roles');
select ok('public.lint_probe_policies: Probe calls auth uid per row' in (select tests.lint_objects(:'lint08')),
  'lint 08 finds auth.uid() not wrapped in (select …)');
select ok('public.lint_probe_fk (organisation_id)' in (select tests.lint_objects(:'lint09')),
  'lint 09 finds a foreign key without an index');
select ok('public.lint_probe_policies' in (select tests.lint_objects(:'lint10')),
  'lint 10 finds two permissive policies for the same role and command');

select * from finish();
rollback;
