-- A signature without the checks of its petition and without the counter: the person matched or
-- created, the signature kept once. `added` says whether it is new, for the caller to count.
create or replace function rally_add_signature(req jsonb, out answer jsonb, out added boolean)
language plpgsql as $$
declare
  person people := rally_upsert_person(req->'person');
  signature_id uuid;
begin
  insert into signatures (petition_id, person_id, comments, source, referrer_data)
  values (req->>'petition_id', person.id, req->>'comments', req->'person'->>'source',
          coalesce(req->'referrer_data', '{}'))
  on conflict (petition_id, person_id) do nothing
  returning id into signature_id;
  added := signature_id is not null;
  if not added then
    select id into signature_id from signatures
    where petition_id = req->>'petition_id' and person_id = person.id;
  end if;
  answer := jsonb_build_object(
    'signature_id', signature_id,
    'petition_id', req->>'petition_id',
    'person_id', person.id,
    'referral_code', person.referral_code
  );
end $$;
