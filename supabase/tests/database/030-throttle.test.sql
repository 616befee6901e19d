-- The forms' throttle (private.throttle_*, public.throttle_attempt/throttle_forgive):
-- limits per key, the wait it answers, expiry, isolation between keys and actions, taking an
-- attempt back; and that neither visitors nor members can call it or read the counters.
-- now() is fixed inside this transaction, so the waits are exact.
begin;
\ir _helpers.psql
select plan(37);

-- Whatever the app or other tests left is out of the way (rolled back).
delete from private.throttle_attempts;

-- A second action with small limits, to show actions do not share counters.
insert into private.throttle_rules (action, scope, max_attempts, period)
values ('test_form', 'account', 2, interval '1 minute');

create function tests.try(action text, keys jsonb)
returns text
language sql
set search_path = ''
as $$
  select case when t.allowed then 'allowed' else 'wait ' || t.retry_after_seconds end
  from public.throttle_attempt(action, keys) t
$$;

create function tests.recorded(action text, scope text, key text)
returns integer
language sql
security definer
set search_path = ''
as $$
  select count(*)::integer from private.throttle_attempts a
  where a.action = $1 and a.scope = $2 and a.key_hash = private.throttle_key_hash($1, $2, $3)
$$;
grant execute on all functions in schema tests to public;

-- The server (service_role, the secret key) ----------------------------------------------
set local role service_role;

select is(tests.try('sign_in', '{"account": "ana@example.org", "address": "192.0.2.1"}'), 'allowed',
  'server: a first sign-in attempt is allowed');
select tests.try('sign_in', '{"account": "ana@example.org", "address": "192.0.2.1"}') from generate_series(1, 3) \g /dev/null
select is(tests.try(attempt.kind, attempt.request::jsonb), attempt.expected, attempt.description)
from (values
  ('sign_in', '{"account": "ana@example.org", "address": "192.0.2.1"}', 'allowed',
   'server: the fifth attempt for one account is allowed'),
  ('sign_in', '{"account": "ana@example.org", "address": "192.0.2.1"}', 'wait 900',
   'server: the sixth attempt within 15 minutes is refused, with the wait until the oldest expires'),
  ('sign_in', '{"account": "ana@example.org", "address": "198.51.100.7"}', 'wait 900',
   'server: the blocked account stays blocked from another address')
) as attempt (kind, request, expected, description);
select is(tests.recorded('sign_in', 'account', 'ana@example.org'), 5,
  'server: refused attempts are not recorded (waiting out the period is enough)');
select is(tests.recorded('sign_in', 'address', '198.51.100.7'), 0,
  'server: a refused attempt records nothing for its other keys either');

select is(tests.try(attempt.kind, attempt.request::jsonb), attempt.expected, attempt.description)
from (values
  ('sign_in', '{"account": "ben@example.org", "address": "192.0.2.1"}', 'allowed',
   'server: another account from the same address is not blocked by the first one'),
  ('test_form', '{"account": "ana@example.org"}', 'allowed',
   'server: the same email under another action has its own counter'),
  ('test_form', '{"account": "ana@example.org"}', 'allowed',
   'server: the other action''s second attempt is allowed (its limit is 2)'),
  ('test_form', '{"account": "ana@example.org"}', 'wait 60',
   'server: the other action''s own limit and period apply')
) as attempt (kind, request, expected, description);

-- Keys are stored hashed: neither the email nor the address is in the table.
reset role;
select is(
  (select count(*)::integer from private.throttle_attempts
   where position(convert_to('example.org', 'UTF8') in key_hash) > 0
      or position(convert_to('192.0.2.1', 'UTF8') in key_hash) > 0),
  0, 'the counters hold no email or address in clear');
select ok(
  (select bool_and(octet_length(key_hash) = 32) from private.throttle_attempts),
  'every stored key is a sha256 hash');

-- The wait follows the oldest attempt still counting: ten minutes ago → 5 minutes left.
update private.throttle_attempts
set attempted_at = now() - interval '10 minutes'
where id = (select min(id) from private.throttle_attempts
            where action = 'sign_in' and scope = 'account'
              and key_hash = private.throttle_key_hash('sign_in', 'account', 'ana@example.org'));
set local role service_role;
select is(tests.try('sign_in', '{"account": "ana@example.org", "address": "192.0.2.1"}'), 'wait 300',
  'server: the wait is what is left of the oldest attempt''s 15 minutes');

-- Once that attempt is older than the period, one more is allowed and the old row is gone.
reset role;
update private.throttle_attempts
set attempted_at = now() - interval '15 minutes'
where attempted_at = now() - interval '10 minutes';
set local role service_role;
select is(tests.try('sign_in', '{"account": "ana@example.org", "address": "192.0.2.1"}'), 'allowed',
  'server: an attempt that left the 15 minutes no longer counts');
select is(tests.recorded('sign_in', 'account', 'ana@example.org'), 5,
  'server: the expired attempt was deleted, the new one recorded');
select is(tests.try('sign_in', '{"account": "ana@example.org", "address": "192.0.2.1"}'), 'wait 900',
  'server: and the account is at its limit again');

