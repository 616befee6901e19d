-- pending_item_invitations(): what an invited organisation's admins see of an invitation,
-- and that nobody else sees it. Uses the demo seed: the CODE's draft alternative report
-- (item …002) invites the Flemish coalition (…021) as co-lead.
begin;
\ir _helpers.psql
select plan(5);

create function pg_temp.act_as(uid uuid) returns void language sql as $$
  select set_config('request.jwt.claims', json_build_object('sub', uid, 'role', 'authenticated')::text, true);
$$;

set local role authenticated;

-- Jan, admin of the Flemish coalition.
select pg_temp.act_as('20000000-0000-4000-8000-000000000008');
select results_eq(
  $$ select kind::text, role::text, owner_name, title is not null from public.pending_item_invitations()
     where item_id = '30000000-0000-4000-8000-000000000002' $$,
  $$ values ('joint_action', 'co_lead', 'Coordination des ONG pour les droits de l''enfant', true) $$,
  'the invited organisation''s admin sees the invitation: kind, role, inviting organisation, title'
);
select is_empty(
  $$ select 1 from public.joint_actions where id = '30000000-0000-4000-8000-000000000002' $$,
  'the same admin still cannot read the draft itself'
);

-- Fien, editor (not admin) of the Flemish coalition.
select pg_temp.act_as('20000000-0000-4000-8000-000000000009');
select is_empty(
  $$ select 1 from public.pending_item_invitations() $$,
  'an editor of the invited organisation does not answer for it, and does not see the invitation'
);

-- Giulia, admin of DCI Italy (not invited to it).
select pg_temp.act_as('20000000-0000-4000-8000-000000000012');
select is_empty(
  $$ select 1 from public.pending_item_invitations() where item_id = '30000000-0000-4000-8000-000000000002' $$,
  'an outsider sees nothing of it'
);

reset role;
set local role anon;
select throws_ok(
  $$ select * from public.pending_item_invitations() $$,
  '42501',
  null,
  'anonymous visitors cannot call it'
);

select * from finish();
rollback;
