-- papers, paper_translations, paper_versions, paper_files, paper_signatures and the
-- co-signature functions: who reads and writes each from every actor's side; files
-- (the download rule), versions, signing only by the asked organisation's admins,
-- deadlines, closing, new versions asking again, revoked access.
begin;
\ir _helpers.psql
select plan(148);

-- Fixture: papers of test-alpha; test-beta is an accepted co-lead of pa_participants and
-- pa_draft. Two more organisations: test-delta (will decline) and test-epsilon
-- (unrelated). --------------------------------------------------------------------------

insert into public.organisations (id, slug, name, kind, status, is_coordinating, country, description, original_locale, languages)
values
  (tests.uid('test-delta'), 'test-delta', 'Test Delta', 'partner', 'active', false, 'FR', '{}', 'fr', '{fr}'),
  (tests.uid('test-epsilon'), 'test-epsilon', 'Test Epsilon', 'section', 'active', false, 'ES', '{}', 'es', '{es}');
select tests.create_member(m.person, m.org, m.role)
from (values
  ('delta_admin', 'test-delta', 'admin'),
  ('delta_editor', 'test-delta', 'editor'),
  ('delta_member', 'test-delta', 'member'),
  ('epsilon_member', 'test-epsilon', 'member')
) as m (person, org, role)
\g /dev/null

select tests.create_item(p.name, 'paper', p.status, p.visibility)
from (values
  ('pa_public', 'published', 'public'),
  ('pa_participants', 'published', 'participants'),
  ('pa_draft', 'draft', 'participants'),
  ('pa_new', 'draft', 'network')
) as p (name, status, visibility)
\g /dev/null

insert into public.item_organisations (item_id, organisation_id, role, state)
values
  (tests.uid('pa_participants'), tests.uid('test-beta'), 'co_lead', 'accepted'),
  (tests.uid('pa_draft'), tests.uid('test-beta'), 'co_lead', 'accepted');

insert into public.papers (id, original_locale, paper_kind, areas)
select tests.uid(n), 'fr', 'position_statement', '{lobbying_advocacy}'
from unnest(array['pa_public', 'pa_participants', 'pa_draft']) as n;

insert into public.paper_translations (paper_id, locale, title, abstract)
values
  (tests.uid('pa_public'), 'fr', 'Prise de position publique sur la détention', 'Les enfants ne sont pas enfermés.'),
  (tests.uid('pa_participants'), 'fr', 'Note confidentielle sur les tests osseux', ''),
  (tests.uid('pa_draft'), 'fr', 'Projet de rapport alternatif', '');

insert into public.paper_versions (id, paper_id)
select tests.uid(n || '_v1'), tests.uid(n) from unnest(array['pa_public', 'pa_participants', 'pa_draft']) as n;

insert into public.paper_files (id, paper_id, version_id, locale, storage_key, filename, size_bytes, sha256)
select tests.uid(n || '_fr'), tests.uid(n), tests.uid(n || '_v1'), 'fr',
       'papers/' || tests.uid(n) || '/' || n || '-fr.pdf', n || '-fr.pdf', 1234, repeat('ab', 32)
from unnest(array['pa_public', 'pa_participants', 'pa_draft']) as n;

insert into tests.names (id, name)
select tests.uid(n), n
from unnest(array['test-delta', 'test-epsilon', 'delta_admin', 'delta_editor', 'delta_member', 'epsilon_member',
                  'pa_public', 'pa_participants', 'pa_draft', 'pa_new',
                  'pa_public_v1', 'pa_participants_v1', 'pa_draft_v1',
                  'pa_public_fr', 'pa_participants_fr', 'pa_draft_fr']) as n;

create function tests.visible_versions()
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(n.name || '/v' || v.number order by n.name, v.number), '{}')
  from public.paper_versions v join tests.names n on n.id = v.paper_id
$$;

-- Files as paper/v<number>/locale.
create function tests.visible_files()
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(n.name || '/v' || v.number || '/' || f.locale order by n.name, v.number, f.locale), '{}')
  from public.paper_files f
  join tests.names n on n.id = f.paper_id
  join public.paper_versions v on v.id = f.version_id
$$;

create function tests.version_number(version uuid)
returns integer language sql stable security definer set search_path = '' as $$
  select v.number from public.paper_versions v where v.id = version
$$;

-- Signatures as paper/v<number>/organisation:state (versions read as postgres: a
-- signature row may be visible where the paper is not).
create function tests.visible_signatures()
returns text[] language sql stable set search_path = '' as $$
  select coalesce(array_agg(n.name || '/v' || (select tests.version_number(s.version_id)) || '/' || o.name || ':' || s.state
                            order by n.name || (select tests.version_number(s.version_id)) || o.name), '{}')
  from public.paper_signatures s
  join tests.names n on n.id = s.paper_id
  join tests.names o on o.id = s.organisation_id
$$;

