-- Translation requests between organisations (issue 16, 20261205000200_translation_requests.sql),
-- from every actor's side: who may ask (the item's lead editors, in their organisation's name),
-- who answers (the asked organisation's editors), who then writes which text (that language of
-- that item only, never the original, never deleted), who reads the requests, and the
-- original's revisions that an outdated translation is compared with.
begin;
\ir _helpers.psql
select plan(93);

-- Fixture ------------------------------------------------------------------------------------
-- Actions of alpha (French originals): network (Dutch translation), draft (beta co-lead),
-- archived, public; a network action co-led by beta (accepted); a network paper of alpha.
select tests.create_item('item_colead', 'joint_action', 'published', 'network') \g /dev/null
select tests.create_item('paper_network', 'paper', 'published', 'network') \g /dev/null
insert into tests.names (id, name) values (tests.uid('item_colead'), 'item_colead'), (tests.uid('paper_network'), 'paper_network');
insert into public.item_organisations (item_id, organisation_id, role, state, invited_by)
values (tests.uid('item_colead'), tests.uid('test-beta'), 'co_lead', 'accepted', tests.uid('alpha_editor'));

insert into public.joint_actions (id, original_locale, areas, crc_articles, countries, themes, phase)
select tests.uid(n), 'fr', '{training_education}', '{40}', '{BE}', '{}', 'ongoing'
from unnest(array['item_alpha_network', 'item_alpha_draft', 'item_alpha_archived', 'item_alpha_public', 'item_colead']) as n;
insert into public.joint_action_translations (action_id, locale, title, summary, body)
select tests.uid(n), 'fr', 'Formation ' || n, 'Un résumé.', 'Le texte de la formation.'
from unnest(array['item_alpha_network', 'item_alpha_draft', 'item_alpha_archived', 'item_alpha_public', 'item_colead']) as n;
insert into public.joint_action_translations (action_id, locale, title, summary, body)
values (tests.uid('item_alpha_network'), 'nl', 'Opleiding', 'Een samenvatting.', 'De tekst.');
insert into public.papers (id, original_locale, paper_kind, areas)
values (tests.uid('paper_network'), 'fr', 'position_statement', '{lobbying_advocacy}');
insert into public.paper_translations (paper_id, locale, title, abstract)
values (tests.uid('paper_network'), 'fr', 'Position sur la justice des mineurs', 'Pas d''enfermement avant 16 ans.');

create function tests.ask(item text, locale text, asked text, asking text default 'test-alpha', due text default 'null')
returns text
language sql
immutable
as $$
  select format($q$insert into public.translation_requests (item_id, locale, organisation_id, requested_by_organisation_id, due_on)
                   values (tests.uid(%L), %L, tests.uid(%L), tests.uid(%L), %s)$q$, item, locale, asked, asking, due)
