-- Benchmark data set for `npm run bench:access` (scripts/bench-access.mjs): about 300
-- organisations, 10,000 people, 100,000 items and ~300,000 attachments, added on top of the
-- demo seed. Set-based (generate_series), deterministic (setseed), run as the superuser in
-- one transaction by the benchmark, which then runs VACUUM ANALYZE. Every trigger stays on:
-- profiles come from the auth.users trigger, each item gets its owner attachment from
-- items_attach_owner, the access arrays are derived by item_organisations_refresh_item_access
-- and the audit trail is written as for any trusted-path insert.
-- Adapted from the DB engineer's throwaway generator; never applied by the stack itself.

-- The triggers' plpgsql statements (e.g. refresh_item_access's `where i.id = item`) keep
-- the plan made at their first calls, when items held a handful of rows: a sequential scan,
-- which makes a 100,000-row load quadratic (minutes). Planning them with seqscans
-- penalised gives index scans from the start. Scoped to this transaction (set local).
set local enable_seqscan = off;

select setseed(0.2026);

-- Organisations: 300, mostly active; 8 suspended, 6 pending. Not coordinating (coordinators
-- get no extra item access anyway). Row g's "weight" favours small g (a few big ones).
create temporary table bench_orgs on commit drop as
select g,
  md5('bench-org-' || g)::uuid as id,
  case when g % 40 = 3 then 'suspended' when g % 50 = 7 then 'pending' else 'active' end
    ::public.organisation_status as status
from generate_series(1, 300) g;

insert into public.organisations (id, slug, name, kind, status, is_coordinating, country, languages,
  description, original_locale)
select o.id, 'bench-org-' || o.g, 'Bench organisation ' || o.g,
  (case when o.g % 6 = 0 then 'section' else 'partner' end)::public.organisation_kind,
  o.status, false,
  (array['BE', 'NL', 'FR', 'IT', 'ES', 'DE', 'CH', 'PS', 'BO', 'SL', 'GH', 'CR'])[1 + o.g % 12],
  string_to_array((array['fr,nl', 'en', 'es', 'fr,en,ar'])[1 + o.g % 4], ','),
  jsonb_build_object('en', 'Benchmark organisation number ' || o.g), 'en'
from bench_orgs o;

-- People: 10,000 auth.users rows; on_auth_user_created makes the profiles.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', md5('bench-person-' || g)::uuid,
  'authenticated', 'authenticated', 'person' || g || '@bench.demo', '',
  '{"provider": "email", "providers": ["email"]}',
  jsonb_build_object('display_name', 'Bench person ' || g,
    'locale', (array['fr', 'nl', 'en', 'de', 'es'])[1 + g % 5]),
  now(), now()
from generate_series(1, 10000) g;

-- Confirmed, as the seed does it: Supabase Auth's migrations add email_confirmed_at and
-- make confirmed_at a generated column; without Auth, the bootstrap has confirmed_at.
-- Auth also reads its token columns as non-null strings (bench:actions signs one person in).
do $$
declare
  token_column text;
