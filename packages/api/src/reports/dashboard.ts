/**
 * The staff dashboard's figures: what an organization's plan is judged by. Members over time by
 * region and by sector against the goals; new members per week by source, partner and referrer;
 * participation and activists against their lines; retention; contact completeness; petitions
 * against their goals; RSVPs against attendance; one-on-one conversations.
 *
 * One function per figure, each a table of rows: the JSON answer lists the rows, the CSV download
 * is the same rows, so the two cannot disagree. Members and supporters are told apart as everywhere
 * else (standing.ts). Every figure takes the same scope: a region, a sector, a period, and a
 * partner's source codes, which restrict people-based figures to the people those sources brought
 * in and action-based ones (signatures, RSVPs) to the actions they brought.
 *
 * Each figure is one SQL statement, but figures that read the same rows share theirs: the members
 * grouped four ways (dashboard-members.ts) and their activity in the windows (dashboard-activity.ts)
 * are each read once for a whole dashboard, which then reads people twice rather than eight times
 * (docs/benchmarks.md, "Staff dashboard").
 */
import type { Database } from '../database.ts';
import { activists, participation, retention } from './dashboard-activity.ts';
import { conversations, events, petitions } from './dashboard-actions.ts';
import {
  contactCompleteness,
  membersByRegion,
  membersBySector,
  newMembersByPartner,
  newMembersByReferrer,
  newMembersBySource,
  topReferrers,
} from './dashboard-members.ts';
import {
  SharedReads,
  type DashboardScope,
  type DashboardSettings,
  type FigureContext,
  type Row,
} from './dashboard-sql.ts';

export { ratio, type DashboardScope, type DashboardSettings, type Row } from './dashboard-sql.ts';

export interface Figure {
  /** What it shows, for the API's description. */
  summary: string;
  /** Its columns, in order: each row's fields, and the CSV's header. */
  columns: string[];
  /** Its rows; `shared` holds the reads other figures of the same load made already. */
  read(
    db: Database,
    scope: DashboardScope,
    settings: DashboardSettings,
    shared?: SharedReads,
  ): Promise<Row[]>;
}

/** A figure from its function of the context. */
function figure(
  summary: string,
  columns: string[],
  rows: (context: FigureContext) => Promise<Row[]>,
): Figure {
  return {
    summary,
    columns,
    read: (db, scope, settings, shared = new SharedReads()) =>
      rows({ db, scope, settings, shared }),
  };
}

/** Every figure of the dashboard, by the name its JSON field and its CSV file take. */
export const figures = {
  members_by_region: figure(
    'Members at the end of each month, by region, against the goals',
    ['month', 'region', 'members', 'goal', 'share_of_goal'],
    membersByRegion,
  ),
  members_by_sector: figure(
    'Members at the end of each month, by sector, against the goals',
    ['month', 'sector', 'members', 'goal', 'share_of_goal'],
    membersBySector,
  ),
  new_members_by_source: figure(
    'New members per week (its Monday) by source',
    ['week', 'source', 'members'],
    newMembersBySource,
  ),
  new_members_by_partner: figure(
    'New members per week by partner (none: the organization’s own)',
    ['week', 'partner', 'partner_name', 'members'],
    newMembersByPartner,
  ),
  new_members_by_referrer: figure(
    `New members per week by the member who referred them (the ${topReferrers} who referred most)`,
    ['week', 'referrer', 'referrer_name', 'members'],
    newMembersByReferrer,
  ),
  participation: figure(
    'Share of members who took any action in the window, against the line',
    ['as_of', 'days', 'members', 'participating', 'share', 'target'],
    participation,
  ),
  activists: figure(
    'Share of members who are activists, against the line',
    [
      'as_of',
      'days',
      'min_actions',
      'min_events_attended',
      'members',
      'activists',
      'share',
      'target',
    ],
    activists,
  ),
  retention: figure(
    'Members of 3 and 6 months still members, and paying dues',
    [
      'as_of',
      'months',
      'members',
      'still_members',
      'still_members_share',
      'dues_paid',
      'dues_paid_share',
    ],
    retention,
  ),
  contact_completeness: figure(
    'Members with a phone, an address, an employer',
    [
      'as_of',
      'members',
      'with_phone',
      'with_phone_share',
      'with_address',
      'with_address_share',
      'with_employer',
      'with_employer_share',
    ],
    contactCompleteness,
  ),
  petitions: figure(
    'Each petition’s signatures against its goal',
    ['petition', 'title', 'goal', 'signatures', 'share_of_goal', 'signatures_in_period'],
    petitions,
  ),
  events: figure(
    'RSVPs against attendance, per event',
    [
      'event',
      'title',
      'start_at',
      'capacity',
      'rsvps',
      'waitlisted',
      'attended',
      'attendance_rate',
    ],
    events,
  ),
  conversations: figure(
    'One-on-one conversations held per month',
    ['month', 'conversations', 'people', 'average_assessment'],
    conversations,
  ),
};

export type FigureName = keyof typeof figures;
export const figureNames = Object.keys(figures) as FigureName[];

/**
 * Every figure at once (or those `names` lists), reading what they share once: on a server the
 * reads run side by side, each on a connection of the pool.
 */
export async function dashboard(
  db: Database,
  scope: DashboardScope,
  settings: DashboardSettings,
  names: readonly FigureName[] = figureNames,
): Promise<Partial<Record<FigureName, Row[]>>> {
  const shared = new SharedReads();
  const tables = await Promise.all(
    names.map((name) => figures[name].read(db, scope, settings, shared)),
  );
  return Object.fromEntries(names.map((name, index) => [name, tables[index]!]));
}