-- The id of a signature request, whoever asks (to try deciding on others' requests).
create function tests.signature_id(paper text, org text, version_number integer)
returns uuid language sql stable security definer set search_path = '' as $$
  select s.id from public.paper_signatures s join public.paper_versions v on v.id = s.version_id
  where s.paper_id = tests.uid(paper) and s.organisation_id = tests.uid(org) and v.number = version_number
$$;

create function tests.version_id(paper text, version_number integer)
returns uuid language sql stable security definer set search_path = '' as $$
  select v.id from public.paper_versions v where v.paper_id = tests.uid(paper) and v.number = version_number
$$;

create function tests.signatory_state(paper text, org text)
returns text language sql stable security definer set search_path = '' as $$
  select io.state::text from public.item_organisations io
  where io.item_id = tests.uid(paper) and io.organisation_id = tests.uid(org) and io.role = 'signatory'
$$;

-- Every paper id the current actor reads under RLS vs the same rule for a person id.
create function tests.papers_match_readable_for(person text)
returns boolean language plpgsql set search_path = '' as $$
declare
  through_rls uuid[];
  through_helper uuid[];
begin
  perform tests.authenticate_as(person);
  through_rls := array(select p.id from public.papers p order by p.id);
  perform tests.clear_authentication();
  through_helper := array(select p.id from public.papers p
                          where p.id in (select private.readable_item_ids_for(tests.uid(person))) order by p.id);
  return through_rls = through_helper;
end;
$$;
grant execute on all functions in schema tests to public;

-- reading: every actor -------------------------------------------------------------------
select tests.authenticate_as_anon();
select is(tests.visible_rows('public.papers'), array['pa_public'], 'anonymous visitors read public papers only');
select is(tests.visible_rows('public.paper_translations', 'paper_id', true), array['pa_public/fr'], 'anonymous visitors read the texts of public papers only');
select is(tests.visible_versions(), array['pa_public/v1'], 'anonymous visitors read the versions of public papers only');
select is(tests.visible_files(), array['pa_public/v1/fr'], 'anonymous visitors read the files of public papers only');
select is((select count(*)::int from public.paper_file_for_download(tests.uid('pa_participants_fr'))), 0,
  'anonymous visitors get no storage key for a participants paper''s file');

select tests.authenticate_as('outsider');
select is(tests.visible_rows('public.papers'), array['pa_public'], 'a person without membership reads public papers only');
select is(tests.visible_files(), array['pa_public/v1/fr'], 'a person without membership reads only public papers'' files');
select is((select count(*)::int from public.paper_files where id = tests.uid('pa_participants_fr')), 0,
  'a person without membership reading a participants paper''s file by id gets no row (so no storage key)');
select is((select count(*)::int from public.paper_files where paper_id = tests.uid('pa_public') and id = tests.uid('pa_participants_fr')), 0,
  'nor by pairing another (public) paper''s id with the file id');
select is((select f.storage_key from public.paper_file_for_download(tests.uid('pa_public_fr')) f),
  'papers/' || tests.uid('pa_public') || '/pa_public-fr.pdf', 'paper_file_for_download returns the storage key of a readable file');

select tests.authenticate_as('alpha_member');
select is(tests.visible_rows('public.papers'), array['pa_participants', 'pa_public'], 'a member of the owner reads published papers, not the draft');
select is(tests.visible_files(), array['pa_participants/v1/fr', 'pa_public/v1/fr'], 'a member of the owner reads their files, not the draft''s');

select tests.authenticate_as('alpha_editor');
select is(tests.visible_rows('public.papers'), array['pa_draft', 'pa_participants', 'pa_public'], 'an editor of the owner reads the draft');
select is(tests.visible_files(), array['pa_draft/v1/fr', 'pa_participants/v1/fr', 'pa_public/v1/fr'], 'and its files');

select tests.authenticate_as('beta_editor');
select is(tests.visible_rows('public.papers'), array['pa_draft', 'pa_participants', 'pa_public'], 'an editor of an accepted co-lead reads the draft it co-leads');

select tests.authenticate_as('gamma_member');
select is(tests.visible_rows('public.papers'), array['pa_public'], 'a member of an organisation not (yet) asked to sign reads public papers only');

select tests.authenticate_as('frozen_member');
select is(tests.visible_rows('public.papers'), array['pa_public'], 'a member of a suspended organisation reads public papers only');

select tests.authenticate_as('epsilon_member');
select is(tests.visible_rows('public.papers'), array['pa_public'], 'a member of an unrelated organisation reads public papers only');

select tests.authenticate_as('coordinator');
select is(tests.visible_rows('public.papers'), array['pa_public'], 'a coordinator reads neither other organisations'' participants papers nor their drafts');

-- writing papers -----------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$insert into public.papers (id, original_locale) values (tests.uid('pa_new'), 'fr')$$,
   '42501: permission denied for table papers', 'anonymous visitors cannot create papers'),
  ('alpha_member', $$insert into public.papers (id, original_locale) values (tests.uid('pa_new'), 'fr')$$,
   '42501: new row violates row-level security policy for table "papers"', 'a member of the owner cannot create a paper'),
  ('coordinator', $$insert into public.papers (id, original_locale) values (tests.uid('pa_new'), 'fr')$$,
   '42501: new row violates row-level security policy for table "papers"', 'a coordinator cannot create another organisation''s paper'),
  ('alpha_editor', $$insert into public.papers (id, original_locale) values (tests.uid('item_alpha_draft'), 'fr')$$,
   '23514: a paper belongs to an item of kind paper, not joint_action', 'a joint-action item cannot get paper content'),
  ('alpha_editor', $$insert into public.papers (id, original_locale, crc_articles) values (tests.uid('pa_new'), 'fr', '{55}')$$,
   'violates papers_crc_articles_valid', 'UNCRC articles are 1–54'),
  ('alpha_editor', $$insert into public.papers (id, original_locale, joint_action_id) values (tests.uid('pa_new'), 'fr', tests.uid('item_beta_signatures'))$$,
   '42501: a paper can only be linked to a joint action you can read', 'a paper links only to a joint action the editor can read'),
  ('alpha_editor', $$insert into public.papers (id, original_locale, paper_kind, original_revision) values (tests.uid('pa_new'), 'nl', 'submission', 4)$$,
   'ok', 'an owner editor creates the content of its paper item…')
) as attempt (actor, statement, outcome, description);
select is((select original_revision from public.papers where id = tests.uid('pa_new')), 1, '…with original_revision 1 whatever was sent');
select tests.check_as(nobody.actor, $$update public.papers set paper_kind = 'other'$$, '0 rows', nobody.description)
from (values
  ('outsider', 'a person without membership edits no paper'),
  ('alpha_member', 'a member of the owner edits no paper'),
  ('coordinator', 'a coordinator edits no paper')
) as nobody (actor, description);
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$update public.papers set signature_deadline = now() + interval '1 day' where id = tests.uid('pa_public')$$,
   '42501: signature opens and closes through open_paper_signature and close_paper_signature', 'nobody opens signature by writing the columns'),
  ('alpha_editor', $$delete from public.papers where id = tests.uid('pa_public')$$,
   '42501: permission denied for table papers', 'papers are not deleted directly (they follow their item)'),
  ('beta_editor', $$update public.papers set countries = '{BE,NL}' where id = tests.uid('pa_participants')$$,
   '1 row', 'an editor of an accepted co-lead edits the paper it co-leads'),
  -- translations ---------------------------------------------------------------------------
  ('alpha_member', $$insert into public.paper_translations (paper_id, locale, title) values (tests.uid('pa_public'), 'nl', 'x')$$,
   '42501: new row violates row-level security policy for table "paper_translations"', 'a member cannot translate a paper'),
  ('alpha_editor', $$insert into public.paper_translations (paper_id, locale, title) values (tests.uid('pa_public'), 'en', 'Public position on detention')$$,
   'ok', 'an owner editor adds a translation')
) as attempt (actor, statement, outcome, description);
update public.paper_translations set abstract = 'Les enfants ne sont jamais enfermés.' where paper_id = tests.uid('pa_public') and locale = 'fr';
select is((select source_revision from public.paper_translations where paper_id = tests.uid('pa_public') and locale = 'en'), 1,
  'editing the original text outdates the translation');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$delete from public.paper_translations where paper_id = tests.uid('pa_public') and locale = 'fr'$$,
   '42501: the original-language text of a paper cannot be deleted', 'the original text cannot be deleted'),
  ('alpha_editor', $$update public.paper_translations set title = repeat('x', 301) where paper_id = tests.uid('pa_public') and locale = 'fr'$$,
   'violates paper_translations_title_length', 'a title has at most 300 characters'),
  -- versions ---------------------------------------------------------------------------------
  ('alpha_member', $$insert into public.paper_versions (paper_id) values (tests.uid('pa_participants'))$$,
   '42501: new row violates row-level security policy for table "paper_versions"', 'a member cannot add a version'),
  ('gamma_admin', $$insert into public.paper_versions (paper_id) values (tests.uid('pa_participants'))$$,
   '42501: new row violates row-level security policy for table "paper_versions"', 'another organisation''s admin cannot add a version')
) as attempt (actor, statement, outcome, description);
select tests.authenticate_as('alpha_editor');
with v as (insert into public.paper_versions (paper_id, number, note) values (tests.uid('pa_draft'), 99, 'Chapitre 2 revu.') returning number)
select is((select number from v), 2, 'a new version gets the next number, whatever the caller sent');
select throws_ok($$update public.paper_versions set number = 7 where paper_id = tests.uid('pa_draft')$$,
  '42501', 'only the note of a version can change', 'the number of a version never changes');
