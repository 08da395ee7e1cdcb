/**
 * Staff reports: the measures organizations judge themselves by — new members and supporters per
 * week and by region, sector, source and referrer; signatures; RSVPs and who came — and CSV exports
 * of people and actions, by day, with who is a member and who agreed to be contacted.
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { boundedInteger } from '../http/query.ts';
import { fileResponse, pathParameter, problemResponse, queryParameter } from '../openapi.ts';
import { requireAnyStaff, requireStaff } from '../staff/require-staff.ts';
import type { AuditRecord } from '../staff/audit.ts';
import { personScope } from '../staff/roles.ts';
import { conversationsExport } from './conversations-export.ts';
import { csvDownload } from './csv.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { duesSummary } from './dues.ts';
import { consentedAt, dateRange, duesJoin, memberSince, standingSummary } from './standing.ts';

export const reports = new Hono<AppContext>();
// Any staff role for the aggregate figures; the routes that answer personal data ask for more.
reports.use(requireAnyStaff);
reports.route('/dashboard', dashboardRoutes);
reports.route('/', conversationsExport);

/** `?from=` and `?to=`: the days an export covers (standing.ts `dateRange`). */
const days = [
  queryParameter('from', 'The first day, written 2026-11-01 (UTC).', {
    type: 'string',
    format: 'date',
  }),
  queryParameter('to', 'The last day, included.', { type: 'string', format: 'date' }),
];
const csvFile = fileResponse('CSV', 'text/csv');
const unreadableDays = problemResponse('`from` or `to` is not a day written 2026-11-01');

