-- In-app notifications (supabase/migrations/20261203000100_notifications.sql): for each type,
-- the right people get one and nobody else does (never the person who acted, never someone
-- who may not read the item); then what every actor must not do with another person's
-- notifications, and what the recipient may.
begin;
\ir _helpers.psql
select plan(90);

-- Whatever the demo data or the fixture left is out of the way (rolled back).
delete from public.notifications;

-- Every notification there is, to fixture people, as "person:type" (as postgres: no RLS).
create function tests.notifications()
returns text[]
language sql
stable
set search_path = ''
as $$
  select coalesce(array_agg(r.name || ':' || n.type order by r.name, n.type::text), '{}')
  from public.notifications n
  join tests.names r on r.id = n.recipient_id
$$;

-- One act: the notifications are emptied, `person` (null: anonymous) runs `statement`, and
-- the test reads what it caused with tests.notifications().
create function tests.act(person text, statement text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform tests.clear_authentication();
  delete from public.notifications;
  perform tests.run_as(person, statement);
  perform tests.clear_authentication();
end;
$$;
grant execute on all functions in schema tests to public;

-- The registration of a fixture person for a fixture event.
create function tests.registration(event text, person text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select r.id from public.event_registrations r where r.event_id = tests.uid(event) and r.user_id = tests.uid(person)
$$;
grant execute on function tests.registration(text, text) to public;

-- Fixture: content with texts ---------------------------------------------------------------
--   ja_draft   alpha's draft joint action (fr, with an nl translation)
--   ja_texts   alpha's published network joint action (fr, nl translation), beta co-lead
--   pa_sign    beta's published participants paper, version 1
--   ev_appr    alpha's network event, approval, 1 place, in 10 days
--   ev_soon    alpha's network event, open, 1 place, in 20 hours
insert into public.items (id, kind, owner_organisation_id, status, visibility, created_by)
values
  (tests.uid('ja_draft'), 'joint_action', tests.uid('test-alpha'), 'draft', 'network', tests.uid('alpha_editor')),
  (tests.uid('ja_texts'), 'joint_action', tests.uid('test-alpha'), 'published', 'network', tests.uid('alpha_editor')),
  (tests.uid('pa_sign'), 'paper', tests.uid('test-beta'), 'published', 'participants', tests.uid('beta_editor')),
  (tests.uid('ev_appr'), 'event', tests.uid('test-alpha'), 'published', 'network', tests.uid('alpha_editor')),
  (tests.uid('ev_soon'), 'event', tests.uid('test-alpha'), 'published', 'network', tests.uid('alpha_editor'));
insert into public.item_organisations (item_id, organisation_id, role, state)
values (tests.uid('ja_texts'), tests.uid('test-beta'), 'co_lead', 'accepted');
insert into public.joint_actions (id, original_locale, areas)
values (tests.uid('ja_draft'), 'fr', '{legal_actions}'), (tests.uid('ja_texts'), 'fr', '{legal_actions}');
insert into public.joint_action_translations (action_id, locale, title)
values
  (tests.uid('ja_draft'), 'fr', 'Brouillon commun'),
  (tests.uid('ja_draft'), 'nl', 'Gezamenlijk ontwerp'),
  (tests.uid('ja_texts'), 'fr', 'Action publiée'),
  (tests.uid('ja_texts'), 'nl', 'Gepubliceerde actie');
insert into public.papers (id, original_locale) values (tests.uid('pa_sign'), 'nl');
insert into public.paper_translations (paper_id, locale, title) values (tests.uid('pa_sign'), 'nl', 'Standpunt');
insert into public.paper_versions (id, paper_id) values (tests.uid('pa_sign_v1'), tests.uid('pa_sign'));
insert into public.events (id, original_locale, starts_at, ends_at, capacity, registration_mode, venue_name)
values
  (tests.uid('ev_appr'), 'fr', now() + interval '10 days', now() + interval '10 days 2 hours', 1, 'approval', 'Salle A'),
  (tests.uid('ev_soon'), 'fr', now() + interval '20 hours', now() + interval '22 hours', 1, 'open', 'Salle B');
insert into public.event_translations (event_id, locale, title)
values (tests.uid('ev_appr'), 'fr', 'Séminaire'), (tests.uid('ev_soon'), 'fr', 'Atelier');
insert into tests.names (id, name)
select tests.uid(n), n from unnest(array['ja_draft', 'ja_texts', 'pa_sign', 'ev_appr', 'ev_soon']) as n;

-- Invitations to an item and their answers ------------------------------------------------

select tests.act('alpha_editor', $$
  insert into public.item_organisations (item_id, organisation_id, role)
  values (tests.uid('item_alpha_public'), tests.uid('test-gamma'), 'participant') $$);
select is(tests.notifications(), array['gamma_admin:item_invited'],
  'invited to take part: the invited organisation''s admin only (not its member, not the inviting editor)');

select tests.act('alpha_editor', $$
  insert into public.item_organisations (item_id, organisation_id, role)
  values (tests.uid('item_alpha_network'), tests.uid('test-frozen'), 'participant') $$);
select is(tests.notifications(), '{}', 'a suspended organisation invited: nobody is notified in its name');

select tests.act('gamma_admin', $$
  update public.item_organisations set state = 'accepted'
  where item_id = tests.uid('item_alpha_public') and organisation_id = tests.uid('test-gamma') $$);
select is(tests.notifications(), array['alpha_admin:item_invitation_answered', 'alpha_editor:item_invitation_answered'],
  'invitation accepted: the owner''s admin and the editor who invited (not the owner''s member, not the one who answered)');

select tests.act('alpha_admin', $$
  insert into public.item_organisations (item_id, organisation_id, role)
  values (tests.uid('item_alpha_public'), tests.uid('test-beta'), 'participant') $$);
select is(tests.notifications(), array['beta_admin:item_invited'], 'invited by an admin: the invited organisation''s admin');
select tests.act('beta_admin', $$
  update public.item_organisations set state = 'declined'
  where item_id = tests.uid('item_alpha_public') and organisation_id = tests.uid('test-beta') $$);
select is(tests.notifications(), array['alpha_admin:item_invitation_answered'],
  'invitation declined: the owner''s admin (who invited) once; editors who did not invite are not told');

select tests.act('alpha_editor', $$
  insert into public.item_organisations (item_id, organisation_id, role)
  values (tests.uid('ja_draft'), tests.uid('test-gamma'), 'co_lead'), (tests.uid('ja_draft'), tests.uid('test-beta'), 'participant') $$);
select is(tests.notifications(), array['beta_admin:item_invited', 'gamma_admin:item_invited'],
  'invited to a draft they cannot read yet: each invited organisation''s admin (the invitation is theirs to know)');

-- What the list shows of a draft the reader cannot read: the invitation's original title.
select tests.authenticate_as('gamma_admin');
select is(
  (select array[m.item_kind::text, m.original_locale, m.titles::text, m.organisation ->> 'name', m.counterpart ->> 'name']
   from public.my_notifications() m where m.item_id = tests.uid('ja_draft')),
  array['joint_action', 'fr', '{"fr": "Brouillon commun"}', 'Test Gamma', 'Test Alpha'],
  'the list, pending invitation to a draft: the kind, the original title only, both organisations'' names');
select tests.clear_authentication();

select tests.run_as('gamma_admin', $$
  update public.item_organisations set state = 'accepted'
  where item_id = tests.uid('ja_draft') and organisation_id = tests.uid('test-gamma') $$);
select tests.run_as('beta_admin', $$
  update public.item_organisations set state = 'declined'
  where item_id = tests.uid('ja_draft') and organisation_id = tests.uid('test-beta') $$);
select tests.authenticate_as('gamma_admin');
select is(
  (select m.titles::text from public.my_notifications() m where m.item_id = tests.uid('ja_draft')),
  '{"fr": "Brouillon commun", "nl": "Gezamenlijk ontwerp"}',
  'the list, once the reader''s organisation co-leads the draft: its title in every language');
select tests.authenticate_as('beta_admin');
select is(
  (select array[m.item_kind::text, coalesce(m.titles::text, 'no title')] from public.my_notifications() m
   where m.item_id = tests.uid('ja_draft')),
  array['joint_action', 'no title'],
  'the list, invitation declined to a draft the reader cannot read: the kind, no title any more');
select tests.clear_authentication();

-- Co-signature -----------------------------------------------------------------------------

select tests.act('beta_editor', $$ select public.open_paper_signature(tests.uid('pa_sign'), tests.uid('pa_sign_v1'), now() + interval '10 days') $$);
select is(tests.notifications(), '{}', 'opening signature with nobody asked yet notifies nobody');

select tests.act('beta_editor', $$
  select public.invite_paper_signatories(tests.uid('pa_sign'), array[tests.uid('test-alpha'), tests.uid('test-gamma')]) $$);
select is(tests.notifications(), array['alpha_admin:signature_requested', 'gamma_admin:signature_requested'],
  'co-signature requested: each asked organisation''s admin (not their editors or members, not the owner)');
select is(
  (select (n.data ->> 'version')::int from public.notifications n where n.recipient_id = tests.uid('alpha_admin')),
  1, 'the request says which version');
select ok(private.can_read_item(tests.uid('alpha_admin'), tests.uid('pa_sign')),
  'the asked organisation''s admin reads the participants-only paper they are asked to sign');

select tests.clear_authentication();
delete from public.notifications;
select is(private.create_due_reminders(now() + interval '8 days') >= 2, true, 'reminders due 2 days before the deadline are written');
select is(tests.notifications(), array['alpha_admin:signature_deadline', 'gamma_admin:signature_deadline'],
  'deadline in 3 days: the admins of the asked organisations that have not answered');
select is(private.create_due_reminders(now() + interval '8 days'), 0, 'reminders are written once (idempotent)');

select tests.act('alpha_admin', $$
  select public.decide_paper_signature((select s.id from public.paper_signatures s
    where s.paper_id = tests.uid('pa_sign') and s.organisation_id = tests.uid('test-alpha')), true, '') $$);
select is(tests.notifications(), array['beta_admin:signature_answered', 'beta_editor:signature_answered'],
  'signed: the owner''s editors and admins (not its member, not the signer)');
select is((select n.data ->> 'state' from public.notifications n limit 1), 'signed', 'the answer says signed');

select tests.clear_authentication();
delete from public.notifications;
select private.create_due_reminders(now() + interval '8 days 2 hours') \g /dev/null
select is(tests.notifications(), array['gamma_admin:signature_deadline'],
  'an organisation that answered is not reminded; one that has not is');

select tests.act('gamma_admin', $$
  select public.decide_paper_signature((select s.id from public.paper_signatures s
    where s.paper_id = tests.uid('pa_sign') and s.organisation_id = tests.uid('test-gamma')), false, 'Pas cette fois') $$);
select is(tests.notifications(), array['beta_admin:signature_answered', 'beta_editor:signature_answered'],
  'declined: the owner''s editors and admins');

-- Registrations ------------------------------------------------------------------------------

select tests.act('beta_member', $$ select public.register_for_event(tests.uid('ev_appr')) $$);
select is(tests.notifications(), '{}', 'registering (pending) is the registrant''s own act: nobody is notified');
select tests.run_as('gamma_member', $$ select public.register_for_event(tests.uid('ev_appr')) $$);
select tests.run_as('alpha_member', $$ select public.register_for_event(tests.uid('ev_appr')) $$);
select tests.clear_authentication();

select tests.act('alpha_editor', $$ select public.decide_event_registration(tests.registration('ev_appr', 'beta_member'), true) $$);
select is(tests.notifications(), array['beta_member:registration_approved'], 'approved with a place: the registrant only');
select tests.act('alpha_editor', $$ select public.decide_event_registration(tests.registration('ev_appr', 'gamma_member'), true) $$);
select is(tests.notifications(), array['gamma_member:registration_waiting'], 'approved with no place left: the registrant, waiting');
select tests.act('alpha_editor', $$ select public.decide_event_registration(tests.registration('ev_appr', 'alpha_member'), false) $$);
select is(tests.notifications(), array['alpha_member:registration_declined'], 'declined: the registrant only');
select tests.act('beta_member', $$ select public.cancel_event_registration(tests.uid('ev_appr')) $$);
select is(tests.notifications(), array['gamma_member:registration_promoted'],
  'a place freed: the promoted registrant (not the one who cancelled)');

select tests.act('alpha_editor', $$ update public.events set capacity = 5 where id = tests.uid('ev_appr') $$);
select is(tests.notifications(), '{}', 'more places (nobody waiting): no event change to tell');

-- Event changes and cancellation -------------------------------------------------------------

select tests.run_as('beta_editor', $$ select public.register_for_event(tests.uid('ev_appr')) $$);
select tests.run_as('alpha_editor', $$ select public.register_for_event(tests.uid('ev_appr')) $$);
select tests.act('alpha_editor', $$ update public.events set venue_name = 'Salle C' where id = tests.uid('ev_appr') $$);
select is(tests.notifications(), array['beta_editor:event_changed', 'gamma_member:event_changed'],
  'place changed: the confirmed and pending registrants (not the declined or cancelled ones, not the organiser who changed it though registered)');
select is(
  (select array[n.data ->> 'place_changed', n.data ->> 'time_changed'] from public.notifications n limit 1),
  array['true', 'false'], 'the change says what changed');

-- beta_editor leaves beta: no longer a network member, they may not read the network event.
delete from public.memberships where user_id = tests.uid('beta_editor');
select tests.act('alpha_editor', $$
  update public.events set starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour'
  where id = tests.uid('ev_appr') $$);
select is(tests.notifications(), array['gamma_member:event_changed'],
  'time changed: a registrant who may no longer read the event is not told');

select tests.act('alpha_editor', $$ update public.events set accessibility = '{wheelchair}' where id = tests.uid('ev_appr') $$);
select is(tests.notifications(), '{}', 'other details changed: no notification');

select tests.act('alpha_editor', $$ update public.events set cancelled_at = now() where id = tests.uid('ev_appr') $$);
select is(tests.notifications(), array['gamma_member:event_cancelled'], 'cancelled: its registrants who may read it');

-- Reminder: tomorrow ----------------------------------------------------------------------------

select tests.run_as('beta_member', $$ select public.register_for_event(tests.uid('ev_soon')) $$);
select tests.run_as('gamma_member', $$ select public.register_for_event(tests.uid('ev_soon')) $$);
select tests.clear_authentication();
delete from public.notifications;
select is(private.create_due_reminders() >= 1, true, 'reminders of events starting within a day are written');
select is(tests.notifications(), array['beta_member:event_reminder'], 'event tomorrow: its confirmed registrants (not the waiting ones)');
select is(private.create_due_reminders(), 0, 'the reminder is written once');
delete from public.notifications;
select private.create_due_reminders(now() - interval '2 days') \g /dev/null
select is(tests.notifications(), '{}', 'two days before, no reminder is due');

-- New members ----------------------------------------------------------------------------------

select tests.act('invitee', $$ update public.invitations set accepted_at = now() where email = 'invitee@test.demo' $$);
select is(tests.notifications(), array['alpha_admin:member_joined'],
  'an invitation accepted: the organisation''s admins (not its editors and members, not the new member)');
select tests.authenticate_as('alpha_admin');
select is((select m.subject_name from public.my_notifications() m where m.type = 'member_joined'), 'Invitee',
  'the admin reads the new member''s name');
select tests.clear_authentication();

select tests.act('alpha_admin', $$ insert into public.memberships (user_id, organisation_id) values (tests.uid('late'), tests.uid('test-alpha')) $$);
select is(tests.notifications(), '{}', 'a member added by the only admin: the admin is not told of their own act');

delete from public.notifications;
insert into public.memberships (user_id, organisation_id) values (tests.uid('outsider'), tests.uid('test-frozen'));
select is(tests.notifications(), '{}', 'a new member of a suspended organisation: nobody is told in its name');

-- Applications ------------------------------------------------------------------------------------

delete from public.notifications;
set local role service_role;
select public.submit_application('Huis van het Kind Test', 'partner', 'BE', null, '{nl}', 'Wij.', 'An Test',
  'an@huis.example', 'Samen.', 'nl') \g /dev/null
reset role;
select is(tests.notifications(), array['coordinator:application_submitted'],
  'an application: the coordinators (of the fixture: the test secretariat''s admin)');
select tests.authenticate_as('coordinator');
select is((select m.subject_name from public.my_notifications() m where m.type = 'application_submitted'),
  'Huis van het Kind Test', 'the coordinator reads the applying organisation''s name');
select tests.clear_authentication();
select is((select count(*)::int from public.notifications n
           where n.recipient_id not in (select m.user_id from public.memberships m join public.organisations o on o.id = m.organisation_id
                                        where m.role = 'admin' and o.is_coordinating and o.status = 'active')),
  0, 'an application: nobody but coordinators');

-- Translations outdated ------------------------------------------------------------------------------

select tests.act('alpha_editor', $$ update public.joint_action_translations set title = 'Action publiée (révisée)'
  where action_id = tests.uid('ja_texts') and locale = 'fr' $$);
-- invitee joined test-alpha as an editor above.
select is(tests.notifications(), array['alpha_admin:translation_outdated', 'invitee:translation_outdated'],
  'the original changed: the owner''s editors and admins (not the editor who changed it, not members)');
select is((select n.data -> 'locales' from public.notifications n limit 1), '["nl"]'::jsonb, 'it names the outdated languages');

select tests.act('alpha_admin', $$ update public.joint_action_translations set title = 'Action publiée (revue)'
  where action_id = tests.uid('ja_texts') and locale = 'fr' $$);
select is(tests.notifications(), '{}', 'a translation already outdated is not reported again');

select tests.act('alpha_editor', $$ update public.joint_action_translations set title = 'Gepubliceerde actie (herzien)'
  where action_id = tests.uid('ja_texts') and locale = 'nl' $$);
select is(tests.notifications(), '{}', 'saving a translation outdates nothing');

insert into public.memberships (user_id, organisation_id, role) values (tests.uid('beta_editor'), tests.uid('test-beta'), 'editor');
select tests.act('beta_editor', $$ update public.joint_action_translations set title = 'Action publiée (co-pilote)'
  where action_id = tests.uid('ja_texts') and locale = 'fr' $$);
select is(tests.notifications(), array['alpha_admin:translation_outdated', 'alpha_editor:translation_outdated', 'invitee:translation_outdated'],
  'a co-lead''s editor changed the original: the owner''s editors and admins, nobody of the co-lead');

-- Nobody touches another person's notifications ----------------------------------------------------

delete from public.notifications;
insert into public.notifications (id, recipient_id, type, organisation_id)
values
  (tests.uid('n_admin_1'), tests.uid('alpha_admin'), 'member_joined', tests.uid('test-alpha')),
  (tests.uid('n_admin_2'), tests.uid('alpha_admin'), 'member_joined', tests.uid('test-alpha')),
  (tests.uid('n_member'), tests.uid('alpha_member'), 'member_joined', tests.uid('test-alpha'));
insert into tests.names (id, name)
select tests.uid(n), n from unnest(array['n_admin_1', 'n_admin_2', 'n_member']) as n;

select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$ select * from public.notifications $$, '42501: permission denied for table notifications',
   'anonymous: cannot read notifications'),
  (null, $$ select public.unread_notification_count() $$, '42501: permission denied for function unread_notification_count',
   'anonymous: has no unread count'),
  (null, $$ select * from public.my_notifications() $$, '42501: permission denied for function my_notifications',
   'anonymous: has no list'),
  (null, $$ select public.mark_notifications_read(null) $$, '42501: permission denied for function mark_notifications_read',
   'anonymous: cannot mark anything read'),
  (null, $$ insert into public.notifications (recipient_id, type) values (tests.uid('alpha_admin'), 'member_joined') $$,
   '42501: permission denied for table notifications', 'anonymous: cannot write a notification'),
  (null, $$ delete from public.notifications $$, '42501: permission denied for table notifications',
   'anonymous: cannot delete notifications')
) as attempt (actor, statement, outcome, description);

