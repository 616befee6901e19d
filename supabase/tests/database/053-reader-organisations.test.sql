-- private.user_organisation_id_array (migration 20261128000100) reads the caller's
-- organisations once per transaction and keeps them in settings of that transaction, because
-- every policy asks for them. What it kept must never answer for another caller, nor outlive a
-- change of memberships or of an organisation's status in the same transaction: each check
-- below follows a read that filled the settings for the caller before it.
begin;
\ir _helpers.psql
select plan(12);

-- Moves to the database owner and back with the caller's claims kept (what the kept
-- organisations are keyed on), so that only the triggers can tell that something changed.
create function tests.as_owner_keeping_claims(statement text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  caller text := current_setting('role');
begin
  perform set_config('role', 'postgres', true);
  execute statement;
  perform set_config('role', caller, true);
end;
$$;

create function tests.reads_network_item()
returns boolean
language sql
stable
set search_path = ''
as $$
  select 'item_alpha_network' = any (tests.visible_items())
$$;
grant execute on function tests.reads_network_item() to anon, authenticated;

-- Another caller in the same transaction ----------------------------------------------------
select tests.authenticate_as('alpha_member');
select ok(tests.reads_network_item(), 'a member of an active organisation reads a network item');
select tests.authenticate_as('outsider');
select ok(not tests.reads_network_item(),
  'the next caller, who belongs to no organisation, does not get the organisations kept for the one before');
select is(private.user_organisation_id_array(), '{}'::uuid[], 'their organisations are none');
select tests.authenticate_as_anon();
select ok(not tests.reads_network_item(), 'nor does an anonymous visitor after them');
select tests.authenticate_as('beta_member');
select is(private.user_organisation_id_array(), array[tests.uid('test-beta')],
  'a member of another organisation gets their own organisations, not the first caller''s');

-- A membership deleted in the transaction ---------------------------------------------------
select tests.authenticate_as('gamma_member');
select ok(tests.reads_network_item(), 'gamma_member reads the network item while a member');
select tests.as_owner_keeping_claims(
  format('delete from public.memberships where user_id = %L', tests.uid('gamma_member')));
select ok(not tests.reads_network_item(),
  'once their membership is deleted, the same caller in the same transaction no longer reads it');

-- An organisation suspended in the transaction ----------------------------------------------
select tests.authenticate_as('beta_member');
select ok(tests.reads_network_item(), 'beta_member reads the network item while test-beta is active');
select tests.as_owner_keeping_claims(
  format('update public.organisations set status = ''suspended'' where id = %L', tests.uid('test-beta')));
select ok(not tests.reads_network_item(),
  'once their organisation is suspended, its membership counts for nothing in the same transaction');

-- A role lowered in the transaction ---------------------------------------------------------
select tests.authenticate_as('alpha_editor');
select is((select can_create from public.reader_summary()), true, 'alpha_editor may create items as an editor');
select tests.as_owner_keeping_claims(
  format('update public.memberships set role = ''member'' where user_id = %L', tests.uid('alpha_editor')));
select is((select can_create from public.reader_summary()), false,
  'once lowered to member, the same caller in the same transaction may no longer create items');
select tests.check_as('alpha_editor',
  format($$update public.items set visibility = 'public' where id = %L$$, tests.uid('item_alpha_network')),
  '0 rows', 'nor update an item of their organisation');

select * from finish();
rollback;
