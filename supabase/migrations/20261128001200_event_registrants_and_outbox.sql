-- Events, the organisers' side (issue 6):
--   event_registrants(event)   the registrant list (name, email, organisations) for the
--                              organisers' editors/admins only; nobody else gets a row
-- The emails a registration's changes send (promoted from the waiting list, decided by the
-- organisers) are notifications (20261203000100_notifications.sql, notify_registration),
-- sent through the outbox of 20261205000100_notification_emails.sql.
-- Rules: docs/access-model.md ("Events": registrant export for organisers) and
-- issue 6 ("registrant lists only to the organisers' editors/admins"). Coordinators are
-- not organisers: the list holds personal data (emails) and is not part of their
-- network overview, so they get nothing unless they edit for an organising organisation.

-- Registrant list -----------------------------------------------------------------

create function private.event_registrants(event uuid)
returns table (
  registration_id uuid,
  user_id uuid,
  status public.registration_status,
  registered_at timestamptz,
  decided_at timestamptz,
  display_name text,
  email text,
  organisations text[]
)
language plpgsql
stable
security definer
set search_path = ''
rows 50
as $$
begin
  -- The organisers as for decide_event_registration: editors/admins of the owner and of
  -- accepted co-lead organisations (private.managed_item_ids, any item status).
  if event is null or event not in (select private.managed_item_ids()) then
    return;
  end if;
  return query
    select r.id, r.user_id, r.status, r.created_at, r.decided_at, p.display_name, u.email::text,
           coalesce((
             select array_agg(o.name order by o.name)
             from public.memberships m
             join public.organisations o on o.id = m.organisation_id
             where m.user_id = r.user_id and o.status = 'active'
           ), '{}')
    from public.event_registrations r
    join public.profiles p on p.id = r.user_id
    left join auth.users u on u.id = r.user_id
    where r.event_id = event
    order by case r.status when 'confirmed' then 1 when 'pending' then 2 when 'waiting' then 3
                           when 'declined' then 4 else 5 end,
             r.created_at, r.id;
end;
$$;
comment on function private.event_registrants(uuid) is 'Registrations of an event with each person''s name, email and active organisations, for the organisers'' editors/admins only (no row for anyone else); see public.event_registrants.';

select private.expose('private.event_registrants(uuid)', callers => '{anon,authenticated}', public_names => array['event_id']);
comment on function public.event_registrants(uuid) is 'The registrant list of an event (confirmed, pending, waiting, declined, cancelled; name, email, organisations) for its organisers'' editors/admins; no rows for anyone else, whether or not the event exists.';