begin
  if exists (select 1 from information_schema.columns
             where table_schema = 'auth' and table_name = 'users' and column_name = 'email_confirmed_at') then
    update auth.users set email_confirmed_at = now() where email like '%@bench.demo';
  else
    update auth.users set confirmed_at = now() where email like '%@bench.demo';
  end if;
  for token_column in
    select column_name from information_schema.columns
    where table_schema = 'auth' and table_name = 'users' and is_generated = 'NEVER'
      and column_name in ('confirmation_token', 'recovery_token', 'email_change', 'email_change_token_new',
                          'email_change_token_current', 'phone_change', 'phone_change_token', 'reauthentication_token')
  loop
    execute format('update auth.users set %I = coalesce(%I, '''') where email like %L',
                   token_column, token_column, '%@bench.demo');
  end loop;
end;
$$;

-- Memberships: person g ≤ 300 is the admin of organisation g (every organisation keeps an
-- admin); everyone has 1–3 memberships (≈70 % one, 22 % two, 8 % three) in organisations
-- picked with a skew towards the big ones; roles ≈ 8 % admin, 20 % editor, 72 % member.
insert into public.memberships (user_id, organisation_id, role)
select md5('bench-person-' || g)::uuid, md5('bench-org-' || g)::uuid, 'admin'
from generate_series(1, 300) g;

insert into public.memberships (user_id, organisation_id, role)
select md5('bench-person-' || p.g)::uuid,
  md5('bench-org-' || (1 + floor(300 * power(random(), 1.7)))::int)::uuid,
  (case when r.x < 0.08 then 'admin' when r.x < 0.28 then 'editor' else 'member' end)
    ::public.membership_role
from (select g, random() as n from generate_series(1, 10000) g) p
cross join lateral generate_series(1, case when p.n < 0.70 then 1 when p.n < 0.92 then 2 else 3 end) k
cross join lateral (select random() + 0 * k as x) r
on conflict (user_id, organisation_id) do nothing;

-- Editors and admins per organisation, to author its items.
create temporary table bench_authors on commit drop as
select m.organisation_id, array_agg(m.user_id order by m.user_id) as user_ids
from public.memberships m
where m.role >= 'editor' and m.organisation_id in (select id from bench_orgs)
group by m.organisation_id;

-- Items: 100,000 over three years; owners skewed towards the big organisations (a few are
-- suspended or pending: their items stay). kind 40 % joint actions / 35 % events / 25 %
-- papers; status 10 % draft, 80 % published, 10 % archived; visibility 45 % public, 35 %
-- network, 20 % participants. items_attach_owner adds each owner attachment (accepted).
create temporary table bench_items on commit drop as
select g, md5('bench-item-' || g)::uuid as id,
  md5('bench-org-' || (1 + floor(300 * power(random(), 1.5)))::int)::uuid as owner,
  random() as k, random() as s, random() as v,
  now() - random() * interval '3 years' as created_at,
  random() as a, random() as n
from generate_series(1, 100000) g;

insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by,
  created_at, updated_at, published_at)
select i.id,
  (case when i.k < 0.40 then 'joint_action' when i.k < 0.75 then 'event' else 'paper' end)
    ::public.item_kind,
  i.owner,
  (case when i.s < 0.10 then 'draft' when i.s < 0.90 then 'published' else 'archived' end)
    ::public.item_status,
  (case when i.v < 0.45 then 'public' when i.v < 0.80 then 'network' else 'participants' end)
    ::public.item_visibility,
  au.user_ids[1 + floor(i.a * cardinality(au.user_ids))::int],
  i.created_at, i.created_at,
  case when i.s >= 0.10 then i.created_at + (i.a * interval '7 days') end
from bench_items i
join bench_authors au on au.organisation_id = i.owner
order by i.g;

-- Attachments beyond the owner: 0–4 per item (mean ≈ 2.1, so ≈ 3 with the owner):
-- 10 % co-lead, 55 % participant, 35 % signatory; 65 % accepted, 25 % invited, 10 %
-- declined. Each insert refreshes the item's access arrays (trigger).
insert into public.item_organisations (item_id, organisation_id, role, state, invited_by,
  responded_at, created_at, updated_at)
select i.id,
  md5('bench-org-' || (1 + floor(300 * power(x.o, 1.3)))::int)::uuid,
  (case when x.r < 0.10 then 'co_lead' when x.r < 0.65 then 'participant' else 'signatory' end)
    ::public.item_organisation_role,
  (case when x.st < 0.65 then 'accepted' when x.st < 0.90 then 'invited' else 'declined' end)
    ::public.attachment_state,
  it.created_by,
  case when x.st < 0.65 or x.st >= 0.90 then i.created_at + interval '2 days' end,
  i.created_at, i.created_at
from bench_items i
join public.items it on it.id = i.id
cross join lateral generate_series(1,
  case when i.n < 0.15 then 0 when i.n < 0.35 then 1 when i.n < 0.65 then 2
       when i.n < 0.90 then 3 else 4 end) nth
cross join lateral (select random() + 0 * nth as o, random() + 0 * nth as r, random() + 0 * nth as st) x
where md5('bench-org-' || (1 + floor(300 * power(x.o, 1.3)))::int)::uuid <> i.owner
order by i.g, nth
on conflict (item_id, organisation_id) do nothing;