select tests.authenticate_as('beta_editor');
with v as (insert into public.paper_versions (paper_id) values (tests.uid('pa_draft')) returning number)
select is((select number from v), 3, 'a co-lead editor adds a version too');
with d as (delete from public.paper_versions where paper_id = tests.uid('pa_draft') and number = 3 returning 1)
select is(count(*)::int, 0, 'a co-lead editor does not delete versions (owner editors only)') from d;
select tests.authenticate_as('alpha_editor');
with d as (delete from public.paper_versions where paper_id = tests.uid('pa_draft') and number = 3 returning 1)
select is(count(*)::int, 1, 'an owner editor deletes a version nobody was asked to sign') from d;

-- files --------------------------------------------------------------------------------------
select tests.clear_authentication();
-- The statement inserting a file row for pa_public's version 1 in English, valid unless
-- `change` ('column = expression') replaces or adds one column.
create function tests.file_row(change text default null)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  cols text[] := array['paper_id', 'version_id', 'locale', 'storage_key', 'filename', 'size_bytes', 'sha256'];
  vals text[] := array[$v$tests.uid('pa_public')$v$, $v$tests.uid('pa_public_v1')$v$, $v$'en'$v$,
                       $v$'papers/' || tests.uid('pa_public') || '/x.pdf'$v$, $v$'x.pdf'$v$, '10', $v$repeat('0', 64)$v$];
  col text := split_part(change, ' = ', 1);
