-- What an RSVP is answered: the attendance's id and status, and the person's ids.
create or replace function rally_attendance_answer(attendance attendances, person people) returns jsonb
language sql as $$
  select jsonb_build_object(
    'attendance_id', attendance.id,
    'event_id', attendance.event_id,
    'person_id', person.id,
    'status', attendance.status,
    'referral_code', person.referral_code
  )
$$;
