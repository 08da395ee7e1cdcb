/**
 * What members do, and whether they stay: participation and activists against the organization's
 * lines, and retention after 3 and 6 months. The three come from one read (`memberActivity`): for a
 * period ending today, of each member's standing row, which keeps their latest actions (migration
 * 022); for one that ended earlier, of the members' actions in the windows themselves.
 */
import { day, periodEnd, ratio, Statement, type FigureContext, type Row } from './dashboard-sql.ts';

/** The cohorts retention follows: members who became members at least this many months ago. */
const cohortMonths = [3, 6] as const;

/** A grace on "paid in the last period": Stripe renews a little after the period ends. */
const paymentGraceDays = 7;

/**
 * How many of a member's latest actions, and of their latest events attended, their standing row
 * keeps (sql/functions/rally_member_activity.sql): activist thresholds up to this are read there.
 */
export const recentActionsKept = 10;

interface Activity extends Row {
  members: number;
  participating: number;
  activists: number;
  cohort_3: number;
  still_3: number;
  paid_3: number;
  cohort_6: number;
  still_6: number;
  paid_6: number;
}

/**
 * Everyone who had become a member by the end of the period, with what they did in each window
 * ending with it:
 * - participating (within `participation.days`): signed, RSVPed (and did not cancel), attended an
 *   event held in the window, paid dues, or joined;
 * - activist (within `activists.days`): at least `actions` signatures and RSVPs, or at least
 *   `events_attended` events attended; dues and joining are no actions here, or every monthly
 *   payer would be one;
 * - of those who became members at least 3 and 6 months before the end: how many are still members
 *   (their dues, if any, neither lapsed nor cancelled), and how many paid dues within their last
 *   period (a month, or a year for yearly and one-time dues, and a week's grace).
 */
function memberActivity(context: FigureContext): Promise<Activity> {
  return context.shared.once(
    'member activity',
    async () => (await activityKept(context)) ?? activityFromActions(context),
  );
}

/** The windows of a read, and the SQL every read shares. */
function windows({ scope, settings }: FigureContext) {
  const q = new Statement(scope);
  const end = periodEnd(scope);
  const startOf = (days: number) => new Date(end.getTime() - days * day);
  const participationStart = startOf(settings.participation.days);
  const activistStart = startOf(settings.activists.days);
  const cutoffs = Object.fromEntries(
    cohortMonths.map((months) => {
      const cutoff = new Date(end);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
      return [months, q.time(cutoff)];
    }),
  );
  const cohort = (months: number) => `
            count(*) filter (where m.became < ${cutoffs[months]})::int as cohort_${months},
            count(*) filter (where m.became < ${cutoffs[months]} and m.still)::int as still_${months},
            count(*) filter (where m.became < ${cutoffs[months]} and m.paid)::int as paid_${months}`;
  return {
    q,
    end,
    startOf,
    participationStart,
    activistStart,
    participationFrom: q.time(participationStart),
    activistFrom: q.time(activistStart),
    within: (column: string, start: string) => `${column} >= ${start} and ${column} < ${q.end}`,
    /** Still a member: dues, if any, neither lapsed nor cancelled. */
    still: `p.member_since is not null
                  and coalesce(p.dues_status not in ('lapsed', 'cancelled'), true)`,
    /** Paid within their last period, given when they last paid. */
    paidSince: (last: string) => `coalesce(${last} >= ${q.end} - interval '${paymentGraceDays} days'
                  - case when p.dues_interval in ('year', 'one_time') then interval '1 year'
                         else interval '1 month' end, false)`,
    totals: `count(*) filter (where member)::int as members,
              count(*) filter (where member and participating)::int as participating,
              count(*) filter (where member and activist)::int as activists,
              ${cohortMonths.map(cohort).join(',')}`,
  };
}

/**
 * The read of the members' standing rows, which keep each member's latest actions, events attended
 * and payment: one narrow row per member rather than every action of the windows. It answers for a
 * period that has not ended yet and thresholds the rows keep; otherwise, or when a row holds a time
 * after the period (an event attended that was later moved ahead), it leaves it to the actions.
 */
export async function activityKept(context: FigureContext): Promise<Activity | undefined> {
  const { settings } = context;
  const w = windows(context);
  if (
    w.end.getTime() <= Date.now() ||
    settings.activists.actions > recentActionsKept ||
    settings.activists.events_attended > recentActionsKept
  )
    return undefined;
  const { q } = w;
  const [row] = await context.db.query<Activity & { later: number }>(
    // Each array is newest first, and holds nothing after the period's end (`later` counts who
    // does): its first time is the latest action, and its nth is within the window exactly when
    // at least n are.
    `select ${w.totals},
            count(*) filter (where later)::int as later
     from (
       select p.member_since < ${q.end} as member, p.first_member_since as became,
              ${w.still} as still,
              ${w.paidSince('p.last_paid_at')} as paid,
              ${w.within('p.joined_at', w.participationFrom)}
                or p.recent_actions[1] >= ${w.participationFrom}
                or p.recent_events[1] >= ${w.participationFrom}
                or p.last_paid_at >= ${w.participationFrom} as participating,
              p.recent_actions[${q.value(settings.activists.actions)}::int] >= ${w.activistFrom}
                or p.recent_events[${q.value(settings.activists.events_attended)}::int]
                  >= ${w.activistFrom} as activist,
              p.recent_actions[1] >= ${q.end} or p.recent_events[1] >= ${q.end}
                or p.last_paid_at >= ${q.end} as later
       from member_standing p
       where p.first_member_since < ${q.end}${q.people()}) m`,
    q.params,
  );
  const { later, ...activity } = row!;
  return later > 0 ? undefined : activity;
}