begin
  if change is not null then
    if col = any (cols) then
      vals[array_position(cols, col)] := substr(change, length(col) + 4);
    else
      cols := cols || col;
      vals := vals || substr(change, length(col) + 4);
    end if;
  end if;
  return format('insert into public.paper_files (%s) values (%s)', array_to_string(cols, ', '), array_to_string(vals, ', '));
end;
$$;
grant execute on function tests.file_row(text) to public;

select tests.check_as(actor, statement, outcome, description)
from (values
  ('outsider', tests.file_row(), '42501: new row violates row-level security policy for table "paper_files"',
   'a person without membership cannot add a file'),
  ('alpha_member', tests.file_row(), '42501: new row violates row-level security policy for table "paper_files"',
   'a member of the owner cannot add a file'),
  ('alpha_editor', tests.file_row($$storage_key = 'papers/' || tests.uid('pa_participants') || '/pa_participants-fr.pdf'$$),
   '23514: a paper''s file is stored under papers/c1cb4bca-1ee2-4ceb-3164-b35a7abbb9c2/',
   'a file row cannot point into another paper''s folder (e.g. at a confidential paper''s bytes)'),
  ('alpha_editor', tests.file_row($$storage_key = 'papers/' || tests.uid('pa_public') || '/../x.pdf'$$),
   'violates paper_files_storage_key_format', 'a storage key has no ".."'),
  ('alpha_editor', tests.file_row($$storage_key = 'seed/' || tests.uid('pa_public') || '/en-v1.pdf'$$),
   '23514: a paper''s file is stored under papers/' || tests.uid('pa_public') || '/', 'API callers cannot point at seed files'),
  ('alpha_editor', tests.file_row($$filename = '../x.pdf'$$), 'violates paper_files_filename_valid', 'a file name has no slash'),
  ('alpha_editor', tests.file_row($$filename = 'a\b.pdf'$$), 'violates paper_files_filename_valid', 'a file name has no backslash'),
  ('alpha_editor', tests.file_row('size_bytes = 26214401'), 'violates paper_files_size_bytes_range', 'a file is at most 25 MB'),
  ('alpha_editor', tests.file_row($$content_type = 'text/html'$$), 'violates paper_files_content_type_pdf', 'a file is a PDF'),
  ('alpha_editor', tests.file_row($$version_id = tests.uid('pa_participants_v1')$$),
   '23503: insert or update on table "paper_files" violates foreign key constraint "paper_files_version_fkey"',
   'a file''s version belongs to the same paper'),
  ('alpha_editor', tests.file_row($$locale = 'fr'$$),
   '23505: duplicate key value violates unique constraint "paper_files_version_id_locale_key"', 'one PDF per language per version'),
  ('alpha_editor', $$insert into public.paper_files (paper_id, version_id, locale, storage_key, filename, size_bytes, sha256)
  values (tests.uid('pa_public'), tests.uid('pa_public_v1'), 'en', 'papers/' || tests.uid('pa_public') || '/en.pdf', 'public-en.pdf', 2048, repeat('c', 64))$$,
   'ok', 'an owner editor adds the English PDF')
) as attempt (actor, statement, outcome, description);
select is((select tests.name(created_by) from public.paper_files where storage_key = 'papers/' || tests.uid('pa_public') || '/en.pdf'),
  'alpha_editor', 'the file records who uploaded it');
select throws_ok($$update public.paper_files set storage_key = 'papers/x' $$,
  '42501', 'permission denied for table paper_files', 'files are never updated');