-- The address limit: 20 attempts from one address, whatever the accounts.
select is(tests.recorded('sign_in', 'address', '192.0.2.1'), 7, 'server: 7 attempts from the address so far');
select tests.try('sign_in', jsonb_build_object('account', 'spray' || n || '@example.org', 'address', '192.0.2.1'))
from generate_series(1, 13) n \g /dev/null
select is(tests.try(attempt.kind, attempt.request::jsonb), attempt.expected, attempt.description)
from (values
  ('sign_in', '{"account": "new@example.org", "address": "192.0.2.1"}', 'wait 900',
   'server: the 21st attempt from one address is refused, even for an account never tried'),
  ('sign_in', '{"account": "new@example.org", "address": "192.0.2.2"}', 'allowed',
   'server: the same account from another address is allowed')
) as attempt (kind, request, expected, description);

-- Taking an attempt back: a successful sign-in clears the account's failures only.
select is(tests.try('sign_in', '{"account": "cleo@example.org", "address": "203.0.113.9"}'), 'allowed',
  'server: cleo fails once');
create temporary table success on commit drop as
  select * from public.throttle_attempt('sign_in', '{"account": "cleo@example.org", "address": "203.0.113.9"}');
select is((select allowed from success), true, 'server: cleo''s second attempt is allowed');
select public.throttle_forgive((select attempt_id from success), array['account']) \g /dev/null
select is(tests.recorded('sign_in', 'account', 'cleo@example.org'), 0,
  'server: forgiving with the account scope clears all of the account''s attempts');
select is(tests.recorded('sign_in', 'address', '203.0.113.9'), 1,
  'server: the address keeps its earlier failure (one''s own success does not reset the address)');
create temporary table outage on commit drop as
  select * from public.throttle_attempt('sign_in', '{"account": "dan@example.org", "address": "203.0.113.9"}');
select public.throttle_forgive((select attempt_id from outage)) \g /dev/null
select is(tests.recorded('sign_in', 'address', '203.0.113.9') + tests.recorded('sign_in', 'account', 'dan@example.org'), 1,
  'server: forgiving without scopes takes back only that attempt');

-- Expired rows of keys never tried again are swept by any later attempt.
reset role;
insert into private.throttle_attempts (attempt_id, action, scope, key_hash, attempted_at)
select gen_random_uuid(), 'sign_in', 'address', private.throttle_key_hash('sign_in', 'address', 'gone' || n), now() - interval '1 hour'
from generate_series(1, 3) n;
set local role service_role;
select tests.try('sign_in', '{"account": "eve@example.org", "address": "203.0.113.10"}') \g /dev/null
reset role;
select is(
  (select count(*)::integer from private.throttle_attempts where attempted_at < now() - interval '15 minutes'),
  0, 'expired rows of other keys are deleted by the next attempt');

-- Bad calls are refused clearly.
set local role service_role;
select throws_ok(format('select * from public.throttle_attempt(%L, %L)', bad.action, bad.keys), '22023', bad.message,
                 bad.description)
from (values
  ('no_such_form', '{"account": "x"}',
   'no throttle rule for action no_such_form and scopes account', 'server: an action without a rule is refused'),
  ('sign_in', '{"account": "x", "phone": "1"}',
   'no throttle rule for action sign_in and scopes account, phone', 'server: a scope without a rule is refused'),
  ('sign_in', '{}',
   'throttle_attempt needs an object of keys, e.g. {"account": "…", "address": "…"}', 'server: an attempt without keys is refused'),
  ('sign_in', '{"account": ""}',
   'every throttle key must be a non-empty string of at most 1000 characters', 'server: an empty key is refused')
) as bad (action, keys, message, description);

-- Visitors (anon) -------------------------------------------------------------------------
reset role;
select tests.check_as(actor, statement, outcome, description)
from (values
  (null, $$ select * from public.throttle_attempt('sign_in', '{"account": "ana@example.org"}') $$,
   '42501: permission denied for function throttle_attempt', 'anonymous: cannot record or probe attempts'),
  (null, $$ select public.throttle_forgive(gen_random_uuid(), array['account']) $$,
   '42501: permission denied for function throttle_forgive', 'anonymous: cannot clear counters'),
  (null, $$ select * from private.throttle_attempts $$,
   '42501: permission denied for table throttle_attempts', 'anonymous: cannot read the counters'),
  (null, $$ delete from private.throttle_attempts $$,
   '42501: permission denied for table throttle_attempts', 'anonymous: cannot reset the counters')
) as attempt (actor, statement, outcome, description);

-- Members (authenticated) -----------------------------------------------------------------
select tests.clear_authentication();
select tests.check_as(actor, statement, outcome, description)
from (values
  ('alpha_admin', $$ select * from public.throttle_attempt('sign_in', '{"account": "ana@example.org"}') $$,
   '42501: permission denied for function throttle_attempt', 'member: cannot record or probe attempts'),
  ('alpha_admin', $$ select public.throttle_forgive(gen_random_uuid(), array['account']) $$,
   '42501: permission denied for function throttle_forgive', 'member: cannot clear counters'),
  ('alpha_admin', $$ select * from private.throttle_attempts $$,
   '42501: permission denied for table throttle_attempts', 'member: cannot read the counters'),
  ('alpha_admin', $$ update private.throttle_rules set max_attempts = 10000 $$,
   '42501: permission denied for table throttle_rules', 'member: cannot raise the limits')
) as attempt (actor, statement, outcome, description);

select * from finish();
rollback;
