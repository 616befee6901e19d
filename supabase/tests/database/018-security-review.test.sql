-- Issue 11 (outside security review), the database findings 2, 3, 6, 7, 8 and 9 and the
-- same class of mistake elsewhere. One section per actor; each test failed before the
-- fixes (now in the migrations of the tables they guard). The race of finding 6 (two admins
-- demoting each other at once) needs two connections: tests/api/security-review.test.ts.
begin;
\ir _helpers.psql
select plan(44);

-- Fixture ---------------------------------------------------------------------------
-- test-new: an organisation a coordinator just created, no admin yet.
insert into public.organisations (id, slug, name, kind, status, is_coordinating, country, description, original_locale, languages)
values (tests.uid('test-new'), 'test-new', 'Test New', 'partner', 'pending', false, 'BE', '{}', 'fr', '{fr}');

-- pa_draft: a draft paper of alpha; beta takes part (accepted participant), gamma is asked
-- to co-sign (signatory invited).
select tests.create_item('pa_draft', 'paper', 'draft', 'participants') \g /dev/null
select tests.create_item('pa_signed', 'paper', 'published', 'public') \g /dev/null
select tests.create_item('pa_signed_draft', 'paper', 'draft', 'network') \g /dev/null
select tests.create_item('pa_unsigned_draft', 'paper', 'draft', 'network') \g /dev/null
select tests.create_item('ev_registered', 'event', 'published', 'network') \g /dev/null
select tests.create_item('ev_registered_draft', 'event', 'draft', 'network') \g /dev/null
insert into public.item_organisations (item_id, organisation_id, role, state)
values
  (tests.uid('pa_draft'), tests.uid('test-beta'), 'participant', 'accepted'),
  (tests.uid('pa_draft'), tests.uid('test-gamma'), 'signatory', 'invited'),
  (tests.uid('pa_signed'), tests.uid('test-gamma'), 'signatory', 'accepted'),
  (tests.uid('pa_signed_draft'), tests.uid('test-gamma'), 'signatory', 'accepted'),
  (tests.uid('item_alpha_archived'), tests.uid('test-gamma'), 'participant', 'invited');
insert into public.papers (id, original_locale)
select tests.uid(n), 'fr' from unnest(array['pa_draft', 'pa_signed', 'pa_signed_draft', 'pa_unsigned_draft']) as n;
insert into public.paper_translations (paper_id, locale, title)
values (tests.uid('pa_draft'), 'fr', 'Projet de rapport alternatif');
insert into public.paper_versions (id, paper_id)
select tests.uid(n || '_v1'), tests.uid(n) from unnest(array['pa_draft', 'pa_signed', 'pa_signed_draft']) as n;
insert into public.paper_signatures (paper_id, version_id, organisation_id, state, decided_by, decided_at)
select tests.uid(n), tests.uid(n || '_v1'), tests.uid('test-gamma'), 'signed', tests.uid('gamma_admin'), now()
from unnest(array['pa_signed', 'pa_signed_draft']) as n;
insert into public.events (id, original_locale, starts_at, ends_at)
select tests.uid(n), 'fr', now() + interval '10 days', now() + interval '10 days 3 hours'
from unnest(array['ev_registered', 'ev_registered_draft']) as n;
insert into public.event_registrations (event_id, user_id, status)
values
  (tests.uid('ev_registered'), tests.uid('gamma_member'), 'confirmed'),
  (tests.uid('ev_registered_draft'), tests.uid('gamma_member'), 'cancelled');
insert into public.joint_actions (id, original_locale, areas)
values (tests.uid('item_alpha_archived'), 'fr', '{lobbying_advocacy}');

insert into tests.names (id, name)
select tests.uid(n), n
from unnest(array['test-new', 'pa_draft', 'pa_signed', 'pa_signed_draft', 'pa_unsigned_draft',
                  'ev_registered', 'ev_registered_draft']) as n;

create function tests.admins_of(org text)
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(n.name order by n.name), '{}')
  from public.memberships m join tests.names n on n.id = m.user_id
  where m.organisation_id = tests.uid(org) and m.role = 'admin'
$$;
grant execute on function tests.admins_of(text) to public;

-- The statement inviting `email` to fixture organisation `org` as `role` (a token of its own).
create function tests.invitation(org text, email text, role text)
returns text language sql immutable set search_path = '' as $$
  select format($f$insert into public.invitations (organisation_id, email, role, token_hash)
    values (tests.uid(%L), %L, %L, encode(extensions.digest(%L, 'sha256'), 'hex'))$f$,
    org, email, role, concat_ws(' ', org, email, role))
$$;
grant execute on function tests.invitation(text, text, text) to public;

-- Coordinator (finding 2: a coordinator made herself admin of any organisation) ---------
-- and the admin, who may invite others but not herself either.