select tests.authenticate_as('beta_editor');
with d as (delete from public.paper_files returning 1)
select is(count(*)::int, 0, 'a co-lead editor deletes no file') from d;
select tests.authenticate_as('alpha_editor');
with d as (delete from public.paper_files where storage_key = 'papers/' || tests.uid('pa_public') || '/en.pdf' returning 1)
select is(count(*)::int, 1, 'an owner editor deletes a file of an unsigned version') from d;

-- signatures: no direct writes ------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$insert into public.paper_signatures (paper_id, version_id, organisation_id) values (tests.uid('pa_public'), tests.uid('pa_public_v1'), tests.uid('test-gamma'))$$,
   '42501: permission denied for table paper_signatures', 'nobody inserts a signature directly, not even the owner''s editors'),
  ('gamma_admin', $$update public.paper_signatures set state = 'signed'$$,
   '42501: permission denied for table paper_signatures', 'nobody updates a signature directly'),
  ('gamma_admin', $$delete from public.paper_signatures$$,
   '42501: permission denied for table paper_signatures', 'nobody deletes a signature directly'),
  ('alpha_editor', $$insert into public.item_organisations (item_id, organisation_id, role) values (tests.uid('pa_participants'), tests.uid('test-gamma'), 'signatory')$$,
   '42501: organisations are asked to co-sign through invite_paper_signatories', 'signatory attachments are not created directly'),
  -- opening and inviting: refusals --------------------------------------------------------
  (null, $$select public.open_paper_signature(tests.uid('pa_public'), tests.uid('pa_public_v1'), now() + interval '7 days')$$,
   '42501: permission denied for function open_paper_signature', 'anonymous visitors cannot open signature'),
  ('alpha_member', $$select public.open_paper_signature(tests.uid('pa_public'), tests.uid('pa_public_v1'), now() + interval '7 days')$$,
   '42501: only editors of the owner organisation can open signature of this paper', 'a member of the owner cannot open signature'),
  ('beta_editor', $$select public.open_paper_signature(tests.uid('pa_participants'), tests.uid('pa_participants_v1'), now() + interval '7 days')$$,
   '42501: only editors of the owner organisation can open signature of this paper', 'a co-lead editor cannot open signature'),
  ('coordinator', $$select public.open_paper_signature(tests.uid('pa_public'), tests.uid('pa_public_v1'), now() + interval '7 days')$$,
   '42501: only editors of the owner organisation can open signature of this paper', 'a coordinator cannot open signature'),
  ('coordinator', $$select private.open_paper_signature(tests.uid('pa_public'), tests.uid('pa_public_v1'), now() + interval '7 days')$$,
   '42501: only editors of the owner organisation can open signature of this paper', 'nor by calling the private function'),
  ('alpha_editor', $$select public.invite_paper_signatories(tests.uid('pa_participants'), array[tests.uid('test-gamma')])$$,
   'PA001: signature is not open for this paper; open a version for signature first', 'nobody is invited before signature opens'),
  ('alpha_editor', $$select public.open_paper_signature(tests.uid('pa_public'), tests.uid('pa_participants_v1'), now() + interval '7 days')$$,
   'PA006: this version belongs to another paper (or does not exist)', 'a paper opens only its own versions'),
  ('alpha_editor', $$select public.open_paper_signature(tests.uid('pa_public'), tests.uid('pa_public_v1'), now() - interval '1 minute')$$,
   'PA005: the signature deadline must be in the future', 'the deadline is in the future')
) as attempt (actor, statement, outcome, description);

-- opening and inviting -----------------------------------------------------------------------
select is(public.open_paper_signature(tests.uid('pa_participants'), tests.uid('pa_participants_v1'), now() + interval '14 days'), 0,
  'an owner editor opens version 1 for signature (nobody to ask again)');
select is(public.open_paper_signature(tests.uid('pa_public'), tests.uid('pa_public_v1'), now() + interval '14 days'), 0,
  'and version 1 of the public paper');
select is(public.open_paper_signature(tests.uid('pa_draft'), tests.uid('pa_draft_v1'), now() + interval '14 days'), 0,
  'and version 1 of the draft');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$select public.invite_paper_signatories(tests.uid('pa_participants'), array[tests.uid('test-beta')])$$,
   'PA008: Test Beta is already attached to this paper as co_lead', 'a co-lead is not also a signatory'),
  ('alpha_editor', $$select public.invite_paper_signatories(tests.uid('pa_participants'), array[tests.uid('test-alpha')])$$,
   'PA008: the owner organisation does not co-sign its own paper', 'the owner does not co-sign')
) as attempt (actor, statement, outcome, description);
select throws_ok($$select public.invite_paper_signatories(tests.uid('pa_participants'), array[tests.uid('test-frozen')])$$,
  'PA008', 'organisation ' || tests.uid('test-frozen') || ' cannot be asked to sign: it is not an active organisation', 'a suspended organisation is not asked');
