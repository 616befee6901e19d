-- Access rules that no other file proved: each block names the mutation of
-- `npm run test:mutations` (scripts/test-mutations.mjs) that passed every test before it.
--
-- A recurring shape: an UPDATE without WHERE or RETURNING reads no column, so Postgres
-- applies only the UPDATE policy's `using` to it, not the SELECT policies. With a WHERE
-- clause the SELECT policy hides the other rows first and a loosened `using` goes unseen.
begin;
\ir _helpers.psql
select plan(56);

-- Fixture: two published events of test-alpha (one with an online link) and one of
-- test-beta without a link; calendar tokens of two people.
select tests.create_item('gap_ev_public', 'event', 'published', 'public') \g /dev/null
select tests.create_item('gap_ev_network', 'event', 'published', 'network') \g /dev/null
select tests.create_item('gap_ev_beta', 'event', 'published', 'network', 'test-beta', 'beta_editor') \g /dev/null
insert into public.events (id, original_locale, starts_at, ends_at, registration_mode, is_online)
select tests.uid(n), 'fr', now() + interval '10 days', now() + interval '10 days 3 hours', 'open', true
from unnest(array['gap_ev_public', 'gap_ev_network', 'gap_ev_beta']) as n;
insert into public.event_translations (event_id, locale, title)
values
  (tests.uid('gap_ev_public'), 'fr', 'Formation publique'),
  (tests.uid('gap_ev_network'), 'fr', 'Webinaire du réseau'),
  (tests.uid('gap_ev_beta'), 'fr', 'Journée du réseau');
insert into public.event_online_links (event_id, url)
values (tests.uid('gap_ev_network'), 'https://meet.example.org/network');
insert into public.calendar_tokens (user_id, token_hash)
select tests.uid(n), encode(extensions.digest('cal-' || n, 'sha256'), 'hex')
from unnest(array['alpha_member', 'beta_member']) as n;

-- calendar_tokens -------------------------------------------------------------------------
-- policy "People renew or revoke their own calendar token": using (true)
select tests.authenticate_as('beta_member');
select lives_ok($$update public.calendar_tokens set revoked_at = now()$$,
  'revoking "all my tokens" touches no one else''s…');
