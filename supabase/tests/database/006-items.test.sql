-- items (the access record of joint actions, events and papers): who reads which
-- status/visibility, who creates, updates, publishes and deletes.
begin;
\ir _helpers.psql
select plan(47);

create function tests.editable_items()
returns text[]
language sql
stable
set search_path = ''
as $$
  select coalesce(array_agg(tests.name(x) order by tests.name(x)), '{}') from private.editable_item_ids() as x
$$;
grant execute on function tests.editable_items() to public;
insert into tests.names (id, name) values (tests.uid('item_new'), 'item_new'), (tests.uid('item_smuggled'), 'item_smuggled');

-- reading: every actor -----------------------------------------------------------
select is(tests.read_as(actor, 'tests.visible_items()'), expected, description)
from (values
  (null, array['item_alpha_archived', 'item_alpha_public'],
   'anonymous visitors read published and archived public items only'),
  ('outsider', array['item_alpha_archived', 'item_alpha_public'],
   'a person without membership reads public items only (no network, no drafts)'),
  ('alpha_member', array['item_alpha_archived', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public'],
   'a member reads public, network and their organisation''s participants items, not its drafts'),
  ('alpha_editor', array['item_alpha_archived', 'item_alpha_draft', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public'],
   'an editor of the owner also reads its drafts'),
  ('alpha_admin', array['item_alpha_archived', 'item_alpha_draft', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public'],
   'an admin of the owner reads its drafts'),
  ('beta_editor', array['item_alpha_archived', 'item_alpha_draft', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public', 'item_beta_signatures'],
   'an editor of an accepted co-lead organisation reads the draft; an accepted participant reads participants items'),
  ('beta_member', array['item_alpha_archived', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public', 'item_beta_signatures'],
   'a plain member of a co-lead organisation does not read drafts'),
  ('gamma_admin', array['item_alpha_archived', 'item_alpha_network', 'item_alpha_public', 'item_beta_signatures'],
   'an organisation invited (not yet accepted) as co-lead or participant reads neither the draft nor the participants item; an invited co-signatory reads the paper'),
  ('gamma_member', array['item_alpha_archived', 'item_alpha_network', 'item_alpha_public', 'item_beta_signatures'],
   'members of an invited co-signatory organisation read the paper to sign'),
  ('frozen_member', array['item_alpha_archived', 'item_alpha_public'],
   'a member of a suspended organisation loses network and participants items (even accepted attachments)'),
  ('frozen_admin', array['item_alpha_archived', 'item_alpha_public'],
   'an admin of a suspended organisation loses them too'),
  ('pending_admin', array['item_alpha_archived', 'item_alpha_public'],
   'the admin of a pending organisation is not yet in the network'),
  ('coordinator', array['item_alpha_archived', 'item_alpha_network', 'item_alpha_public'],
   'a coordinator reads network items but not other organisations'' drafts or participants items')
) as reading (actor, expected, description);

-- network visibility follows the reader's organisation status -----------------
select tests.clear_authentication();
update public.organisations set status = 'suspended' where id = tests.uid('test-beta');
select tests.authenticate_as('beta_member');
select is(tests.visible_items(), array['item_alpha_archived', 'item_alpha_public'],
  'once their organisation is suspended, its members lose network, participants and owned items');
select tests.clear_authentication();
update public.organisations set status = 'active' where id = tests.uid('test-beta');

-- creating ----------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$insert into public.items (kind, owner_organisation_id) values ('event', tests.uid('test-alpha'))$$,
   '42501: permission denied for table items', 'anonymous visitors cannot create items'),
  ('alpha_member', $$insert into public.items (kind, owner_organisation_id) values ('event', tests.uid('test-alpha'))$$,
   '42501: new row violates row-level security policy for table "items"', 'a member cannot create items'),
  ('alpha_editor', $$insert into public.items (id, kind, owner_organisation_id) values (tests.uid('item_new'), 'event', tests.uid('test-alpha'))$$,
   'ok', 'an editor creates an item for their organisation')
) as attempt (actor, statement, outcome, description);
select is(
  (select array_agg(role || ':' || state || ':' || tests.name(organisation_id)) from public.item_organisations where item_id = tests.uid('item_new')),
  array['owner:accepted:test-alpha'],
  'the owner attachment is created, accepted');
select is(
  (select status || ':' || visibility || ':' || tests.name(created_by) from public.items where id = tests.uid('item_new')),
  'draft:network:alpha_editor',
  'a new item is a network draft created by the editor');
select lives_ok(
  $$insert into public.items (id, kind, owner_organisation_id, participant_organisation_ids, lead_organisation_ids)
    values (tests.uid('item_smuggled'), 'event', tests.uid('test-alpha'), array[tests.uid('test-gamma')], array[tests.uid('test-gamma')])$$,
  'an editor may send the access arrays on insert, but…');
select is(
  (select tests.name(lead_organisation_ids[1]) || ' ' || cardinality(lead_organisation_ids) || ' ' || cardinality(participant_organisation_ids)
   from public.items where id = tests.uid('item_smuggled')),
  'test-alpha 1 1',
  '…they are reset to the owner: nobody grants access by writing the arrays');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$update public.items set participant_organisation_ids = participant_organisation_ids || tests.uid('test-gamma') where id = tests.uid('item_alpha_participants')$$,
   '42501: an item''s organisation lists follow its attachments; attach or detach organisations instead', 'an editor cannot grant an organisation access by editing the access arrays'),
  ('alpha_editor', $$insert into public.items (kind, owner_organisation_id) values ('event', tests.uid('test-beta'))$$,
   '42501: new row violates row-level security policy for table "items"', 'an editor cannot publish in another organisation''s name'),
  ('alpha_editor', $$insert into public.items (kind, owner_organisation_id, created_by) values ('event', tests.uid('test-alpha'), tests.uid('alpha_admin'))$$,
   '42501: new row violates row-level security policy for table "items"', 'an editor cannot create an item in someone else''s name'),
  ('frozen_admin', $$insert into public.items (kind, owner_organisation_id) values ('event', tests.uid('test-frozen'))$$,
   '42501: new row violates row-level security policy for table "items"', 'a suspended organisation''s admin cannot create items'),
  ('coordinator', $$insert into public.items (kind, owner_organisation_id) values ('event', tests.uid('test-alpha'))$$,
   '42501: new row violates row-level security policy for table "items"', 'a coordinator cannot create items for another organisation'),
  -- updating ----------------------------------------------------------------------
  (null, $$update public.items set status = 'published'$$,
   '42501: permission denied for table items', 'anonymous visitors cannot update items'),
  ('alpha_member', $$update public.items set status = 'published' where id = tests.uid('item_alpha_draft')$$,
   '0 rows', 'a member cannot publish their organisation''s draft'),
  ('outsider', $$update public.items set visibility = 'participants' where id = tests.uid('item_alpha_public')$$,
   '0 rows', 'a person without membership cannot update a public item'),
  ('gamma_admin', $$update public.items set updated_at = now() where id = tests.uid('item_alpha_draft')$$,
   '0 rows', 'an invited (not accepted) co-lead cannot update the item'),
  ('beta_editor', $$update public.items set updated_at = now() where id = tests.uid('item_alpha_draft')$$,
   '1 row', 'an editor of an accepted co-lead organisation may update the item'),
  ('beta_editor', $$update public.items set status = 'published' where id = tests.uid('item_alpha_draft')$$,
   '42501: only editors of the owner organisation can publish, archive or change visibility', 'a co-lead cannot publish in the owner''s name'),
  ('beta_editor', $$update public.items set visibility = 'public' where id = tests.uid('item_alpha_draft')$$,
   '42501: only editors of the owner organisation can publish, archive or change visibility', 'a co-lead cannot change visibility')
) as attempt (actor, statement, outcome, description);
select is(tests.editable_items(), array['item_alpha_draft', 'item_beta_signatures'],
  'content tables'' update rule: a co-lead editor edits the draft it co-leads and its own items');

select tests.authenticate_as('alpha_editor');
select is(tests.editable_items(),
  array['item_alpha_draft', 'item_alpha_network', 'item_alpha_participants', 'item_alpha_public', 'item_new', 'item_smuggled'],
  'content tables'' update rule: the owner''s editor edits every non-archived item of the owner');
with u as (update public.items set status = 'published' where id = tests.uid('item_alpha_draft') returning 1)
select is(count(*)::int, 1, 'an owner editor publishes a draft') from u;
select isnt(
  (select published_at from public.items where id = tests.uid('item_alpha_draft')), null,
  'publishing stamps published_at');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$update public.items set owner_organisation_id = tests.uid('test-beta') where id = tests.uid('item_alpha_public')$$,
   '42501: an item''s owner organisation, kind and author cannot change', 'nobody changes an item''s owner organisation'),
  ('alpha_editor', $$update public.items set visibility = 'network' where id = tests.uid('item_alpha_archived')$$,
   '42501: an archived item is read-only; restore it first', 'an archived item is read-only'),
  ('alpha_editor', $$update public.items set status = 'published' where id = tests.uid('item_alpha_archived')$$,
   '1 row', 'the owner''s editor restores an archived item'),
  ('beta_admin', $$update public.items set status = 'archived' where id = tests.uid('item_alpha_public')$$,
   '0 rows', 'the admin of an organisation not leading the item cannot archive it'),
  -- deleting ----------------------------------------------------------------------
  ('beta_editor', $$delete from public.items where id = tests.uid('item_new')$$,
   '0 rows', 'a co-lead cannot delete the owner''s item'),
  ('alpha_member', $$delete from public.items where id = tests.uid('item_new')$$,
   '0 rows', 'a member cannot delete a draft'),
  ('alpha_editor', $$delete from public.items where id = tests.uid('item_alpha_public')$$,
   '0 rows', 'a published item cannot be deleted (archive it instead)'),
  ('alpha_editor', $$delete from public.items where id = tests.uid('item_new')$$,
   '1 row', 'an owner editor deletes a draft'),
  ('coordinator', $$delete from public.items$$,
   '0 rows', 'a coordinator deletes nothing')
) as attempt (actor, statement, outcome, description);

-- what really happened --------------------------------------------------------
select tests.clear_authentication();
select is(
  (select array_agg(tests.name(id) || ':' || status || ':' || visibility order by tests.name(id))
   from public.items where id in (select id from tests.names)),
  array['item_alpha_archived:published:public', 'item_alpha_draft:published:network', 'item_alpha_network:published:network',
        'item_alpha_participants:published:participants', 'item_alpha_public:published:public', 'item_beta_signatures:published:participants',
        'item_smuggled:draft:network'],
  'only the owner''s editors changed status, nothing else changed');

select * from finish();
rollback;