select tests.authenticate_as('alpha_member');
select throws_ok($$select public.invite_paper_signatories(tests.uid('pa_participants'), array[tests.uid('test-gamma')])$$,
  '42501', 'only editors of the owner organisation can invite organisations to sign this paper', 'a member of the owner cannot invite');
select tests.authenticate_as('alpha_admin');
select is(public.invite_paper_signatories(tests.uid('pa_participants'), array[tests.uid('test-gamma'), tests.uid('test-delta'), tests.uid('test-gamma')]), 2,
  'an owner admin asks two organisations to sign (a duplicate counts once)');
select is(public.invite_paper_signatories(tests.uid('pa_participants'), array[tests.uid('test-gamma')]), 0,
  'asking again is a no-op');
select tests.authenticate_as('alpha_editor');
select is(public.invite_paper_signatories(tests.uid('pa_public'), array[tests.uid('test-gamma'), tests.uid('test-delta')]), 2, 'two asked to sign the public paper');
select is(public.invite_paper_signatories(tests.uid('pa_draft'), array[tests.uid('test-gamma')]), 1, 'gamma asked to sign the draft');
select is(tests.signatory_state('pa_participants', 'test-gamma'), 'invited', 'the asked organisation is attached as an invited signatory');

-- invited signatories read ----------------------------------------------------------------
select tests.authenticate_as('gamma_member');
select is(tests.visible_rows('public.papers'), array['pa_draft', 'pa_participants', 'pa_public'],
  'members of an organisation asked to sign read the participants paper and the draft');
select is(tests.visible_files(), array['pa_draft/v1/fr', 'pa_participants/v1/fr', 'pa_public/v1/fr'], 'and their files');
select is(tests.visible_signatures(),
  array['pa_draft/v1/test-gamma:invited', 'pa_participants/v1/test-gamma:invited', 'pa_public/v1/test-gamma:invited'],
  'they read their own organisation''s requests, not the others''');
select tests.authenticate_as('epsilon_member');
select is(tests.visible_rows('public.papers'), array['pa_public'], 'an unrelated organisation still reads the public paper only');
select is(tests.visible_signatures(), '{}'::text[], 'and no pending request');
select tests.authenticate_as('alpha_member');
select is(tests.visible_signatures(),
  array['pa_participants/v1/test-delta:invited', 'pa_participants/v1/test-gamma:invited',
        'pa_public/v1/test-delta:invited', 'pa_public/v1/test-gamma:invited'],
  'members of the owner read every request and answer of the papers they read (not of the draft)');
select tests.authenticate_as('beta_editor');
select is(tests.visible_signatures(),
  array['pa_draft/v1/test-gamma:invited', 'pa_participants/v1/test-delta:invited', 'pa_participants/v1/test-gamma:invited'],
  'editors of the co-lead read the requests of the papers they co-lead');
select tests.authenticate_as('beta_member');
select is(tests.visible_signatures(), '{}'::text[], 'a plain member of the co-lead reads no pending request');

-- The papers read rule for a person id (private.readable_item_ids_for) equals RLS.
select tests.clear_authentication();
select ok(tests.papers_match_readable_for(p), 'readable_item_ids_for(' || p || ') lists exactly the papers RLS lets them read')
from unnest(array['outsider', 'alpha_member', 'alpha_editor', 'beta_editor', 'gamma_member', 'delta_member', 'frozen_member', 'coordinator']) as p;

-- deciding: refusals ---------------------------------------------------------------------------
select tests.check_as(actor, statement, outcome, description)
from (values
  ('gamma_admin', $$update public.item_organisations set state = 'accepted' where item_id = tests.uid('pa_participants') and organisation_id = tests.uid('test-gamma')$$,
   '42501: a co-signature is answered through decide_paper_signature', 'an asked organisation does not accept its attachment directly'),
  ('gamma_member', $$select public.decide_paper_signature(tests.signature_id('pa_participants', 'test-gamma', 1), true)$$,
   '42501: only admins of the organisation asked to sign can sign or decline in its name', 'a plain member cannot sign for the organisation'),
  ('delta_editor', $$select public.decide_paper_signature(tests.signature_id('pa_participants', 'test-delta', 1), true)$$,
   '42501: only admins of the organisation asked to sign can sign or decline in its name', 'an editor of the asked organisation cannot sign for it'),
  ('alpha_admin', $$select public.decide_paper_signature(tests.signature_id('pa_participants', 'test-gamma', 1), true)$$,
   '42501: only admins of the organisation asked to sign can sign or decline in its name', 'the owner''s admin cannot sign on another organisation''s behalf'),
  ('delta_admin', $$select public.decide_paper_signature(tests.signature_id('pa_participants', 'test-gamma', 1), true)$$,
   '42501: only admins of the organisation asked to sign can sign or decline in its name', 'another asked organisation''s admin cannot sign for gamma'),
  ('coordinator', $$select public.decide_paper_signature(tests.signature_id('pa_participants', 'test-gamma', 1), true)$$,
   '42501: only admins of the organisation asked to sign can sign or decline in its name', 'a coordinator cannot sign for an organisation'),
  ('coordinator', $$select public.decide_paper_signature(gen_random_uuid(), true)$$,
   '42501: only admins of the organisation asked to sign can sign or decline in its name', 'an unknown request gives the same answer'),
  (null, $$select public.decide_paper_signature(tests.signature_id('pa_public', 'test-gamma', 1), true)$$,
   '42501: permission denied for function decide_paper_signature', 'anonymous visitors cannot sign')
) as attempt (actor, statement, outcome, description);

