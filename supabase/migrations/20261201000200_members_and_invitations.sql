-- Invitations to organisations and the organisation admin pages (issue 12, "Invite" and
-- "Organisation admin"). Rules: docs/access-model.md ("Invitations", "Organisation admin");
-- proof: supabase/tests/database/032-members-and-invitations.test.sql and
-- tests/api/members.test.ts.
--
-- - organisations.names (the name per language) and invitations.declined_at (the invited
--   person said no) are in 20261128000100_organisations_and_people.sql.
-- - The invited person answers BY TOKEN (the join page, /[lang]/join/[token]) or by id (their
--   inbox) through security definer functions that check the hash, revocation, use, expiry,
--   the organisation's status and that the caller's VERIFIED address (auth.users) is the
--   invited one. New SQLSTATEs (mapped in src/lib/server/errors.ts, invitationErrorKey):
--     IN001 no invitation with this token (or not one the caller may see)
--     IN002 the invitation has expired
--     IN003 the invitation was revoked (or declined)
--     IN004 the invitation was already used
--     IN005 the invitation is for another address (or the caller's address is not verified)
--     IN006 the organisation is suspended
-- - The invite form is throttled (rows in private.throttle_rules, action 'invite').

-- Answering ---------------------------------------------------------------------------

create function private.invitation_token_hash(token text)
returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(coalesce(token, ''), 'UTF8')), 'hex')
$$;
comment on function private.invitation_token_hash(text) is 'The stored form of an invitation token: sha256, hex.';

create function private.answer_invitation(invitation uuid, accept boolean)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  row public.invitations%rowtype;
  caller_email text;
  caller_confirmed timestamptz;
  organisation_status public.organisation_status;
  organisation_slug text;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to answer an invitation' using errcode = '42501';
  end if;
  select * into row from public.invitations i where i.id = invitation for update;
  if not found then
    raise exception 'no such invitation' using errcode = 'IN001';
  end if;
  select lower(u.email), u.email_confirmed_at into caller_email, caller_confirmed
  from auth.users u where u.id = (select auth.uid());
  if caller_email is distinct from row.email or caller_confirmed is null then
    raise exception 'this invitation is for another address' using errcode = 'IN005';
  end if;
  if row.accepted_at is not null then
    raise exception 'this invitation was already used' using errcode = 'IN004';
  end if;
  if row.revoked_at is not null then
    raise exception 'this invitation was revoked or declined' using errcode = 'IN003';
  end if;
  if row.expires_at < now() then
    raise exception 'this invitation has expired' using errcode = 'IN002';
  end if;
  select o.status, o.slug into organisation_status, organisation_slug
  from public.organisations o where o.id = row.organisation_id;
  if organisation_status = 'suspended' then
    raise exception 'this organisation is suspended' using errcode = 'IN006';
  end if;

  if accept then
    -- The acceptance trigger (accept_invitation_membership) gives the membership to auth.uid().
    update public.invitations i set accepted_at = now() where i.id = row.id;
  else
    update public.invitations i set revoked_at = now(), declined_at = now() where i.id = row.id;
  end if;
  return organisation_slug;
end;
$$;
comment on function private.answer_invitation(uuid, boolean) is 'The invited person (verified address = invited address) accepts (membership created) or declines an open, unexpired invitation of a non-suspended organisation; returns the organisation''s slug. IN002–IN006 say why not.';

create function private.answer_invitation_by_token(token text, accept boolean)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  found_id uuid;
begin
  select i.id into found_id from public.invitations i where i.token_hash = private.invitation_token_hash(token);
  if found_id is null then
    raise exception 'no invitation has this token' using errcode = 'IN001';
  end if;
  return private.answer_invitation(found_id, accept);
end;
$$;
comment on function private.answer_invitation_by_token(text, boolean) is 'The join page: the invitation of this token (IN001 when none) answered as private.answer_invitation does.';

create function private.accept_invitation(token text)
returns text
language sql
volatile
security definer
set search_path = ''
as $$
  select private.answer_invitation_by_token(token, true)
$$;
comment on function private.accept_invitation(text) is 'The join page: the signed-in invited person accepts by the token of their email; returns the organisation''s slug.';

create function private.decline_invitation(token text)
returns text
language sql
volatile
security definer
set search_path = ''
as $$
  select private.answer_invitation_by_token(token, false)
$$;
comment on function private.decline_invitation(text) is 'The join page: the signed-in invited person declines by the token of their email.';

create function private.answer_my_invitation(invitation uuid, accept boolean)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  return private.answer_invitation(invitation, coalesce(accept, false));
end;
$$;
comment on function private.answer_my_invitation(uuid, boolean) is 'The inbox: the signed-in invited person accepts or declines one of their invitations by id (same checks as by token).';

