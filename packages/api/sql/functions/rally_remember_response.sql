-- Stores the answer under the request's Idempotency-Key, in the write's own transaction, so a
-- retry replays exactly what the first request was answered.
create or replace function rally_remember_response(req jsonb, response jsonb) returns jsonb
language plpgsql as $$
begin
  if req->>'idempotency_key' is not null then
    update idempotency_keys set response = rally_remember_response.response
    where scope = req->>'scope' and key = req->>'idempotency_key';
  end if;
  return response;
end $$;
