begin;
\ir _helpers.psql
select plan(3);

-- A fresh participants-only action with a country no other action uses, so the test does
-- not depend on the seed's details.
insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by, published_at)
values ('39999999-0000-4000-8000-000000000001', 'joint_action', '10000000-0000-4000-8000-000000000003',
        'published', 'participants', '20000000-0000-4000-8000-000000000010', now());
insert into public.joint_actions (id, original_locale, areas, countries)
values ('39999999-0000-4000-8000-000000000001', 'en', '{legal_actions}', '{AQ}');

select tests.authenticate_as_anon();
select ok(
  not exists (select 1 from public.joint_action_countries() c where c = 'AQ'),
  'anonymous: a country used only by a participants-only action is not revealed'
);
select ok(
  exists (select 1 from public.joint_action_countries() c where c = 'BE'),
  'anonymous: countries of public actions are listed'
);
select tests.clear_authentication();

select is(
  (select count(*) from public.joint_action_countries() c where c = 'AQ')::int,
  1,
  'superuser: each country appears once'
);

select * from finish();
rollback;
