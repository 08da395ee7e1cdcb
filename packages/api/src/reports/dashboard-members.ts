/**
 * The dashboard's figures about members themselves: how many at each month's end by region and by
 * sector against the goals, who is new each week by source, partner and referrer, and whom the
 * organization can reach. All but the referrers come from one read of the members (`memberGroups`),
 * grouped several ways at once.
 */
import { duesJoin, memberSince } from './standing.ts';
import {
  byKey,
  months,
  ratio,
  Statement,
  type DashboardSettings,
  type FigureContext,
  type Row,
} from './dashboard-sql.ts';

/** One group of members, as `memberGroups` reads them. */
interface MemberGroup extends Row {
  /** Which grouping the row is of: `grouping()` of month, region, sector, week, source. */
  grouping: number;
  month: string | null;
  region: string | null;
  sector: string | null;
  week: string | null;
  source: string | null;
  members: number;
  new_members: number;
  with_phone: number;
  with_address: number;
  with_employer: number;
}

/** Room for `memberGroups` to hash its groups in, for the one statement. */
const groupingMemory = '32MB';

// `grouping(month, region, sector, week, source)`: a bit set for each column a row is not grouped by.
const byMonthAndRegion = 0b00111;
const byMonthAndSector = 0b01011;
const byWeekAndSource = 0b11100;
const everyone = 0b11111;

/**
 * The members at the end of the period, read once from their standing (migration 017) and grouped
 * four ways: by the month they became
 * members (those from before the period in its first month) and region; by that month and sector;
 * by the week (its Monday) and source of those new in the period; and all together, with how many
 * have a phone, an address, an employer. Weeks and months are UTC.
 */
function memberGroups({ db, scope, shared }: FigureContext): Promise<MemberGroup[]> {
  return shared.once('member groups', () => {
    const q = new Statement(scope);
    // Grouped once by every key, then the few thousand groups four ways: hashing each member
    // once, where grouping sets over every member sort them. The planner cannot size the groups
    // of computed keys and takes them for as many as the members: with PostgreSQL's default 4 MB,
    // the embedded database sorted the benchmark's 70,000 members on disk rather than hash its
    // 8,000 groups, so this statement has room for the hash.
    return db.transaction(async (tx) => {
      await tx.query(`set local work_mem = '${groupingMemory}'`);
      return tx.query<MemberGroup>(
        `with groups as (
         select month, week, region, sector, source, count(*) as members,
                count(*) filter (where phone) as with_phone,
                count(*) filter (where address) as with_address,
                count(*) filter (where employer) as with_employer
         from (select p.region, p.sector, p.source,
                      date_trunc('month', greatest(p.member_since, ${q.from}) at time zone 'UTC')
                        as month,
                      case when p.member_since >= ${q.from}
                           then date_trunc('week', p.member_since at time zone 'UTC') end as week,
                      p.has_phone as phone, p.has_address as address, p.has_employer as employer
               from member_standing p
               where p.member_since < ${q.end}${q.people()}) members
         group by 1, 2, 3, 4, 5)
       select grouping(month, region, sector, week, source) as grouping,
              to_char(month, 'YYYY-MM') as month, region, sector,
              to_char(week, 'YYYY-MM-DD') as week, source, sum(members)::int as members,
              coalesce(sum(members) filter (where week is not null), 0)::int as new_members,
              sum(with_phone)::int as with_phone, sum(with_address)::int as with_address,
              sum(with_employer)::int as with_employer
       from groups
       group by grouping sets ((month, region), (month, sector), (week, source), ())`,
        q.params,
      );
    });
  });
}

/**
 * Members at the end of each month of the period, per region or sector, with the goal for each.
 * Members are counted by their standing today: dues that lapsed since take a member out of the
 * months they paid too, unless they joined. Regions with a goal and nobody yet are listed, at
 * zero: which regions and sectors lag is the point.
 */
async function membersBy(
  context: FigureContext,
  column: 'region' | 'sector',
  goals: Record<string, number>,
): Promise<Row[]> {
  const grouping = column === 'region' ? byMonthAndRegion : byMonthAndSector;
  const gained = (await memberGroups(context)).filter((row) => row.grouping === grouping);
  const only = context.scope[column];
  const keys = [
    ...new Set([
      ...Object.keys(goals).filter((key) => only === undefined || key === only),
      ...gained.map((row) => row[column]),
    ]),
  ].sort(byKey);
  const counts = new Map(gained.map((row) => [`${row.month} ${row[column]}`, row.members]));
  const totals = new Map<string | null, number>();
  return months(context.scope).flatMap((month) =>
    keys.map((key) => {
      const members = (totals.get(key) ?? 0) + (counts.get(`${month} ${key}`) ?? 0);
      totals.set(key, members);
      const goal = key === null ? null : (goals[key] ?? null);
      return { month, [column]: key, members, goal, share_of_goal: ratio(members, goal) };
    }),
  );
}