$$;
create function tests.request(item text, locale text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select r.id from public.translation_requests r
  where r.item_id = tests.uid(item) and r.locale = request.locale
  order by r.created_at desc limit 1
$$;
create function tests.status_of(item text, locale text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select r.status::text from public.translation_requests r where r.id = tests.request(item, locale)
$$;
create function tests.notifications_of(kind text)
returns text[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct tests.name(n.recipient_id)), '{}')
  from public.notifications n join tests.names r on r.id = n.recipient_id where n.type::text = kind
$$;
grant execute on all functions in schema tests to anon, authenticated;

-- Asking ----------------------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, tests.ask('item_alpha_network', 'en', 'test-gamma'), '42501',
   'a visitor cannot ask for a translation'),
  ('outsider', tests.ask('item_alpha_network', 'en', 'test-gamma'), '42501',
   'a person without an organisation cannot ask'),
  ('outsider', tests.ask('item_alpha_draft', 'en', 'test-gamma'), '42501: you cannot ask for a translation of this item',
   'of an item they cannot read, they learn nothing (not whether the asked organisation could read it)'),
  ('alpha_member', tests.ask('item_alpha_network', 'en', 'test-gamma'), '42501',
   'a member (not an editor) of the owner cannot ask'),
  ('beta_editor', tests.ask('item_alpha_network', 'en', 'test-gamma', 'test-beta'), 'TR001',
   'an editor of another organisation cannot ask for a translation of an item it does not lead'),
  ('beta_editor', tests.ask('item_alpha_network', 'en', 'test-gamma'), '42501',
   'nor in the owner''s name'),
  ('alpha_editor', tests.ask('item_alpha_network', 'en', 'test-gamma', 'test-beta'), 'TR001',
   'an editor of the owner cannot ask in the name of an organisation they do not edit for'),
  ('alpha_editor', tests.ask('item_alpha_network', 'fr', 'test-gamma'), 'TR003',
   'the original language is not asked for'),
  ('alpha_editor', tests.ask('item_alpha_network', 'en', 'test-gamma', due => 'current_date - 1'), 'TR006',
   'a due date in the past is refused'),
  ('alpha_editor', tests.ask('item_alpha_draft', 'en', 'test-beta'), 'TR002',
   'a co-lead (already an editor of the item) is not asked'),
  ('alpha_editor', tests.ask('item_alpha_network', 'en', 'test-frozen'), 'TR002',
   'a suspended organisation is not asked'),
  ('alpha_editor', tests.ask('item_alpha_draft', 'en', 'test-gamma'), 'TR005',
   'an organisation that cannot read the item (a draft) is not asked'),
  ('alpha_editor', tests.ask('item_alpha_archived', 'en', 'test-gamma'), 'TR004',
   'an archived item is not translated any more'),
  ('alpha_editor', $$insert into public.translation_requests (item_id, locale, organisation_id, requested_by_organisation_id)
                     values (tests.uid('item_alpha_network'), 'en', tests.uid('test-alpha'), tests.uid('test-alpha'))$$,
   'TR002', 'an organisation does not ask itself'),
  ('alpha_editor', tests.ask('item_alpha_network', 'en', 'test-gamma', due => 'current_date + 14'), '1 row',
   'an editor of the owner asks an organisation for a language, with a due date'),
  ('alpha_editor', tests.ask('item_alpha_network', 'en', 'test-beta'), '23505',
   'one open request per language of an item'),
  ('alpha_editor', tests.ask('item_alpha_public', 'de', 'test-gamma'), '1 row',
   'another language, another item: another request'),
  ('alpha_editor', tests.ask('paper_network', 'en', 'test-gamma'), '1 row',
   'a paper is asked for too'),
  ('beta_editor', $$insert into public.translation_requests (item_id, locale, organisation_id)
                    values (tests.uid('item_colead'), 'en', tests.uid('test-gamma'))$$, '1 row',
   'an editor of an accepted co-lead asks, in its own name unless said'),
  ('alpha_editor', $$update public.translation_requests set status = 'accepted' where id = tests.request('item_colead', 'en')$$, 'TR008',
   'the asking side does not accept its own request')
) as attempt (actor, statement, outcome, description);

select tests.clear_authentication();
select is((select r.status || ':' || tests.name(r.requested_by) || ':' || (r.due_on - current_date)
           from public.translation_requests r where r.id = tests.request('item_alpha_network', 'en')),
  'requested:alpha_editor:14', 'a new request waits for an answer, with its author and due date');
select is((select tests.name(requested_by_organisation_id) from public.translation_requests where id = tests.request('item_colead', 'en')),
  'test-beta', 'the asking organisation is by default the caller''s lead organisation of the item');
select tests.check_as('alpha_editor', $$insert into public.translation_requests (item_id, locale, organisation_id)
                    values (tests.uid('item_alpha_network'), 'es', tests.uid('test-gamma'))$$, '1 row',
  'an owner''s editor asks in the owner''s name by default');
select tests.clear_authentication();
delete from public.translation_requests where item_id = tests.uid('item_alpha_network') and locale = 'es';
select is(tests.notifications_of('translation_requested'), array['gamma_admin'],
  'the asked organisation''s editors are notified of each request');

-- Who reads the requests -------------------------------------------------------------------
select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.translation_requests$$, '42501', 'permission denied for table translation_requests',
  'a visitor reads no request');
select is(tests.read_as(actor, $$array(select tests.name(item_id) || ':' || locale from public.translation_requests order by 1)$$),
          expected, description)
from (values
  ('outsider', '{}'::text[], 'nor does a person without an organisation'),
  ('alpha_member', array['item_alpha_network:en', 'item_alpha_public:de', 'paper_network:en'],
   'the owner''s members read the requests their organisation made'),
  ('alpha_editor', array['item_alpha_network:en', 'item_alpha_public:de', 'item_colead:en', 'paper_network:en'],
   'its editors also read those a co-lead made for its items'),
  ('gamma_member', array['item_alpha_network:en', 'item_alpha_public:de', 'item_colead:en', 'paper_network:en'],
   'the asked organisation''s members read the requests made to it'),
  ('beta_member', array['item_colead:en'], 'a co-lead''s members read the requests it made, not the others')
) as reading (actor, expected, description);

select is(tests.read_as(actor, $$array(select locale || ':' || organisation_name from public.item_translation_requests(tests.uid('item_alpha_public')))$$),
          expected, description)
