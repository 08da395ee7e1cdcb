/**
 * Every OSDI collection, public or for staff, pages the same way: `page`, `per_page`, `filter` in;
 * a page with OSDI's counts and HAL links to the pages around it out.
 */
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import { audit } from '../staff/audit.ts';
import { halAnswer } from './hal.ts';
import { osdiFilter, type FilterField } from './osdi-filter.ts';
import { HttpProblem } from './problems.ts';
import { boundedInteger, uuidPattern } from './query.ts';

/** A record in a collection: the collection links to each by its `self`. */
type Linked = { _links: { self: { href: string } } };

/** The form of a collection's ids: Rally's own UUIDs, or the file names content is kept under. */
type IdForm = 'uuid' | 'name';

const idPatterns: Record<IdForm, RegExp> = {
  uuid: uuidPattern,
  name: /^[a-z0-9][a-z0-9-]{0,199}$/,
};

/**
 * Where a page starts: after the last row of the page before, as the `next` link says. Counting
 * rows to skip instead would skip a row that comes later whenever one before it is erased between
 * two pages, and a tool syncing page by page would never see it.
 */
interface Cursor {
  /** The time the last row before is ordered by, in UTC to the microsecond (`…T06:00:00.123456`). */
  time: string;
  id: string;
}

interface PageRequest {
  page: number;
  perPage: number;
  /** From a `next` link: the page starts after this row, whatever its number. */
  after: Cursor | undefined;
}

const timestampText = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

/**
 * A time as the cursor writes it, one the calendar has (the database refuses 30 February and the
 * year 0).
 */
function isCursorTime(value: unknown): value is string {
  if (typeof value !== 'string' || !timestampText.test(value) || value < '0001') return false;
  const date = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === value.slice(0, 19);
}

function encodeCursor({ time, id }: Cursor): string {
  return Buffer.from(JSON.stringify([time, id])).toString('base64url');
}

function decodeCursor(value: string, ids: IdForm): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    isCursorTime(parsed[0]) &&
    typeof parsed[1] === 'string' &&
    idPatterns[ids].test(parsed[1])
  ) {
    return { time: parsed[0], id: parsed[1] };
  }
  throw new HttpProblem(
    400,
    'after is not one the API gave: follow the next link as it is, or ask for a page by number.',
  );
}

/** The page asked for: 25 a page unless told, at most 100 (the entry point's `max_pagesize`). */
function pageRequest(c: Context, ids: IdForm): PageRequest {
  const perPage = boundedInteger(c.req.query('per_page'), 25, 1, 100, 'per_page');
  const page = boundedInteger(c.req.query('page'), 1, 1, 1_000_000, 'page');
  const after = c.req.query('after');
  return { page, perPage, after: after === undefined ? undefined : decodeCursor(after, ids) };
}

/**
 * A page of an OSDI collection: its items under `_embedded[rel]` (an empty list past the last
 * page, so a client reading pages until one comes back empty stops), with links to itself, the
 * first and last pages, and the pages either side. `next` carries where this page ended; the others,
 * a page number.
 */
function pagedCollection<Item extends Linked>(
  c: Context,
  rel: string,
  { page, perPage }: PageRequest,
  total: number,
  items: Item[],
  /** Where this page ended, when rows follow it. */
  next: Cursor | undefined,
) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  // One address for each page, however it was asked for: `/petitions/` answers as `/petitions`
  // does (app.ts), and the paging parameters come last, in one order.
  const pageUrl = (n: number, after?: string) => {
    const url = new URL(c.req.url);
    if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/$/, '');
    for (const name of ['page', 'per_page', 'after']) url.searchParams.delete(name);
    url.searchParams.append('page', String(n));
    url.searchParams.append('per_page', String(perPage));
    if (after) url.searchParams.append('after', after);
    return { href: url.toString() };
  };
  // OSDI names the link to the page before `previous`; IANA's registry, and the HAL and OSDI
  // clients that follow it, `prev`. Both, the same link, so either kind of client goes back.
  const previous = page > 1 ? pageUrl(Math.min(page, totalPages + 1) - 1) : undefined;
  return {
    total_pages: totalPages,
    per_page: perPage,
    page,
    total_records: total,
    _links: {
      self: pageUrl(page, c.req.query('after')),
      first: pageUrl(1),
      last: pageUrl(totalPages),
      ...(next ? { next: pageUrl(page + 1, encodeCursor(next)) } : {}),
      ...(previous ? { previous, prev: previous } : {}),
      [rel]: items.map((item) => item._links.self),
    },
    _embedded: { [rel]: items },
  };
}

/** The order pages run in: by a time, then by `id`. */
export interface PageOrder {
  /** A column of the collection's table (`created_at`, `start_at`). */
  column: string;
  type: 'timestamptz' | 'date';
  /** Newest first; rows at the same time still run by `id`. */
  descending?: boolean;
}