export const membersByRegion = (context: FigureContext) =>
  membersBy(context, 'region', context.settings.goals.members.regions);

export const membersBySector = (context: FigureContext) =>
  membersBy(context, 'sector', context.settings.goals.members.sectors);

/** Rows by week, most members first, then by key. */
function weekly<T extends { week: string; members: number }>(key: (row: T) => string | null) {
  return (a: T, b: T) =>
    a.week.localeCompare(b.week) || b.members - a.members || byKey(key(a), key(b));
}

/** New members per week (its Monday) by the source that brought them. */
export async function newMembersBySource(context: FigureContext): Promise<Row[]> {
  return (await memberGroups(context))
    .filter((row) => row.grouping === byWeekAndSource && row.week !== null)
    .map((row) => ({ week: row.week!, source: row.source, members: row.new_members }))
    .sort(weekly((row) => row.source));
}

/** New members per week by partner (its source code); none is the organization's own. */
export async function newMembersByPartner(context: FigureContext): Promise<Row[]> {
  const partners = new Map(
    context.settings.partners.map((partner: DashboardSettings['partners'][number]) => [
      partner.source,
      partner.name,
    ]),
  );
  const weeks = new Map<string, { week: string; partner: string | null; members: number }>();
  for (const row of await newMembersBySource(context)) {
    const source = row.source as string | null;
    const partner = source !== null && partners.has(source) ? source : null;
    const key = `${row.week} ${partner}`;
    const week = weeks.get(key) ?? { week: row.week as string, partner, members: 0 };
    week.members += row.members as number;
    weeks.set(key, week);
  }
  return [...weeks.values()]
    .sort(weekly((row) => row.partner))
    .map(({ week, partner, members }) => ({
      week,
      partner,
      partner_name: partner === null ? null : partners.get(partner)!,
      members,
    }));
}

/** The referrers shown by name: those who brought the most new members in the period. */
export const topReferrers = 20;

/**
 * New members per week brought by members' share links: per referrer, for the most active ones,
 * to staff who may see who people are; else all referrals of the week in one row, with no one
 * named (a partner or communications staff see numbers only). Only people someone referred are
 * read, through their own index.
 */
export async function newMembersByReferrer({ db, scope }: FigureContext): Promise<Row[]> {
  const q = new Statement(scope);
  const referred = `select date_trunc('week', m.since at time zone 'UTC') as week, p.referred_by
     from people p ${duesJoin}, lateral (select ${memberSince} as since) m
     where p.referred_by is not null and m.since >= ${q.from} and m.since < ${q.end}${q.people()}`;
  if (!scope.personal) {
    return db.query(
      `select to_char(week, 'YYYY-MM-DD') as week, null as referrer, null as referrer_name,
              count(*)::int as members
       from (${referred}) n group by week order by week`,
      q.params,
    );
  }
  return db.query(
    `with referred as (${referred}),
     top as (select referred_by from referred group by 1 order by count(*) desc, 1
             limit ${topReferrers})
     select to_char(n.week, 'YYYY-MM-DD') as week, r.referral_code as referrer,
            r.given_name as referrer_name, count(*)::int as members
     from referred n join top using (referred_by) join people r on r.id = n.referred_by
     group by n.week, r.id order by n.week, 4 desc, 2`,
    q.params,
  );
}

/** Of the members at the end of the period, how many the organization can reach, and how. */
export async function contactCompleteness(context: FigureContext): Promise<Row[]> {
  const all = (await memberGroups(context)).find((row) => row.grouping === everyone);
  const members = all?.members ?? 0;
  const count = (name: 'with_phone' | 'with_address' | 'with_employer') => all?.[name] ?? 0;
  return [
    {
      as_of: context.scope.to,
      members,
      with_phone: count('with_phone'),
      with_phone_share: ratio(count('with_phone'), members),
      with_address: count('with_address'),
      with_address_share: ratio(count('with_address'), members),
      with_employer: count('with_employer'),
      with_employer_share: ratio(count('with_employer'), members),
    },
  ];
}