-- deciding -------------------------------------------------------------------------------------
select tests.authenticate_as('gamma_admin');
select is(public.decide_paper_signature(tests.signature_id('pa_participants', 'test-gamma', 1), true, 'Gamma soutient.'),
  'signed'::public.signature_state, 'the asked organisation''s admin signs');
select is(tests.signatory_state('pa_participants', 'test-gamma'), 'accepted', 'signing accepts the signatory attachment');
select is((select tests.name(decided_by) || ':' || comment from public.paper_signatures where id = tests.signature_id('pa_participants', 'test-gamma', 1)),
  'gamma_admin:Gamma soutient.', 'the signature records who signed, and the comment');
select throws_ok($$select public.decide_paper_signature(tests.signature_id('pa_participants', 'test-gamma', 1), false)$$,
  'PA004', 'your organisation has already signed this version', 'an answer is final for the version');
select is(public.decide_paper_signature(tests.signature_id('pa_public', 'test-gamma', 1), true), 'signed'::public.signature_state,
  'gamma signs the public paper');
select tests.authenticate_as('delta_admin');
select is(public.decide_paper_signature(tests.signature_id('pa_participants', 'test-delta', 1), false, 'Pas cette fois.'),
  'declined'::public.signature_state, 'another organisation''s admin declines');
select is(tests.signatory_state('pa_participants', 'test-delta'), 'declined', 'declining declines the signatory attachment');
select tests.authenticate_as('delta_member');
select is(tests.visible_rows('public.papers'), array['pa_public'], 'a declining organisation''s members no longer read the participants paper…');
select is(tests.visible_signatures(), array['pa_participants/v1/test-delta:declined', 'pa_public/v1/test-delta:invited', 'pa_public/v1/test-gamma:signed'],
  '…but still read their own organisation''s requests and answers (and the public paper''s signatures)');
select tests.authenticate_as('gamma_member');
select ok('pa_participants' = any (tests.visible_rows('public.papers')), 'a signing organisation''s members keep reading the participants paper');

select tests.authenticate_as_anon();
select is(tests.visible_signatures(), array['pa_public/v1/test-gamma:signed'],
  'anonymous visitors read the signatures of the published public paper, not pending requests');
select tests.authenticate_as('outsider');
select is(tests.visible_signatures(), array['pa_public/v1/test-gamma:signed'], 'so does a person without membership');

-- deadline, closing ------------------------------------------------------------------------------
select tests.clear_authentication();
update public.papers set signature_deadline = now() - interval '1 minute' where id = tests.uid('pa_public');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('delta_admin', $$select public.decide_paper_signature(tests.signature_id('pa_public', 'test-delta', 1), true)$$,
   'PA002: the signature deadline has passed', 'nobody signs after the deadline'),
  ('alpha_editor', $$select public.invite_paper_signatories(tests.uid('pa_public'), array[tests.uid('test-epsilon')])$$,
   'PA002: the signature deadline has passed', 'nobody is invited after the deadline'),
  ('alpha_editor', $$select public.close_paper_signature(tests.uid('pa_public'))$$,
   'ok', 'an owner editor closes signature')
) as attempt (actor, statement, outcome, description);
select is((select (signature_version_id is null and signature_deadline is not null)::text from public.papers where id = tests.uid('pa_public')),
  'true', 'closing clears the open version and keeps the deadline for the record');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('delta_admin', $$select public.decide_paper_signature(tests.signature_id('pa_public', 'test-delta', 1), true)$$,
   'PA001: signature is closed for this paper', 'nobody signs after closing'),
  ('beta_editor', $$select public.close_paper_signature(tests.uid('pa_participants'))$$,
   '42501: only editors of the owner organisation can close signature of this paper', 'a co-lead editor cannot close signature')
) as attempt (actor, statement, outcome, description);