from (values
  (null, array['de:Test Gamma'], 'anyone who reads a public item reads who was asked for which language'),
  ('beta_member', array['de:Test Gamma'], 'a network member too')
) as reading (actor, expected, description);
select is(tests.read_as(null, $$array(select locale::text from public.item_translation_requests(tests.uid('item_alpha_network')))$$),
  '{}'::text[], 'a visitor learns nothing of the requests of a network item');
select is(tests.read_as('gamma_admin', $$array(select tests.name(item_id) || ':' || status from public.pending_translation_requests() order by 1)$$),
  array['item_alpha_network:requested', 'item_alpha_public:requested', 'item_colead:requested', 'paper_network:requested'],
  'the asked organisation''s editors find the requests in their inbox');
select is(tests.read_as('gamma_member', $$array(select item_id::text from public.pending_translation_requests())$$),
  '{}'::text[], 'its members (not editors) have nothing to answer');

-- Answering --------------------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('gamma_member', $$update public.translation_requests set status = 'accepted' where id = tests.request('item_alpha_network', 'en')$$, '0 rows',
   'a member (not an editor) of the asked organisation cannot accept'),
  ('beta_admin', $$update public.translation_requests set status = 'accepted' where id = tests.request('item_alpha_network', 'en')$$, '0 rows',
   'an admin of another organisation cannot accept for it'),
  ('gamma_admin', $$update public.translation_requests set due_on = current_date + 60 where id = tests.request('item_alpha_network', 'en')$$, 'TR009',
   'the asked side does not move the due date'),
  ('gamma_admin', $$update public.translation_requests set item_id = tests.uid('item_alpha_public') where id = tests.request('item_alpha_network', 'en')$$, '42501',
   'nor the item of a request'),
  ('gamma_admin', $$update public.translation_requests set status = 'cancelled' where id = tests.request('item_alpha_network', 'en')$$, 'TR008',
   'nor does it cancel (it declines)'),
  ('gamma_admin', $$update public.translation_requests set status = 'accepted' where id = tests.request('item_alpha_network', 'en')$$, '1 row',
   'an editor of the asked organisation accepts'),
  ('gamma_admin', $$update public.translation_requests set status = 'declined' where id = tests.request('item_alpha_network', 'en')$$, 'TR008',
   'an answer is not taken back'),
  ('gamma_admin', $$update public.translation_requests set status = 'accepted' where id = tests.request('paper_network', 'en')$$, '1 row',
   'and accepts the paper''s request'),
  ('gamma_admin', $$update public.translation_requests set status = 'declined' where id = tests.request('item_colead', 'en')$$, '1 row',
   'or declines one'),
  ('alpha_editor', $$update public.translation_requests set message = 'Merci !', due_on = current_date + 30 where id = tests.request('item_alpha_network', 'en')$$, '1 row',
   'the asking side changes the message and the due date of an open request')
) as attempt (actor, statement, outcome, description);

select tests.clear_authentication();
select is((select r.status || ':' || tests.name(r.answered_by) from public.translation_requests r where r.id = tests.request('item_alpha_network', 'en')),
  'accepted:gamma_admin', 'the database records who answered');
select is(tests.notifications_of('translation_request_answered'), array['alpha_admin', 'alpha_editor', 'beta_admin', 'beta_editor'],
  'the asking organisation''s editors are notified of each answer');

