-- item_organisations: attaching an organisation is an invitation from the owner's
-- editors; only the attached organisation's admins answer it; the owner row is fixed.
begin;
\ir _helpers.psql
select plan(33);

-- reading -----------------------------------------------------------------------
select tests.authenticate_as_anon();
select is(tests.visible_attachments(),
  array['item_alpha_archived/test-alpha:accepted', 'item_alpha_public/test-alpha:accepted'],
  'anonymous visitors read the accepted attachments of public items only');
select throws_ok(
  $$insert into public.item_organisations (item_id, organisation_id, role) values (tests.uid('item_alpha_public'), tests.uid('test-gamma'), 'participant')$$,
  '42501', 'permission denied for table item_organisations', 'anonymous visitors cannot attach organisations');

select is(tests.read_as(actor, 'tests.visible_attachments()'), expected, description)
from (values
  ('outsider', array['item_alpha_archived/test-alpha:accepted', 'item_alpha_public/test-alpha:accepted'],
   'a person without membership reads the accepted attachments of public items only'),
  ('gamma_member', array['item_alpha_archived/test-alpha:accepted', 'item_alpha_network/test-alpha:accepted',
                         'item_alpha_public/test-alpha:accepted', 'item_beta_signatures/test-beta:accepted'],
   'a member of an invited organisation does not see its pending invitations or the items behind them'),
  ('gamma_admin', array['item_alpha_archived/test-alpha:accepted', 'item_alpha_draft/test-gamma:invited', 'item_alpha_network/test-alpha:accepted',
                        'item_alpha_participants/test-gamma:invited', 'item_alpha_public/test-alpha:accepted',
                        'item_beta_signatures/test-beta:accepted', 'item_beta_signatures/test-gamma:invited'],
   'the admin of an invited organisation reads the invitations addressed to it, not the other attachments of those items'),
  ('beta_member', array['item_alpha_archived/test-alpha:accepted', 'item_alpha_network/test-alpha:accepted',
                        'item_alpha_participants/test-alpha:accepted', 'item_alpha_participants/test-beta:accepted',
                        'item_alpha_participants/test-frozen:accepted', 'item_alpha_public/test-alpha:accepted',
                        'item_beta_signatures/test-beta:accepted'],
   'a member of an attached organisation reads the accepted attachments of the items they see'),
  ('alpha_editor', array['item_alpha_archived/test-alpha:accepted', 'item_alpha_draft/test-alpha:accepted', 'item_alpha_draft/test-beta:accepted',
                         'item_alpha_draft/test-gamma:invited', 'item_alpha_network/test-alpha:accepted',
                         'item_alpha_participants/test-alpha:accepted', 'item_alpha_participants/test-beta:accepted',
                         'item_alpha_participants/test-frozen:accepted', 'item_alpha_participants/test-gamma:invited',
                         'item_alpha_public/test-alpha:accepted'],
   'the owner''s editor reads every attachment of its items, pending ones included'),
  ('frozen_admin', array['item_alpha_archived/test-alpha:accepted', 'item_alpha_public/test-alpha:accepted'],
   'the admin of a suspended organisation no longer reads its own attachments'),
  ('coordinator', array['item_alpha_archived/test-alpha:accepted', 'item_alpha_network/test-alpha:accepted', 'item_alpha_public/test-alpha:accepted'],
   'a coordinator reads the attachments of the items they can read')
) as reading (actor, expected, description);

