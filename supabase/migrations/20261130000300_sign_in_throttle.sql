-- Throttling of the hub's own forms, kept in Postgres so that several app servers share it
-- (security issue, findings 4 and 5). Sign-in uses it today; email sign-in, password reset,
-- invitations and applications add a rule each and call the same two functions.
--
--   private.throttle_rules      per action and scope ('account', 'address', …): how many
--                               attempts in how long a period
--   private.throttle_attempts   one row per key per attempt still inside its period; keys are
--                               stored as sha256 hashes, never as the email or address itself
--   public.throttle_attempt     records an attempt if every key is under its limit, or says
--                               how long to wait (service_role only: the server's secret key)
--   public.throttle_forgive     takes back an attempt (sign-in succeeded, or Auth was down)
--                               and optionally clears a scope's earlier attempts
--
-- Visitors and members can neither read nor reset the counters: the tables are in the
-- unexposed private schema with RLS on and no policy, and the functions are executable by
-- service_role only.

create table private.throttle_rules (
  action text not null,
  scope text not null,
  max_attempts integer not null,
  period interval not null,
  primary key (action, scope),
  constraint throttle_rules_action_format check (action ~ '^[a-z][a-z_]{0,39}$'),
  constraint throttle_rules_scope_format check (scope ~ '^[a-z][a-z_]{0,39}$'),
  constraint throttle_rules_max_attempts_range check (max_attempts between 1 and 10000),
  constraint throttle_rules_period_range check (period > interval '0' and period <= interval '1 day')
);
comment on table private.throttle_rules is 'Limits of the throttled forms: at most max_attempts attempts per key of this scope in any period. A form adds its rows in its own migration.';

alter table private.throttle_rules enable row level security;
revoke all on private.throttle_rules from public, anon, authenticated;

-- Sign-in (src/routes/[lang=locale]/(public)/sign-in/+page.server.ts). Successful sign-ins
-- are taken back (throttle_forgive), so these count failed ones:
--   account   5 per 15 minutes: the sixth wrong password for one address is refused;
--   address  20 per 15 minutes: one client address trying many accounts (password spraying),
--            with room for an office behind one NAT mistyping now and then.
insert into private.throttle_rules (action, scope, max_attempts, period)
values
  ('sign_in', 'account', 5, interval '15 minutes'),
  ('sign_in', 'address', 20, interval '15 minutes');

create table private.throttle_attempts (
  id bigint generated always as identity primary key,
  attempt_id uuid not null,
  action text not null,
  scope text not null,
  key_hash bytea not null,
  attempted_at timestamptz not null default now(),
  constraint throttle_attempts_rule_fkey foreign key (action, scope)
    references private.throttle_rules (action, scope) on delete cascade,
  constraint throttle_attempts_key_hash_length check (octet_length(key_hash) = 32)
);
comment on table private.throttle_attempts is 'Attempts still inside their rule''s period, one row per key of the attempt (same attempt_id). key_hash = sha256(action, scope, key): the email or client address is never stored. Expired rows are deleted by throttle_attempt.';

create index throttle_attempts_key_idx
  on private.throttle_attempts (action, scope, key_hash, attempted_at);
create index throttle_attempts_attempt_id_idx on private.throttle_attempts (attempt_id);
create index throttle_attempts_attempted_at_idx on private.throttle_attempts (attempted_at);

alter table private.throttle_attempts enable row level security;
revoke all on private.throttle_attempts from public, anon, authenticated;

create function private.throttle_key_hash(action text, scope text, key text)
returns bytea
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.sha256(pg_catalog.convert_to(action || E'\n' || scope || E'\n' || key, 'UTF8'))
$$;
comment on function private.throttle_key_hash(text, text, text) is 'The stored form of a throttle key: sha256 of action, scope and key (so equal emails of two actions never share a row).';

revoke execute on function private.throttle_key_hash(text, text, text) from public;
grant execute on function private.throttle_key_hash(text, text, text) to service_role;

create function private.throttle_attempt(action text, keys jsonb)
returns table (allowed boolean, retry_after_seconds integer, attempt_id uuid)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_action alias for action;
  v_keys record;
  v_count integer;
  v_freed_at timestamptz;
  v_wait interval := interval '0';
  v_attempt uuid := gen_random_uuid();
begin
  if keys is null or jsonb_typeof(keys) <> 'object' or keys = '{}'::jsonb then
    raise exception 'throttle_attempt needs an object of keys, e.g. {"account": "…", "address": "…"}'
      using errcode = '22023';
  end if;
  if exists (
    select 1 from jsonb_each(keys) k
    where jsonb_typeof(k.value) <> 'string' or length(k.value #>> '{}') not between 1 and 1000
  ) then
    raise exception 'every throttle key must be a non-empty string of at most 1000 characters'
      using errcode = '22023';
  end if;
  if exists (
    select 1 from jsonb_object_keys(keys) s(scope)
    where not exists (
      select 1 from private.throttle_rules r where r.action = v_action and r.scope = s.scope
    )
  ) then
    raise exception 'no throttle rule for action % and scopes %', v_action,
      (select string_agg(s, ', ' order by s) from jsonb_object_keys(keys) s)
      using errcode = '22023';
  end if;

  -- Two attempts with a key in common are serialised: each takes a transaction lock per key
  -- (in one global order, so two attempts never wait for each other crosswise), then counts.
  -- The second one counts after the first has committed and sees its row: a burst of
  -- parallel attempts cannot all pass the check before any of them is recorded.
  for v_keys in
    select pg_catalog.hashtextextended(
             pg_catalog.encode(private.throttle_key_hash(v_action, k.key, k.value #>> '{}'), 'hex'),
             7201) as lock_id
    from jsonb_each(keys) k
    order by 1
  loop
    perform pg_catalog.pg_advisory_xact_lock(v_keys.lock_id);
  end loop;

  for v_keys in
    select k.key as scope, private.throttle_key_hash(v_action, k.key, k.value #>> '{}') as key_hash,
           r.max_attempts, r.period
    from jsonb_each(keys) k
    join private.throttle_rules r on r.action = v_action and r.scope = k.key
  loop
    -- This key's expired attempts go first (so its count is exact and the table stays small).
    delete from private.throttle_attempts a
    where a.action = v_action and a.scope = v_keys.scope and a.key_hash = v_keys.key_hash
      and a.attempted_at <= now() - v_keys.period;

    select count(*) into v_count
    from private.throttle_attempts a
    where a.action = v_action and a.scope = v_keys.scope and a.key_hash = v_keys.key_hash;

    if v_count >= v_keys.max_attempts then
      -- One more attempt is allowed once the (count - max + 1)th oldest has left the period.
      select a.attempted_at into v_freed_at
      from private.throttle_attempts a
      where a.action = v_action and a.scope = v_keys.scope and a.key_hash = v_keys.key_hash
      order by a.attempted_at
      offset v_count - v_keys.max_attempts
      limit 1;
      v_wait := greatest(v_wait, v_freed_at + v_keys.period - now());
    end if;
  end loop;

  if v_wait > interval '0' then
    -- A refused attempt is not recorded: waiting out the period is enough.
    return query select false, greatest(1, ceil(extract(epoch from v_wait)))::integer, null::uuid;
    return;
  end if;

  insert into private.throttle_attempts (attempt_id, action, scope, key_hash)
  select v_attempt, v_action, k.key, private.throttle_key_hash(v_action, k.key, k.value #>> '{}')
  from jsonb_each(keys) k;

  -- Keys that are never tried again: a bounded sweep of expired rows of any rule.
  delete from private.throttle_attempts a
  where a.id in (
    select o.id
    from private.throttle_attempts o
    join private.throttle_rules r on r.action = o.action and r.scope = o.scope
    where o.attempted_at <= now() - r.period
    limit 100
  );

  return query select true, 0, v_attempt;
end;
$$;
comment on function private.throttle_attempt(text, jsonb) is 'Records an attempt of action for every key ({"scope": "key"}) when each is under its rule''s limit (allowed, attempt_id), else records nothing and answers how many seconds until one more is allowed. Serialised per key; deletes expired rows.';

create function private.throttle_forgive(attempt uuid, clear_scopes text[] default '{}')
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  -- The other attempts of the keys of this attempt in clear_scopes (e.g. the account's
  -- earlier failures after a successful sign-in), then the attempt itself.
  delete from private.throttle_attempts a
  using private.throttle_attempts mine
  where mine.attempt_id = attempt
    and mine.scope = any (coalesce(clear_scopes, '{}'))
    and a.action = mine.action and a.scope = mine.scope and a.key_hash = mine.key_hash;
  delete from private.throttle_attempts a where a.attempt_id = attempt;
$$;
comment on function private.throttle_forgive(uuid, text[]) is 'Takes back an attempt (it does not count), and clears every earlier attempt of its keys in clear_scopes.';

-- The server calls these through PostgREST with its secret key (src/lib/server/throttle.ts).

select private.expose('private.throttle_attempt(text, jsonb)', callers => '{}');
comment on function public.throttle_attempt(text, jsonb) is 'For the app''s server (secret key) only: records a throttled form''s attempt or says how long to wait. Not executable by anon or authenticated.';

select private.expose('private.throttle_forgive(uuid, text[])', callers => '{}');
comment on function public.throttle_forgive(uuid, text[]) is 'For the app''s server (secret key) only: takes back an attempt and clears the given scopes of its keys. Not executable by anon or authenticated.';

