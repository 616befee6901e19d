-- Review cycles, their stages and the items linked to them (issue 17), from every actor: who
-- reads a cycle (the network; anyone when public), who writes it (coordinators, admins of an
-- active organisation of its country), who links an item to a stage (the item's editors), who
-- reads a link (who reads both ends), and the review_deadline reminders.
-- Fixture (_helpers.psql: alpha and gamma in BE, beta in NL, frozen BE suspended, pending IT)
-- plus, here: cycles cyc_be_public (BE, public), cyc_be_network (BE), cyc_nl (NL); stages
-- st_be_pub (of cyc_be_public), st_be_net (cyc_be_network, an NGO deadline in 10 days),
-- st_nl (cyc_nl); links st_be_pub ← item_alpha_public, st_be_pub ← item_alpha_network,
-- st_be_net ← item_alpha_draft.
begin;
\ir _helpers.psql
select plan(63);

insert into public.review_cycles (id, country, mechanism, names, is_public)
values
  (tests.uid('cyc_be_public'), 'BE', 'crc_periodic', '{"en":"BE public"}', true),
  (tests.uid('cyc_be_network'), 'BE', 'upr', '{"en":"BE network"}', false),
  (tests.uid('cyc_nl'), 'NL', 'crc_periodic', '{"nl":"NL"}', false);
insert into public.review_stages (id, cycle_id, kind, starts_on)
values
  (tests.uid('st_be_pub'), tests.uid('cyc_be_public'), 'session', current_date + 100),
  (tests.uid('st_be_net'), tests.uid('cyc_be_network'), 'ngo_report_deadline', current_date + 10),
  (tests.uid('st_nl'), tests.uid('cyc_nl'), 'session', current_date + 100);
insert into public.review_stage_items (stage_id, item_id)
values
  (tests.uid('st_be_pub'), tests.uid('item_alpha_public')),
  (tests.uid('st_be_pub'), tests.uid('item_alpha_network')),
  (tests.uid('st_be_net'), tests.uid('item_alpha_draft'));
insert into tests.names (id, name)
select tests.uid(n), n
from unnest(array['cyc_be_public', 'cyc_be_network', 'cyc_nl', 'st_be_pub', 'st_be_net', 'st_nl']) as n;

-- The fixture's cycles, stages and links ("stage<-item") the current actor reads.
create function tests.visible_cycles() returns text[] language sql set search_path = '' as $$
  select coalesce(array_agg(tests.name(c.id) order by tests.name(c.id)), '{}')
  from public.review_cycles c where c.id in (tests.uid('cyc_be_public'), tests.uid('cyc_be_network'), tests.uid('cyc_nl'))
$$;
create function tests.visible_stages() returns text[] language sql set search_path = '' as $$
  select coalesce(array_agg(tests.name(s.id) order by tests.name(s.id)), '{}')
  from public.review_stages s where s.id in (tests.uid('st_be_pub'), tests.uid('st_be_net'), tests.uid('st_nl'))
$$;
create function tests.visible_links() returns text[] language sql set search_path = '' as $$
  select coalesce(array_agg(tests.name(l.stage_id) || '<-' || tests.name(l.item_id)
                                  order by tests.name(l.stage_id) || '<-' || tests.name(l.item_id)), '{}')
  from public.review_stage_items l where l.stage_id in (tests.uid('st_be_pub'), tests.uid('st_be_net'), tests.uid('st_nl'))
$$;
grant execute on all functions in schema tests to anon, authenticated;

-- Reading --------------------------------------------------------------------------------

select is(tests.read_as(r.actor, 'tests.visible_cycles()'), r.expected::text[], r.description)
from (values
  (null, '{cyc_be_public}', 'anonymous: reads only the public cycle'),
  ('outsider', '{cyc_be_public}', 'outsider (no organisation): reads only the public cycle'),
  ('frozen_member', '{cyc_be_public}', 'member of a suspended organisation: reads only the public cycle'),
  ('pending_admin', '{cyc_be_public}', 'admin of a pending organisation: reads only the public cycle'),
  ('beta_member', '{cyc_be_network,cyc_be_public,cyc_nl}', 'network member (NL): reads every cycle, other countries'' too')
) as r (actor, expected, description);

select is(tests.read_as(r.actor, 'tests.visible_stages()'), r.expected::text[], r.description)
from (values
  (null, '{st_be_pub}', 'anonymous: reads only the stages of the public cycle'),
  ('outsider', '{st_be_pub}', 'outsider: reads only the stages of the public cycle'),
  ('alpha_member', '{st_be_net,st_be_pub,st_nl}', 'network member: reads every stage')
) as r (actor, expected, description);

select is(tests.read_as(r.actor, 'tests.visible_links()'), r.expected::text[], r.description)
from (values
  (null, '{st_be_pub<-item_alpha_public}', 'anonymous: reads the link of the public item only (not the network item''s)'),
  ('outsider', '{st_be_pub<-item_alpha_public}', 'outsider: reads the link of the public item only'),
  ('gamma_member', '{st_be_pub<-item_alpha_network,st_be_pub<-item_alpha_public}',
   'network member: not the link of a draft they may not read'),
  ('alpha_editor', '{st_be_net<-item_alpha_draft,st_be_pub<-item_alpha_network,st_be_pub<-item_alpha_public}',
   'editor of the owner: also the link of the draft')
) as r (actor, expected, description);

-- A link reads through its stage's cycle too: a public item linked to a stage of a network
-- cycle is not shown to visitors (the stage is the network's).
select tests.clear_authentication();
insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_be_net'), tests.uid('item_alpha_public'));
select is(tests.read_as(r.actor, $$ array(select tests.name(l.item_id) from public.review_stage_items l where l.stage_id = tests.uid('st_be_net')) $$),
          r.expected::text[], r.description)
from (values
  (null, '{}', 'anonymous: reads no link of a network cycle''s stage, even to a public item'),
  ('outsider', '{}', 'outsider: neither'),
  ('gamma_member', '{item_alpha_public}', 'network member: reads it')
) as r (actor, expected, description);
select tests.clear_authentication();
delete from public.review_stage_items where stage_id = tests.uid('st_be_net') and item_id = tests.uid('item_alpha_public');

-- Writing cycles and stages --------------------------------------------------------------

select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$ insert into public.review_cycles (country, mechanism, names) values ('BE', 'upr', '{"en":"x"}') $$,
   '42501: permission denied for table review_cycles', 'anonymous: cannot create a cycle'),
  (null, $$ update public.review_cycles set is_public = false $$,
   '42501: permission denied for table review_cycles', 'anonymous: cannot edit a cycle'),
  (null, $$ insert into public.review_stages (cycle_id, kind, starts_on) values (tests.uid('cyc_be_public'), 'other', current_date) $$,
   '42501: permission denied for table review_stages', 'anonymous: cannot add a stage'),
  (null, $$ insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_be_pub'), tests.uid('item_alpha_archived')) $$,
   '42501: permission denied for table review_stage_items', 'anonymous: cannot link an item'),
  ('outsider', $$ insert into public.review_cycles (country, mechanism, names) values ('BE', 'upr', '{"en":"x"}') $$,
   '42501: new row violates row-level security policy for table "review_cycles"', 'outsider: cannot create a cycle'),
  ('alpha_member', $$ insert into public.review_cycles (country, mechanism, names) values ('BE', 'upr', '{"en":"x"}') $$,
   '42501: new row violates row-level security policy for table "review_cycles"',
   'member of a Belgian organisation: cannot create a Belgian cycle'),
  ('alpha_member', $$ update public.review_cycles set is_public = true where id = tests.uid('cyc_be_network') $$,
   '0 rows', 'member: cannot edit a cycle of their country'),
  ('alpha_editor', $$ insert into public.review_cycles (country, mechanism, names) values ('BE', 'upr', '{"en":"x"}') $$,
   '42501: new row violates row-level security policy for table "review_cycles"', 'editor: cannot create a cycle'),
  ('alpha_editor', $$ insert into public.review_stages (cycle_id, kind, starts_on) values (tests.uid('cyc_be_network'), 'other', current_date) $$,
   '42501: new row violates row-level security policy for table "review_stages"', 'editor: cannot add a stage'),
  ('frozen_admin', $$ insert into public.review_cycles (country, mechanism, names) values ('BE', 'upr', '{"en":"x"}') $$,
   '42501: new row violates row-level security policy for table "review_cycles"',
   'admin of a suspended Belgian organisation: cannot create a Belgian cycle'),
  ('pending_admin', $$ insert into public.review_cycles (country, mechanism, names) values ('IT', 'upr', '{"en":"x"}') $$,
   '42501: new row violates row-level security policy for table "review_cycles"',
   'admin of a pending organisation: cannot create a cycle of its country'),
  ('alpha_admin', $$ insert into public.review_cycles (country, mechanism, names) values ('BE', 'complaint_opic', '{"fr":"Plainte"}') $$,
   '1 row', 'admin of a Belgian organisation: creates a Belgian cycle'),
  ('alpha_admin', $$ insert into public.review_cycles (country, mechanism, names) values ('NL', 'upr', '{"en":"x"}') $$,
   '42501: new row violates row-level security policy for table "review_cycles"',
   'admin of a Belgian organisation: cannot create a Dutch cycle'),
  ('alpha_admin', $$ update public.review_cycles set is_public = true where id = tests.uid('cyc_nl') $$,
   '0 rows', 'admin of a Belgian organisation: cannot edit a Dutch cycle'),
  ('alpha_admin', $$ delete from public.review_cycles where id = tests.uid('cyc_nl') $$,
   '0 rows', 'admin of a Belgian organisation: cannot delete a Dutch cycle'),
  ('alpha_admin', $$ insert into public.review_stages (cycle_id, kind, starts_on) values (tests.uid('cyc_nl'), 'other', current_date) $$,
   '42501: new row violates row-level security policy for table "review_stages"',
   'admin of a Belgian organisation: cannot add a stage to a Dutch cycle'),
  ('alpha_admin', $$ update public.review_stages set status = 'done' where id = tests.uid('st_nl') $$,
   '0 rows', 'admin of a Belgian organisation: cannot edit a Dutch stage'),
  ('alpha_admin', $$ update public.review_cycles set country = 'NL' where id = tests.uid('cyc_be_network') $$,
   'RC002: a review cycle stays in its country', 'admin: cannot move a cycle to another country'),
  ('alpha_admin', $$ update public.review_stages set cycle_id = tests.uid('cyc_be_public') where id = tests.uid('st_be_net') $$,
   'RC001: a stage stays in its review cycle', 'admin: cannot move a stage to another cycle, even one they edit'),
  ('alpha_admin', $$ insert into public.review_stages (cycle_id, kind, starts_on, ends_on) values (tests.uid('cyc_be_network'), 'session', current_date, current_date - 1) $$,
   'violates review_stages_range', 'admin: a range cannot end before it starts'),
  ('alpha_admin', $$ insert into public.review_stages (cycle_id, kind, starts_on, document_url) values (tests.uid('cyc_be_network'), 'session', current_date, 'javascript:alert(1)') $$,
   'violates review_stages_document_url_format', 'admin: a document link is an http(s) address'),
  ('alpha_admin', $$ insert into public.review_stages (cycle_id, kind, starts_on, created_by) values (tests.uid('cyc_be_network'), 'pre_session', current_date + 5, tests.uid('gamma_admin')) $$,
   '1 row', 'admin of a Belgian organisation: adds a stage to a Belgian cycle'),
  ('gamma_admin', $$ update public.review_stages set status = 'done' where id = tests.uid('st_be_pub') $$,
   '1 row', 'admin of another Belgian organisation: edits a Belgian stage'),
  ('beta_admin', $$ update public.review_cycles set is_public = true where id in (tests.uid('cyc_be_public'), tests.uid('cyc_be_network'), tests.uid('cyc_nl')) $$,
   '1 row', 'admin of a Dutch organisation: edits the Dutch cycle only'),
  ('beta_admin', $$ delete from public.review_stages where id = tests.uid('st_be_pub') $$,
   '0 rows', 'admin of a Dutch organisation: cannot delete a Belgian stage'),
  ('coordinator', $$ insert into public.review_cycles (country, mechanism, names) values ('GH', 'crc_optional_protocol', '{"en":"Ghana OP"}') $$,
   '1 row', 'coordinator: creates a cycle of any country'),
  ('coordinator', $$ insert into public.review_cycles (country, mechanism, names) values ('GH', 'upr', '{}') $$,
   'violates review_cycles_names_valid', 'coordinator: a cycle has a name')
) as attempt (actor, statement, outcome, description);

