-- public.reader_summary(): the bell's count and the lists' create-right in the root layout's
-- one request; public.reader_can_manage(organisations): the organisation page's management
-- right as a computed field; private.pre_request(): the same summary in a response header of
-- the page's own request (migration 20261206000100_list_pages.sql). Each answer is the
-- caller's own: what each actor must NOT get as much as what they get.
begin;
\ir _helpers.psql
select plan(59);

create function tests.summary()
returns text
language sql
set search_path = ''
as $$
  select format('unread=%s create=%s', s.unread_notifications, s.can_create::text)
  from public.reader_summary() s
$$;
grant execute on function tests.summary() to anon, authenticated;

create function tests.manages()
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(o.slug, ',' order by o.slug), '')
  from public.organisations o
  where o.slug like 'test-%' and public.reader_can_manage(o)
$$;
grant execute on function tests.manages() to anon, authenticated;

-- Notifications of the fixture's people start from none: two unread and one read for
-- alpha_editor, one unread for alpha_member.
delete from public.notifications;
insert into public.notifications (recipient_id, type, read_at)
values (tests.uid('alpha_editor'), 'member_joined', null),
       (tests.uid('alpha_editor'), 'member_joined', null),
       (tests.uid('alpha_editor'), 'member_joined', now()),
       (tests.uid('alpha_member'), 'member_joined', null);

-- reader_summary ------------------------------------------------------------------------------
select tests.check_as(null, 'select public.reader_summary()',
  '42501: permission denied for function reader_summary',
  'anonymous: may not call reader_summary (the layout asks it for signed-in readers only)');

select is(tests.value_as(actor, 'tests.summary()'), summary, description)
from (values
  ('outsider', 'unread=0 create=false', 'outsider: nothing unread (nobody else''s count), may not create'),
  ('alpha_member', 'unread=1 create=false', 'member (not editor): their own unread count, no "new" link'),
  ('alpha_editor', 'unread=2 create=true', 'editor: their own unread count (a read one does not count), may create'),
  ('alpha_admin', 'unread=0 create=true', 'admin: may create; a colleague''s notifications are not counted'),
  ('frozen_admin', 'unread=0 create=false', 'admin of a suspended organisation only: may not create'),
  ('pending_admin', 'unread=0 create=false', 'admin of a pending organisation only: may not create'),
  ('coordinator', 'unread=0 create=true', 'coordinator: may create')
) as reader (actor, summary, description);

-- private.pre_request: PostgREST's db-pre-request ------------------------------------------------
-- What it leaves in response.headers for a request with the given request.headers: the
-- x-hub-reader-summary header's value, or 'none'.
select tests.clear_authentication();
create function tests.carried(request_headers text)
returns text
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('request.headers', request_headers, true);
  perform set_config('response.headers', '', true);
  perform private.pre_request();
  return coalesce(nullif(current_setting('response.headers', true), '')::json -> 0
                  ->> 'x-hub-reader-summary', 'none');
end;
$$;
grant execute on function tests.carried(text) to anon, authenticated;

select is(
  (select setting from pg_db_role_setting s, unnest(s.setconfig) setting
   where s.setrole = 'authenticator'::regrole and setting like 'pgrst.db_pre_request=%'),
  'pgrst.db_pre_request=private.pre_request',
  'PostgREST runs private.pre_request before every request (in-database configuration)');
select ok(
  has_function_privilege('anon', 'private.pre_request()', 'execute')
  and has_function_privilege('authenticated', 'private.pre_request()', 'execute')
  and has_function_privilege('service_role', 'private.pre_request()', 'execute'),
  'every role PostgREST switches to may run it (otherwise each of its requests would fail)');