-- The same checks for a person without organisation, a member of another organisation, and
-- the recipient's colleagues (a member and an editor of the same organisation).
select is(tests.value_as(actor, $$ (select count(*) from public.notifications where id in (tests.uid('n_admin_1'), tests.uid('n_admin_2')))::text $$),
          '0', actor || ': reads none of another person''s notifications')
from unnest(array['outsider', 'beta_admin', 'alpha_member', 'alpha_editor']) as actor;
select is(tests.value_as(actor, $$ (select count(*) from public.my_notifications(101) where id in (tests.uid('n_admin_1'), tests.uid('n_admin_2')))::text $$),
          '0', actor || ': their list holds none of another person''s notifications')
from unnest(array['outsider', 'beta_admin', 'alpha_member', 'alpha_editor']) as actor;
select is(tests.value_as(actor, $$ public.mark_notifications_read(array[tests.uid('n_admin_1'), tests.uid('n_member')])::text $$),
          '0', actor || ': cannot mark another person''s notification read')
from unnest(array['outsider', 'beta_admin', 'alpha_editor']) as actor;
select tests.check_as(actor, statement, outcome, description)
from (values
  ('outsider', $$ update public.notifications set read_at = now() where id = tests.uid('n_admin_1') $$, '0 rows',
   'outsider: cannot set read_at on another person''s notification'),
  ('beta_admin', $$ update public.notifications set read_at = now() where recipient_id = tests.uid('alpha_admin') $$, '0 rows',
   'admin of another organisation: cannot set read_at on another person''s notification'),
  ('alpha_member', $$ update public.notifications set read_at = now() where id = tests.uid('n_admin_1') $$, '0 rows',
   'a colleague (member): cannot mark the admin''s notification read'),
  ('alpha_editor', $$ update public.notifications set read_at = now() where organisation_id = tests.uid('test-alpha') $$, '0 rows',
   'a colleague (editor): cannot mark the organisation''s notifications read'),
  -- Without a WHERE the read policy is not applied to an UPDATE: only the update policy's own
  -- rule keeps the statement to the caller's rows.
  ('outsider', $$ update public.notifications set read_at = now() $$, '0 rows',
   'outsider: an update of every notification marks none of anyone else''s'),
  ('outsider', $$ insert into public.notifications (recipient_id, type) values (tests.uid('alpha_admin'), 'member_joined') $$,
   '42501: permission denied for table notifications', 'outsider: cannot write a notification to someone'),
  ('alpha_member', $$ insert into public.notifications (recipient_id, type) values (tests.uid('alpha_member'), 'member_joined') $$,
   '42501: permission denied for table notifications', 'member: cannot write a notification to themself'),
  ('alpha_editor', $$ delete from public.notifications where id = tests.uid('n_admin_1') $$,
   '42501: permission denied for table notifications', 'a colleague: cannot delete another person''s notification'),
  ('beta_admin', $$ update public.notifications set recipient_id = tests.uid('beta_admin') where id = tests.uid('n_admin_1') $$,
   '42501: permission denied for table notifications', 'nobody moves a notification to themself'),
  ('coordinator', $$ select public.create_due_reminders(now()) $$,
   '42501: permission denied for function create_due_reminders', 'a coordinator: cannot write reminders (the server''s timer does)'),
  -- The recipient --------------------------------------------------------------------------------
  ('alpha_admin', $$ update public.notifications set recipient_id = tests.uid('alpha_member') where id = tests.uid('n_admin_1') $$,
   '42501: permission denied for table notifications', 'the recipient: cannot give a notification to someone else'),
  ('alpha_admin', $$ update public.notifications set type = 'application_submitted' where id = tests.uid('n_admin_1') $$,
   '42501: permission denied for table notifications', 'the recipient: cannot change what it says'),
  ('alpha_admin', $$ delete from public.notifications where id = tests.uid('n_admin_1') $$,
   '42501: permission denied for table notifications', 'the recipient: cannot delete it (nobody deletes through the API)'),
  ('alpha_admin', $$ insert into public.notifications (recipient_id, type) values (tests.uid('alpha_admin'), 'member_joined') $$,
   '42501: permission denied for table notifications', 'the recipient: cannot write one')
) as attempt (actor, statement, outcome, description);

