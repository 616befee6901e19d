-- splinter 0015 rls_references_user_metadata: user_metadata is editable by the user,
-- so a policy that trusts it can be bypassed.
select format('%I.%I: %s', schemaname, tablename, policyname) as object,
       'policy reads user-editable metadata (user_metadata / raw_user_meta_data)' as detail
from pg_policies
where coalesce(qual, '') || ' ' || coalesce(with_check, '') ~* '(user_metadata|raw_user_meta_data)'
order by 1;
