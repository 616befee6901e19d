-- joint_actions, events and papers keep a copy of their item's access columns (status,
-- visibility, organisation arrays; 20261128000400_joint_actions.sql, "Content read
-- policies"), so that their read policies test the row itself. Here: the copies follow
-- every change of the item, whoever makes it, in the very next query; every actor reads
-- exactly the content rows whose item they read; no API caller writes the copies; and
-- the list queries plan without a SubPlan per row.
begin;
\ir _helpers.psql
select plan(57);

-- Fixture: one draft of each kind owned by test-alpha. ------------------------------------

select tests.create_item('cx_action', 'joint_action', 'draft', 'network') \g /dev/null
select tests.create_item('cx_event', 'event', 'draft', 'network') \g /dev/null
select tests.create_item('cx_paper', 'paper', 'draft', 'participants') \g /dev/null
insert into tests.names (id, name)
values (tests.uid('cx_action'), 'cx_action'), (tests.uid('cx_event'), 'cx_event'), (tests.uid('cx_paper'), 'cx_paper');

-- The content is added by the owner's editor, who claims a published public item: the
-- copies are the item's anyway.
select tests.authenticate_as('alpha_editor');
insert into public.joint_actions (id, original_locale, areas, status, visibility)
values (tests.uid('cx_action'), 'fr', '{lobbying_advocacy}', 'published', 'public');
insert into public.events (id, original_locale, starts_at, ends_at, status, visibility)
values (tests.uid('cx_event'), 'fr', now() + interval '10 days', now() + interval '10 days 3 hours', 'published', 'public');
insert into public.papers (id, original_locale, status, visibility, signatory_organisation_ids)
values (tests.uid('cx_paper'), 'fr', 'published', 'public', array[tests.uid('test-gamma')]);
select tests.clear_authentication();
insert into public.paper_versions (id, paper_id) values (tests.uid('cx_paper_v1'), tests.uid('cx_paper'));

-- Who of a fixed cast reads `item`'s row in `tbl` (RLS applies), in one statement each.
create function tests.readers(tbl regclass, item text)
returns text[]
language plpgsql
set search_path = ''
as $$
declare
  actor text;
  seen boolean;
  readers text[] := '{}';
begin
  foreach actor in array array['anon', 'outsider', 'alpha_editor', 'alpha_member', 'beta_member', 'gamma_member', 'frozen_member'] loop
    perform tests.act_as(nullif(actor, 'anon'));
    execute format('select exists (select 1 from %s where id = $1)', tbl) into seen using tests.uid(item);
    if seen then
      readers := readers || actor;
    end if;
  end loop;
  perform tests.clear_authentication();
  return readers;
end;
$$;

-- Whether the current actor reads the same content rows through the copies as through the
-- items: the ids readable in `tbl` against those of readable items of `kind` with a row there.
create function tests.content_matches_items(tbl regclass, kind public.item_kind)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  through_content uuid[];
  through_items uuid[];
