/**
 * The one-on-one conversations organizers logged, as CSV: by the day they were held, a region
 * and a sector, cut to an organizer's regions and sectors, and recorded in the audit log like
 * every other export.
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppContext } from '../context.ts';
import { fileResponse, problemResponse, queryParameter, regionSectorFilters } from '../openapi.ts';
import { requireStaff } from '../staff/require-staff.ts';
import { personScope } from '../staff/roles.ts';
import { csvDownload } from './csv.ts';
import { dateRange } from './standing.ts';

export const conversationsExport = new Hono<AppContext>();

const columns = [
  'id',
  'person_id',
  'given_name',
  'family_name',
  'email',
  'region',
  'sector',
  'held_on',
  'assessment',
  'organizer_name',
  'notes',
  'created_at',
];

conversationsExport.get(
  '/conversations.csv',
  describeRoute({
    summary: 'One-on-one conversations as CSV (staff)',
    parameters: [
      queryParameter('from', 'The first day held, written 2026-11-01.', {
        type: 'string',
        format: 'date',
      }),
      queryParameter('to', 'The last day held, included.', { type: 'string', format: 'date' }),
      ...regionSectorFilters,
    ],
    responses: {
      200: fileResponse('CSV', 'text/csv'),
      400: problemResponse('`from` or `to` is not a day written 2026-11-01'),
    },
  }),
  requireStaff,
  async (c) => {
    const { staff } = c.var;
    // `held_on` is a day: compared with the days asked for, from the first to the last included.
    const days = dateRange(c, 'v.held_on', 1);
    const filters: string[] = [];
    const params: unknown[] = [...days.params];
    for (const name of ['region', 'sector'] as const) {
      const value = c.req.query(name);
      if (!value) continue;
      params.push(value);
      filters.push(`p.${name} = $${params.length}`);
    }
    const scope = personScope(staff, 'p', params.length + 1);
    const asked = {
      from: c.req.query('from'),
      to: c.req.query('to'),
      region: c.req.query('region'),
      sector: c.req.query('sector'),
    };
    return csvDownload(
      c,
      'conversations.csv',
      {
        columns: `v.id, v.person_id, p.given_name, p.family_name, p.email, p.region, p.sector,
          v.held_on::text as held_on, v.assessment, v.organizer_name, v.notes, v.created_at`,
        from: 'conversations v join people p on p.id = v.person_id',
        where: [...days.where, ...filters, ...scope.where],
        params: [...params, ...scope.params],
        order: ['v.held_on', 'v.created_at', 'v.id'],
      },
      columns,
      {
        action: 'export',
        detail: {
          export: 'conversations',
          filters: Object.fromEntries(Object.entries(asked).filter(([, value]) => value)),
          ...(staff.role === 'organizer' ? { regions: staff.regions, sectors: staff.sectors } : {}),
        },
      },
    );
  },
);