-- Reading --------------------------------------------------------------------------------

create function private.invitation_by_token(token text)
returns table (
  organisation_id uuid,
  organisation_slug text,
  organisation_name text,
  organisation_names jsonb,
  email text,
  role public.membership_role,
  locale text,
  invited_by_name text,
  expires_at timestamptz,
  state text
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  -- Whoever holds the token (it is only in the invited person's email) reads what it
  -- invites to, signed in or not: the join page shows it before any sign-in.
  return query
    select o.id, o.slug, o.name, o.names, i.email, i.role, i.locale::text, p.display_name, i.expires_at,
           case
             when i.accepted_at is not null then 'accepted'
             when i.declined_at is not null then 'declined'
             when i.revoked_at is not null then 'revoked'
             when o.status = 'suspended' then 'suspended'
             when i.expires_at < now() then 'expired'
             else 'open'
           end
    from public.invitations i
    join public.organisations o on o.id = i.organisation_id
    left join public.profiles p on p.id = i.invited_by
    where i.token_hash = private.invitation_token_hash(token);
end;
$$;
comment on function private.invitation_by_token(text) is 'The join page: what an invitation token invites to (organisation, role, who invited, state: open, expired, revoked, declined, accepted, suspended); no row for an unknown token.';

create function private.my_pending_invitations()
returns table (
  id uuid,
  organisation_slug text,
  organisation_name text,
  organisation_names jsonb,
  role public.membership_role,
  invited_by_name text,
  created_at timestamptz,
  expires_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  -- Only for the caller's verified address; the inviter's name is otherwise unreadable to
  -- someone not (yet) in the organisation.
  return query
    select i.id, o.slug, o.name, o.names, i.role, p.display_name, i.created_at, i.expires_at
    from public.invitations i
    join public.organisations o on o.id = i.organisation_id
    join auth.users u on u.id = (select auth.uid())
    left join public.profiles p on p.id = i.invited_by
    where i.email = lower(u.email)
      and u.email_confirmed_at is not null
      and i.accepted_at is null
      and i.revoked_at is null
      and i.expires_at >= now()
      and o.status <> 'suspended'
    order by i.created_at desc;
end;
$$;
comment on function private.my_pending_invitations() is 'The inbox: open, unexpired invitations to the caller''s verified address (organisations not suspended), with who invited.';

create function private.organisation_invitations(organisation uuid)
returns table (
  id uuid,
  email text,
  role public.membership_role,
  locale text,
  invited_by_name text,
  created_at timestamptz,
  expires_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  -- Pending invitations of an organisation, for those who manage them (its admins; a
  -- coordinator while it has no admin); nothing for anyone else.
  if not (organisation in (select private.user_organisation_ids('admin'))
          or organisation in (select private.adminless_organisation_ids())) then
    return;
  end if;
  return query
    select i.id, i.email, i.role, i.locale::text, p.display_name, i.created_at, i.expires_at
    from public.invitations i
    left join public.profiles p on p.id = i.invited_by
    where i.organisation_id = organisation
      and i.accepted_at is null
      and i.revoked_at is null
    order by i.created_at desc;
end;
$$;
comment on function private.organisation_invitations(uuid) is 'The members page: open invitations (expired ones too) of an organisation with the inviter''s name, for its admins (a coordinator while it has no admin).';

-- Thin public wrappers (the API's entry points; security invoker) ---------------------------

select private.expose('private.accept_invitation(text)', callers => '{authenticated}');

select private.expose('private.decline_invitation(text)', callers => '{authenticated}');

select private.expose('private.answer_my_invitation(uuid, boolean)', callers => '{authenticated}');

select private.expose('private.invitation_by_token(text)', callers => '{anon,authenticated}');

select private.expose('private.my_pending_invitations()', callers => '{authenticated}');

select private.expose('private.organisation_invitations(uuid)', callers => '{authenticated}');

-- Grants -------------------------------------------------------------------------------

revoke all on function private.invitation_token_hash(text) from public, anon, authenticated;
revoke all on function private.answer_invitation(uuid, boolean) from public, anon, authenticated;
revoke all on function private.answer_invitation_by_token(text, boolean) from public, anon, authenticated;
grant execute on function private.invitation_token_hash(text) to anon, authenticated, service_role;
grant execute on function private.answer_invitation(uuid, boolean) to authenticated, service_role;

-- Throttle: the invite form (src/lib/server/invitations.ts) -------------------------------
--   account  20 per hour: one admin sending (or re-sending) invitations;
--   address  40 per hour: one client address, whoever is signed in.
insert into private.throttle_rules (action, scope, max_attempts, period)
values
  ('invite', 'account', 20, interval '1 hour'),
  ('invite', 'address', 40, interval '1 hour');
