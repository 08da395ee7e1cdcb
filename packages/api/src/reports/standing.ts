/**
 * Members and supporters, told apart. A **member** joined (the join form) or pays dues; a
 * **supporter** took an action — signed, RSVPed — without joining. An organization judges its plan
 * by members, so every report and export counts the two apart, with who agreed to be contacted.
 */
import type { Context } from 'hono';
import type { Queryable } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';

/**
 * When the person `p` became a member: when they joined, or when dues they still pay started;
 * null for a supporter. `d` is their dues membership, joined on `d.person_id = p.id`. The
 * dashboard reads the same from member_standing (migration 017), which its triggers keep.
 */
export const memberSince = `least(p.joined_at,
  case when d.status in ('active', 'past_due') then d.started_at end)`;

/** The join that `memberSince` reads dues from. */
export const duesJoin = 'left join dues_memberships d on d.person_id = p.id';

/** Whether the person `p` ever ticked a consent box: the one sign they agreed to be contacted. */
export const consentedAt = '(select max(c.given_at) from consents c where c.person_id = p.id)';

type Group = { key: string | null; member: boolean; people: number };

export interface StandingCounts {
  total: number;
  new_this_week: number;
  /** Who ticked a consent box: those the organization may contact. */
  contactable: number;
  new_per_week: { week: string; people: number }[];
  by_region: { region: string | null; people: number }[];
  by_sector: { sector: string | null; people: number }[];
  by_source: { source: string | null; people: number }[];
}

/**
 * Members and supporters, each with the same figures: how many, how many new this week and in each
 * of the last `weeks` weeks (a member is new when they joined, a supporter when they first acted),
 * how many may be contacted, and by region, sector and source.
 */
export async function standingSummary(
  db: Queryable,
  weeks: number,
  // An organizer's regions and sectors (roles.ts `personScope` on `p`, numbered from $1).
  scope: { where: string[]; params: unknown[] } = { where: [], params: [] },
): Promise<{ members: StandingCounts; supporters: StandingCounts }> {
  const params = scope.params;
  const standing = `with standing as (
    select p.region, p.sector, p.source, ${memberSince} is not null as member,
           coalesce(${memberSince}, p.created_at) as since, ${consentedAt} is not null as contactable
    from people p ${duesJoin}
    ${scope.where.length === 0 ? '' : `where ${scope.where.join(' and ')}`})`;
  const grouped = (column: string) =>
    db.query<Group>(
      `${standing} select ${column} as key, member, count(*)::int as people from standing
       group by 1, 2 order by 3 desc, 1`,
      params,
    );
  const [totals, perWeek, byRegion, bySector, bySource] = await Promise.all([
    db.query<{ member: boolean; total: number; new_this_week: number; contactable: number }>(
      `${standing} select member, count(*)::int as total,
         count(*) filter (where since >= now() - interval '7 days')::int as new_this_week,
         count(*) filter (where contactable)::int as contactable
       from standing group by member`,
      params,
    ),
    db.query<{ member: boolean; week: string; people: number }>(
      `${standing} select member, to_char(date_trunc('week', since), 'YYYY-MM-DD') as week,
         count(*)::int as people
       from standing
       where since >= date_trunc('week', now()) - ($${params.length + 1}::int - 1) * interval '1 week'
       group by 1, 2 order by 2`,
      [...params, weeks],
    ),
    grouped('region'),
    grouped('sector'),
    grouped('source'),
  ]);
  const counts = (member: boolean): StandingCounts => {
    const total = totals.find((row) => row.member === member);
    const of = (groups: Group[]) => groups.filter((group) => group.member === member);
    return {
      total: total?.total ?? 0,
      new_this_week: total?.new_this_week ?? 0,
      contactable: total?.contactable ?? 0,
      new_per_week: perWeek
        .filter((row) => row.member === member)
        .map(({ week, people }) => ({ week, people })),
      by_region: of(byRegion).map(({ key, people }) => ({ region: key, people })),
      by_sector: of(bySector).map(({ key, people }) => ({ sector: key, people })),
      by_source: of(bySource).map(({ key, people }) => ({ source: key, people })),
    };
  };
  return { members: counts(true), supporters: counts(false) };
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The `from` and `to` days of an export (`?from=2026-11-01&to=2026-11-30`, both included, in UTC),
 * as conditions on `column`, numbered after `firstParam`. Anything else is a 400 naming the
 * parameter.
 */
export function dateRange(
  c: Context,
  column: string,
  firstParam: number,
): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  for (const [name, operator, offset] of [
    ['from', '>=', 0],
    ['to', '<', 86_400_000],
  ] as const) {
    const time = queryDay(c, name);
    if (time === undefined) continue;
    params.push(new Date(time + offset).toISOString());
    where.push(`${column} ${operator} $${firstParam + params.length - 1}`);
  }
  return { where, params };
}

/**
 * The day in the query parameter `name` (`2026-11-01`, UTC), as the time it starts; undefined when
 * absent. Anything else is a 400 naming the parameter.
 */
export function queryDay(c: Context, name: string): number | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  const time = Date.parse(`${value}T00:00:00Z`);
  const readable =
    dayPattern.test(value) &&
    !Number.isNaN(time) &&
    new Date(time).toISOString().startsWith(value) &&
    // Days PostgreSQL and a day's end can both hold: not year 0, not the last day of 9999.
    value >= '0001-01-01' &&
    value <= '9999-12-30';
  if (!readable)
    throw new HttpProblem(400, `${name} must be a day written 2026-11-01.`, {
      errors: [{ path: `query.${name}`, code: 'invalid', message: 'Write a day as 2026-11-01.' }],
    });
  return time;
}
