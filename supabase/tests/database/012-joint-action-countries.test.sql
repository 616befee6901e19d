begin;
\ir _helpers.psql
select plan(90);

-- The country menu of the joint actions (public.joint_action_countries(), from the summary
-- private.joint_action_country_audiences kept by triggers) must show each reader exactly the
-- countries of the actions they read: checked for every actor against what RLS lets them
-- read, after each change that moves an action between readers. The fixture's actions each
-- work in a country no other action uses; independent of the demo seed.
insert into public.joint_actions (id, original_locale, areas, countries)
values (tests.uid('item_alpha_draft'), 'fr', '{legal_actions}', '{AD}'),
       (tests.uid('item_alpha_public'), 'fr', '{legal_actions}', '{TV}'),
       (tests.uid('item_alpha_network'), 'fr', '{legal_actions}', '{NR,TV}'),
       (tests.uid('item_alpha_participants'), 'fr', '{legal_actions}', '{AQ}'),
       (tests.uid('item_alpha_archived'), 'fr', '{legal_actions}', '{AW}');

create table tests.actors (name text);
insert into tests.actors values (null), ('outsider'), ('coordinator'), ('alpha_admin'), ('alpha_editor'),
  ('alpha_member'), ('beta_admin'), ('beta_editor'), ('beta_member'), ('gamma_admin'), ('gamma_member'),
  ('frozen_member'), ('pending_admin');
grant select on tests.actors to public;

-- For every actor: the menu, and the countries of the actions RLS lets them read.
create function tests.menu_and_truth()
returns table (actor text, menu text[], truth text[])
language plpgsql
set search_path = ''
as $$
declare
  who text;
begin
  for who in select a.name from tests.actors a loop
    actor := coalesce(who, 'anonymous');
    menu := tests.read_as(who, $q$ array(select c from public.joint_action_countries() c) $q$);
    truth := tests.read_as(who,
      $q$ array(select distinct c from public.joint_actions j, unnest(j.countries) c order by 1) $q$);
    perform tests.clear_authentication();
    return next;
  end loop;
end;
$$;

-- What a reader is offered, restricted to the fixture's countries.
create function tests.offered(person text)
returns text[]
language sql
set search_path = ''
as $$
  select array(select c from unnest(tests.read_as(person,
    $q$ array(select c from public.joint_action_countries() c) $q$)) c
    where c in ('AD', 'TV', 'NR', 'NU', 'AQ', 'AW') order by 1)
$$;

-- One step of the story: `person` makes `change` (one or more statements), then every
-- actor's menu is compared with the countries they read (one assertion an actor).
create function tests.after(step text, person text, change text)
returns setof text
language plpgsql
-- No search_path of its own: pgTAP's is() finds its helpers through the session's.
as $$
begin
  perform tests.run_as(person, change);
  perform tests.clear_authentication();
  return query
    select extensions.is(m.menu, m.truth, step || ': ' || m.actor || ' is offered the countries of the actions they read')
    from tests.menu_and_truth() m;
end;
$$;

select is(m.menu, m.truth, 'as created: ' || m.actor || ' is offered the countries of the actions they read')
from tests.menu_and_truth() m;
select is(tests.offered(null), array['AW', 'TV'],
  'anonymous: the countries of public and archived public actions only');
select is(tests.offered('gamma_member'), array['AW', 'NR', 'TV'],
  'an invited (not accepted) participant''s member: not the participants-only action''s country');
select is(tests.offered('beta_editor'), array['AD', 'AQ', 'AW', 'NR', 'TV'],
  'an accepted co-lead''s editor: the draft''s country too');
select is(tests.offered('frozen_member'), array['AW', 'TV'],
  'a member of a suspended organisation: as a visitor');
select tests.clear_authentication();

-- Gamma's admin accepts the participation: its members read the action, and its country.
select * from tests.after('participation accepted', 'gamma_admin', $$update public.item_organisations set state = 'accepted'
  where item_id = tests.uid('item_alpha_participants') and organisation_id = tests.uid('test-gamma')$$);
select is(tests.offered('gamma_member'), array['AQ', 'AW', 'NR', 'TV'],
  'an accepted participant''s member is offered the participants-only action''s country');
select tests.clear_authentication();

-- The owner's editor publishes the draft (network) and makes the public action network-only.
select * from tests.after('published, and public made network', 'alpha_editor', $$update public.items set status = 'published' where id = tests.uid('item_alpha_draft');
  update public.items set visibility = 'network' where id = tests.uid('item_alpha_public')$$);
select is(tests.offered(null), array['AW'],
  'anonymous is no longer offered the country of an action made network-only');
select is(tests.offered('gamma_member'), array['AD', 'AQ', 'AW', 'NR', 'TV'],
  'a network member is offered the country of the action just published');
select tests.clear_authentication();

-- The owner's editor changes the network action's countries, then sets it back to draft.
select * from tests.after('countries changed', 'alpha_editor', $$update public.joint_actions set countries = '{NU}' where id = tests.uid('item_alpha_network')$$);
select is(tests.offered('coordinator'), array['AD', 'AW', 'NU', 'TV'],
  'a network member is offered the new country, not the old one');
select tests.clear_authentication();
select * from tests.after('unpublished', 'alpha_editor', $$update public.items set status = 'draft' where id = tests.uid('item_alpha_network')$$);
select is(tests.offered('coordinator'), array['AD', 'AW', 'TV'],
  'an action set back to draft no longer shows its country to network members');
select tests.clear_authentication();

-- The owner's editor deletes the draft: its country is nobody's any more.
select * from tests.after('draft deleted', 'alpha_editor', $$delete from public.items where id = tests.uid('item_alpha_network')$$);
select is(tests.offered('alpha_editor'), array['AD', 'AQ', 'AW', 'TV'],
  'the owner''s editor is no longer offered the deleted action''s country');
select tests.clear_authentication();

select is(
  (select count(*) from private.joint_action_country_audiences s where s.country = 'NU')::int, 0,
  'the summary keeps no count for a country no action names any more');
select is(
  (select count(*) from public.joint_action_countries() c where c = 'AQ')::int, 1,
  'superuser: each country appears once');

select * from finish();
rollback;
