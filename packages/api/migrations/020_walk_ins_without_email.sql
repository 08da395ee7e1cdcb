-- A person may have no email: a walk-in added at the door without one. They were recorded until
-- now under a made-up address of the reserved domain `walk-ins.invalid`, which then showed as
-- their email in the console, the exports and the OSDI person, and would have been written to.
-- The address stays unique (PostgreSQL lets any number of rows have none), and every public form
-- still matches people by email only, so a signup never merges into someone without one.
alter table people alter column email drop not null;

-- What makes a replay of a walk-in without an email find the person it added, even after its
-- Idempotency-Key is forgotten: the first 24 hex digits of the SHA-256 of the event's id and the
-- key (events/walk-ins.ts), set only for walk-ins added without an email. It is the part of the
-- made-up address that was derived from them, so a replay that spans this upgrade finds the
-- person too.
alter table people add column walk_in_key text unique;

-- Whoever was recorded under a made-up address now has none. Their record changed, so a sync tool
-- that copied the address is told at its next read of the people changed since.
update people
set walk_in_key = substring(email from '^walk-in-([0-9a-f]{24})@walk-ins\.invalid$'),
    email = null,
    updated_at = now()
where email like '%@walk-ins.invalid';

-- The console's search (migration 016) reads trigrams of both names and the email: without
-- `coalesce`, a person with no email would have no text at all, and be found by no name. The
-- index is made again as migration 016 made it, with its operator class from wherever pg_trgm
-- is. On a large database it takes a while, and writes to people wait for it: upgrade off-peak.
drop index people_search;
do $$
declare
  home text;
begin
  select extnamespace::regnamespace::text into home from pg_extension where extname = 'pg_trgm';
  execute format(
    $index$create index people_search on people using gin (
      (lower(coalesce(given_name, '') || ' ' || coalesce(family_name, '') || ' ' || coalesce(email, '')))
      %s.gin_trgm_ops)$index$,
    home);
end $$;
