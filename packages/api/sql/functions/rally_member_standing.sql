-- Keeps member_standing (migration 017) true to people and their dues: after any write that can
-- change when someone became a member, where they are, or how they can be reached, their row is
-- made again from the rows it comes from, in the write's own transaction, under the lock of their
-- person row, which every public write takes first: dues that make someone a member while they
-- sign wait for the signature, and the new row's activity (rally_member_activity.sql) then holds it.
create or replace function rally_refresh_member_standing(person uuid) returns void
language plpgsql as $$
begin
  perform 1 from people where id = person for no key update;
  insert into member_standing
  select p.id, p.region, p.sector, p.source, p.joined_at,
         least(p.joined_at, case when d.status in ('active', 'past_due') then d.started_at end),
         least(p.joined_at, d.started_at), d.status, d.interval,
         p.phone_numbers <> '[]', p.postal_addresses <> '[]',
         nullif(btrim(p.custom_fields ->> 'employer'), '') is not null
  from people p
  left join dues_memberships d on d.person_id = p.id
  where p.id = person and least(p.joined_at, d.started_at) is not null
  on conflict (person_id) do update set
    region = excluded.region, sector = excluded.sector, source = excluded.source,
    joined_at = excluded.joined_at, member_since = excluded.member_since,
    first_member_since = excluded.first_member_since, dues_status = excluded.dues_status,
    dues_interval = excluded.dues_interval, has_phone = excluded.has_phone,
    has_address = excluded.has_address, has_employer = excluded.has_employer;
  -- Never a member (a supporter), or no longer on file: no row.
  if not found then
    delete from member_standing where person_id = person;
  end if;
end $$;

create or replace function rally_member_standing_of_person() returns trigger
language plpgsql as $$
begin
  perform rally_refresh_member_standing(new.id);
  return null;
end $$;

create or replace function rally_member_standing_of_dues() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform rally_refresh_member_standing(old.person_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.person_id <> old.person_id) then
    perform rally_refresh_member_standing(new.person_id);
  end if;
  return null;
end $$;

-- A supporter's first signature or RSVP makes no member: only a person who joined does.
create or replace trigger member_standing_person_added after insert on people
  for each row when (new.joined_at is not null)
  execute function rally_member_standing_of_person();

-- Only the columns the standing is made of; signing again or a new consent changes none of them.
create or replace trigger member_standing_person_changed
  after update of region, sector, source, joined_at, phone_numbers, postal_addresses, custom_fields
  on people
  for each row
  when ((old.region, old.sector, old.source, old.joined_at, old.phone_numbers,
         old.postal_addresses, old.custom_fields ->> 'employer')
        is distinct from
        (new.region, new.sector, new.source, new.joined_at, new.phone_numbers,
         new.postal_addresses, new.custom_fields ->> 'employer'))
  execute function rally_member_standing_of_person();

create or replace trigger member_standing_dues_changed
  after insert or update of person_id, status, started_at, interval or delete on dues_memberships
  for each row execute function rally_member_standing_of_dues();
