-- The counter's one statement, in PL/pgSQL, which keeps its plan: as an SQL function it was parsed
-- and planned again on every call (a seventh of the database's time for a lone signature).
create or replace function count_signatures(petition text, delta integer) returns void
language plpgsql as $$
begin
  insert into petition_signature_counts (petition_id, shard, signatures)
  values (petition, pg_backend_pid() % 16, delta)
  on conflict (petition_id, shard)
    do update set signatures = petition_signature_counts.signatures + delta;
end $$;
