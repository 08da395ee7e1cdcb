-- Every public write is one function call: one round trip, one transaction, all or nothing.
-- Errors a caller can fix are raised with SQLSTATEs of class R0, which the API maps to HTTP:
--   R0404 the petition or event does not exist      R0409 it is closed to new submissions
--   R0422 an Idempotency-Key was reused for a different request

-- Claims the request's Idempotency-Key. Returns the stored answer when the key was used before
-- (the caller then replays it and writes nothing), or null when this request may proceed.
-- A concurrent request with the same key waits here until the first one commits.
create function rally_claim_idempotency_key(req jsonb) returns jsonb language plpgsql as $$
declare
  claimed integer;
  earlier idempotency_keys;
begin
  if req->>'idempotency_key' is null then
    return null;
  end if;
  insert into idempotency_keys (scope, key, request_hash, response)
  values (req->>'scope', req->>'idempotency_key', req->>'request_hash', '{}')
  on conflict (scope, key) do nothing;
  get diagnostics claimed = row_count;
  if claimed = 1 then
    return null;
  end if;
  select * into earlier from idempotency_keys
  where scope = req->>'scope' and key = req->>'idempotency_key';
  if earlier.request_hash <> req->>'request_hash' then
    raise exception using errcode = 'R0422', message = 'idempotency key reused';
  end if;
  return earlier.response || '{"replayed": true}';
end $$;

create function rally_remember_response(req jsonb, response jsonb) returns jsonb
language plpgsql as $$
begin
  if req->>'idempotency_key' is not null then
    update idempotency_keys set response = rally_remember_response.response
    where scope = req->>'scope' and key = req->>'idempotency_key';
  end if;
  return response;
end $$;

-- Finds or creates the person by email. Newer data replaces older, but nothing the new
-- submission left empty is erased; source, website and referrer keep their first value.
create function rally_upsert_person(p jsonb) returns people language plpgsql as $$
declare
  person people;
begin
  insert into people as existing (
    email, given_name, family_name, phone_numbers, postal_addresses, languages_spoken,
    custom_fields, tags, region, sector, source, website, referral_code, referred_by
  ) values (
    p->>'email',
    nullif(p->>'given_name', ''),
    nullif(p->>'family_name', ''),
    coalesce(p->'phone_numbers', '[]'),
    coalesce(p->'postal_addresses', '[]'),
    array(select jsonb_array_elements_text(coalesce(p->'languages_spoken', '[]'))),
    coalesce(p->'custom_fields', '{}'),
    array(select distinct jsonb_array_elements_text(coalesce(p->'tags', '[]'))),
    p->>'region',
    p->>'sector',
    p->>'source',
    p->>'website',
    p->>'referral_code',
    (select referrer.id from people referrer where referrer.referral_code = p->>'referrer')
  )
  on conflict (email) do update set
    given_name = coalesce(excluded.given_name, existing.given_name),
    family_name = coalesce(excluded.family_name, existing.family_name),
    phone_numbers = case when excluded.phone_numbers = '[]' then existing.phone_numbers
                         else excluded.phone_numbers end,
    postal_addresses = case when excluded.postal_addresses = '[]' then existing.postal_addresses
                            else excluded.postal_addresses end,
    languages_spoken = case when excluded.languages_spoken = '{}' then existing.languages_spoken
                            else excluded.languages_spoken end,
    custom_fields = existing.custom_fields || excluded.custom_fields,
    tags = array(select distinct unnest(existing.tags || excluded.tags)),
    region = coalesce(excluded.region, existing.region),
    sector = coalesce(excluded.sector, existing.sector),
    source = coalesce(existing.source, excluded.source),
    website = coalesce(existing.website, excluded.website),
    updated_at = now()
  returning * into person;

  if jsonb_typeof(p->'consent') = 'object' then
    insert into consents (person_id, text, version, given_at)
    values (
      person.id,
      p->'consent'->>'text',
      p->'consent'->>'version',
      coalesce((p->'consent'->>'given_at')::timestamptz, now())
    );
  end if;
  return person;
end $$;

-- OSDI person signup helper.
create function rally_signup_person(req jsonb) returns jsonb language plpgsql as $$
declare
  replay jsonb := rally_claim_idempotency_key(req);
  person people;
begin
  if replay is not null then
    return replay;
  end if;
  person := rally_upsert_person(req->'person');
  return rally_remember_response(req, jsonb_build_object(
    'person_id', person.id,
    'referral_code', person.referral_code
  ));
end $$;

-- OSDI record signature helper. Signing twice keeps the first signature and counts it once.
create function rally_sign_petition(req jsonb) returns jsonb language plpgsql as $$
declare
  replay jsonb := rally_claim_idempotency_key(req);
  petition petitions;
  person people;
  signature_id uuid;
begin
  if replay is not null then
    return replay;
  end if;
  select * into petition from petitions where id = req->>'petition_id';
  if not found then
    raise exception using errcode = 'R0404', message = 'petition not found';
  end if;
  if petition.opens_at > now() or petition.closes_at <= now() then
    raise exception using errcode = 'R0409', message = 'petition closed';
  end if;

  person := rally_upsert_person(req->'person');
  insert into signatures (petition_id, person_id, comments, source, referrer_data)
  values (petition.id, person.id, req->>'comments', req->'person'->>'source',
          coalesce(req->'referrer_data', '{}'))
  on conflict (petition_id, person_id) do nothing
  returning id into signature_id;
  if signature_id is not null then
    insert into petition_signature_counts (petition_id, shard, signatures)
    values (petition.id, pg_backend_pid() % 16, 1)
    on conflict (petition_id, shard)
      do update set signatures = petition_signature_counts.signatures + 1;
  else
    select id into signature_id from signatures
    where petition_id = petition.id and person_id = person.id;
  end if;

  return rally_remember_response(req, jsonb_build_object(
    'signature_id', signature_id,
    'petition_id', petition.id,
    'person_id', person.id,
    'referral_code', person.referral_code
  ));
end $$;

-- OSDI record attendance helper: accepted while places remain, waitlisted after. The event row
-- is locked for the decision, so two people never take the last place.
create function rally_record_attendance(req jsonb) returns jsonb language plpgsql as $$
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
  select * into event from events where id = req->>'event_id' for update;
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

create function rally_attendance_answer(attendance attendances, person people) returns jsonb
language sql as $$
  select jsonb_build_object(
    'attendance_id', attendance.id,
    'event_id', attendance.event_id,
    'person_id', person.id,
    'status', attendance.status,
    'referral_code', person.referral_code
  )
$$;

-- Cancels an attendance (from its signed link) and moves the first waitlisted person up.
-- Returns the new status, or null when there is no such attendance.
create function rally_cancel_attendance(attendance_id uuid) returns text language plpgsql as $$
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
