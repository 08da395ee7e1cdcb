/**
 * The staff dashboard over HTTP: every figure at once as JSON (`GET /reports/dashboard`), and each
 * figure as CSV (`GET /reports/dashboard/<figure>.csv`), the same rows either way. The scope comes
 * from the query — `region`, `sector`, `from`, `to`, `sources` — and a partner's is always its own
 * source codes, whatever it asks for.
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import { slug } from '@rally/core';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { audit } from '../staff/audit.ts';
import { fileResponse, problemResponse, queryParameter } from '../openapi.ts';
import { csvStream } from './csv.ts';
import {
  dashboard,
  figureNames,
  figures,
  type DashboardScope,
  type Figure,
  type FigureName,
  type Row,
} from './dashboard.ts';
import { queryDay } from './standing.ts';

export const dashboardRoutes = new Hono<AppContext>();

/** The longest period asked for at once: ten years of months, or 522 weeks. */
const maxPeriodDays = 3653;
/** Source codes one request may name. */
const maxSources = 50;

const scopeParameters = [
  queryParameter('region', 'Only people of this region (its slug), and their actions.'),
  queryParameter('sector', 'Only people of this sector (its slug), and their actions.'),
  queryParameter(
    'from',
    'The first day of the period (UTC), written 2026-11-01; by default the first day of the month eleven months before `to`.',
    { type: 'string', format: 'date' },
  ),
  queryParameter(
    'to',
    'The last day of the period, included; by default today. Participation, activists, retention and contact completeness are taken at its end; without it, upcoming events are listed too.',
    { type: 'string', format: 'date' },
  ),
  queryParameter(
    'sources',
    'Only the people and actions these source codes brought in, separated by commas (`riverside,gulf-south`). A partner’s own codes always apply to a partner’s session, whatever is asked.',
  ),
];

/** `figures=events,petitions`: only those figures are counted (the console's Events list). */
function figuresParameter(c: Context): FigureName[] {
  const values = c.req.queries('figures');
  if (values === undefined) return figureNames;
  const names = [...new Set(values.flatMap((value) => value.split(',')).map((n) => n.trim()))];
  const unknown = names.find((name) => !(figureNames as string[]).includes(name));
  if (unknown !== undefined || names.length === 0)
    throw scopeProblem(
      'figures',
      `figures: "${unknown ?? ''}" is no figure of the dashboard; name some of ${figureNames.join(', ')}, separated by commas.`,
      `Name figures of the dashboard: ${figureNames.join(', ')}.`,
    );
  return names as FigureName[];
}

const unreadableScope = problemResponse(
  '`region`, `sector`, `from`, `to` or `sources` cannot be read, or `from` is after `to`; the problem names the parameter',
);

/** Who is asking, as far as the dashboard cares: a partner's role and source codes. */
interface Asking {
  role?: string;
  sources?: readonly string[];
  regions?: readonly string[];
  sectors?: readonly string[];
}

/**
 * The scope of the request. Read defensively: the staff guard sets `c.var.staff` (with the role and
 * a partner's sources) once staff accounts exist; with only the shared token, nobody is a partner.
 */
export function dashboardScope(c: Context<AppContext>, today = new Date()): DashboardScope {
  const staff = (c.var as { staff?: Asking }).staff;
  const region = slugParameter(c, 'region');
  const sector = slugParameter(c, 'sector');
  const asked = sourcesParameter(c);
  // A partner sees only what its own source codes brought in: never everyone's, never another's.
  const sources = staff?.role === 'partner' ? [...(staff.sources ?? [])] : asked;
  const toTime = queryDay(c, 'to');
  const to = toTime === undefined ? today.toISOString().slice(0, 10) : dayOf(toTime);
  const fromTime = queryDay(c, 'from');
  const from = fromTime === undefined ? defaultFrom(to) : dayOf(fromTime);
  if (from > to)
    throw scopeProblem(
      'from',
      `from (${from}) is after to (${to}): swap them.`,
      'Use a day on or before to.',
    );
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > maxPeriodDays)
    throw scopeProblem(
      'from',
      'The period is longer than ten years: ask for ten years or less.',
      'Use a day at most ten years before to.',
    );
  // An organizer sees their own regions and sectors only (none: all of them), whatever is asked.
  const organizer = staff?.role === 'organizer';
  return {
    region,
    sector,
    ...(organizer && staff.regions?.length ? { regions: [...staff.regions] } : {}),
    ...(organizer && staff.sectors?.length ? { sectors: [...staff.sectors] } : {}),
    sources,
    from,
    to,
    toGiven: toTime !== undefined,
    // Partners and communications staff see numbers only, never who a referrer is.
    personal: staff?.role !== 'partner' && staff?.role !== 'communications',
  };
}

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Twelve months of figures by default: from the first day of the month eleven months before `to`. */
function defaultFrom(to: string): string {
  const first = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
  first.setUTCMonth(first.getUTCMonth() - 11);
  return dayOf(first.getTime());
}

function scopeProblem(name: string, detail: string, message: string): HttpProblem {
  return new HttpProblem(400, detail, {
    errors: [{ path: `query.${name}`, code: 'invalid', message }],
  });
}

function slugParameter(c: Context, name: 'region' | 'sector'): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  const parsed = slug.safeParse(value);
  if (!parsed.success || parsed.data !== value)
    throw scopeProblem(
      name,
      `${name} must be a ${name}'s slug, like ${name === 'region' ? 'louisiana' : 'education'}.`,
      'Write the slug: lower-case letters, digits and hyphens.',
    );
  return value;
}

