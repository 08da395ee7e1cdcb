-- OSDI record signature helper, alone. Signing twice keeps the first signature and counts it once.
create or replace function rally_sign_petition(req jsonb) returns jsonb language plpgsql as $$
declare
  replay jsonb := rally_claim_idempotency_key(req);
  petition petitions;
  signed record;
begin
  if replay is not null then
    return replay;
  end if;
  -- An unpublished petition keeps its signatures and takes no more (unpublished.ts).
  select * into petition from petitions where id = req->>'petition_id' and unpublished_at is null;
  if not found then
    raise exception using errcode = 'R0404', message = 'petition not found';
  end if;
  if petition.opens_at > now() or petition.closes_at <= now() then
    raise exception using errcode = 'R0409', message = 'petition closed';
  end if;
  signed := rally_add_signature(req);
  if signed.added then
    perform count_signatures(petition.id, 1);
  end if;
  return rally_remember_response(req, signed.answer);
end $$;