select is(tests.value_as(actor, format('tests.carried(%L)', request_headers)), carried, description)
from (values
  (null, '{"x-hub-reader-summary": "1"}', 'none',
   'anonymous, asking: no summary (a visitor has none, and reader_summary is not theirs to call)'),
  ('alpha_editor', '{"accept": "text/html"}', 'none',
   'editor, not asking: no header (only the page''s first request carries it)'),
  ('alpha_editor', '{"x-hub-reader-summary": "yes"}', 'none',
   'editor, asking with another value: no header'),
  ('alpha_editor', '', 'none',
   'no request headers at all: nothing, and no error')
) as reader (actor, request_headers, carried, description);

select is(tests.value_as(actor, 'tests.carried(''{"x-hub-reader-summary": "1"}'')')::jsonb,
          summary::jsonb, description)
from (values
  ('alpha_editor', '{"unread_notifications": 2, "can_create": true}',
   'editor, asking: their own unread count and create-right, as reader_summary says'),
  ('alpha_member', '{"unread_notifications": 1, "can_create": false}',
   'member, asking: their own count (not the editor''s), no create-right'),
  ('alpha_admin', '{"unread_notifications": 0, "can_create": true}',
   'admin, asking: a colleague''s notifications are not counted'),
  ('frozen_admin', '{"unread_notifications": 0, "can_create": false}',
   'admin of a suspended organisation only, asking: may not create')
) as reader (actor, summary, description);

select tests.clear_authentication();
select tests.clear_authentication();
-- A change of role is seen by the next call (nothing is cached).
update public.memberships set role = 'member'
where user_id = tests.uid('alpha_editor') and organisation_id = tests.uid('test-alpha');
select is(tests.value_as('alpha_editor', 'tests.summary()'), 'unread=2 create=false',
  'an editor made a member: no "new" link on the next page');
select tests.clear_authentication();
update public.organisations set status = 'suspended' where id = tests.uid('test-beta');
select is(tests.value_as('beta_editor', 'tests.summary()'), 'unread=0 create=false',
  'an editor whose organisation is suspended: no "new" link on the next page');
select tests.clear_authentication();
update public.organisations set status = 'active' where id = tests.uid('test-beta');

-- The same answer as item_rights() without an item, for every actor.
select is(tests.value_as(actor, '(select s.can_create::text from public.reader_summary() s)'),
          tests.value_as(actor, '(select r.can_create::text from public.item_rights() r)'),
          format('%s: can_create is item_rights'' answer', actor))
from (values ('alpha_member'), ('alpha_admin'), ('frozen_admin'), ('coordinator')) as reader (actor);

-- reader_can_manage ---------------------------------------------------------------------------
select tests.clear_authentication();
select is(tests.value_as(actor, 'tests.manages()'), manages, description)
from (values
  (null, '', 'anonymous: manages no organisation'),
  ('outsider', '', 'outsider: manages none'),
  ('alpha_member', '', 'member: does not manage their organisation'),
  ('beta_editor', '', 'editor: does not manage their organisation (admins do)'),
  ('alpha_admin', 'test-alpha', 'admin: manages their own organisation, no other'),
  ('frozen_admin', '', 'admin of a suspended organisation: manages nothing'),
  ('coordinator', 'test-alpha,test-beta,test-coord,test-frozen,test-gamma,test-pending',
   'coordinator: manages every organisation they read')
) as reader (actor, manages, description);

-- reader_members ------------------------------------------------------------------------------
-- The organisation page's members: each actor gets what RLS on memberships and profiles lets
-- them read, in the page's order, and nothing for an organisation not theirs. (alpha_editor was
-- made a member above: the admin, then two members by name.)
select tests.clear_authentication();
create function tests.members_of(slug text)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg((m.e -> 'profile' ->> 'display_name') || ':' || (m.e ->> 'role'), ',' order by m.place), '')
  from public.organisations o
  cross join lateral jsonb_array_elements(public.reader_members(o)) with ordinality as m (e, place)
  where o.slug = members_of.slug
$$;
create function tests.members_by_tables(slug text)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(p.display_name || ':' || m.role, ',' order by m.role desc, p.display_name), '')
  from public.memberships m
  join public.profiles p on p.id = m.user_id
  join public.organisations o on o.id = m.organisation_id
  where o.slug = members_by_tables.slug