-- a new version asks again -------------------------------------------------------------------
select tests.authenticate_as('alpha_editor');
insert into public.paper_versions (paper_id, note) values (tests.uid('pa_participants'), 'Conclusions revues.');
select throws_ok(format($$insert into public.paper_files (paper_id, version_id, locale, storage_key, filename, size_bytes, sha256)
  values (%L, %L, 'en', 'papers/' || %L || '/late.pdf', 'late.pdf', 10, repeat('0', 64))$$,
  tests.uid('pa_participants'), tests.version_id('pa_participants', 1), tests.uid('pa_participants')),
  'PA007', 'organisations have signed this version; upload a new version instead', 'the files of a signed version are frozen');
select throws_ok($$delete from public.paper_files where id = tests.uid('pa_participants_fr')$$,
  'PA007', 'organisations have signed this version; its files cannot be removed', 'and cannot be removed');
select is(public.open_paper_signature(tests.uid('pa_participants'), tests.version_id('pa_participants', 2), now() + interval '21 days'), 2,
  'opening version 2 asks the two previous signatories again');
select throws_ok(format('delete from public.paper_versions where id = %L', tests.version_id('pa_participants', 1)),
  'PA007', 'a version organisations were asked to sign cannot be deleted: it is the record of the signatures',
  'a version with signature requests is not deleted');
select throws_ok(format('delete from public.paper_versions where id = %L', tests.version_id('pa_participants', 2)),
  'PA007', 'the version open for signature cannot be deleted; close signature first', 'the open version is not deleted');
select is(tests.visible_signatures(),
  array['pa_draft/v1/test-gamma:invited',
        'pa_participants/v1/test-delta:declined', 'pa_participants/v1/test-gamma:signed',
        'pa_participants/v2/test-delta:invited', 'pa_participants/v2/test-gamma:invited',
        'pa_public/v1/test-delta:invited', 'pa_public/v1/test-gamma:signed'],
  'version 1''s answers stay as history; version 2 has new requests');
select is(tests.signatory_state('pa_participants', 'test-gamma') || '/' || tests.signatory_state('pa_participants', 'test-delta'),
  'invited/invited', 'both signatory attachments are invited again');
select tests.authenticate_as('delta_member');
select ok('pa_participants' = any (tests.visible_rows('public.papers')), 'asked again, the declining organisation reads the paper again');
select tests.authenticate_as('gamma_admin');
select throws_ok($$select public.decide_paper_signature(tests.signature_id('pa_participants', 'test-gamma', 1), false)$$,
  'PA003', 'this request is for version 1, but version 2 is open for signature', 'nobody answers for a version that is not open');
select is(public.decide_paper_signature(tests.signature_id('pa_participants', 'test-gamma', 2), true), 'signed'::public.signature_state,
  'gamma signs version 2');

-- access revoked ---------------------------------------------------------------------------------
select tests.authenticate_as('alpha_editor');
with d as (delete from public.item_organisations where item_id = tests.uid('pa_participants') and organisation_id = tests.uid('test-delta') returning 1)
select is(count(*)::int, 1, 'the owner''s editor detaches a signatory') from d;
select tests.authenticate_as('delta_member');
select is(tests.visible_files(), array['pa_public/v1/fr'], 'once detached, the participants paper''s file rows are gone for its members');
select is((select count(*)::int from public.paper_file_for_download(tests.uid('pa_participants_fr'))), 0, 'and no storage key comes back');
select tests.authenticate_as('delta_admin');
select throws_ok($$select public.decide_paper_signature(tests.signature_id('pa_participants', 'test-delta', 2), true)$$,
  '42501', 'your organisation is no longer asked to sign this paper', 'a detached organisation cannot sign any more');
select tests.authenticate_as('alpha_editor');
update public.items set visibility = 'participants' where id = tests.uid('pa_public');
select tests.authenticate_as('outsider');
select is(tests.visible_files(), '{}'::text[], 'when the public paper becomes participants-only, its file rows disappear for outsiders');
select is(tests.visible_signatures(), '{}'::text[], 'and so do its signatures');
select tests.authenticate_as_anon();
select is(tests.visible_files(), '{}'::text[], 'and for anonymous visitors');
select tests.authenticate_as('alpha_editor');
update public.items set status = 'archived' where id = tests.uid('pa_draft');
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_editor', $$select public.open_paper_signature(tests.uid('pa_draft'), tests.uid('pa_draft_v1'), now() + interval '7 days')$$,
   '42501: an archived paper is read-only; restore it first', 'an archived paper is not opened for signature'),
  ('gamma_admin', $$select public.decide_paper_signature(tests.signature_id('pa_draft', 'test-gamma', 1), true)$$,
   'PA001: signature is closed for this paper', 'nobody signs an archived paper')
) as attempt (actor, statement, outcome, description);

-- search ------------------------------------------------------------------------------------------
select tests.authenticate_as_anon();
select is(tests.found('osseux', 'paper'), '{}'::text[], 'anonymous visitors do not find a participants paper');
select tests.authenticate_as('alpha_member');
select is(tests.found('test osseux', 'paper'), array['pa_participants'], 'French stems: a member of the owner finds it');

select * from finish();
rollback;