select is((select created_by from public.review_stages where cycle_id = tests.uid('cyc_be_network') and kind = 'pre_session'),
          tests.uid('alpha_admin'), 'a stage''s author is the database''s, not what the caller claims');

-- Linking items --------------------------------------------------------------------------

select tests.check_as(actor, statement, outcome, description)
from (values
  ('outsider', $$ insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_be_pub'), tests.uid('item_alpha_archived')) $$,
   '42501: new row violates row-level security policy for table "review_stage_items"', 'outsider: cannot link an item'),
  ('alpha_member', $$ insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_nl'), tests.uid('item_alpha_public')) $$,
   '42501: new row violates row-level security policy for table "review_stage_items"',
   'member of the owner: cannot link its item'),
  ('alpha_member', $$ delete from public.review_stage_items where item_id = tests.uid('item_alpha_public') $$,
   '0 rows', 'member of the owner: cannot unlink its item'),
  ('alpha_admin', $$ insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_nl'), tests.uid('item_beta_signatures')) $$,
   '42501: new row violates row-level security policy for table "review_stage_items"',
   'admin: cannot link another organisation''s item'),
  ('alpha_editor', $$ insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_nl'), tests.uid('item_alpha_archived')) $$,
   '42501: new row violates row-level security policy for table "review_stage_items"',
   'editor: cannot link an archived item (read-only)'),
  ('coordinator', $$ insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_nl'), tests.uid('item_alpha_public')) $$,
   '42501: new row violates row-level security policy for table "review_stage_items"',
   'coordinator: cannot link an item they do not edit'),
  ('alpha_editor', $$ insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_nl'), tests.uid('item_alpha_public')) $$,
   '1 row', 'editor of the owner: links its item to a stage of another country''s cycle they read'),
  ('beta_editor', $$ insert into public.review_stage_items (stage_id, item_id) values (tests.uid('st_be_pub'), tests.uid('item_alpha_draft')) $$,
   '1 row', 'editor of an accepted co-lead: links the item'),
  ('gamma_admin', $$ delete from public.review_stage_items where item_id = tests.uid('item_alpha_network') $$,
   '0 rows', 'admin of another organisation of the country: cannot unlink alpha''s item'),
  ('alpha_editor', $$ delete from public.review_stage_items where item_id = tests.uid('item_alpha_network') $$,
   '1 row', 'editor of the owner: unlinks its item')
) as attempt (actor, statement, outcome, description);