/** `sources=a,b`, or `sources` given several times; each a source code. */
function sourcesParameter(c: Context): string[] | undefined {
  const values = c.req.queries('sources');
  if (values === undefined) return undefined;
  const codes = values
    .flatMap((value) => value.split(','))
    .map((code) => code.trim())
    .filter(Boolean);
  if (codes.length === 0) return undefined;
  const unreadable = codes.find((code) => !/^[a-z0-9][a-z0-9-]{0,62}$/.test(code));
  if (unreadable !== undefined)
    throw scopeProblem(
      'sources',
      `sources: "${unreadable}" is not a source code; write codes like riverside, separated by commas.`,
      'Write source codes in lower-case letters, digits and hyphens, separated by commas.',
    );
  if (codes.length > maxSources)
    throw scopeProblem(
      'sources',
      `sources names ${codes.length} codes: ask for ${maxSources} at most.`,
      `Name at most ${maxSources} source codes.`,
    );
  return [...new Set(codes)];
}

/** The JSON answer's shape: every figure, a list of rows with its columns. */
const dashboardSchema = {
  type: 'object' as const,
  required: ['generated_at', 'scope', 'figures', 'names'],
  properties: {
    generated_at: { type: 'string' as const, format: 'date-time' },
    names: {
      type: 'object' as const,
      description:
        'What each region and sector is called, by slug, in each language it is written in: `{"louisiana": {"en": "Louisiana", "es": "Luisiana"}}`. The figures name them by slug.',
      additionalProperties: {
        type: 'object' as const,
        additionalProperties: { type: 'string' as const },
      },
    },
    scope: {
      type: 'object' as const,
      description: 'The scope the figures were counted in, defaults filled in.',
    },
    figures: {
      type: 'object' as const,
      description: 'Every figure, or only those `figures` names.',
      properties: Object.fromEntries(
        figureNames.map((name) => [
          name,
          {
            type: 'array' as const,
            description: figures[name].summary,
            items: { type: 'object' as const, required: figures[name].columns },
          },
        ]),
      ),
    },
  },
};

dashboardRoutes.get(
  '/',
  describeRoute({
    summary: 'The staff dashboard: every figure (staff)',
    description:
      'Members by region and sector against the goals, new members per week by source, partner and referrer, participation, activists, retention, contact completeness, petitions against their goals, RSVPs against attendance, and one-on-one conversations. Each figure is a list of rows, as its CSV has them. Shares are fractions to four places (0.5 is half), null when there is nobody to count.',
    parameters: [
      ...scopeParameters,
      queryParameter(
        'figures',
        'Only these figures, separated by commas (`events,petitions`); by default every one. What is not asked for is not counted.',
      ),
    ],
    responses: {
      200: {
        description: 'Every figure (or those asked for), in the scope asked for',
        content: { 'application/json': { schema: dashboardSchema } },
      },
      400: problemResponse(
        '`region`, `sector`, `from`, `to`, `sources` or `figures` cannot be read, or `from` is after `to`; the problem names the parameter',
      ),
    },
  }),
  async (c) => {
    const scope = dashboardScope(c);
    const asked = figuresParameter(c);
    const [answer, names] = await Promise.all([
      dashboard(c.var.db, scope, c.var.settings, asked),
      c.var.db.query<{ slug: string; names: Record<string, string> }>(
        'select slug, names from site_names order by slug',
      ),
    ]);
    // The referrers' figure names people: who saw those names is recorded, as for a list of people.
    const named = answer.new_members_by_referrer?.filter((row) => row.referrer !== null) ?? [];
    if (scope.personal && named.length > 0) {
      await audit(c, {
        action: 'people-listed',
        detail: { list: c.req.path, figure: 'new_members_by_referrer', rows: named.length },
      });
    }
    return c.json({
      generated_at: new Date().toISOString(),
      scope: {
        region: scope.region ?? null,
        sector: scope.sector ?? null,
        from: scope.from,
        to: scope.to,
        sources: scope.sources ?? null,
      },
      figures: answer,
      names: Object.fromEntries(names.map((row) => [row.slug, row.names])),
    });
  },
);

for (const name of figureNames) {
  const figure: Figure = figures[name];
  dashboardRoutes.get(
    `/${name}.csv`,
    describeRoute({
      summary: `Dashboard: ${figure.summary}, as CSV (staff)`,
      description: `Columns: ${figure.columns.join(', ')}. The same rows as \`figures.${name}\` in the dashboard's JSON.`,
      parameters: scopeParameters,
      responses: { 200: fileResponse('CSV', 'text/csv'), 400: unreadableScope },
    }),
    async (c) => {
      const scope = dashboardScope(c);
      const rows = await figure.read(c.var.db, scope, c.var.settings);
      // The referrers' figure names people: an export of personal data, recorded as one.
      if (name === 'new_members_by_referrer' && scope.personal) {
        await audit(c, {
          action: 'export',
          detail: {
            export: `dashboard/${name}`,
            filters: {
              region: scope.region ?? null,
              sector: scope.sector ?? null,
              from: scope.from,
              to: scope.to,
              sources: scope.sources ?? null,
            },
            rows: rows.length,
          },
        });
      }
      return c.body(csvStream(oneBatch(rows), figure.columns), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}-${scope.from}-${scope.to}.csv"`,
      });
    },
  );
}

async function* oneBatch(rows: Row[]): AsyncIterable<Row[]> {
  yield rows;
}