begin
  execute format('select coalesce(array_agg(id order by id), ''{}'') from %s', tbl) into through_content;
  execute format('select coalesce(array_agg(i.id order by i.id), ''{}'') from public.items i
                  where i.kind = $1 and exists (select 1 from %s c where c.id = i.id)', tbl)
  into through_items using kind;
  return through_content = through_items;
end;
$$;

grant execute on all functions in schema tests to public;

-- The copies at insert --------------------------------------------------------------------

select is(
  (select array[status::text, visibility::text] from public.joint_actions where id = tests.uid('cx_action')),
  array['draft', 'network'],
  'an inserted joint action takes its item''s status and visibility, not what the editor wrote'
);
select is(
  (select array[status::text, visibility::text] from public.events where id = tests.uid('cx_event')),
  array['draft', 'network'],
  'an inserted event takes its item''s status and visibility'
);
select is(
  (select signatory_organisation_ids from public.papers where id = tests.uid('cx_paper')),
  '{}'::uuid[],
  'an inserted paper takes its item''s (empty) signatories, not the ones written'
);
select is(tests.readers(content.tbl, content.item), array['alpha_editor'],
          format('a draft %s is read by its lead editors only', content.kind))
from (values ('public.joint_actions', 'cx_action', 'joint action'), ('public.events', 'cx_event', 'event'),
             ('public.papers', 'cx_paper', 'paper')) as content (tbl, item, kind);

-- Every actor reads the same content through the copies as through the items (the seed
-- and the fixture). ------------------------------------------------------------------------

select is(
  (select coalesce(array_agg(p.person order by p.person), '{}')
   from unnest(array['anon', 'outsider', 'coordinator', 'alpha_admin', 'alpha_editor', 'alpha_member', 'beta_editor',
                     'beta_member', 'gamma_member', 'frozen_member', 'pending_admin']) as p (person)
   where tests.read_as(nullif(p.person, 'anon'),
           'array[(tests.content_matches_items(''public.joint_actions'', ''joint_action'')
                   and tests.content_matches_items(''public.events'', ''event'')
                   and tests.content_matches_items(''public.papers'', ''paper''))::text]') <> array['true']),
  '{}'::text[],
  'every actor reads exactly the joint actions, events and papers whose item they read'
);
select tests.clear_authentication();

-- The owner's editor changes status and visibility: the next query follows. ---------------

select tests.authenticate_as('alpha_editor');
update public.items set status = 'published' where id = tests.uid('cx_action');
select is(tests.readers('public.joint_actions', 'cx_action'),
  array['alpha_editor', 'alpha_member', 'beta_member', 'gamma_member'],
  'published for the network: members of active organisations read the action at once');

select tests.authenticate_as('alpha_editor');
update public.items set visibility = 'participants' where id = tests.uid('cx_action');
select is(tests.readers('public.joint_actions', 'cx_action'), array['alpha_editor', 'alpha_member'],
  'for participants only: the other organisations'' members no longer read it');

-- Attachments: invited, accepted by the attached organisation's admin, detached. --------

select tests.authenticate_as('alpha_editor');
insert into public.item_organisations (item_id, organisation_id, role)
values (tests.uid('cx_action'), tests.uid('test-beta'), 'participant');
select is(tests.readers('public.joint_actions', 'cx_action'), array['alpha_editor', 'alpha_member'],
  'an invited participant does not read it yet');
select is(
  (select participant_organisation_ids from public.joint_actions where id = tests.uid('cx_action')),
  (select participant_organisation_ids from public.items where id = tests.uid('cx_action')),
  'the copy of the participants is the item''s'
);

select tests.authenticate_as('beta_admin');
update public.item_organisations set state = 'accepted'
where item_id = tests.uid('cx_action') and organisation_id = tests.uid('test-beta');
select is(tests.readers('public.joint_actions', 'cx_action'), array['alpha_editor', 'alpha_member', 'beta_member'],
  'once the participant''s admin accepts, its members read it at once');

select tests.authenticate_as('alpha_editor');
insert into public.item_organisations (item_id, organisation_id, role)
values (tests.uid('cx_action'), tests.uid('test-gamma'), 'co_lead');
select tests.authenticate_as('gamma_admin');
update public.item_organisations set state = 'accepted'
where item_id = tests.uid('cx_action') and organisation_id = tests.uid('test-gamma');
select is(
  (select lead_organisation_ids @> array[tests.uid('test-gamma')] from public.joint_actions where id = tests.uid('cx_action')),
  true,
  'an accepted co-lead is copied among the leads'
);
select is(tests.readers('public.joint_actions', 'cx_action'),
  array['alpha_editor', 'alpha_member', 'beta_member', 'gamma_member'],
  'and its members read the action');

select tests.authenticate_as('alpha_editor');
delete from public.item_organisations
where item_id = tests.uid('cx_action') and organisation_id = tests.uid('test-beta');
select is(tests.readers('public.joint_actions', 'cx_action'), array['alpha_editor', 'alpha_member', 'gamma_member'],
  'a detached participant''s members no longer read it');

select tests.authenticate_as('alpha_editor');
update public.items set visibility = 'public' where id = tests.uid('cx_action');
select is(tests.readers('public.joint_actions', 'cx_action'),
  array['anon', 'outsider', 'alpha_editor', 'alpha_member', 'beta_member', 'gamma_member', 'frozen_member'],
  'made public: everyone reads it at once');

select tests.authenticate_as('alpha_editor');
update public.items set status = 'archived' where id = tests.uid('cx_action');
select is(
  (select status from public.joint_actions where id = tests.uid('cx_action')),
  'archived'::public.item_status,
  'archiving is copied'
);
select is(tests.readers('public.joint_actions', 'cx_action'),
  array['anon', 'outsider', 'alpha_editor', 'alpha_member', 'beta_member', 'gamma_member', 'frozen_member'],
  'and an archived public action stays readable by everyone');

-- A trusted path (migration, secret key) changes the item: the copy follows too.
select tests.clear_authentication();
update public.items set status = 'draft' where id = tests.uid('cx_action');
select is(tests.readers('public.joint_actions', 'cx_action'), array['alpha_editor'],
  'back to draft by a trusted path: only the lead editors read it');
select is(tests.readers('public.joint_actions', 'cx_action'), tests.readers('public.items', 'cx_action'),
  'the action''s readers are its item''s');

-- Events ------------------------------------------------------------------------------------

select tests.authenticate_as('alpha_editor');
update public.items set status = 'published', visibility = 'public' where id = tests.uid('cx_event');
select is(tests.readers('public.events', 'cx_event'),
  array['anon', 'outsider', 'alpha_editor', 'alpha_member', 'beta_member', 'gamma_member', 'frozen_member'],
  'an event published for everyone is read by everyone at once');

select tests.authenticate_as('alpha_editor');
update public.items set visibility = 'network' where id = tests.uid('cx_event');
select is(tests.readers('public.events', 'cx_event'),
  array['alpha_editor', 'alpha_member', 'beta_member', 'gamma_member'],
  'for the network: visitors, outsiders and suspended organisations no longer read it');
select is(tests.readers('public.events', 'cx_event'), tests.readers('public.items', 'cx_event'),
  'the event''s readers are its item''s');

-- Papers: the organisations asked to co-sign read the draft. ------------------------------

select tests.authenticate_as('alpha_editor');
select public.open_paper_signature(tests.uid('cx_paper'), tests.uid('cx_paper_v1'), now() + interval '14 days')
\g /dev/null
select public.invite_paper_signatories(tests.uid('cx_paper'), array[tests.uid('test-gamma')])
\g /dev/null
select is(
  (select signatory_organisation_ids from public.papers where id = tests.uid('cx_paper')),
  array[tests.uid('test-gamma')],
  'an organisation asked to co-sign is copied among the signatories'
);
select is(tests.readers('public.papers', 'cx_paper'), array['alpha_editor', 'gamma_member'],
  'its members read the draft at once');

select tests.clear_authentication();
select id as gamma_signature from public.paper_signatures
where paper_id = tests.uid('cx_paper') and organisation_id = tests.uid('test-gamma') \gset
select tests.authenticate_as('gamma_admin');
select public.decide_paper_signature(:'gamma_signature', false)
\g /dev/null
select is(tests.readers('public.papers', 'cx_paper'), array['alpha_editor'],
  'once its admin declines, they no longer read the draft');

select tests.authenticate_as('alpha_editor');
update public.items set status = 'published' where id = tests.uid('cx_paper');
select is(tests.readers('public.papers', 'cx_paper'), array['alpha_editor', 'alpha_member'],
  'the paper published for participants is read by the owner''s members');
select is(tests.readers('public.papers', 'cx_paper'), tests.readers('public.items', 'cx_paper'),
  'the paper''s readers are its item''s');

-- No API caller writes the copies. ---------------------------------------------------------

select tests.check_as('alpha_editor', statement, outcome, description)
from (values
  ($$update public.joint_actions set visibility = 'participants' where id = tests.uid('cx_action')$$,
   '42501: a joint action''s status, visibility and organisations follow its item; change the item instead',
   'an editor of the action cannot change its copied visibility'),
  ($$update public.joint_actions set status = 'published' where id = tests.uid('cx_action')$$,
   '42501: a joint action''s status, visibility and organisations follow its item; change the item instead',
   'nor its copied status'),
  ($$update public.joint_actions set participant_organisation_ids = array[tests.uid('test-beta')] where id = tests.uid('cx_action')$$,
   '42501: a joint action''s status, visibility and organisations follow its item; change the item instead',
   'nor its copied participants'),
  ($$update public.events set lead_organisation_ids = array[tests.uid('test-alpha'), tests.uid('test-beta')] where id = tests.uid('cx_event')$$,
   '42501: an event''s status, visibility and organisations follow its item; change the item instead',
   'nor an event''s copied leads'),
  ($$update public.papers set signatory_organisation_ids = array[tests.uid('test-beta')] where id = tests.uid('cx_paper')$$,
   '42501: a paper''s status, visibility and organisations follow its item; change the item instead',
   'nor a paper''s copied signatories'),
  ($$update public.items set signatory_organisation_ids = array[tests.uid('test-beta')] where id = tests.uid('cx_paper')$$,
   '42501: an item''s organisation lists follow its attachments; attach or detach organisations instead',
   'nor the item''s own signatories'),
  ($$update public.events set venue_name = 'Bruxelles' where id = tests.uid('cx_event')$$, 'ok',
   'the editor still edits the event''s own columns')
) as attempt (statement, outcome, description);

select tests.run_as(actor, statement)
from (values
  ('alpha_member', $$update public.papers set visibility = 'public' where id = tests.uid('cx_paper')$$),
  ('beta_admin', $$update public.events set visibility = 'public' where id = tests.uid('cx_event')$$),
  ('outsider', $$update public.joint_actions set status = 'published' where id = tests.uid('cx_action')$$),
  ('coordinator', $$update public.joint_actions set status = 'published' where id = tests.uid('cx_action')$$)
) as attempt (actor, statement)
\g /dev/null
select tests.clear_authentication();
select is(
  array[(select visibility::text from public.papers where id = tests.uid('cx_paper')),
        (select visibility::text from public.events where id = tests.uid('cx_event')),
        (select status::text from public.joint_actions where id = tests.uid('cx_action'))],
  array['participants', 'network', 'draft'],
  'members, other organisations'' admins, outsiders and coordinators change no copy (RLS leaves them no row)'
);

select tests.authenticate_as_anon();
select throws_ok(
  $$update public.joint_actions set status = 'published' where id = tests.uid('cx_action')$$,
  '42501', 'permission denied for table joint_actions',
  'anonymous visitors write no content at all');
select tests.clear_authentication();

-- The rows of each content table whose copied `columns` differ from their item's.
select is_empty(
  format('select c.id from %s c join public.items i using (id) where (%s) is distinct from (%s)', content.tbl,
         regexp_replace(content.columns, '(\w+)', 'c.\1', 'g'), regexp_replace(content.columns, '(\w+)', 'i.\1', 'g')),
  content.description)
from (values
  ('public.joint_actions', 'status, visibility, lead_organisation_ids, participant_organisation_ids, published_at',
   'every joint action (seed and fixture) holds its item''s access columns'),
  ('public.events', 'status, visibility, lead_organisation_ids, participant_organisation_ids',
   'every event holds its item''s access columns'),
  ('public.papers', 'status, visibility, lead_organisation_ids, participant_organisation_ids, signatory_organisation_ids, published_at',
   'every paper holds its item''s access columns')
) as content (tbl, columns, description);

-- The list queries plan without a SubPlan per row (initPlans only): the cost of a row does
-- not depend on the size of other tables. As a member and as a visitor. ------------------

select doesnt_match(tests.value_as(nullif(actor.person, 'anon'), format('tests.plan_of(%L)', list.query)), 'SubPlan', list.description)
from (values ('alpha_member'), ('anon')) as actor (person)
cross join lateral (values
  ($$select id from public.joint_actions order by published_at desc nulls last, id limit 13$$,
   case actor.person when 'anon' then 'a visitor''s list of joint actions has no SubPlan'
                     else 'a member''s list of joint actions has no SubPlan' end),
  ($$select id from public.joint_actions where areas @> '{legal_actions}' and countries @> '{BE}'
     order by published_at desc nulls last, id limit 13 offset 24$$, 'nor the filtered list, page 3'),
  ($$select id from public.events where ends_at >= now() order by starts_at, id limit 13$$, 'nor the upcoming events'),
  ($$select id from public.events where ends_at < now() order by starts_at desc, id limit 13$$, 'nor the past events'),
  ($$select id from public.papers order by published_at desc nulls last, id limit 13$$,
   case actor.person when 'anon' then 'nor the papers' else 'nor the papers (signatories read drafts)' end)
) as list (query, description);
select matches(
  tests.value_as('alpha_member', $$tests.plan_of('select id from public.papers order by published_at desc nulls last, id limit 13')$$),
  'InitPlan', 'the caller''s organisations are computed once per statement (InitPlan)');
select tests.clear_authentication();

-- The rows that hang off one item (a paper's signatures, an event's registrations and online
-- link, an item's translation requests) are read by probing that item by its primary key,
-- tested against the item's own columns: no read policy builds the set of every item the
-- reader's organisations lead or own (it grows with the network: at 100k items DEI Belgique
-- leads thousands, hashed again for every statement). By the policies' text, and by the plan
-- of a page's read as an editor of the owner (who reaches every branch). -----------------

select is_empty(
  $$select tablename || ': ' || policyname from pg_catalog.pg_policies
    where schemaname = 'public' and cmd in ('SELECT', 'ALL')
      and qual ~ '(managed|owned|editable)_item_ids\('$$,
  'no read policy builds the set of the items its reader''s organisations lead or own');

-- The plans are read with sequential scans off: the fixture's items fill a few pages, and once
-- autovacuum has measured them (a while after the data is loaded, or after the other files'
-- rolled-back writes) a scan of so small a table costs less than a probe, which at the
-- network's size it never does. The shape asked for is the one the planner takes at size.
set local enable_seqscan = off;
select doesnt_match(plan, '(Seq|Bitmap Heap) Scan on public\.items|_item_ids\(', description)
from (values
  ('select * from public.paper_signatures where paper_id = ' || quote_literal(tests.uid('cx_paper')),
   'a paper''s signatures probe their paper (no scan of items, no set of them)'),
  ('select * from public.event_registrations where event_id = ' || quote_literal(tests.uid('cx_event')),
   'an event''s registrations probe their event'),
  ('select * from public.event_online_links where event_id = ' || quote_literal(tests.uid('cx_event')),
   'an event''s online link probes its event'),
  ('select * from public.translation_requests where item_id = ' || quote_literal(tests.uid('cx_action')),
   'an item''s translation requests probe their item')
) as q (query, description)
cross join lateral (select tests.value_as('alpha_editor', format('tests.plan_of(%L, true)', q.query)) as plan) p;
select matches(
  tests.value_as('alpha_editor', format('tests.plan_of(%L, true)',
    'select * from public.paper_signatures where paper_id = ' || quote_literal(tests.uid('cx_paper')))),
  'Index Scan using items_pkey on public\.items i\s+Output: [^\n]*\s+Index Cond: \(i\.id = paper_signatures\.paper_id\)',
  '…by the primary key of items, with the row''s own paper');
set local enable_seqscan = on;
select tests.clear_authentication();

select * from finish();
rollback;
