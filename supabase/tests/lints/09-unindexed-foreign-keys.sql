-- splinter 0001 unindexed_foreign_keys: a foreign key without an index whose leading
-- columns cover it makes deletes on the parent and joins on the child scan the table.
select format('%I.%I (%s)', n.nspname, c.relname,
              (select string_agg(a.attname, ', ' order by k.ord)
               from unnest(fk.conkey) with ordinality as k (attnum, ord)
               join pg_attribute a on a.attrelid = fk.conrelid and a.attnum = k.attnum)) as object,
       format('foreign key %s has no covering index', fk.conname) as detail
from pg_constraint fk
join pg_class c on c.oid = fk.conrelid
join pg_namespace n on n.oid = c.relnamespace
where fk.contype = 'f'
  and n.nspname in ('public', 'private')
  and not exists (
    select 1
    from pg_index i
    where i.indrelid = fk.conrelid
      and i.indpred is null
      and (select array_agg(x order by x) from unnest((string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(fk.conkey)]) as x)
          = (select array_agg(x order by x) from unnest(fk.conkey) as x)
  )
order by 1;