$$;
grant execute on function tests.members_of(text), tests.members_by_tables(text) to anon, authenticated;

select tests.clear_authentication();
select is(tests.value_as(actor, format('tests.members_of(%L)', slug)), members, description)
from (values
  (null, 'test-alpha', '', 'anonymous: no member of any organisation'),
  ('outsider', 'test-alpha', '', 'outsider: no member'),
  ('beta_member', 'test-alpha', '', 'member of another organisation: none of its members'),
  ('beta_admin', 'test-alpha', '', 'admin of another organisation: none of its members'),
  ('alpha_member', 'test-alpha', 'Alpha Admin:admin,Alpha Editor:member,Alpha Member:member',
   'member: their organisation''s members, admins first, by name within a role'),
  ('coordinator', 'test-alpha', 'Alpha Admin:admin,Alpha Editor:member,Alpha Member:member',
   'coordinator: any organisation''s members'),
  ('coordinator', 'test-frozen', 'Frozen Admin:admin,Frozen Member:member',
   'coordinator: a suspended organisation''s members too')
) as reader (actor, slug, members, description);

select is(tests.value_as(actor, format('tests.members_of(%L)', slug)),
          tests.value_as(actor, format('tests.members_by_tables(%L)', slug)),
          format('%s: %s''s members are the memberships and profiles they may read', coalesce(actor, 'anonymous'), slug))
from (values ('alpha_editor'), ('beta_editor'), ('frozen_member'), ('frozen_admin'), ('gamma_admin'))
       as a (actor)
cross join (values ('test-alpha'), ('test-frozen'), ('test-gamma')) as o (slug);

-- list_joint_actions: the rows each reader may read, whichever path it takes --------------------
select tests.clear_authentication();
-- The fixture's actions (items only) get their content row, in a country nobody else uses.
insert into public.joint_actions (id, original_locale, areas, countries)
select tests.uid(n), 'fr', '{legal_actions}', '{AQ}'
from unnest(array['item_alpha_draft', 'item_alpha_public', 'item_alpha_network', 'item_alpha_participants']) n;

create function tests.listed(filters jsonb)
returns text
language sql
set search_path = ''
as $$
  select coalesce(string_agg(tests.name(a.id), ',' order by tests.name(a.id)), '')
  from public.list_joint_actions(filters, 101, 0) a
  where a.id in (tests.uid('item_alpha_draft'), tests.uid('item_alpha_public'),
                 tests.uid('item_alpha_network'), tests.uid('item_alpha_participants'))
$$;
grant execute on function tests.listed(jsonb) to anon, authenticated;

select is(tests.value_as(actor, format('tests.listed(%L)', filters)), listed, description)
from (values
  (null, '{"area":"legal_actions","country":"AQ"}', 'item_alpha_public',
   'anonymous: only the public published action, never the draft or network ones'),
  ('outsider', '{"area":"legal_actions","country":"AQ"}', 'item_alpha_public',
   'outsider: only the public one'),
  ('gamma_member', '{"area":"legal_actions","country":"AQ"}', 'item_alpha_network,item_alpha_public',
   'member of the network: public and network, not the draft nor the participants-only one'),
  ('beta_member', '{"area":"legal_actions","country":"AQ"}', 'item_alpha_network,item_alpha_participants,item_alpha_public',
   'member of a participant: also the participants-only one, still not the draft'),
  ('alpha_admin', '{"area":"legal_actions","country":"AQ","organisation":"' || tests.uid('test-alpha') || '"}',
   'item_alpha_draft,item_alpha_network,item_alpha_participants,item_alpha_public',
   'admin of the owner: its draft too, with the organisation filter'),
  (null, '{"area":"training_education","country":"AQ"}', '',
   'anonymous: a filter the actions do not match lists none of them')
) as reader (actor, filters, listed, description);

select * from finish();
rollback;
