-- Claims the request's Idempotency-Key. Returns the stored answer when the key was used before
-- (the caller then replays it and writes nothing), or null when this request may proceed.
-- A concurrent request with the same key waits here until the first one commits.
create or replace function rally_claim_idempotency_key(req jsonb) returns jsonb language plpgsql as $$
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
