-- Invitations answered by token or id (security definer functions of
-- 20261201000200_members_and_invitations.sql), and the organisation admin's powers: what each
-- actor must NOT be able to do, then what the right one does.
begin;
\ir _helpers.psql
select plan(53);

-- Fixture people answer with a verified address (Auth confirms it on sign-up or invite).
update auth.users set email_confirmed_at = now() where email like '%@test.demo';
-- An unverified address, with an invitation of its own.
select tests.create_person('unverified') \g /dev/null

insert into public.invitations (id, organisation_id, email, role, invited_by, token_hash, expires_at, revoked_at, accepted_at)
values
  (tests.uid('inv_revoked'), tests.uid('test-alpha'), 'outsider@test.demo', 'member', tests.uid('alpha_admin'),
   private.invitation_token_hash('token-revoked'), now() + interval '7 days', now(), null),
  (tests.uid('inv_used'), tests.uid('test-beta'), 'outsider@test.demo', 'member', tests.uid('beta_admin'),
   private.invitation_token_hash('token-used'), now() + interval '7 days', null, now()),
  (tests.uid('inv_frozen'), tests.uid('test-frozen'), 'outsider@test.demo', 'member', tests.uid('frozen_admin'),
   private.invitation_token_hash('token-frozen-org'), now() + interval '7 days', null, null),
  (tests.uid('inv_unverified'), tests.uid('test-gamma'), 'unverified@test.demo', 'member', tests.uid('gamma_admin'),
   private.invitation_token_hash('token-unverified'), now() + interval '7 days', null, null),
  (tests.uid('inv_gamma_outsider'), tests.uid('test-gamma'), 'outsider@test.demo', 'editor', tests.uid('gamma_admin'),
   private.invitation_token_hash('token-gamma'), now() + interval '7 days', null, null);

create function tests.membership_of(person text, org text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select m.role::text from public.memberships m
                   where m.user_id = tests.uid(person) and m.organisation_id = tests.uid(org)), 'none')
$$;
grant execute on function tests.membership_of(text, text) to public;

create function tests.invitation_state(inv text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case when i.accepted_at is not null then 'accepted'
              when i.declined_at is not null then 'declined'
              when i.revoked_at is not null then 'revoked' else 'open' end
  from public.invitations i where i.id = tests.uid(inv)
$$;
grant execute on function tests.invitation_state(text) to public;

-- Shape of the functions ------------------------------------------------------------------
select ok(not has_function_privilege('anon', 'public.accept_invitation(text)', 'execute'),
  'anonymous visitors cannot call accept_invitation');
select ok(not has_function_privilege('anon', 'public.decline_invitation(text)', 'execute'),
  'anonymous visitors cannot call decline_invitation');
select ok(not has_function_privilege('anon', 'public.organisation_invitations(uuid)', 'execute'),
  'anonymous visitors cannot list an organisation''s invitations');
select ok(has_function_privilege('anon', 'public.invitation_by_token(text)', 'execute'),
  'the join page reads an invitation by token before sign-in');
select is((select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'private'
             and p.proname in ('accept_invitation', 'decline_invitation', 'answer_my_invitation',
                               'invitation_by_token', 'my_pending_invitations', 'organisation_invitations')
             and p.prosecdef and p.proconfig @> array['search_path=""']),
  6, 'the six invitation functions are private security definer with an empty search_path (public has thin invoker wrappers)');
select is((select count(*)::int from private.throttle_rules where action = 'invite'), 2,
  'the invite form has throttle rules (account and address)');

-- Anonymous: reads what a token invites to, nothing else -----------------------------------
select tests.authenticate_as_anon();
select is((select state from public.invitation_by_token('token-invitee')), 'open',
  'anyone holding the token sees an open invitation');
select is((select organisation_slug || '/' || role || '/' || invited_by_name from public.invitation_by_token('token-invitee')),
  'test-alpha/editor/Alpha Admin', 'the token shows the organisation, the role and who invited');
select is((select state from public.invitation_by_token('token-late')), 'expired', 'an expired token says so');
select is((select state from public.invitation_by_token('token-revoked')), 'revoked', 'a revoked token says so');
select is((select state from public.invitation_by_token('token-used')), 'accepted', 'a used token says so');
select is((select state from public.invitation_by_token('token-frozen-org')), 'suspended', 'a suspended organisation''s token says so');
select is((select count(*)::int from public.invitation_by_token('no-such-token')), 0, 'an unknown token reads nothing');
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$ select public.accept_invitation('token-invitee') $$,
   '42501', 'anonymous visitors cannot accept'),
  -- Someone else holding the token ---------------------------------------------------------
  ('outsider', $$ select public.accept_invitation('token-invitee') $$,
   'IN005', 'a person cannot accept someone else''s invitation, even with its token'),
  ('outsider', $$ select public.decline_invitation('token-invitee') $$,
   'IN005', 'nor decline it')
) as attempt (actor, statement, outcome, description);
select throws_ok(format('select public.answer_my_invitation(%L, true)', tests.uid('invitation_invitee')), 'IN005', null,
  'nor accept it by id');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('outsider', $$ select public.accept_invitation('no-such-token') $$,
   'IN001', 'an unknown token is refused (IN001)'),
  ('outsider', $$ select public.accept_invitation('token-revoked') $$,
   'IN003', 'a revoked invitation is refused (IN003)'),
  ('outsider', $$ select public.accept_invitation('token-used') $$,
   'IN004', 'a used invitation is refused (IN004)'),
  ('outsider', $$ select public.accept_invitation('token-frozen-org') $$,
   'IN006', 'an invitation of a suspended organisation is refused (IN006)')
) as attempt (actor, statement, outcome, description);
select is((select array_agg(organisation_slug order by organisation_slug) from public.my_pending_invitations()),
  array['test-gamma'], 'the inbox lists only the caller''s open invitations of organisations not suspended');
