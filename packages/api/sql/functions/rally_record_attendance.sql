-- OSDI record attendance helper: accepted while places remain, waitlisted after. The event row
-- is locked for the decision, so two people never take the last place.
create or replace function rally_record_attendance(req jsonb) returns jsonb language plpgsql as $$
declare
  replay jsonb := rally_claim_idempotency_key(req);
  event events;
  person people;
  attendance attendances;
  has_place boolean;
begin
  if replay is not null then
    return replay;
  end if;
  select * into event from events
    where id = req->>'event_id' and unpublished_at is null for update;
  if not found then
    raise exception using errcode = 'R0404', message = 'event not found';
  end if;
  if event.end_at <= now() then
    raise exception using errcode = 'R0409', message = 'event over';
  end if;

  person := rally_upsert_person(req->'person');
  select * into attendance from attendances
  where event_id = event.id and person_id = person.id for update;
  has_place := event.capacity is null or event.accepted_count < event.capacity;

  if not found then
    insert into attendances (event_id, person_id, status, source, referrer_data)
    values (event.id, person.id, case when has_place then 'accepted' else 'waitlisted' end,
            req->'person'->>'source', coalesce(req->'referrer_data', '{}'))
    returning * into attendance;
  elsif attendance.status = 'cancelled' then
    -- Coming back after cancelling: a new place in line, like anyone else.
    update attendances
    set status = case when has_place then 'accepted' else 'waitlisted' end,
        created_at = now(), updated_at = now()
    where id = attendance.id
    returning * into attendance;
  else
    -- Already coming or waiting: nothing changes.
    return rally_remember_response(req, rally_attendance_answer(attendance, person));
  end if;

  update events set
    accepted_count = accepted_count + (attendance.status = 'accepted')::int,
    waitlist_count = waitlist_count + (attendance.status = 'waitlisted')::int
  where id = event.id;
  return rally_remember_response(req, rally_attendance_answer(attendance, person));
end $$;