select tests.authenticate_as('alpha_admin');
select is((select array_agg(tests.name(id) order by tests.name(id)) from public.notifications),
  array['n_admin_1', 'n_admin_2'], 'the recipient reads their own notifications, only those');
select is(public.unread_notification_count(), 2, 'the recipient''s unread count');
select is(public.mark_notifications_read(array[tests.uid('n_admin_1'), tests.uid('n_member')]), 1,
  'the recipient marks their own notification read (a colleague''s id in the list changes nothing)');
select is(public.unread_notification_count(), 1, 'the unread count goes down');
select is(public.mark_notifications_read(array[tests.uid('n_admin_1')]), 0, 'marking again changes nothing');
select is((select count(*)::int from public.notifications where read_at is not null and read_at <= now()), 1,
  'read_at is stamped');
select lives_ok($$ update public.notifications set read_at = null where id = tests.uid('n_admin_1') $$,
  'the recipient may write read_at');
select isnt((select read_at from public.notifications where id = tests.uid('n_admin_1')), null,
  'a read notification stays read');
update public.notifications set read_at = '2001-01-01' where id = tests.uid('n_admin_2');
select ok((select read_at from public.notifications where id = tests.uid('n_admin_2')) > '2020-01-01',
  'read_at is the database''s time, not the caller''s');
update public.notifications set read_at = null where id = tests.uid('n_admin_2');
select tests.clear_authentication();
update public.notifications set read_at = null where id = tests.uid('n_admin_2');
select tests.authenticate_as('alpha_admin');
select is(public.mark_notifications_read(), 1, 'mark all read: every unread one of the recipient''s');
select is(public.unread_notification_count(), 0, 'nothing unread any more');
select tests.clear_authentication();
select is((select read_at from public.notifications where id = tests.uid('n_member')), null,
  'the colleague''s notification is still unread');

select * from finish();
rollback;