select is((select count(*)::int from public.organisation_invitations(tests.uid('test-alpha'))), 0,
  'a person outside the organisation lists none of its invitations');

select tests.check_as(actor, statement, outcome, description)
from (values
  ('late', $$ select public.accept_invitation('token-late') $$,
   'IN002', 'an expired invitation is refused (IN002)'),
  ('unverified', $$ select public.accept_invitation('token-unverified') $$,
   'IN005', 'an unverified address does not accept its invitation')
) as attempt (actor, statement, outcome, description);
select is((select count(*)::int from public.my_pending_invitations()), 0, 'nor sees it in the inbox');

-- Member, editor: no invitations, no role changes ------------------------------------------
select tests.authenticate_as('alpha_member');
select is((select count(*)::int from public.organisation_invitations(tests.uid('test-alpha'))), 0,
  'a member lists none of their organisation''s invitations');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$update public.invitations set revoked_at = now() where id = tests.uid('invitation_invitee')$$,
   '0 rows', 'a member cannot revoke an invitation'),
  ('alpha_member', $$update public.invitations set token_hash = repeat('c', 64), expires_at = now() + interval '14 days'
           where id = tests.uid('invitation_invitee')$$,
   '0 rows', 'a member cannot re-send an invitation'),
  ('alpha_member', $$update public.memberships set role = 'admin'
           where user_id = tests.uid('alpha_editor') and organisation_id = tests.uid('test-alpha')$$,
   '0 rows', 'a member cannot change a role'),
  ('alpha_member', $$delete from public.memberships
           where user_id = tests.uid('alpha_editor') and organisation_id = tests.uid('test-alpha')$$,
   '0 rows', 'a member cannot remove a member'),
  ('alpha_editor', $$insert into public.invitations (organisation_id, email, role, token_hash) values (tests.uid('test-alpha'), 'new@test.demo', 'member', repeat('d', 64))$$,
   '42501', 'an editor cannot invite'),
  ('alpha_editor', $$update public.memberships set role = 'member'
           where user_id = tests.uid('alpha_member') and organisation_id = tests.uid('test-alpha')$$,
   '0 rows', 'an editor cannot change a role'),
  ('alpha_editor', $$update public.organisations set names = '{"nl": "Test Alfa"}' where id = tests.uid('test-alpha')$$,
   '0 rows', 'an editor cannot edit the organisation''s profile'),
  -- Another organisation's admin ------------------------------------------------------------
  ('beta_admin', $$update public.memberships set role = 'admin'
           where user_id = tests.uid('alpha_member') and organisation_id = tests.uid('test-alpha')$$,
   '0 rows', 'an admin of another organisation cannot change a role'),
  ('beta_admin', $$update public.invitations set revoked_at = now() where id = tests.uid('invitation_invitee')$$,
   '0 rows', 'an admin of another organisation cannot revoke')
) as attempt (actor, statement, outcome, description);