select tests.check_as(actor, tests.invitation(org, email, role),
                      '42501: you cannot invite yourself: another admin of the organisation invites you', description)
from (values
  ('coordinator', 'test-alpha', 'coordinator@test.demo', 'admin', 'coordinator: cannot invite her own address to an organisation that has an admin'),
  ('coordinator', 'test-new', 'coordinator@test.demo', 'admin', 'coordinator: cannot invite her own address even to an organisation without an admin'),
  ('alpha_admin', 'test-alpha', 'alpha_admin@test.demo', 'admin', 'admin: cannot invite her own address either')
) as invitation (actor, org, email, role, description);
-- The coordinator's invitations are for the first admin of an organisation without one
-- (test-pending's only member is its admin: found by npm run test:mutations).
select tests.check_as('coordinator', tests.invitation(org, email, role),
  '42501: coordinators only invite the first admin of an organisation that has none; its admins invite everyone else',
  description)
from (values
  ('test-alpha', 'friend@example.org', 'admin', 'coordinator: cannot invite anyone to an organisation that already has an admin'),
  ('test-new', 'first@example.org', 'member', 'coordinator: invites to an organisation without an admin are for its first admin'),
  ('test-pending', 'first-admin@test.demo', 'admin', 'coordinator: an organisation whose only member is its admin already has one (no invitation)')
) as invitation (org, email, role, description);
select tests.check_as(actor, tests.invitation(org, email, role), 'ok', description)
from (values
  ('coordinator', 'test-new', 'first@example.org', 'admin', 'coordinator: invites the first admin of a new organisation'),
  ('alpha_admin', 'test-alpha', 'colleague@example.org', 'editor', 'admin: still invites others to her organisation')
) as invitation (actor, org, email, role, description);
select tests.check_as('coordinator', statement, outcome, description)
from (values
  ($$update public.invitations set role = 'member' where email = 'first@example.org'$$,
   '42501: coordinators only invite the first admin of an organisation that has none; its admins invite everyone else',
   'coordinator: cannot turn the first admin''s invitation into a plain member''s'),
  ($$insert into public.memberships (user_id, organisation_id, role) values (tests.uid('coordinator'), tests.uid('test-new'), 'admin')$$,
   '42501: you cannot give yourself a membership; accept an invitation instead',
   'coordinator: cannot give herself a membership of an organisation without an admin')
) as attempt (statement, outcome, description);

-- Re-sending another organisation's open invitation as admin: nothing to update.
select tests.authenticate_as('coordinator');
update public.invitations set role = 'admin' where id = tests.uid('invitation_invitee');
select is((select count(*)::int from public.invitations where id = tests.uid('invitation_invitee') and role = 'admin'), 0,
  'coordinator: cannot raise the role of an invitation of an organisation that has an admin');
select tests.clear_authentication();
select is(tests.admins_of('test-alpha'), array['alpha_admin'], 'coordinator: test-alpha''s admins are unchanged');
select is((select count(*)::int from public.invitations where email = 'coordinator@test.demo'), 0,
  'coordinator: no invitation addressed to herself exists');

-- Members of a participant organisation (finding 3: they read paper drafts) --------------

select tests.authenticate_as('beta_member');
select ok(not ('pa_draft' = any (tests.visible_items())),
  'participant member: does not read a draft paper her organisation takes part in');
select is((select count(*)::int from public.paper_versions where paper_id = tests.uid('pa_draft')), 0,
  'participant member: reads none of its versions');
select is((select count(*)::int from public.paper_translations where paper_id = tests.uid('pa_draft')), 0,
  'participant member: reads none of its texts');
select tests.authenticate_as('beta_admin');
select ok(not ('pa_draft' = any (tests.visible_items())),
  'participant admin: does not read it either (not a lead, not a signatory)');
select tests.clear_authentication();
select ok(not exists (select 1 from private.readable_item_ids_for(tests.uid('beta_member')) r where r = tests.uid('pa_draft')),
  'participant member: readable_item_ids_for (calendar feed, registrations) agrees');

-- Members of an organisation asked to co-sign still read the draft they sign.
select tests.authenticate_as('gamma_member');
select ok('pa_draft' = any (tests.visible_items()), 'signatory member: reads the draft her organisation is asked to sign');
select is((select count(*)::int from public.paper_versions where paper_id = tests.uid('pa_draft')), 1,
  'signatory member: reads its versions');
select tests.clear_authentication();
select ok(exists (select 1 from private.readable_item_ids_for(tests.uid('gamma_member')) r where r = tests.uid('pa_draft')),
  'signatory member: readable_item_ids_for agrees');

-- Lead editors (finding 7: published_at written by callers) ------------------------------

select tests.check_as(actor, statement, '42501: published_at is set by the database when an item is first published',
                      description)
from (values
  ('alpha_editor', $$update public.items set published_at = '2099-01-01' where id = tests.uid('item_alpha_public')$$,
   'owner editor: cannot move a published item''s date'),
  ('alpha_editor', $$insert into public.items (kind, owner_organisation_id, status, visibility, created_by, published_at)
    values ('joint_action', tests.uid('test-alpha'), 'published', 'public', tests.uid('alpha_editor'), '2099-01-01')$$,
   'owner editor: cannot create an item with a date of her choice'),
  ('beta_editor', $$update public.items set published_at = '2099-01-01' where id = tests.uid('item_alpha_draft')$$,
   'co-lead editor: cannot date the owner''s draft')
) as attempt (actor, statement, description);
select tests.authenticate_as('alpha_editor');
update public.items set status = 'published' where id = tests.uid('item_alpha_draft');
select tests.clear_authentication();
select ok((select published_at between now() - interval '1 minute' and now() from public.items where id = tests.uid('item_alpha_draft')),
  'owner editor: publishing still dates the item (now)');

-- Same class: dates and authors the database keeps.
select tests.authenticate_as('alpha_editor');
insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by, created_at, updated_at)
values (tests.uid('item_backdated'), 'joint_action', tests.uid('test-alpha'), 'draft', 'network', tests.uid('alpha_editor'),
        '2000-01-01', '2000-01-01');