-- Writing as a translator --------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('gamma_admin', $$insert into public.joint_action_translations (action_id, locale, title, summary, body)
                    values (tests.uid('item_alpha_network'), 'en', 'Training', 'A summary.', 'The text of the training.')$$, '1 row',
   'the translator writes the language asked for'),
  ('gamma_admin', $$update public.joint_action_translations set body = 'The training''s text.'
                    where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '1 row',
   '…and edits it'),
  ('gamma_admin', $$insert into public.paper_translations (paper_id, locale, title, abstract)
                    values (tests.uid('paper_network'), 'en', 'Position on juvenile justice', 'No detention under 16.')$$, '1 row',
   'a paper''s text as well'),
  ('gamma_admin', $$insert into public.joint_action_translations (action_id, locale, title)
                    values (tests.uid('item_alpha_network'), 'de', 'Ausbildung')$$, '42501',
   'but not another language of the same item'),
  ('gamma_admin', $$insert into public.joint_action_translations (action_id, locale, title)
                    values (tests.uid('item_colead'), 'en', 'Training')$$, '42501',
   'nor a declined request''s language'),
  ('gamma_admin', $$insert into public.joint_action_translations (action_id, locale, title)
                    values (tests.uid('item_alpha_public'), 'de', 'Ausbildung')$$, '42501',
   'nor one of a request not accepted yet'),
  ('gamma_admin', $$update public.joint_action_translations set title = 'Changed by gamma'
                    where action_id = tests.uid('item_alpha_network') and locale in ('fr', 'nl')$$, '0 rows',
   'the translator changes neither the original nor another translation'),
  ('gamma_admin', $$update public.joint_actions set themes = '{gamma}' where id = tests.uid('item_alpha_network')$$, '0 rows',
   'nor the action''s facts'),
  ('gamma_admin', $$delete from public.joint_action_translations where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '0 rows',
   'nor deletes the text it wrote'),
  ('gamma_admin', $$update public.joint_action_translations set locale = 'de' where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '42501',
   'nor moves it to another language'),
  ('gamma_member', $$update public.joint_action_translations set title = 'Changed' where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '0 rows',
   'a member (not an editor) of the translating organisation writes nothing'),
  ('beta_editor', $$update public.joint_action_translations set title = 'Changed' where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '0 rows',
   'an editor of another organisation cannot write the translated text'),
  ('beta_editor', $$insert into public.paper_translations (paper_id, locale, title) values (tests.uid('paper_network'), 'de', 'Stellung')$$, '42501',
   'nor add a language to the paper'),
  ('alpha_editor', $$update public.joint_action_translations set summary = 'A short summary.' where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '1 row',
   'the owner''s editors still edit the translation')
) as attempt (actor, statement, outcome, description);

select tests.clear_authentication();
select is((select tests.name(updated_by) from public.joint_action_translations where action_id = tests.uid('item_alpha_network') and locale = 'en'),
  'alpha_editor', 'who last wrote a text is recorded');

-- Revisions: what an outdated translation was made from ------------------------------------------
select tests.run_as('alpha_editor', $$update public.joint_action_translations set body = 'Le texte revu de la formation.'
                                      where action_id = tests.uid('item_alpha_network') and locale = 'fr'$$);
select tests.clear_authentication();
select is((select array_agg(revision || ':' || (texts ->> 'body') order by revision) from public.original_text_revisions
           where item_id = tests.uid('item_alpha_network')),
  array['1:Le texte de la formation.', '2:Le texte revu de la formation.'],
  'each revision of the original''s texts is kept');
select is((select t.source_revision || '<' || j.original_revision from public.joint_action_translations t
           join public.joint_actions j on j.id = t.action_id where t.action_id = tests.uid('item_alpha_network') and t.locale = 'en'),
  '1<2', 'the translation is outdated: made from revision 1, the original is at 2');
select is((select texts ?& array['title', 'summary', 'body'] and not texts ? 'search' from public.original_text_revisions
           where item_id = tests.uid('item_alpha_network') and revision = 1),
  true, 'a revision keeps the texts (title, summary, body), not the bookkeeping');

select is(tests.read_as(actor, $$array(select revision::text from public.original_text_revisions where item_id = tests.uid('item_alpha_network') order by 1)$$),
          expected, description)
from (values
  ('gamma_admin', array['1', '2'], 'the translator reads the original''s revisions'),
  ('beta_member', array['1', '2'], 'so does anyone who reads the item'),
  (null, '{}'::text[], 'a visitor reads no revision of a network item')
) as reading (actor, expected, description);
select is(tests.read_as(null, $$array(select revision::text from public.original_text_revisions where item_id = tests.uid('item_alpha_public'))$$),
  array['1'], 'but those of a public item');
select is(tests.read_as('beta_editor', $$array(select revision::text from public.original_text_revisions where item_id = tests.uid('item_alpha_draft'))$$),
  array['1'], 'a co-lead''s editors read the revisions of a draft');
select is(tests.read_as('gamma_admin', $$array(select revision::text from public.original_text_revisions where item_id = tests.uid('item_alpha_draft'))$$),
  '{}'::text[], 'others do not');

select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$insert into public.original_text_revisions (item_id, revision, locale, texts)
                     values (tests.uid('item_alpha_network'), 9, 'fr', '{}')$$, '42501',
   'nobody writes a revision by hand'),
  ('alpha_editor', $$delete from public.original_text_revisions where item_id = tests.uid('item_alpha_network')$$, '42501',
   'nor deletes one'),
  ('gamma_admin', $$update public.joint_action_translations set title = title
                    where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '1 row',
   'the translator marks the translation up to date (a save, even without a change)')
) as attempt (actor, statement, outcome, description);
select tests.clear_authentication();
select is((select t.source_revision from public.joint_action_translations t where t.action_id = tests.uid('item_alpha_network') and t.locale = 'en'),
  2, 'the revision reviewed is recorded: the translation is up to date');