/** Where an OSDI collection's rows come from, and what its `filter` may compare. */
export interface CollectionQuery {
  /** The table counted (`signatures`). */
  table: string;
  /**
   * What a page reads: the same table's columns (`s.*`, so its `id` and the column it is ordered
   * by), with what it is joined to.
   */
  select: string;
  /** The alias the conditions and `select` give the table (`s`). */
  alias: string;
  /** Conditions on both, numbered from $1, with their parameters. */
  where: string[];
  params: unknown[];
  /** The fields OSDI's `filter` may name here. */
  filter: Record<string, FilterField>;
  /** Oldest first, by `created_at`, unless told. */
  order?: PageOrder;
  /** Rally's UUIDs unless told. */
  ids?: IdForm;
  /**
   * The rows are people's personal data: each page read is recorded in the audit log as
   * `people-listed`, with the list's path, the names of the parameters (never their values: a
   * filter may hold an email), the page and the rows it held.
   */
  audited?: boolean;
}

const oldestFirst: PageOrder = { column: 'created_at', type: 'timestamptz' };

type CursorColumns = { page_cursor_time: string; page_cursor_id: string };

/**
 * The answer to a request for a collection: the page asked for, narrowed by its `filter`, with
 * the number of rows in all and HAL links to the neighbouring pages.
 */
export async function collectionAnswer<Row extends Record<string, unknown>, Item extends Linked>(
  c: Context<AppContext>,
  rel: string,
  query: CollectionQuery,
  toItem: (row: Row) => Item,
): Promise<Response> {
  const ids = query.ids ?? 'uuid';
  const request = pageRequest(c, ids);
  const filter = osdiFilter(c, query.filter, query.params.length + 1);
  const where = [...query.where, ...filter.conditions];
  const clause = (conditions: string[]) =>
    conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const params = [...query.params, ...filter.params];
  const { alias } = query;
  const { column, type, descending = false } = query.order ?? oldestFirst;
  const orderBy = (table: string) => `${table}.${column}${descending ? ' desc' : ''}, ${table}.id`;
  // The cursor carries a time as UTC text to the microsecond, and a day (`date`) as its midnight:
  // the text of the column's value, and the value of a cursor's text.
  const cursorTime = (value: string) =>
    type === 'date' ? `${value}::timestamp` : `${value} at time zone 'UTC'`;
  const timeFromCursor = (param: string) =>
    type === 'date' ? `${param}::timestamp` : `${param}::timestamp at time zone 'UTC'`;
  let page: { where: string[]; params: unknown[]; offset: number };
  if (request.after) {
    const n = params.length;
    const time = timeFromCursor(`$${n + 1}`);
    const id = `$${n + 2}::${ids === 'uuid' ? 'uuid' : 'text'}`;
    const ordered = `${alias}.${column}`;
    page = {
      where: [
        ...where,
        descending
          ? `(${ordered} < ${time} or (${ordered} = ${time} and ${alias}.id > ${id}))`
          : `(${ordered}, ${alias}.id) > (${time}, ${id})`,
      ],
      params: [...params, request.after.time, request.after.id],
      offset: 0,
    };
  } else {
    page = { where, params, offset: (request.page - 1) * request.perPage };
  }
  const n = page.params.length;
  const [[counted], rows] = await Promise.all([
    c.var.db.query<{ total: number }>(
      `select count(*)::int as total from ${query.table} ${alias} ${clause(where)}`,
      params,
    ),
    c.var.db.query<Row & CursorColumns>(
      `select page.*, page.id::text as page_cursor_id,
         to_char(${cursorTime(`page.${column}`)}, 'YYYY-MM-DD"T"HH24:MI:SS.US') as page_cursor_time
       from (${query.select} ${clause(page.where)} order by ${orderBy(alias)}
             limit $${n + 1} offset $${n + 2}) page
       order by ${orderBy('page')}`,
      // One row more than the page tells whether a next page has any.
      [...page.params, request.perPage + 1, page.offset],
    ),
  ]);
  const pageRows = rows.slice(0, request.perPage);
  const last = pageRows.at(-1);
  const next =
    rows.length > request.perPage && last
      ? { time: last.page_cursor_time, id: last.page_cursor_id }
      : undefined;
  const items = pageRows.map(toItem);
  if (query.audited) {
    await audit(c, {
      action: 'people-listed',
      detail: {
        list: c.req.path,
        parameters: Object.keys(c.req.query()).sort(),
        page: request.after ? 'after' : request.page,
        per_page: request.perPage,
        rows: items.length,
        total: counted!.total,
      },
    });
  }
  return halAnswer(c, pagedCollection(c, rel, request, counted!.total, items, next));
}