-- Functions -------------------------------------------------------------------------------

select is(tests.value_as(null, $$ (select cycles || '/' || joint_actions from public.country_overview() where country = 'BE') $$),
          (select (count(*) filter (where is_public))::text from public.review_cycles where country = 'BE') || '/'
            || (select count(*)::text from public.joint_actions a join public.items i on i.id = a.id
                where 'BE' = any (a.countries) and i.visibility = 'public' and i.status in ('published', 'archived')),
          'anonymous: the countries index counts only the public cycles and items of a country');
select tests.check_as(null, $$ select * from public.linkable_items('BE') $$,
                      '42501: permission denied for function linkable_items', 'anonymous: has no linkable items');
select is(tests.read_as('alpha_member', $$ array(select tests.name(item_id) from public.linkable_items('BE') where item_id in (select id from tests.names)) $$),
          '{}'::text[], 'member: may link nothing');
select is(tests.read_as('alpha_admin', $$ array(select tests.name(item_id) from public.linkable_items('BE') where item_id in (select id from tests.names)) $$),
          '{}'::text[], 'admin: the fixture items name no country, so none is linkable to Belgium''s stages');
select is(tests.read_as(null, $$ array(select tests.name(stage_id) from public.review_stage_feed('BE') where stage_id in (select id from tests.names) order by 1) $$),
          '{st_be_pub}'::text[], 'anonymous: the country feed carries only the public cycle''s stages');
