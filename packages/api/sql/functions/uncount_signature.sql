-- Erasing a person deletes their signatures; the count follows.
create or replace function uncount_signature() returns trigger language plpgsql as $$
begin
  perform count_signatures(old.petition_id, -1);
  return old;
end $$;

create or replace trigger signatures_uncount after delete on signatures
  for each row execute function uncount_signature();
