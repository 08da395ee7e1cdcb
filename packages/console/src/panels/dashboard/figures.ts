/**
 * How each of the dashboard's figures is drawn: as lines over time (one per region, sector,
 * source…, with goal lines), or as shares against their lines. A figure the console does not know
 * yet is still shown, as its table.
 */
import type { ChartSeries } from '../../components/line-chart.ts';
import type { ShareBar } from '../../components/share-bars.ts';
import type { Row } from '../../data/dashboard.ts';
import type { Translation } from '../../translations/index.ts';

type Chart =
  | { kind: 'lines'; x: string[]; series: ChartSeries[] }
  | { kind: 'bars'; bars: ShareBar[] }
  | { kind: 'none' };

interface LineSpec {
  x: string;
  group?: (row: Row) => string | null;
  /** The groups are regions or sectors, shown by name. */
  sites?: boolean;
  value: string;
  goal?: string;
}

const lineSpecs: Record<string, LineSpec> = {
  members_by_region: {
    x: 'month',
    group: (r) => r.region as string | null,
    sites: true,
    value: 'members',
    goal: 'goal',
  },
  members_by_sector: {
    x: 'month',
    group: (r) => r.sector as string | null,
    sites: true,
    value: 'members',
    goal: 'goal',
  },
  new_members_by_source: { x: 'week', group: (r) => r.source as string | null, value: 'members' },
  new_members_by_partner: {
    x: 'week',
    group: (r) => (r.partner_name ?? r.partner) as string | null,
    value: 'members',
  },
  new_members_by_referrer: {
    x: 'week',
    group: (r) => (r.referrer_name ?? r.referrer) as string | null,
    value: 'members',
  },
  conversations: { x: 'month', value: 'conversations' },
};

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

function lines(
  rows: Row[],
  spec: LineSpec,
  t: Translation,
  siteName: (slug: string) => string,
): Chart {
  const x = [...new Set(rows.map((row) => String(row[spec.x])))].sort();
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = spec.group?.(row) ?? (spec.group ? t.dashboard.none : '');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const series: ChartSeries[] = [];
  for (const [key, groupRows] of groups) {
    const at = new Map(groupRows.map((row) => [String(row[spec.x]), row]));
    const named = spec.sites && spec.group?.(groupRows[0]!) ? siteName(key) : key;
    const label = named || t.dashboard.figures[spec.value] || spec.value;
    series.push({ label, values: x.map((point) => num(at.get(point)?.[spec.value]) ?? null) });
    const goal = spec.goal ? num(groupRows[0]?.[spec.goal]) : null;
    if (goal !== null) {
      series.push({
        label: `${label} (${t.dashboard.goal})`,
        values: x.map(() => goal),
        goal: true,
      });
    }
  }
  return { kind: 'lines', x, series };
}

/** The chart for a figure's rows; `siteName` names a region or sector by its slug. */
export function chartOf(
  name: string,
  rows: Row[],
  t: Translation,
  siteName: (slug: string) => string = (slug) => slug,
): Chart {
  if (rows.length === 0) return { kind: 'none' };
  const spec = lineSpecs[name];
  if (spec) return lines(rows, spec, t, siteName);
  const c = t.dashboard.columns;
  switch (name) {
    case 'participation':
    case 'activists':
      return {
        kind: 'bars',
        bars: rows.map((row) => ({
          label: t.dashboard.figures[name] ?? name,
          share: num(row.share),
          target: num(row.target),
        })),
      };
    case 'retention':
      return {
        kind: 'bars',
        bars: rows.flatMap((row) => [
          {
            label: `${c.still_members} · ${String(row.months)}`,
            share: num(row.still_members_share),
          },
          { label: `${c.dues_paid} · ${String(row.months)}`, share: num(row.dues_paid_share) },
        ]),
      };
    case 'contact_completeness':
      return {
        kind: 'bars',
        bars: rows.flatMap((row) => [
          { label: c.with_phone!, share: num(row.with_phone_share) },
          { label: c.with_address!, share: num(row.with_address_share) },
          { label: c.with_employer!, share: num(row.with_employer_share) },
        ]),
      };
    case 'petitions':
      return {
        kind: 'bars',
        bars: rows.map((row) => ({
          label: String(row.title ?? row.petition),
          share: num(row.share_of_goal),
          target: 1,
        })),
      };
    case 'events':
      return {
        kind: 'bars',
        bars: rows.map((row) => ({
          label: String(row.title ?? row.event),
          share: num(row.attendance_rate),
        })),
      };
    default:
      return { kind: 'none' };
  }
}