select tests.clear_authentication();
select is(
  -- revoked_at = now(): revoked by this transaction (tokens revoked earlier, by the e2e run's
  -- account-feed test for instance, are not this statement's doing).
  (select array_agg(tests.name(user_id) order by tests.name(user_id)) from public.calendar_tokens where revoked_at = now()),
  array['beta_member'], '…only the person''s own token is revoked');
-- guard_calendar_token_change, raise#1 (the policy's with check is behind this trigger)
select tests.authenticate_as('beta_member');
select throws_ok(
  $$update public.calendar_tokens set user_id = tests.uid('alpha_member') where user_id = tests.uid('beta_member')$$,
  '42501', 'a calendar token belongs to its person', 'a person cannot hand their token to someone else');

-- event_online_links ----------------------------------------------------------------------
-- policy "Lead editors change the online link of their events": with check (true). (With a
-- WHERE clause the SELECT policy refuses the new row too, and hides the loosened check.)
select tests.authenticate_as('alpha_editor');
select throws_ok(
  $$update public.event_online_links set event_id = tests.uid('gap_ev_beta')$$,
  '42501', 'new row violates row-level security policy for table "event_online_links"',
  'an owner editor cannot move an online link to another organisation''s event');
select tests.clear_authentication();
select is(
  (select array_agg(event_id) from public.event_online_links
   where event_id in (tests.uid('gap_ev_network'), tests.uid('gap_ev_beta'))),
  array[tests.uid('gap_ev_network')],
  'the link stays on its event');

-- event_translations ----------------------------------------------------------------------
-- policy "Lead editors edit the texts of their events": using (true)
select tests.authenticate_as('beta_editor');
select lives_ok($$update public.event_translations set title = 'Changed by beta'$$,
  'an editor of another organisation "editing every text"…');
select tests.clear_authentication();
select is(
  (select array_agg(title order by title) from public.event_translations where title = 'Changed by beta'),
  array['Changed by beta'], '…changes only the texts of its own organisation''s event');
select is((select title from public.event_translations where event_id = tests.uid('gap_ev_public')),
  'Formation publique', 'the public event''s text of test-alpha is untouched');

-- events_guard_change ---------------------------------------------------------------------
-- private.guard_event_change, raise#4, #5, #7 and #9
select tests.authenticate_as('alpha_editor');
select tests.create_item('gap_ev_new', 'event', 'draft', 'network') \g /dev/null
select throws_ok(
  $$insert into public.events (id, original_locale, starts_at, ends_at, cancelled_at)
    values (tests.uid('gap_ev_new'), 'fr', now() + interval '10 days', now() + interval '10 days 1 hour', now())$$,
  '23514', 'an event cannot be created cancelled', 'an editor cannot create an event already cancelled');
select throws_ok(
  $$update public.events set created_at = now() - interval '1 year' where id = tests.uid('gap_ev_public')$$,
  '42501', 'an event''s id and creation date cannot change', 'an editor cannot backdate an event');
select throws_ok(
  $$update public.events set original_locale = 'de' where id = tests.uid('gap_ev_public')$$,
  '23514', 'the original language can only change to a language the event already has a text in (add the de text first)',
  'the original language of an event moves only to a language it has a text in');
-- Not even a trusted path (secret key, migration) takes the revision back.
select tests.clear_authentication();
select throws_ok(
  $$update public.events set original_revision = 0 where id = tests.uid('gap_ev_public')$$,
  '23514', 'original_revision never goes back', 'an event''s original revision never goes back');

-- event registrations ------------------------------------------------------------------------
-- private.decide_event_registration, raise#2: a cancelled event's registrations stay as
-- they were (its registrants were told it is cancelled; no approval email may follow).
select tests.clear_authentication();
select tests.create_item('gap_ev_cancelled', 'event', 'published', 'network') \g /dev/null
insert into public.events (id, original_locale, starts_at, ends_at, registration_mode)
values (tests.uid('gap_ev_cancelled'), 'fr', now() + interval '10 days', now() + interval '10 days 3 hours', 'approval');
insert into public.event_translations (event_id, locale, title)
values (tests.uid('gap_ev_cancelled'), 'fr', 'Journée annulée');
insert into public.event_registrations (id, event_id, user_id, status)
values (tests.uid('gap_reg_pending'), tests.uid('gap_ev_cancelled'), tests.uid('beta_member'), 'pending');
update public.events set cancelled_at = now() where id = tests.uid('gap_ev_cancelled');
select tests.authenticate_as('alpha_editor');
select throws_ok($$select public.decide_event_registration(tests.uid('gap_reg_pending'), true)$$,
  'EV004', 'this event is cancelled', 'an organiser cannot approve a registration of a cancelled event…');
select tests.clear_authentication();
select is((select status::text from public.event_registrations where id = tests.uid('gap_reg_pending')),
  'pending', '…which stays pending');

-- private.event_registration_counts, skip-return#1: no counts for an event one cannot read
-- (The public wrapper also filters through the events' RLS; the helper itself must refuse
-- too, since authenticated may execute it for the policies.)
select tests.authenticate_as('outsider');
select is_empty($$select * from public.event_registration_counts(tests.uid('gap_ev_network'))$$,
  'a person outside the network gets no registration counts of a network event…');
select is_empty($$select * from private.event_registration_counts(tests.uid('gap_ev_network'))$$,
  '…not even from the helper behind it');

-- invitations -----------------------------------------------------------------------------
-- policy "Admins revoke or re-send, the invited person accepts": using (true), and its
-- 'admin' lowered to 'member'
select tests.authenticate_as('alpha_member');
select lives_ok($$update public.invitations set expires_at = now() + interval '30 days'$$,
  'a member "extending every invitation"…');
select tests.clear_authentication();
select is(
  (select count(*)::int from public.invitations
   where organisation_id = tests.uid('test-alpha') and expires_at > now() + interval '8 days'), 0,
  '…extends none of their organisation''s invitations');

-- guard_invitation_change, raise#1
select tests.authenticate_as('alpha_admin');
select throws_ok(
  $$update public.invitations set email = 'someone-else@test.demo' where id = tests.uid('invitation_invitee')$$,
  '42501', 'an invitation''s organisation, email and author cannot change',
  'an admin cannot readdress an invitation (its token went to the first address)');
-- guard_invitation_change: 'admin' lowered to 'member'. A member invited to a higher role
-- passes the policy as the invited person; only admins may change what is offered.
select tests.clear_authentication();
insert into public.invitations (id, organisation_id, email, role, invited_by, token_hash, expires_at)
values (tests.uid('invitation_promotion'), tests.uid('test-alpha'), 'alpha_member@test.demo', 'editor',
        tests.uid('alpha_admin'), encode(extensions.digest('token-promotion', 'sha256'), 'hex'), now() + interval '7 days');
select tests.authenticate_as('alpha_member');
select throws_ok(
  $$update public.invitations set role = 'admin' where id = tests.uid('invitation_promotion')$$,
  '42501', 'only the organisation''s admins can change an invitation',
  'a member invited to become editor cannot turn the invitation into an admin one');

-- item_organisations -----------------------------------------------------------------------
-- policy "Admins of the attached organisation answer its invitation": 'admin' lowered to 'member'
select tests.authenticate_as('gamma_member');
select lives_ok($$update public.item_organisations set state = 'accepted'$$,
  'a member "accepting every invitation"…');
select tests.clear_authentication();
select is(
  (select count(*)::int from public.item_organisations
   where organisation_id = tests.uid('test-gamma') and state = 'invited'),
  3, '…answers none of their organisation''s invitations (only its admins do)');

-- items -----------------------------------------------------------------------------------
-- policy "Editors of the owner and co-lead organisations update items": 'editor' lowered to
-- 'member' (in using)
select tests.authenticate_as('alpha_member');
select lives_ok($$update public.items set visibility = 'public'$$,
  'a member "publishing every item to the public"…');
-- policy "Editors of the owner organisation delete drafts": 'editor' lowered to 'member'
select lives_ok($$delete from public.items$$, '…or "deleting every item"…');
select tests.clear_authentication();
select is(
  (select array_agg(tests.name(id) || ':' || visibility order by tests.name(id)) from public.items
   where owner_organisation_id = tests.uid('test-alpha') and kind = 'joint_action'),
  array['item_alpha_archived:public', 'item_alpha_draft:network', 'item_alpha_network:network',
        'item_alpha_participants:participants', 'item_alpha_public:public'],
  '…changes and deletes none of their organisation''s items');

-- guard_item_update: 'editor' lowered to 'member'. A co-lead's editor may edit the item but
-- not publish it, even when they are also a plain member of the owner organisation.
select tests.create_member('beta_editor_alpha_member', 'test-beta', 'editor') \g /dev/null
insert into public.memberships (user_id, organisation_id, role)
values (tests.uid('beta_editor_alpha_member'), tests.uid('test-alpha'), 'member');
select tests.authenticate_as('beta_editor_alpha_member');
select throws_ok(
  $$update public.items set status = 'published' where id = tests.uid('item_alpha_draft')$$,
  '42501', 'only editors of the owner organisation can publish, archive or change visibility',
  'a co-lead''s editor who is a plain member of the owner cannot publish the owner''s draft');

-- joint_action_updates ----------------------------------------------------------------------
-- A post by alpha_member, written while they were an editor (now a plain member).
select tests.clear_authentication();
insert into public.joint_actions (id, original_locale, areas, crc_articles, countries, themes, phase)
values (tests.uid('item_alpha_public'), 'fr', '{lobbying_advocacy}', '{37}', '{BE}', '{détention}', 'ongoing');
insert into public.joint_action_translations (action_id, locale, title, summary, body)
values (tests.uid('item_alpha_public'), 'fr', 'Campagne contre la détention des enfants', '', '');
insert into public.joint_action_updates (id, action_id, organisation_id, author_id, locale, body)
values (tests.uid('gap_post_member'), tests.uid('item_alpha_public'), tests.uid('test-alpha'),
        tests.uid('alpha_member'), 'fr', 'Pétition lancée.');
-- policies "Authors and owner editors delete updates" and "Authors edit their own updates
-- while their organisation is attached": 'editor' lowered to 'member'
select tests.authenticate_as('alpha_member');
select lives_ok($$update public.joint_action_updates set body = 'Changed by a member'$$,
  'an author who is no longer an editor "editing every post"…');
select lives_ok($$delete from public.joint_action_updates$$, '…or "deleting every post"…');
select tests.clear_authentication();
select is((select body from public.joint_action_updates where id = tests.uid('gap_post_member')),
  'Pétition lancée.', '…neither changes nor deletes their old post');

-- papers ----------------------------------------------------------------------------------
-- policy "Lead editors edit the notes of their papers' versions": using (true)
select tests.clear_authentication();
select tests.create_item('gap_pa_public', 'paper', 'published', 'public') \g /dev/null
insert into public.papers (id, original_locale, paper_kind, areas)
values (tests.uid('gap_pa_public'), 'fr', 'position_statement', '{lobbying_advocacy}');
insert into public.paper_translations (paper_id, locale, title)
values (tests.uid('gap_pa_public'), 'fr', 'Prise de position publique');
insert into public.paper_versions (paper_id, note) values (tests.uid('gap_pa_public'), 'Première version.');
select tests.authenticate_as('beta_editor');
select lives_ok($$update public.paper_versions set note = 'Changed by beta'$$,
  'an editor of another organisation "editing every version note"…');
-- policies "Lead editors edit the texts of their papers" and "Lead editors delete
-- translations of their papers": using (true)
select lives_ok($$update public.paper_translations set title = 'Changed by beta'$$,
  '…"editing every paper text"…');
select lives_ok($$delete from public.paper_translations$$, '…or "deleting every paper text"…');
select tests.clear_authentication();
select is((select note from public.paper_versions where paper_id = tests.uid('gap_pa_public')),
  'Première version.', '…does not change the note of test-alpha''s public paper…');
select is((select array_agg(title) from public.paper_translations where paper_id = tests.uid('gap_pa_public')),
  array['Prise de position publique'], '…nor its text');

-- identity and history guards of joint actions, papers, translations and attachments ------
-- guard_joint_action_change, guard_paper_change, guard_translation_change (on event and
-- paper texts), guard_item_organisation_change, refresh_item_access:
-- the raises that no other file reached. (The UPDATE policies' `with check` clauses of
-- these tables rely on them: see EQUIVALENT in scripts/test-mutations.mjs.)
select tests.authenticate_as('alpha_editor');
select throws_ok(
  $$update public.joint_actions set created_at = now() - interval '1 year' where id = tests.uid('item_alpha_public')$$,
  '42501', 'a joint action''s id and creation date cannot change', 'an editor cannot backdate a joint action');
select throws_ok(
  $$update public.papers set created_at = now() - interval '1 year' where id = tests.uid('gap_pa_public')$$,
  '42501', 'a paper''s id and creation date cannot change', 'an editor cannot backdate a paper');
select throws_ok(
  $$update public.papers set original_locale = 'de' where id = tests.uid('gap_pa_public')$$,
  '23514', 'the original language can only change to a language the paper already has a text in (add the de text first)',
  'the original language of a paper moves only to a language it has a text in');
select throws_ok(
  $$update public.event_translations set event_id = tests.uid('gap_ev_network') where event_id = tests.uid('gap_ev_public')$$,
  '42501', 'a translation cannot move to another event or language', 'an event text cannot move to another event');
select throws_ok(
  $$update public.paper_translations set locale = 'nl' where paper_id = tests.uid('gap_pa_public')$$,
  '42501', 'a translation cannot move to another paper or language', 'a paper text cannot move to another language');
with d as (delete from public.item_organisations where item_id = tests.uid('item_alpha_public') and role = 'owner' returning 1)
select is(count(*)::int, 0, 'the owner organisation cannot be detached') from d;
select tests.clear_authentication();
select throws_ok(
  $$update public.joint_actions set original_revision = 0 where id = tests.uid('item_alpha_public')$$,
  '23514', 'original_revision never goes back', 'a joint action''s original revision never goes back');
select throws_ok(
  $$update public.papers set original_revision = 0 where id = tests.uid('gap_pa_public')$$,
  '23514', 'original_revision never goes back', 'a paper''s original revision never goes back');
select throws_ok(
  $$update public.item_organisations set item_id = tests.uid('item_alpha_network')
    where item_id = tests.uid('item_alpha_draft') and organisation_id = tests.uid('test-beta')$$,
  '42501', 'an attachment cannot move to another item', 'not even a trusted path moves an attachment to another item');

-- guard_paper_change, raise#3 and #5
select tests.authenticate_as('alpha_editor');
select tests.create_item('gap_pa_new', 'paper', 'draft', 'network') \g /dev/null
select throws_ok(
  $$insert into public.papers (id, original_locale, paper_kind, areas, signature_version_id)
    values (tests.uid('gap_pa_new'), 'fr', 'position_statement', '{lobbying_advocacy}',
            (select v.id from public.paper_versions v where v.paper_id = tests.uid('gap_pa_public')))$$,
  '42501', 'signature opens through open_paper_signature', 'a paper is not created open for signature');
select throws_ok(
  $$update public.papers set original_revision = 7 where id = tests.uid('gap_pa_public')$$,
  '42501', 'original_revision follows the original text; edit the original translation instead',
  'nobody writes a paper''s original_revision');

-- private.lock_paper_for_owner, raise#3: an owned item that is not a paper
select throws_ok($$select public.close_paper_signature(tests.uid('item_alpha_public'))$$,
  '42501', 'only editors of the owner organisation can close signature of this paper',
  'the paper functions refuse an item that is not a paper');

-- private.register_for_event, raise#2: a readable item that is not an event
select tests.authenticate_as('alpha_member');
select throws_ok($$select public.register_for_event(tests.uid('item_alpha_public'))$$,
  '42501', 'you cannot register for this event', 'nobody registers for a joint action…');
select throws_ok($$select private.register_for_event(tests.uid('item_alpha_public'))$$,
  '42501', 'you cannot register for this event', '…not even through the private function');

-- guard_organisation_update, raise#3, and guard_membership_change, raise#1
select tests.authenticate_as('alpha_admin');
select throws_ok(
  $$update public.organisations set created_at = now() - interval '1 year' where id = tests.uid('test-alpha')$$,
  '42501', 'an organisation''s id and creation date cannot change', 'an admin cannot backdate their organisation');
select throws_ok(
  $$update public.memberships set user_id = tests.uid('outsider') where user_id = tests.uid('alpha_member')$$,
  '42501', 'a membership cannot be moved to another person or organisation',
  'an admin cannot hand a member''s membership to someone else');

-- coordinators ----------------------------------------------------------------------------
-- private.is_coordinator: role = 'admin' lowered to 'member'. Only the admins of a
-- coordinating organisation coordinate; the fixture's secretariat has no plain member.
select tests.clear_authentication();
select tests.create_member('coord_member', 'test-coord', 'member') \g /dev/null
select tests.authenticate_as('coord_member');
select is(tests.visible_organisations(),
  array['test-alpha', 'test-beta', 'test-coord', 'test-gamma'],
  'a plain member of the secretariat reads the active organisations only, as everyone does');
select throws_ok(
  $$insert into public.organisations (slug, name, kind, original_locale) values ('test-new', 'Test New', 'partner', 'en')$$,
  '42501', 'new row violates row-level security policy for table "organisations"',
  'a plain member of the secretariat cannot create organisations');

-- the same actions still work for the actors who may do them ------------------------------
select tests.authenticate_as('gamma_admin');
select lives_ok($$update public.item_organisations set state = 'declined' where item_id = tests.uid('item_alpha_draft') and organisation_id = tests.uid('test-gamma')$$,
  'an admin of the invited organisation answers its invitation');
select tests.authenticate_as('alpha_editor');
select lives_ok($$update public.event_online_links set url = 'https://meet.example.org/network-2' where event_id = tests.uid('gap_ev_network')$$,
  'an owner editor changes the online link of its event');
select tests.authenticate_as('alpha_admin');
with u as (update public.invitations set expires_at = now() + interval '30 days' where id = tests.uid('invitation_invitee') returning 1)
select is(count(*)::int, 1, 'an admin extends their organisation''s invitation') from u;
select tests.authenticate_as('alpha_member');
with u as (update public.calendar_tokens set revoked_at = now() returning 1)
select is(count(*)::int, 1, 'a person revokes their own token') from u;

select * from finish();
rollback;