/**
 * The read of the actions themselves, for any period: each member's actions within the windows,
 * signatures through their index by time, joined to the members' standing rows.
 */
export async function activityFromActions(context: FigureContext): Promise<Activity> {
  const w = windows(context);
  const { q, participationStart, activistStart, participationFrom, activistFrom, within } = w;
  const scanned = q.time(participationStart < activistStart ? participationStart : activistStart);
  // Payments older than the longest period (a year, and the grace) decide nothing here; a day
  // more, as `paidSince` counts the year and the week in the server's time zone, whose clocks
  // may have gone back an hour within them.
  const longestPeriodStart = w.startOf(366 + paymentGraceDays + 1);
  if (participationStart < longestPeriodStart)
    longestPeriodStart.setTime(participationStart.getTime());
  const { settings } = context;
  const [row] = await context.db.query<Activity>(
    // Each kind of action counted per person apart, then joined to the members: the planner
    // sizes each count by the person column's statistics, and, materialized, each is counted
    // once rather than once by each worker of a parallel plan.
    `with signed as materialized (
       select person_id, count(*) filter (where created_at >= ${activistFrom}) as actions,
              count(*) filter (where created_at >= ${participationFrom}) as acted
       from signatures where ${within('created_at', scanned)} group by 1),
     rsvped as materialized (
       select person_id, sum(actions) as actions, sum(attended) as attended, sum(acted) as acted
       from (select person_id, (created_at >= ${activistFrom})::int as actions, 0 as attended,
                    (created_at >= ${participationFrom})::int as acted
             from attendances
             where status <> 'cancelled' and ${within('created_at', scanned)}
             union all
             select a.person_id, 0, (e.start_at >= ${activistFrom})::int,
                    (e.start_at >= ${participationFrom})::int
             from events e join attendances a on a.event_id = e.id
             where a.attended and ${within('e.start_at', scanned)}) rsvps
       group by 1),
     paid as materialized (
       select person_id, max(paid_at) as last,
              count(*) filter (where paid_at >= ${participationFrom}) as acted
       from dues_payments
       where status = 'paid' and paid_at < ${q.end}
         and paid_at >= ${q.time(longestPeriodStart)}
       group by 1),
     m as (
       select p.member_since < ${q.end} as member, p.first_member_since as became,
              ${w.still} as still,
              ${w.paidSince('paid.last')} as paid,
              ${within('p.joined_at', participationFrom)} or signed.acted > 0
                or rsvped.acted > 0 or paid.acted > 0 as participating,
              coalesce(signed.actions, 0) + coalesce(rsvped.actions, 0)
                >= ${q.value(settings.activists.actions)}
                or rsvped.attended >= ${q.value(settings.activists.events_attended)} as activist
       from member_standing p
       left join signed on signed.person_id = p.person_id
       left join rsvped on rsvped.person_id = p.person_id
       left join paid on paid.person_id = p.person_id
       where p.first_member_since < ${q.end}${q.people()})
     select ${w.totals}
     from m`,
    q.params,
  );
  return row!;
}

/** The share of members who took any action in the window, against the organization's line. */
export async function participation(context: FigureContext): Promise<Row[]> {
  const { members, participating } = await memberActivity(context);
  return [
    {
      as_of: context.scope.to,
      days: context.settings.participation.days,
      members,
      participating,
      share: ratio(participating, members),
      target: context.settings.goals.participation,
    },
  ];
}

/** The share of members who are activists, against the organization's line. */
export async function activists(context: FigureContext): Promise<Row[]> {
  const { members, activists } = await memberActivity(context);
  const { actions, events_attended, days } = context.settings.activists;
  return [
    {
      as_of: context.scope.to,
      days,
      min_actions: actions,
      min_events_attended: events_attended,
      members,
      activists,
      share: ratio(activists, members),
      target: context.settings.goals.activists,
    },
  ];
}

/** Members of 3 and 6 months still members, and paying dues. */
export async function retention(context: FigureContext): Promise<Row[]> {
  const activity = await memberActivity(context);
  return cohortMonths.map((months) => {
    const members = activity[`cohort_${months}`] as number;
    const still = activity[`still_${months}`] as number;
    const paid = activity[`paid_${months}`] as number;
    return {
      as_of: context.scope.to,
      months,
      members,
      still_members: still,
      still_members_share: ratio(still, members),
      dues_paid: paid,
      dues_paid_share: ratio(paid, members),
    };
  });
}
