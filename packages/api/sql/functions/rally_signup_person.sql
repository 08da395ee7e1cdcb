-- OSDI person signup helper: the join form.
create or replace function rally_signup_person(req jsonb) returns jsonb language plpgsql as $$
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