select tests.clear_authentication();
select is(tests.membership_of('alpha_editor', 'test-alpha') || tests.membership_of('alpha_member', 'test-alpha')
          || tests.invitation_state('invitation_invitee'),
  'editormemberopen', 'after all these refusals the memberships and the invitation are unchanged');

-- A coordinator: reads, but manages only the invitations of an organisation without admin ---
select tests.authenticate_as('coordinator');
select is((select count(*)::int from public.organisation_invitations(tests.uid('test-alpha'))), 0,
  'a coordinator lists no invitations of an organisation that has an admin');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('coordinator', $$update public.invitations set revoked_at = now() where id = tests.uid('invitation_invitee')$$,
   '0 rows', 'a coordinator cannot revoke an invitation of an organisation that has an admin'),
  ('coordinator', $$update public.memberships set role = 'admin'
           where user_id = tests.uid('alpha_member') and organisation_id = tests.uid('test-alpha')$$,
   '0 rows', 'a coordinator cannot change roles in another organisation')
) as attempt (actor, statement, outcome, description);

-- The organisation's admin ----------------------------------------------------------------
select tests.authenticate_as('alpha_admin');
select is((select array_agg(email order by email) from public.organisation_invitations(tests.uid('test-alpha'))),
  array['invitee@test.demo', 'late@test.demo'], 'the admin lists the open invitations, expired ones too');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_admin', $$ update public.organisations set names = '{"nl": "Test Alfa", "en": "Test Alpha"}' where id = tests.uid('test-alpha') $$,
   'ok', 'the admin edits the names per language'),
  ('alpha_admin', $$ update public.organisations set names = '{"xx": "?"}' where id = tests.uid('test-alpha') $$,
   '23514', 'names only in the hub''s content languages'),
  ('alpha_admin', $$ delete from public.memberships where user_id = tests.uid('alpha_admin') and organisation_id = tests.uid('test-alpha') $$,
   '23514', 'the last admin is not removed (23514, the reason the page shows)'),
  ('alpha_admin', $$ update public.memberships set role = 'member' where user_id = tests.uid('alpha_editor') and organisation_id = tests.uid('test-alpha') $$,
   'ok', 'the admin changes a role')
) as attempt (actor, statement, outcome, description);

-- The invited person ----------------------------------------------------------------------
select tests.authenticate_as('invitee');
select is((select array_agg(organisation_slug) from public.my_pending_invitations()), array['test-alpha'],
  'the invited person sees the invitation in the inbox');
select is(public.accept_invitation('token-invitee'), 'test-alpha', 'the invited person accepts by token');
select is(tests.membership_of('invitee', 'test-alpha'), 'editor', 'and is a member with the invited role');
select throws_ok($$ select public.accept_invitation('token-invitee') $$, 'IN004', null, 'the link is not used twice');

select tests.authenticate_as('outsider');
select is(public.decline_invitation('token-gamma'), 'test-gamma', 'the invited person declines');
select is(tests.invitation_state('inv_gamma_outsider') || '/' || tests.membership_of('outsider', 'test-gamma'),
  'declined/none', 'a declined invitation is closed and gives no membership');

-- A removed member loses access at once -----------------------------------------------------
select tests.authenticate_as('alpha_admin');
select lives_ok($$ delete from public.memberships where user_id = tests.uid('alpha_member') and organisation_id = tests.uid('test-alpha') $$,
  'the admin removes a member');
select tests.authenticate_as('alpha_member');
select is((select count(*)::int from public.memberships where organisation_id = tests.uid('test-alpha')), 0,
  'the removed member reads nothing of the organisation''s memberships any more');

select * from finish();
rollback;
