/**
 * The dashboard's figures about actions: petitions against their goals, RSVPs against attendance,
 * and the one-on-one conversations organizers hold. A partner's sources count the actions they
 * brought (a signature's or an RSVP's own source); a region or sector, the actions of its people.
 */
import { ratio, Statement, type FigureContext, type Row } from './dashboard-sql.ts';

/**
 * Each petition's signatures against its goal: all signatures by the end of the period, and those
 * made within it. Unfiltered and up to today, the total is the petition's own counter (the figure
 * its page shows) and only the period's signatures are counted, from the index by petition and time.
 */
export async function petitions({ db, scope }: FigureContext): Promise<Row[]> {
  const q = new Statement(scope);
  const filtered = q.narrowsPeople || scope.sources !== undefined || scope.toGiven;
  const counts = filtered
    ? `left join (
         select s.petition_id, count(*)::int as signatures,
                count(*) filter (where s.created_at >= ${q.from})::int as in_period
         from signatures s${q.narrowsPeople ? ' join people p on p.id = s.person_id' : ''}
         where s.created_at < ${q.end}${q.sources('s')}${q.regionAndSector()}
         group by 1) x on x.petition_id = pe.id`
    : `left join lateral (
         select (select coalesce(sum(c.signatures), 0) from petition_signature_counts c
                 where c.petition_id = pe.id)::int as signatures,
                (select count(*) from signatures s where s.petition_id = pe.id
                   and s.created_at >= ${q.from})::int as in_period) x on true`;
  const rows = await db.query<{
    petition: string;
    title: string;
    goal: number;
    signatures: number;
    in_period: number;
  }>(
    `select pe.id as petition, pe.title, pe.goal, coalesce(x.signatures, 0) as signatures,
            coalesce(x.in_period, 0) as in_period
     from petitions pe ${counts}
     order by pe.id`,
    q.params,
  );
  return rows.map((row) => ({
    petition: row.petition,
    title: row.title,
    goal: row.goal,
    signatures: row.signatures,
    share_of_goal: ratio(row.signatures, row.goal),
    signatures_in_period: row.in_period,
  }));
}

/**
 * RSVPs against attendance for each event held from the start of the period (to its end when one
 * was asked for, else upcoming ones too): places taken, the waitlist, who staff recorded as there,
 * and the share of RSVPs that came, once the event has begun.
 */
export async function events({ db, scope }: FigureContext): Promise<Row[]> {
  const q = new Statement(scope);
  const held = `e.start_at >= ${q.from}${scope.toGiven ? ` and e.start_at < ${q.end}` : ''}`;
  const rows = await db.query<{
    event: string;
    title: string;
    start_at: Date;
    capacity: number | null;
    rsvps: number;
    waitlisted: number;
    attended: number;
    begun: boolean;
  }>(
    `select e.id as event, e.title, e.start_at, e.capacity, coalesce(x.rsvps, 0) as rsvps,
            coalesce(x.waitlisted, 0) as waitlisted, coalesce(x.attended, 0) as attended,
            e.start_at <= now() as begun
     from events e
     left join (
       select a.event_id, count(*) filter (where a.status = 'accepted')::int as rsvps,
              count(*) filter (where a.status = 'waitlisted')::int as waitlisted,
              count(*) filter (where a.attended)::int as attended
       from attendances a join events e on e.id = a.event_id
       ${q.narrowsPeople ? 'join people p on p.id = a.person_id' : ''}
       where ${held}${q.sources('a')}${q.regionAndSector()}
       group by 1) x on x.event_id = e.id
     where ${held}
     order by e.start_at, e.id`,
    q.params,
  );
  return rows.map(({ begun, ...row }) => ({
    ...row,
    attendance_rate: begun ? ratio(row.attended, row.rsvps) : null,
  }));
}

/**
 * One-on-one conversations held each month of the period: how many, with how many people, and the
 * organizers' average assessment (1, ready to act, to 5, opposed).
 */
export async function conversations({ db, scope }: FigureContext): Promise<Row[]> {
  const q = new Statement(scope);
  const narrowed = q.narrowsPeople || scope.sources !== undefined;
  return db.query(
    `select to_char(c.held_on, 'YYYY-MM') as month, count(*)::int as conversations,
            count(distinct c.person_id)::int as people,
            round(avg(c.assessment), 2)::float8 as average_assessment
     from conversations c${narrowed ? ' join people p on p.id = c.person_id' : ''}
     where c.held_on >= ${q.value(scope.from)}::date and c.held_on <= ${q.value(scope.to)}::date
       ${narrowed ? q.people() : ''}
     group by 1 order by 1`,
    q.params,
  );
}
