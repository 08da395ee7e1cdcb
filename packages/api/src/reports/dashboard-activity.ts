/**
 * What members do, and whether they stay: participation and activists against the organization's
 * lines, and retention after 3 and 6 months. The three come from one read (`memberActivity`) of
 * the members, their actions in the windows, and their dues.
 */
import { day, periodEnd, ratio, Statement, type FigureContext, type Row } from './dashboard-sql.ts';

/** The cohorts retention follows: members who became members at least this many months ago. */
const cohortMonths = [3, 6] as const;

/** A grace on "paid in the last period": Stripe renews a little after the period ends. */
const paymentGraceDays = 7;

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
 * One read of everyone who had become a member by the end of the period (their standing, migration
 * 017), with what they did in
 * each window ending with it:
 * - participating (within `participation.days`): signed, RSVPed (and did not cancel), attended an
 *   event held in the window, paid dues, or joined;
 * - activist (within `activists.days`): at least `actions` signatures and RSVPs, or at least
 *   `events_attended` events attended; dues and joining are no actions here, or every monthly
 *   payer would be one;
 * - of those who became members at least 3 and 6 months before the end: how many are still members
 *   (their dues, if any, neither lapsed nor cancelled), and how many paid dues within their last
 *   period (a month, or a year for yearly and one-time dues, and a week's grace).
 * Actions are read only within the windows, signatures through their index by time.
 */
function memberActivity({ db, scope, settings, shared }: FigureContext): Promise<Activity> {
  return shared.once('member activity', async () => {
    const q = new Statement(scope);
    const end = periodEnd(scope);
    const startOf = (days: number) => new Date(end.getTime() - days * day);
    const participationStart = startOf(settings.participation.days);
    const activistStart = startOf(settings.activists.days);
    const participationFrom = q.time(participationStart);
    const activistFrom = q.time(activistStart);
    const scanned = q.time(participationStart < activistStart ? participationStart : activistStart);
    const within = (column: string, start: string) =>
      `${column} >= ${start} and ${column} < ${q.end}`;
    // Payments older than the longest period (a year, and the grace) decide nothing here.
    const longestPeriodStart = startOf(366 + paymentGraceDays);
    if (participationStart < longestPeriodStart)
      longestPeriodStart.setTime(participationStart.getTime());
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
    const [row] = await db.query<Activity>(
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
                p.member_since is not null
                  and coalesce(p.dues_status not in ('lapsed', 'cancelled'), true) as still,
                coalesce(paid.last >= ${q.end} - interval '${paymentGraceDays} days'
                  - case when p.dues_interval in ('year', 'one_time') then interval '1 year'
                         else interval '1 month' end, false) as paid,
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
       select count(*) filter (where member)::int as members,
              count(*) filter (where member and participating)::int as participating,
              count(*) filter (where member and activist)::int as activists,
              ${cohortMonths.map(cohort).join(',')}
       from m`,
      q.params,
    );
    return row!;
  });
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
