-- One-on-one conversations, and what the staff console reads: finding a person by name or email,
-- and the dashboard's participation window.

-- A conversation an organizer held with a person, as they log it. The organizer is a staff
-- account, but no foreign key ties the two: an account may be removed while the record of the
-- conversation stays, so the organizer's name is kept beside the id. Erasing the person erases
-- their conversations.
create table conversations (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people (id) on delete cascade,
  organizer_id uuid,
  organizer_name text,
  held_on date not null,
  notes text,
  -- The organizer's assessment, 1 (ready to act) to 5 (opposed), as organizers grade them.
  assessment smallint check (assessment between 1 and 5),
  created_at timestamptz not null default now()
);
-- A person's timeline lists their conversations by date, and an erasure finds them by person.
-- The dashboard counts those of its period, a year by default and so most of the table: an index
-- on held_on would narrow nothing, and it has none.
create index conversations_person on conversations (person_id, held_on);

-- Finding a person by any part of their name or email (the console's search, the check-in
-- screen): trigrams of one text made of both names and the email, so `%ortiz%` or `%@uno.org%`
-- is found through the index instead of reading everyone. pg_trgm ships with PostgreSQL's contrib
-- and is a trusted extension, which the database's owner may create. It stays wherever it already
-- is; else it goes in a schema of its own, shared by every schema of the database, so that a schema
-- dropped (a test's) takes no other schema's index with it.
do $$
declare
  home text;
begin
  select extnamespace::regnamespace::text into home from pg_extension where extname = 'pg_trgm';
  if home is null then
    create schema if not exists rally_extensions;
    create extension pg_trgm schema rally_extensions;
    home := 'rally_extensions';
  end if;
  execute format(
    $index$create index people_search on people using gin (
      (lower(coalesce(given_name, '') || ' ' || coalesce(family_name, '') || ' ' || email))
      %s.gin_trgm_ops)$index$,
    home);
end $$;

-- Participation and activists count each member's signatures within the last weeks: an index led
-- by the time reads only those, with the person, from the index alone, instead of every signature
-- ever made (docs/benchmarks.md, "Staff dashboard"). Each signature writes one more index entry
-- for it, at the end of the index, as time only grows. On a large database it takes a while to
-- build, and signatures wait for it: upgrade off-peak.
create index signatures_recent on signatures (created_at, person_id);
