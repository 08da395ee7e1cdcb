-- What each member did lately, on their standing row (migration 017), so the dashboard's
-- participation, activists and retention for a period ending today read one narrow row per member
-- instead of every action of the last months (docs/benchmarks.md, "Staff dashboard"). Kept by
-- triggers in the write's own transaction (sql/functions/rally_member_activity.sql); a period that
-- ended earlier is read from the actions themselves, and a test holds the two to agree.
--
-- recent_actions: the times of their latest signatures and RSVPs not cancelled, newest first, at
--   most 10 (the largest activist threshold this read serves; a larger one reads the actions);
-- recent_events: the start times of the latest events they attended, newest first, at most 10;
-- last_paid_at: when they last paid dues.
-- No action is written while the rows are filled and until the triggers that keep them are made,
-- in the same transaction (src/migrate.ts): one written between would be missing for good.
lock table signatures, attendances, dues_payments, events in share mode;

alter table member_standing
  add column recent_actions timestamptz[] not null default '{}',
  add column recent_events timestamptz[] not null default '{}',
  add column last_paid_at timestamptz;

update member_standing s set
  recent_actions = array(
    select t from (
      select created_at as t from signatures where person_id = s.person_id
      union all
      select created_at from attendances where person_id = s.person_id and status <> 'cancelled'
    ) actions
    order by t desc limit 10),
  recent_events = array(
    select e.start_at from attendances a join events e on e.id = a.event_id
    where a.person_id = s.person_id and a.attended
    order by e.start_at desc limit 10),
  last_paid_at = (
    select max(paid_at) from dues_payments where person_id = s.person_id and status = 'paid');