-- inviting ----------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_member', $$insert into public.item_organisations (item_id, organisation_id, role) values (tests.uid('item_alpha_network'), tests.uid('test-gamma'), 'participant')$$,
   '42501: new row violates row-level security policy for table "item_organisations"', 'a member cannot attach organisations'),
  ('beta_editor', $$insert into public.item_organisations (item_id, organisation_id, role) values (tests.uid('item_alpha_draft'), tests.uid('test-pending'), 'participant')$$,
   '42501: new row violates row-level security policy for table "item_organisations"', 'a co-lead cannot attach organisations to the owner''s item'),
  ('gamma_admin', $$insert into public.item_organisations (item_id, organisation_id, role) values (tests.uid('item_alpha_network'), tests.uid('test-gamma'), 'co_lead')$$,
   '42501: new row violates row-level security policy for table "item_organisations"', 'an organisation cannot attach itself to another''s item'),
  ('alpha_editor', $$insert into public.item_organisations (item_id, organisation_id, role, state) values (tests.uid('item_alpha_network'), tests.uid('test-gamma'), 'co_lead', 'accepted')$$,
   '42501: attaching an organisation is an invitation: role owner and state accepted/declined are refused', 'the owner cannot attach another organisation as already accepted'),
  ('alpha_editor', $$insert into public.item_organisations (item_id, organisation_id, role) values (tests.uid('item_alpha_network'), tests.uid('test-gamma'), 'owner')$$,
   '42501: attaching an organisation is an invitation: role owner and state accepted/declined are refused', 'the owner cannot attach a second owner'),
  ('alpha_editor', $$insert into public.item_organisations (item_id, organisation_id, role, invited_by) values (tests.uid('item_alpha_network'), tests.uid('test-gamma'), 'participant', tests.uid('coordinator'))$$,
   'ok', 'the owner''s editor invites an organisation')
) as attempt (actor, statement, outcome, description);
select is(
  (select state || ':' || tests.name(invited_by) from public.item_organisations where item_id = tests.uid('item_alpha_network') and organisation_id = tests.uid('test-gamma')),
  'invited:alpha_editor',
  'the attachment is an invitation recorded as sent by the editor');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$insert into public.item_organisations (item_id, organisation_id, role) values (tests.uid('item_alpha_network'), tests.uid('test-gamma'), 'co_lead')$$,
   '23505: duplicate key value violates unique constraint "item_organisations_item_organisation_key"', 'an organisation is attached once per item'),
  -- answering ---------------------------------------------------------------------
  ('gamma_member', $$update public.item_organisations set state = 'accepted' where organisation_id = tests.uid('test-gamma')$$,
   '0 rows', 'a plain member cannot answer in their organisation''s name'),
  ('beta_admin', $$update public.item_organisations set state = 'accepted' where organisation_id = tests.uid('test-gamma')$$,
   '0 rows', 'a partner cannot accept an attachment for another organisation'),
  ('alpha_admin', $$update public.item_organisations set state = 'accepted' where organisation_id = tests.uid('test-gamma')$$,
   '0 rows', 'the owner''s admin cannot accept on behalf of the invited organisation'),
  ('alpha_admin', $$update public.item_organisations set state = 'declined' where item_id = tests.uid('item_alpha_public') and organisation_id = tests.uid('test-alpha')$$,
   '42501: the owner''s attachment cannot change', 'the owner''s attachment is fixed'),
  ('gamma_admin', $$update public.item_organisations set role = 'co_lead' where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-gamma')$$,
   '42501: only the answer (state) of an attachment can change', 'an invited organisation cannot upgrade its role'),
  ('gamma_admin', $$update public.item_organisations set state = 'accepted'
  where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-gamma')$$,
   '1 row', 'the invited organisation''s admin accepts')
) as attempt (actor, statement, outcome, description);
select is(
  (select tests.name(responded_by) from public.item_organisations where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-gamma')),
  'gamma_admin',
  'the answer records who gave it');
select throws_ok(
  $$update public.item_organisations set state = 'invited' where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-gamma')$$,
  '42501', 'an answered attachment cannot go back to invited', 'an answer cannot be turned back into a pending invitation');

select tests.authenticate_as('gamma_member');
select ok('item_alpha_participants' = any (tests.visible_items()), 'once accepted, the organisation''s members read the participants item');

select tests.authenticate_as('beta_admin');
with u as (
  update public.item_organisations set state = 'declined'
  where item_id = tests.uid('item_alpha_draft') and organisation_id = tests.uid('test-beta') returning 1
)
select is(count(*)::int, 1, 'a co-lead''s admin withdraws (declines) its attachment') from u;
select tests.authenticate_as('beta_editor');
select ok(not ('item_alpha_draft' = any (tests.visible_items())), 'after withdrawing, the co-lead''s editors no longer read the draft');

-- detaching ---------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('beta_editor', $$delete from public.item_organisations where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-beta')$$,
   '0 rows', 'an attached organisation cannot delete its attachment (it declines)'),
  ('alpha_member', $$delete from public.item_organisations where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-beta')$$,
   '0 rows', 'a member of the owner cannot detach organisations'),
  ('alpha_editor', $$delete from public.item_organisations where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-alpha')$$,
   '0 rows', 'the owner row cannot be deleted'),
  ('alpha_editor', $$delete from public.item_organisations where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-beta')$$,
   '1 row', 'the owner''s editor detaches an organisation')
) as attempt (actor, statement, outcome, description);

select tests.authenticate_as('beta_member');
select ok(not ('item_alpha_participants' = any (tests.visible_items())), 'a detached organisation''s members lose the participants item');

select * from finish();
rollback;
