begin;
\ir _helpers.psql
select plan(6);

-- Every seeded action and paper carries its item's publication date.
select is(
  (select count(*) from public.joint_actions ja join public.items i on i.id = ja.id
   where ja.published_at is distinct from i.published_at)::int,
  0,
  'seed: every joint action has its item''s published_at'
);
select is(
  (select count(*) from public.papers p join public.items i on i.id = p.id
   where p.published_at is distinct from i.published_at)::int,
  0,
  'seed: every paper has its item''s published_at'
);

-- The fixture items get their joint-action content (as 009 does).
insert into public.joint_actions (id, original_locale, areas)
values (tests.uid('item_alpha_draft'), 'fr', '{lobbying_advocacy}'),
       (tests.uid('item_alpha_public'), 'fr', '{lobbying_advocacy}');

-- Publishing the draft (as its editor, through RLS) dates the action.
select tests.authenticate_as('alpha_editor');
update public.items set status = 'published' where id = tests.uid('item_alpha_draft');
select tests.clear_authentication();
select isnt(
  (select published_at from public.joint_actions where id = tests.uid('item_alpha_draft')),
  null,
  'publishing an item dates its joint action'
);
select is(
  (select published_at from public.joint_actions where id = tests.uid('item_alpha_draft')),
  (select published_at from public.items where id = tests.uid('item_alpha_draft')),
  'the action''s date is the item''s'
);

-- An editor cannot move an action up the list by writing the date.
select tests.authenticate_as('alpha_editor');
update public.joint_actions set published_at = '2100-01-01' where id = tests.uid('item_alpha_public');
select tests.clear_authentication();
select is(
  (select published_at from public.joint_actions where id = tests.uid('item_alpha_public')),
  (select published_at from public.items where id = tests.uid('item_alpha_public')),
  'a date written by an API caller is replaced by the item''s'
);

-- Nor insert one with a made-up date.
select tests.authenticate_as('alpha_editor');
select tests.create_item('dated_draft', 'joint_action', 'draft', 'network') \g /dev/null
insert into public.joint_actions (id, original_locale, areas, published_at)
values (tests.uid('dated_draft'), 'fr', '{research_expertise}', '2100-01-01');
select tests.clear_authentication();
select is(
  (select published_at from public.joint_actions where id = tests.uid('dated_draft')),
  null,
  'a draft inserted with a date has none'
);

select * from finish();
rollback;
