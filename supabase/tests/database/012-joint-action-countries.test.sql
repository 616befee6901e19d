begin;
\ir _helpers.psql
select plan(3);

-- The fixture's participants-only action works in a country no other action uses (AQ); its
-- public action in another (TV). Independent of the demo seed.
insert into public.joint_actions (id, original_locale, areas, countries)
values (tests.uid('item_alpha_participants'), 'fr', '{legal_actions}', '{AQ}'),
       (tests.uid('item_alpha_public'), 'fr', '{legal_actions}', '{TV}');

select tests.authenticate_as_anon();
select ok(
  not exists (select 1 from public.joint_action_countries() c where c = 'AQ'),
  'anonymous: a country used only by a participants-only action is not revealed'
);
select ok(
  exists (select 1 from public.joint_action_countries() c where c = 'TV'),
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
