-- Cancels an attendance (from its signed link) and moves the first waitlisted person up.
-- Returns the new status, or null when there is no such attendance.
create or replace function rally_cancel_attendance(attendance_id uuid) returns text language plpgsql as $$
declare
  attendance attendances;
  event events;
  promoted uuid;
begin
  select * into attendance from attendances where id = attendance_id;
  if not found then
    return null;
  end if;
  select * into event from events where id = attendance.event_id for update;
  select * into attendance from attendances where id = attendance_id for update;
  if attendance.status = 'cancelled' then
    return 'cancelled';
  end if;

  update attendances set status = 'cancelled', updated_at = now() where id = attendance_id;
  if attendance.status = 'waitlisted' then
    update events set waitlist_count = waitlist_count - 1 where id = event.id;
    return 'cancelled';
  end if;

  select id into promoted from attendances
  where event_id = event.id and status = 'waitlisted'
  order by created_at, id
  limit 1
  for update;
  if promoted is null then
    update events set accepted_count = accepted_count - 1 where id = event.id;
  else
    update attendances set status = 'accepted', updated_at = now() where id = promoted;
    update events set waitlist_count = waitlist_count - 1 where id = event.id;
  end if;
  return 'cancelled';
end $$;
