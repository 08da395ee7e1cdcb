-- Members and supporters. A member joined (the join form: the person signup helper) or pays dues;
-- a supporter took an action (signed, RSVPed) without joining. Reports and exports count them
-- apart, so "new members this week" no longer counts everyone who signed a petition.
alter table people add column joined_at timestamptz;
create index people_joined_at on people (joined_at) where joined_at is not null;

-- Who joined before this was recorded cannot be known for sure: a person with no signature and no
-- RSVP can only have come in through the join form (or a dues checkout), so they count as joined
-- when they arrived. Someone who joined and also signed is counted a supporter until they join again
-- or pay dues.
update people p set joined_at = p.created_at
where not exists (select 1 from signatures s where s.person_id = p.id)
  and not exists (select 1 from attendances a where a.person_id = p.id);
