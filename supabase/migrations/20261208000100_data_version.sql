-- The database's data version, for answers the app keeps while nothing changed (issue 14,
-- docs/benchmarks.md "Calendar feeds kept while the database holds still").
--
-- A calendar feed is the same bytes for everyone who asks for it (the network's public
-- events, an organisation's, or the events a secret token stands for) until something is
-- written: at 100k items it is 500 events and 270 KB, built afresh for each calendar app
-- that polls it. src/lib/server/unchanged.ts keeps a built feed under this version and
-- builds it again once the version moves.
--
-- The version is the caller's snapshot: which transactions have committed and which are
-- still running. Two equal snapshots see exactly the same rows, so an answer built under one
-- is still right under the other; any transaction that writes (anything, anywhere) moves it.
-- It is hashed: the answer says whether something was written, not how many transactions
-- ran.

create function public.data_version()
returns text
language sql
stable
security invoker
set search_path = ''
as $$
  select pg_catalog.md5(pg_catalog.pg_current_snapshot()::text)
$$;
comment on function public.data_version() is 'The hash of the caller''s snapshot: equal while no transaction has written since, so an answer built from the data under one version is still right under an equal one (src/lib/server/unchanged.ts).';

revoke execute on function public.data_version() from public;
grant execute on function public.data_version() to anon, authenticated, service_role;