select is(tests.read_as(null, $$ array(select stage_id::text from public.personal_review_stages('not-a-token')) $$),
          '{}'::text[], 'an unknown calendar token gets no stage');

-- Reminders -------------------------------------------------------------------------------

select tests.clear_authentication();
select private.create_due_reminders() \g /dev/null
select is(array(select tests.name(n.recipient_id) from public.notifications n
                 where n.type = 'review_deadline' and n.data ->> 'stage_id' = tests.uid('st_be_net')::text
                   and n.recipient_id in (select id from tests.names)
                 order by 1),
          '{alpha_admin,alpha_editor,gamma_admin}'::text[],
          'a Belgian NGO deadline in 10 days reminds the editors and admins of the active Belgian organisations (not members, not other countries, not suspended ones)');
select is((select n.data ->> 'days' from public.notifications n
           where n.type = 'review_deadline' and n.data ->> 'stage_id' = tests.uid('st_be_net')::text limit 1),
          '14', 'the reminder is the 14-day one');
select is(private.create_due_reminders() - private.create_due_reminders(), 0, 'reminders are written once');
update public.review_cycles set is_demo = true where id = tests.uid('cyc_be_network');
update public.review_stages set starts_on = current_date + 2 where id = tests.uid('st_be_net');
select is(private.create_due_reminders(), 0, 'demonstration dates remind nobody');

select * from finish();
rollback;