insert into public.item_organisations (id, item_id, organisation_id, role, created_at, updated_at)
values (tests.uid('attachment_backdated'), tests.uid('item_backdated'), tests.uid('test-gamma'), 'participant', '2000-01-01', '2000-01-01');
select tests.authenticate_as('alpha_admin');
insert into public.invitations (id, organisation_id, email, role, token_hash, created_at, updated_at)
values (tests.uid('invitation_backdated'), tests.uid('test-alpha'), 'old@example.org', 'member', repeat('1', 64), '2000-01-01', '2000-01-01');
insert into public.memberships (id, user_id, organisation_id, role, created_at, updated_at)
values (tests.uid('membership_backdated'), tests.uid('outsider'), tests.uid('test-alpha'), 'member', '2000-01-01', '2000-01-01');
update public.memberships set created_at = '2000-01-01' where user_id = tests.uid('alpha_member') and organisation_id = tests.uid('test-alpha');
select tests.authenticate_as('coordinator');
insert into public.organisations (id, slug, name, kind, country, created_at, updated_at)
values (tests.uid('test-backdated'), 'test-backdated', 'Test Backdated', 'partner', 'BE', '2000-01-01', '2000-01-01');
select tests.authenticate_as('alpha_member');
update public.profiles set created_at = '2000-01-01' where id = tests.uid('alpha_member');
select tests.clear_authentication();
select is(
  array[
    (select created_at > now() - interval '1 minute' and updated_at > now() - interval '1 minute' from public.items where id = tests.uid('item_backdated')),
    (select created_at > now() - interval '1 minute' and updated_at > now() - interval '1 minute' from public.item_organisations where id = tests.uid('attachment_backdated')),
    (select created_at > now() - interval '1 minute' and updated_at > now() - interval '1 minute' from public.invitations where id = tests.uid('invitation_backdated')),
    (select created_at > now() - interval '1 minute' and updated_at > now() - interval '1 minute' from public.memberships where id = tests.uid('membership_backdated')),
    (select created_at > now() - interval '1 minute' and updated_at > now() - interval '1 minute' from public.organisations where id = tests.uid('test-backdated'))
  ],
  array[true, true, true, true, true],
  'callers cannot backdate items, attachments, invitations, memberships or organisations they create');
select is(
  array[
    (select created_at > '2000-01-02' from public.memberships where user_id = tests.uid('alpha_member') and organisation_id = tests.uid('test-alpha')),
    (select created_at > '2000-01-02' from public.profiles where id = tests.uid('alpha_member'))
  ],
  array[true, true],
  'callers cannot rewrite the creation date of a membership or a profile');

-- Owner editors of an archived item (finding 8: attaching to a read-only item) ------------

-- An organiser does not decide on registrations of an archived event either.
select tests.create_item('ev_archived', 'event', 'archived', 'network') \g /dev/null
insert into public.events (id, original_locale, starts_at, ends_at, registration_mode)
values (tests.uid('ev_archived'), 'fr', now() + interval '10 days', now() + interval '10 days 3 hours', 'approval');
insert into public.event_registrations (id, event_id, user_id, status)
values (tests.uid('registration_archived'), tests.uid('ev_archived'), tests.uid('gamma_member'), 'pending');

