-- Each member's standing, one narrow row per person who is or was a member, kept current by
-- triggers on people and dues (sql/functions/rally_member_standing.sql) in the same transaction as
-- the write that changes it. The dashboard's member figures and activity read these rows instead of
-- every person's whole row joined to their dues, and do less than half the work
-- (docs/benchmarks.md, "Staff dashboard"). `member_since` and `first_member_since` are
-- reports/standing.ts's `memberSince` and `firstMemberSince`; a test holds the two to agree.
create table member_standing (
  person_id uuid primary key references people (id) on delete cascade,
  region text,
  sector text,
  source text,
  joined_at timestamptz,
  -- When they became a member: when they joined, or when dues they still pay started; null once
  -- dues lapse for someone who never joined.
  member_since timestamptz,
  -- When they first became one, whatever their dues say now: retention's cohorts.
  first_member_since timestamptz not null,
  dues_status text,
  dues_interval text,
  has_phone boolean not null,
  has_address boolean not null,
  has_employer boolean not null
);

-- Everyone who is or was a member when this migration runs; from then on the triggers keep it.
insert into member_standing
select p.id, p.region, p.sector, p.source, p.joined_at,
       least(p.joined_at, case when d.status in ('active', 'past_due') then d.started_at end),
       least(p.joined_at, d.started_at), d.status, d.interval,
       p.phone_numbers <> '[]', p.postal_addresses <> '[]',
       nullif(btrim(p.custom_fields ->> 'employer'), '') is not null
from people p
left join dues_memberships d on d.person_id = p.id
where least(p.joined_at, d.started_at) is not null;
