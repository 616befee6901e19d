-- pending_item_invitations(): what an invited organisation's admins see of an invitation,
-- and that nobody else sees it. Fixture: test-alpha's draft (item_alpha_draft) invites
-- test-gamma as co-lead; test-beta is an accepted co-lead of it.
begin;
\ir _helpers.psql
select plan(6);

insert into public.joint_actions (id, original_locale, areas)
values (tests.uid('item_alpha_draft'), 'fr', '{lobbying_advocacy}');
insert into public.joint_action_translations (action_id, locale, title)
values (tests.uid('item_alpha_draft'), 'fr', 'Brouillon de Test Alpha');

select tests.authenticate_as('gamma_admin');
select results_eq(
  $$ select kind::text, role::text, organisation_id, owner_name, title from public.pending_item_invitations()
     where item_id = tests.uid('item_alpha_draft') $$,
  $$ values ('joint_action', 'co_lead', tests.uid('test-gamma'), 'Test Alpha', 'Brouillon de Test Alpha') $$,
  'the invited organisation''s admin sees the invitation: kind, role, inviting organisation, title'
);
select is_empty(
  $$ select 1 from public.joint_actions where id = tests.uid('item_alpha_draft') $$,
  'the same admin still cannot read the draft itself'
);

select tests.authenticate_as('gamma_member');
select is_empty(
  $$ select 1 from public.pending_item_invitations() $$,
  'a member (not admin) of the invited organisation does not answer for it, and does not see the invitation'
);

select tests.authenticate_as('beta_admin');
select is_empty(
  $$ select 1 from public.pending_item_invitations() where item_id = tests.uid('item_alpha_draft') $$,
  'the admin of an organisation already attached sees nothing to answer'
);

select tests.authenticate_as('outsider');
select is_empty(
  $$ select 1 from public.pending_item_invitations() $$,
  'an outsider sees nothing of it'
);

select tests.authenticate_as_anon();
select throws_ok(
  $$ select * from public.pending_item_invitations() $$,
  '42501',
  'permission denied for function pending_item_invitations',
  'anonymous visitors cannot call it'
);

select * from finish();
rollback;