select tests.authenticate_as('alpha_editor');
delete from public.item_organisations
where item_id = tests.uid('item_alpha_archived') and organisation_id = tests.uid('test-gamma');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$insert into public.item_organisations (item_id, organisation_id, role)
    values (tests.uid('item_alpha_archived'), tests.uid('test-beta'), 'participant')$$,
   '42501: an archived item is read-only; restore it first',
   'owner editor: cannot attach an organisation to an archived item'),
  -- The invited organisation's admin cannot answer an invitation to an archived item.
  ('gamma_admin', $$update public.item_organisations set state = 'accepted'
    where item_id = tests.uid('item_alpha_archived') and organisation_id = tests.uid('test-gamma')$$,
   '42501: an archived item is read-only; restore it first',
   'invited admin: cannot accept an invitation to an archived item (and so change who reads it)'),
  -- Same class: the timeline of an archived action takes no post (already refused; kept as proof).
  ('alpha_editor', $$insert into public.joint_action_updates (action_id, organisation_id, locale, body)
    values (tests.uid('item_alpha_archived'), tests.uid('test-alpha'), 'fr', 'Encore un mot')$$,
   '42501: new row violates row-level security policy for table "joint_action_updates"',
   'owner editor: cannot post on the timeline of an archived action'),
  ('alpha_editor', $$insert into public.joint_action_translations (action_id, locale, title) values (tests.uid('item_alpha_archived'), 'nl', 'Archief')$$,
   '42501: new row violates row-level security policy for table "joint_action_translations"',
   'owner editor: cannot add a translation to an archived action'),
  ('alpha_editor', $$select public.decide_event_registration(tests.uid('registration_archived'), true)$$,
   '42501: an archived item is read-only; restore it first',
   'organiser: cannot approve a registration of an archived event')
) as attempt (actor, statement, outcome, description);
select tests.clear_authentication();
select is((select count(*)::int from public.item_organisations
           where item_id = tests.uid('item_alpha_archived') and organisation_id = tests.uid('test-gamma')), 1,
  'owner editor: cannot detach an organisation from an archived item');

-- Owner editors of signed papers and of events with registrations (finding 9) -------------

-- Each guard, both ways: a published item does not go back to draft, a draft is not deleted.
select tests.check_as('alpha_editor', attempt.statement, attempt.outcome, attempt.description)
from (values
  ('pa_signed', 'pa_signed_draft', 'PA009: organisations have signed this paper', 'archive it instead',
   'owner editor: a published paper others signed does not go back to draft',
   'owner editor: a draft paper others signed cannot be deleted (the record of the signatures)'),
  ('ev_registered', 'ev_registered_draft', 'EV008: people registered for this event', 'cancel it instead',
   'owner editor: a published event with registrations does not go back to draft',
   'owner editor: an event with registrations (even cancelled ones) cannot be deleted')
) as guarded (published, draft, refusal, instead, unpublishing, deleting)
cross join lateral (values
  (format($$update public.items set status = 'draft' where id = tests.uid(%L)$$, guarded.published),
   format('%s: it cannot go back to draft (%s)', guarded.refusal, guarded.instead), guarded.unpublishing),
  (format($$delete from public.items where id = tests.uid(%L)$$, guarded.draft),
   format('%s: it cannot be deleted (%s)', guarded.refusal, guarded.instead), guarded.deleting)
) as attempt (statement, outcome, description);
select tests.check_as('alpha_editor', statement, 'ok', description)
from (values
  ($$delete from public.items where id = tests.uid('pa_unsigned_draft')$$,
   'owner editor: a draft paper nobody signed can still be deleted'),
  ($$update public.items set status = 'archived' where id = tests.uid('pa_signed')$$,
   'owner editor: a signed paper can still be archived')
) as attempt (statement, description);
select tests.clear_authentication();
select is((select count(*)::int from public.paper_signatures where paper_id in (tests.uid('pa_signed'), tests.uid('pa_signed_draft'))), 2,
  'owner editor: the signatures are still there');
select is((select count(*)::int from public.event_registrations where event_id in (tests.uid('ev_registered'), tests.uid('ev_registered_draft'))), 2,
  'owner editor: the registrations are still there');

-- Admins (finding 6, sequential side: the guard still refuses removing the last admin) -----
-- and only a coordinator invites the first admin of an organisation without one.

select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_admin', $$update public.memberships set role = 'member' where user_id = tests.uid('alpha_admin') and organisation_id = tests.uid('test-alpha')$$,
   '23514: an organisation must keep at least one admin', 'admin: the last admin cannot demote herself'),
  ('alpha_admin', $$delete from public.memberships where user_id = tests.uid('alpha_admin') and organisation_id = tests.uid('test-alpha')$$,
   '23514: an organisation must keep at least one admin', 'admin: the last admin cannot leave'),
  ('outsider', tests.invitation('test-new', 'first-admin@test.demo', 'admin'),
   '42501: new row violates row-level security policy for table "invitations"',
   'outsider: only a coordinator invites the first admin of an organisation without one')
) as attempt (actor, statement, outcome, description);
select tests.clear_authentication();

select * from finish();
rollback;
