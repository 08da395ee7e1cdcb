-- Keeps the activity on member_standing (migration 022) true to the actions it comes from: after
-- any write that adds, cancels, checks in or moves an action of a member, their three columns are
-- made again from their own rows (a handful, found by person), in the write's own transaction; a
-- new signature only adds its time. Someone who is not a member has no row, and the update finds
-- nothing to do.
--
-- The row is locked before it is read: under READ COMMITTED each statement reads what was committed
-- when it began, so an update that waited for another writer's lock would otherwise write arrays
-- made without that writer's action.
create or replace function rally_refresh_member_activity(person uuid) returns void
language plpgsql as $$
begin
  perform 1 from member_standing where person_id = person for update;
  if not found then
    return;
  end if;
  update member_standing s set
    recent_actions = array(
      select t from (
        select created_at as t from signatures where person_id = person
        union all
        select created_at from attendances where person_id = person and status <> 'cancelled'
      ) actions
      order by t desc limit 10),
    recent_events = array(
      select e.start_at from attendances a join events e on e.id = a.event_id
      where a.person_id = person and a.attended
      order by e.start_at desc limit 10),
    last_paid_at = (
      select max(paid_at) from dues_payments where person_id = person and status = 'paid')
  where s.person_id = person;
end $$;

-- A new signature, the busiest write: one more time in the member's list, which needs none of
-- their other rows. (The latest ten of all their actions are the latest ten of the ten kept and
-- the new one; an update that waits for another writer's lock reads the row that writer left.)
create or replace function rally_member_activity_of_signature() returns trigger
language plpgsql as $$
begin
  update member_standing set recent_actions = array(
    select t from unnest(recent_actions || new.created_at) t order by t desc limit 10)
  where person_id = new.person_id;
  return null;
end $$;

-- For RSVPs, dues payments, a signature changed or taken away, and a new standing row (someone who
-- becomes a member brings what they did as a supporter): the person of the row before and after
-- the write.
create or replace function rally_member_activity_of_action() returns trigger
language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform rally_refresh_member_activity(old.person_id);
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.person_id <> old.person_id) then
    perform rally_refresh_member_activity(new.person_id);
  end if;
  return null;
end $$;

-- An event moved to another time: everyone who attended it.
create or replace function rally_member_activity_of_event() returns trigger
language plpgsql as $$
begin
  perform rally_refresh_member_activity(a.person_id)
  from attendances a where a.event_id = new.id and a.attended;
  return null;
end $$;

create or replace trigger member_activity_signed
  after insert on signatures
  for each row execute function rally_member_activity_of_signature();

create or replace trigger member_activity_signature_changed
  after update of person_id, created_at or delete on signatures
  for each row execute function rally_member_activity_of_action();

create or replace trigger member_activity_rsvped
  after insert or update of person_id, event_id, status, attended, created_at or delete
  on attendances
  for each row execute function rally_member_activity_of_action();

create or replace trigger member_activity_paid
  after insert or update of person_id, status, paid_at or delete on dues_payments
  for each row execute function rally_member_activity_of_action();

-- At the commit, not the update: the content's sync writes every event in one transaction, and
-- attendees' rows locked halfway through would hold up their own RSVPs to the events after it,
-- each waiting on the other. (A constraint trigger cannot be replaced, only made again.)
drop trigger if exists member_activity_event_moved on events;
create constraint trigger member_activity_event_moved
  after update of start_at on events
  deferrable initially deferred
  for each row when (old.start_at is distinct from new.start_at)
  execute function rally_member_activity_of_event();

create or replace trigger member_activity_became_member
  after insert on member_standing
  for each row execute function rally_member_activity_of_action();