reports.get(
  '/summary',
  describeRoute({
    summary: 'Staff summary report',
    parameters: [
      queryParameter('weeks', 'How many weeks `new_per_week` covers.', {
        type: 'integer',
        minimum: 1,
        maximum: 520,
        default: 12,
      }),
    ],
    responses: {
      200: {
        description:
          'Everyone, then members and supporters apart: new per week, by region, sector, source; who may be contacted; referrers; signatures; RSVPs and who came; dues',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      400: problemResponse('`weeks` is not a whole number from 1 to 520'),
    },
  }),
  // Its referrers are named: personal data.
  requireStaff,
  async (c) => {
    const { db } = c.var;
    const weeks = boundedInteger(c.req.query('weeks'), 12, 1, 520, 'weeks');
    // An organizer's summary counts and names only the people in their regions and sectors.
    const scope = personScope(c.var.staff, 'p', 1);
    const params = scope.params;
    const inScope = scope.where.length === 0 ? 'true' : scope.where.join(' and ');
    const referrerInScope = personScope(c.var.staff, 'r', 1).where.join(' and ') || 'true';
    const weeksParam = `$${params.length + 1}`;
    const grouped = (column: string) =>
      db.query<{ key: string | null; people: number }>(
        `select p.${column} as key, count(*)::int as people from people p where ${inScope}
         group by 1 order by 2 desc, 1`,
        params,
      );
    const [totals, perWeek, byRegion, bySector, bySource, byReferrer, petitions, events, bots] =
      await Promise.all([
        db.query<{ people: number; new_this_week: number }>(
          `select count(*)::int as people,
                count(*) filter (where created_at >= now() - interval '7 days')::int as new_this_week
         from people p where ${inScope}`,
          params,
        ),
        db.query<{ week: string; people: number }>(
          `select to_char(date_trunc('week', created_at), 'YYYY-MM-DD') as week, count(*)::int as people
         from people p where ${inScope}
           and created_at >= date_trunc('week', now()) - (${weeksParam}::int - 1) * interval '1 week'
         group by 1 order by 1`,
          [...params, weeks],
        ),
        grouped('region'),
        grouped('sector'),
        grouped('source'),
        db.query<{ referral_code: string; given_name: string | null; referred: number }>(
          `select r.referral_code, r.given_name, count(*)::int as referred
         from people p join people r on r.id = p.referred_by
         where ${inScope} and ${referrerInScope}
         group by r.id order by 3 desc, 1 limit 50`,
          params,
        ),
        db.query(
          `select p.id, p.title, p.goal,
                coalesce((select sum(s.signatures) from petition_signature_counts s
                          where s.petition_id = p.id), 0)::int as signatures,
                (select count(*) from signatures s where s.petition_id = p.id
                   and s.created_at >= now() - interval '7 days')::int as new_this_week
         from petitions p order by p.id`,
        ),
        // `attended`: the people staff recorded as there; `attendance_rate`: those against the RSVPs
        // accepted, once the event has begun.
        db.query(
          `select e.id, e.title, e.start_at, e.capacity, e.accepted_count as accepted,
                e.waitlist_count as waitlisted, coalesce(a.cancelled, 0) as cancelled,
                coalesce(a.attended, 0) as attended,
                case when e.start_at <= now() and e.accepted_count > 0
                     then round(coalesce(a.attended, 0)::numeric / e.accepted_count, 2)::float8
                end as attendance_rate
         from events e
         left join (select event_id,
                           count(*) filter (where status = 'cancelled')::int as cancelled,
                           count(*) filter (where attended)::int as attended
                    from attendances group by event_id) a on a.event_id = e.id
         order by e.start_at`,
        ),
        db.query<{ value: string }>(`select value from counters where name = 'bot_submissions'`),
      ]);
    return c.json({
      generated_at: new Date().toISOString(),
      people: {
        total: totals[0]!.people,
        new_this_week: totals[0]!.new_this_week,
        new_per_week: perWeek,
        by_region: byRegion.map(({ key, people }) => ({ region: key, people })),
        by_sector: bySector.map(({ key, people }) => ({ sector: key, people })),
        by_source: bySource.map(({ key, people }) => ({ source: key, people })),
        by_referrer: byReferrer,
      },
      petitions,
      events,
      // Everyone above; members and supporters apart below (standing.ts).
      ...(await standingSummary(db, weeks, scope)),
      bot_submissions_turned_away: Number(bots[0]?.value ?? 0),
      dues: await duesSummary(db, c.var.settings.dues.currency),
    });
  },
);

/** Who each person is to the organization, and whether they may be contacted: every export's last columns. */
const standingColumns = `case when ${memberSince} is not null then 'member' else 'supporter' end
    as standing, ${memberSince} as member_since, ${consentedAt} as consented_at`;
const standingHeader = ['standing', 'member_since', 'consented_at'] as const;

const standings = ['member', 'supporter'] as const;

reports.get(
  '/people.csv',
  describeRoute({
    summary: 'People as CSV (staff)',
    parameters: [
      queryParameter('standing', 'Only members, or only supporters.', {
        type: 'string',
        enum: [...standings],
      }),
      ...days,
    ],
    responses: {
      200: csvFile,
      400: problemResponse('`standing`, `from` or `to` cannot be read'),
    },
  }),
  requireStaff,
  async (c) => {
    // `?standing=member` or `supporter`; `?from=` and `?to=`: who arrived on those days.
    const standing = c.req.query('standing');
    if (standing !== undefined && !standings.includes(standing as (typeof standings)[number]))
      throw new HttpProblem(400, 'standing must be member or supporter.', {
        errors: [
          { path: 'query.standing', code: 'invalid', message: 'Write member or supporter.' },
        ],
      });
    const days = dateRange(c, 'p.created_at', 1);
    const scope = personScope(c.var.staff, 'p', days.params.length + 1);
    return csvDownload(
      c,
      'people.csv',
      {
        columns: `p.id, p.given_name, p.family_name, p.email,
        p.phone_numbers->0->>'number' as phone, p.postal_addresses->0->>'postal_code' as postal_code,
        array_to_string(p.languages_spoken, ' ') as languages, p.region, p.sector, p.source,
        p.referral_code, r.referral_code as referred_by, array_to_string(p.tags, ' ') as tags,
        p.created_at, ${standingColumns}`,
        from: `people p left join people r on r.id = p.referred_by ${duesJoin}`,
        where: [
          ...days.where,
          ...scope.where,
          ...(standing ? [`${memberSince} is ${standing === 'member' ? 'not ' : ''}null`] : []),
        ],
        params: [...days.params, ...scope.params],
        order: ['p.created_at', 'p.id'],
      },
      [
        'id',
        'given_name',
        'family_name',
        'email',
        'phone',
        'postal_code',
        'languages',
        'region',
        'sector',
        'source',
        'referral_code',
        'referred_by',
        'tags',
        'created_at',
        ...standingHeader,
      ],
      exported(c, 'people', { standing }),
    );
  },
);

reports.get(
  '/petitions/:id/signatures.csv',
  describeRoute({
    summary: 'A petition’s signatures as CSV (staff)',
    parameters: [pathParameter('id', 'Petition id'), ...days],
    responses: { 200: csvFile, 400: unreadableDays, 404: problemResponse('No such petition') },
  }),
  requireStaff,
  async (c) => {
    const id = c.req.param('id');
    await mustExist(c, 'petitions', id);
    const days = dateRange(c, 's.created_at', 2);
    const scope = personScope(c.var.staff, 'p', days.params.length + 2);
    return csvDownload(
      c,
      `${id}-signatures.csv`,
      {
        columns: `p.given_name, p.family_name, p.email,
        p.postal_addresses->0->>'postal_code' as postal_code, s.comments, s.source, s.created_at,
        ${standingColumns}`,
        from: `signatures s join people p on p.id = s.person_id ${duesJoin}`,
        where: ['s.petition_id = $1', ...days.where, ...scope.where],
        params: [id, ...days.params, ...scope.params],
        order: ['s.created_at', 's.id'],
      },
      [
        'given_name',
        'family_name',
        'email',
        'postal_code',
        'comments',
        'source',
        'created_at',
        ...standingHeader,
      ],
      exported(c, 'signatures', { petition: id }),
    );
  },
);

reports.get(
  '/events/:id/attendances.csv',
  describeRoute({
    summary: 'An event’s RSVPs as CSV (staff)',
    parameters: [pathParameter('id', 'Event id'), ...days],
    responses: { 200: csvFile, 400: unreadableDays, 404: problemResponse('No such event') },
  }),
  requireStaff,
  async (c) => {
    const id = c.req.param('id');
    await mustExist(c, 'events', id);
    const days = dateRange(c, 'a.created_at', 2);
    const scope = personScope(c.var.staff, 'p', days.params.length + 2);
    return csvDownload(
      c,
      `${id}-attendances.csv`,
      {
        columns: `a.id, p.given_name, p.family_name, p.email,
        p.phone_numbers->0->>'number' as phone, a.status, a.attended, a.source, a.created_at,
        ${standingColumns}`,
        from: `attendances a join people p on p.id = a.person_id ${duesJoin}`,
        where: ['a.event_id = $1', ...days.where, ...scope.where],
        params: [id, ...days.params, ...scope.params],
        order: ['a.created_at', 'a.id'],
      },
      [
        'id',
        'given_name',
        'family_name',
        'email',
        'phone',
        'status',
        'attended',
        'source',
        'created_at',
        ...standingHeader,
      ],
      exported(c, 'attendances', { event: id }),
    );
  },
);

async function mustExist(c: Context<AppContext>, table: 'petitions' | 'events', id: string) {
  const rows = await c.var.db.query(`select 1 from ${table} where id = $1`, [id]);
  if (rows.length === 0) throw new HttpProblem(404, `No ${table.slice(0, -1)} has the id "${id}".`);
}

/**
 * The audit record of an export: which one, and its filters — the days asked for, and `more` (a
 * petition or an event, a standing) — and the organizer's scope when one applied.
 */
function exported(
  c: Context<AppContext>,
  name: string,
  more: Record<string, string | undefined>,
): AuditRecord {
  const { staff } = c.var;
  const filters = { ...more, from: c.req.query('from'), to: c.req.query('to') };
  return {
    action: 'export',
    detail: {
      export: name,
      filters: Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
      ...(staff.role === 'organizer' ? { regions: staff.regions, sectors: staff.sectors } : {}),
    },
  };
}
