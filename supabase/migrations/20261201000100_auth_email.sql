-- Auth email flows run by the hub's server (issue 12): sign-in by email (link and 6-digit
-- code), forgotten password, change password, change email. Auth's own endpoints that mail
-- on a visitor's request stay refused at the gateway; the server asks Auth's admin API
-- (generate_link, secret key) and sends the hub's own email (src/lib/server/authLinks.ts).
--
--   public.account_by_email   the account of an email address (id and preferred language),
--                             for the server only (service_role): generate_link must never
--                             be asked for a magic link to an unknown address, since Auth
--                             then creates an account ("signup" link). Visitors and members
--                             cannot call it (it would tell who has an account).
--   private.throttle_rules    the new forms' limits (src/lib/server/throttle.ts).

create function private.account_by_email(email text)
returns table (user_id uuid, preferred_locale text)
language sql
stable
security definer
set search_path = ''
as $$
  -- Auth stores emails as given; it looks them up lower-cased (models.FindUserByEmailAndAudience).
  select u.id, p.preferred_locale::text
  from auth.users u
  left join public.profiles p on p.id = u.id
  where lower(u.email) = lower(btrim(account_by_email.email))
    and u.deleted_at is null
    and coalesce(u.is_sso_user, false) = false
    and coalesce(u.is_anonymous, false) = false
  order by u.created_at
  limit 1
$$;
comment on function private.account_by_email(text) is 'The account (id, preferred language) of an email address, or no row. Server only (service_role).';

select private.expose('private.account_by_email(text)', callers => '{}');
comment on function public.account_by_email(text) is 'For the app''s server (secret key) only: the account of an email address, or no row. Not executable by anon or authenticated.';

-- Rate limits. Every attempt counts (a request that mails counts whether or not the address
-- has an account, so the limit tells nothing either):
--   email_sign_in    "email me a link and a code": 3 per account per 15 minutes (each one
--                    mails someone), 20 per client address (one client mailing many people);
--   email_code       typing the 6-digit code: 5 wrong codes per account per 15 minutes
--                    (a right one is taken back), 20 per client address;
--   password_reset   like email_sign_in;
--   password_change  the current password asked on the account page: 5 wrong per account
--                    per 15 minutes, like the sign-in form;
--   email_change     asking for a change of email (mails two addresses): 3 per account per hour.
insert into private.throttle_rules (action, scope, max_attempts, period)
values
  ('email_sign_in', 'account', 3, interval '15 minutes'),
  ('email_sign_in', 'address', 20, interval '15 minutes'),
  ('email_code', 'account', 5, interval '15 minutes'),
  ('email_code', 'address', 20, interval '15 minutes'),
  ('password_reset', 'account', 3, interval '15 minutes'),
  ('password_reset', 'address', 20, interval '15 minutes'),
  ('password_change', 'account', 5, interval '15 minutes'),
  ('email_change', 'account', 3, interval '1 hour');
