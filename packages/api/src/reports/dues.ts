/**
 * The dues part of the staff summary: who pays dues now, who started and who lapsed this month,
 * and the monthly recurring revenue, overall and by region, sector and source. Everything here
 * follows from verified Stripe webhooks only.
 */
import type { Queryable } from '../database.ts';

interface MembershipRow extends Record<string, unknown> {
  region: string | null;
  sector: string | null;
  source: string | null;
  status: string;
  interval: string | null;
  amount: number | null;
  currency: string | null;
  started_this_month: boolean;
  status_changed_this_month: boolean;
}

interface Tally {
  paying: number;
  new_this_month: number;
  lapsed_this_month: number;
  /** In the currency's smallest unit (cents), per month: yearly dues count a twelfth. */
  monthly_recurring_revenue: number;
}

const emptyTally = (): Tally => ({
  paying: 0,
  new_this_month: 0,
  lapsed_this_month: 0,
  monthly_recurring_revenue: 0,
});

/** What one membership adds to the month's figures; one-time dues pay but recur nothing. */
function add(tally: Tally, row: MembershipRow, currency: string): void {
  if (row.status === 'active') {
    tally.paying++;
    if (row.started_this_month) tally.new_this_month++;
    if (row.currency === currency && row.amount) {
      if (row.interval === 'month') tally.monthly_recurring_revenue += row.amount;
      if (row.interval === 'year') tally.monthly_recurring_revenue += row.amount / 12;
    }
  }
  if (row.status === 'lapsed' && row.status_changed_this_month) tally.lapsed_this_month++;
}

export async function duesSummary(db: Queryable, currency: string) {
  const rows = await db.query<MembershipRow>(
    `select p.region, p.sector, p.source, m.status, m.interval, m.amount, m.currency,
            m.started_at >= date_trunc('month', now()) as started_this_month,
            m.status_event_at >= date_trunc('month', now()) as status_changed_this_month
     from dues_memberships m join people p on p.id = m.person_id`,
  );
  const total = emptyTally();
  const groups = { region: new Map(), sector: new Map(), source: new Map() } as Record<
    'region' | 'sector' | 'source',
    Map<string | null, Tally>
  >;
  for (const row of rows) {
    add(total, row, currency);
    for (const [key, group] of Object.entries(groups) as [
      keyof typeof groups,
      Map<string | null, Tally>,
    ][]) {
      const value = row[key];
      if (!group.has(value)) group.set(value, emptyTally());
      add(group.get(value)!, row, currency);
    }
  }
  const rounded = (tally: Tally): Tally => ({
    ...tally,
    monthly_recurring_revenue: Math.round(tally.monthly_recurring_revenue),
  });
  const list = (key: keyof typeof groups) =>
    [...groups[key]]
      .map(([value, tally]) => ({ [key]: value, ...rounded(tally) }))
      .sort((a, b) => b.paying - a.paying);
  return {
    currency,
    ...rounded(total),
    by_region: list('region'),
    by_sector: list('sector'),
    by_source: list('source'),
  };
}