-- Done, cancelled ----------------------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('gamma_admin', $$update public.translation_requests set status = 'done' where id = tests.request('item_alpha_network', 'en')$$, '1 row',
   'the translator marks a request done'),
  ('gamma_admin', $$update public.joint_action_translations set summary = 'Still looked after.' where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '1 row',
   'and still looks after the text'),
  ('alpha_editor', $$update public.translation_requests set message = 'Again' where id = tests.request('item_alpha_network', 'en')$$, 'TR009',
   'a done request''s message is not changed any more'),
  ('beta_editor', $$update public.translation_requests set status = 'cancelled' where id = tests.request('item_alpha_network', 'en')$$, '0 rows',
   'an editor of another organisation cannot cancel it'),
  ('alpha_member', $$update public.translation_requests set status = 'cancelled' where id = tests.request('item_alpha_network', 'en')$$, '0 rows',
   'nor can a member of the owner'),
  ('alpha_editor', $$update public.translation_requests set status = 'cancelled' where id = tests.request('item_alpha_network', 'en')$$, '1 row',
   'an editor of the owner cancels it'),
  ('gamma_admin', $$update public.joint_action_translations set summary = 'After the end.' where action_id = tests.uid('item_alpha_network') and locale = 'en'$$, '0 rows',
   'then the translator writes nothing any more'),
  ('gamma_admin', $$update public.translation_requests set status = 'accepted' where id = tests.request('item_alpha_network', 'en')$$, 'TR008',
   'and cannot accept the request again'),
  ('alpha_editor', tests.ask('item_alpha_network', 'en', 'test-beta'), '1 row',
   'the language may be asked again, of another organisation'),
  ('alpha_editor', $$update public.items set status = 'archived' where id = tests.uid('paper_network')$$, '1 row',
   'the owner archives its paper'),
  ('gamma_admin', $$update public.paper_translations set abstract = 'Archived.' where paper_id = tests.uid('paper_network') and locale = 'en'$$, '0 rows',
   'an archived item''s translation is not written any more')
) as attempt (actor, statement, outcome, description);

-- People in two organisations, and what holds for every writer ------------------------------------
-- A member of the owner who edits for a co-lead (two_hats_b), and an editor of the owner who is
-- only a member of an asked organisation (two_hats_a): each acts with the role they hold in
-- the organisation they act for, never with the other.
select tests.clear_authentication();
select tests.create_member('two_hats_a', 'test-alpha', 'editor') \g /dev/null
insert into public.memberships (user_id, organisation_id, role) values (tests.uid('two_hats_a'), tests.uid('test-gamma'), 'member');
select tests.create_member('two_hats_b', 'test-beta', 'editor') \g /dev/null
insert into public.memberships (user_id, organisation_id, role) values (tests.uid('two_hats_b'), tests.uid('test-alpha'), 'member');

select tests.check_as(actor, statement, outcome, description)
from (values
  ('two_hats_b', $$insert into public.translation_requests (item_id, locale, organisation_id)
                   values (tests.uid('item_colead'), 'es', tests.uid('test-gamma'))$$, '1 row',
   'a member of the owner who edits for a co-lead asks, by default in the co-lead''s name'),
  ('two_hats_b', tests.ask('item_colead', 'de', 'test-gamma', 'test-alpha'),
   '42501: new row violates row-level security policy for table "translation_requests"',
   'but not in the name of the owner, where they are only a member'),
  ('two_hats_a', $$update public.translation_requests set status = 'accepted' where id = tests.request('item_alpha_public', 'de')$$, 'TR008',
   'an editor of the asking organisation who is only a member of the asked one does not accept for it'),
  ('alpha_editor', $$update public.translation_requests set due_on = current_date - 1 where id = tests.request('item_alpha_public', 'de')$$, 'TR006',
   'the due date of an open request is not moved into the past')
) as attempt (actor, statement, outcome, description);

select tests.clear_authentication();
select is((select tests.name(requested_by_organisation_id) from public.translation_requests where id = tests.request('item_colead', 'es')),
  'test-beta', 'the default asking organisation is one the caller edits for, not the owner they are a member of');
select is(tests.status_of('item_alpha_public', 'de'), 'requested', 'the request still waits for the asked organisation''s editors');
-- The table's owner (migrations, the secret key's role too) is not an API caller, and still
-- cannot move a request to another item, language or organisation.
select throws_ok($$update public.translation_requests set locale = 'es' where id = tests.request('item_alpha_public', 'de')$$,
  'TR007', 'a request''s item, language, organisations and author do not change',
  'not even the database''s owner moves a request to another language');

select * from finish();
rollback;
