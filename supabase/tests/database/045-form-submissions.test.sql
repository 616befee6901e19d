-- A form posted twice creates one thing (…_form_submissions.sql): the create call's request
-- header x-hub-submission (PostgREST's request.headers) is recorded with the new item; the
-- same person's same key again is refused (HB001) and leaves nothing behind; another person's
-- key is theirs alone; submitted_item(key) answers only the person who sent it.
begin;
\ir _helpers.psql
select plan(10);

create function tests.create_with_key(submission text, title text)
returns uuid
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('request.headers', json_build_object('x-hub-submission', submission)::text, true);
  return public.create_joint_action(
    organisation_id => tests.uid('test-alpha'), visibility => 'network', original_locale => 'fr',
    title => title, areas => '{lobbying_advocacy}');
end;
$$;
grant execute on function tests.create_with_key(text, text) to authenticated;

select tests.authenticate_as('alpha_editor');
select set_config('tests.first',
  tests.create_with_key('6f1c0a52-3c38-4a4e-9d0e-2b8f1e7c9a01', 'Envoyé une fois')::text, true);
select throws_ok(
  $$ select tests.create_with_key('6f1c0a52-3c38-4a4e-9d0e-2b8f1e7c9a01', 'Envoyé deux fois') $$,
  'HB001', 'this form was already sent', 'the same key again (a double click) is refused');
select is(public.submitted_item('6f1c0a52-3c38-4a4e-9d0e-2b8f1e7c9a01'),
  current_setting('tests.first')::uuid, 'submitted_item gives the sender the item the first post made');
select is((select count(*)::int from public.joint_action_translations where title like 'Envoyé%'), 1,
  'one joint action, not two: the refused create left nothing behind');
select lives_ok(
  $$ select tests.create_with_key('6f1c0a52-3c38-4a4e-9d0e-2b8f1e7c9a02', 'Une autre fois') $$,
  'a new key (the form rendered again) creates again');
select lives_ok(
  $$ select set_config('request.headers', '{}', true);
     select public.create_joint_action(organisation_id => tests.uid('test-alpha'), visibility => 'network',
       original_locale => 'fr', title => 'Sans clé', areas => '{lobbying_advocacy}');
     select public.create_joint_action(organisation_id => tests.uid('test-alpha'), visibility => 'network',
       original_locale => 'fr', title => 'Sans clé', areas => '{lobbying_advocacy}') $$,
  'without a key (another client of the API) nothing is recorded or refused');
select lives_ok(
  $$ select tests.create_with_key('not-a-uuid', 'Clé illisible') $$,
  'a key that is not a uuid is ignored, not an error');

-- Another person: the same key is theirs, and the first sender's item is not told to them.
select tests.authenticate_as('alpha_admin');
select is(public.submitted_item('6f1c0a52-3c38-4a4e-9d0e-2b8f1e7c9a01'), null,
  'another person''s key tells nothing');
select lives_ok(
  $$ select tests.create_with_key('6f1c0a52-3c38-4a4e-9d0e-2b8f1e7c9a01', 'Même clé, autre personne') $$,
  'the same key sent by another person is theirs alone');

select tests.authenticate_as_anon();
select throws_ok($$ select public.submitted_item('6f1c0a52-3c38-4a4e-9d0e-2b8f1e7c9a01') $$,
  '42501', null, 'anonymous visitors may not ask');
select tests.clear_authentication();
select is((select count(*)::int from private.form_submissions), 3,
  'three keys recorded: the first, the new one and the other person''s');

select * from finish();
rollback;
