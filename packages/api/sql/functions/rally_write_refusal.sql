-- Why a write would be refused before it runs, as the error its function would raise; null when it
-- may run. A write whose Idempotency-Key is already stored runs, to replay its first answer.
create or replace function rally_write_refusal(write jsonb) returns jsonb language plpgsql as $$
declare
  req jsonb := write->'req';
  opens timestamptz;
  closes timestamptz;
  ends timestamptz;
begin
  if req->>'idempotency_key' is not null and exists (
    select 1 from idempotency_keys where scope = req->>'scope' and key = req->>'idempotency_key'
  ) then
    return null;
  end if;
  case write->>'fn'
    when 'rally_sign_petition' then
      -- An unpublished petition keeps its signatures and takes no more (unpublished.ts).
      select opens_at, closes_at into opens, closes from petitions
        where id = req->>'petition_id' and unpublished_at is null;
      if not found then
        return jsonb_build_object('code', 'R0404', 'message', 'petition not found');
      end if;
      if opens > now() or closes <= now() then
        return jsonb_build_object('code', 'R0409', 'message', 'petition closed');
      end if;
    when 'rally_record_attendance' then
      select end_at into ends from events where id = req->>'event_id' and unpublished_at is null;
      if not found then
        return jsonb_build_object('code', 'R0404', 'message', 'event not found');
      end if;
      if ends <= now() then
        return jsonb_build_object('code', 'R0409', 'message', 'event over');
      end if;
    else
  end case;
  return null;
end $$;
