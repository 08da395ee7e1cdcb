/** OSDI staff collections: `page`, `per_page` and `filter` in; a page with HAL links out. */
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import { osdiFilter, type FilterField } from './osdi-filter.ts';
import { HttpProblem } from './problems.ts';
import { boundedInteger, uuidPattern } from './query.ts';

type Linked = { _links: Record<string, { href: string }> };

/**
 * Where a page starts: after the last row of the page before, as the `next` link says. Counting
 * rows to skip instead would skip a row that comes later whenever one before it is erased between
 * two pages, and a tool syncing page by page would never see it.
 */
interface Cursor {
  /** The `created_at` of the last row before, in UTC to the microsecond (`…T06:00:00.123456`). */
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
 * year 0), and no earlier than any record.
 */
function isCursorTime(value: unknown): value is string {
  if (typeof value !== 'string' || !timestampText.test(value) || value < '1970') return false;
  const date = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === value.slice(0, 19);
}

function encodeCursor({ time, id }: Cursor): string {
  return Buffer.from(JSON.stringify([time, id])).toString('base64url');
}

function decodeCursor(value: string): Cursor {
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
    uuidPattern.test(parsed[1])
  ) {
    return { time: parsed[0], id: parsed[1] };
  }
  throw new HttpProblem(
    400,
    'after is not one the API gave: follow the next link as it is, or ask for a page by number.',
  );
}

/** The page asked for: 25 a page unless told, at most 100 (the entry point's `max_pagesize`). */
function pageRequest(c: Context): PageRequest {
  const perPage = boundedInteger(c.req.query('per_page'), 25, 1, 100, 'per_page');
  const page = boundedInteger(c.req.query('page'), 1, 1, 1_000_000, 'page');
  const after = c.req.query('after');
  return { page, perPage, after: after === undefined ? undefined : decodeCursor(after) };
}

/**
 * A page of an OSDI collection: its items under `_embedded[rel]`, with self, next and previous.
 * `next` carries where this page ended; `previous`, a page number.
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
  const pageUrl = (n: number, after?: Cursor) => {
    const url = new URL(c.req.url);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(perPage));
    if (after) url.searchParams.set('after', encodeCursor(after));
    else if (n !== page) url.searchParams.delete('after');
    return { href: url.toString() };
  };
  return {
    total_pages: totalPages,
    per_page: perPage,
    page,
    total_records: total,
    _links: {
      self: pageUrl(page),
      ...(next ? { next: pageUrl(page + 1, next) } : {}),
      ...(page > 1 ? { previous: pageUrl(page - 1) } : {}),
      [rel]: items.map((item) => item._links['self']),
    },
    _embedded: { [rel]: items },
  };
}

/** Where an OSDI collection's rows come from, and what its `filter` may compare. */
export interface CollectionQuery {
  /** The table counted (`signatures`). */
  table: string;
  /**
   * What a page reads: the same table's columns (`s.*`, so its `id` and `created_at`), with what
   * it is joined to. Pages run oldest first, in the order of `created_at`, then `id`.
   */
  select: string;
  /** The alias the conditions and `select` give the table (`s`). */
  alias: string;
  /** Conditions on both, numbered from $1, with their parameters. */
  where: string[];
  params: unknown[];
  /** The fields OSDI's `filter` may name here. */
  filter: Record<string, FilterField>;
}

type CursorColumns = { page_cursor_time: string; page_cursor_id: string };

/**
 * The answer to a request for a staff collection: the page asked for, narrowed by its `filter`,
 * with the number of rows in all and HAL links to the neighbouring pages.
 */
export async function collectionAnswer<Row extends Record<string, unknown>, Item extends Linked>(
  c: Context<AppContext>,
  rel: string,
  query: CollectionQuery,
  toItem: (row: Row) => Item,
): Promise<Response> {
  const request = pageRequest(c);
  const filter = osdiFilter(c, query.filter, query.params.length + 1);
  const where = [...query.where, ...filter.conditions];
  const clause = (conditions: string[]) =>
    conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const params = [...query.params, ...filter.params];
  const { alias } = query;
  const order = `${alias}.created_at, ${alias}.id`;
  let page: { where: string[]; params: unknown[]; offset: number };
  if (request.after) {
    const n = params.length;
    page = {
      where: [...where, `(${order}) > ($${n + 1}::timestamp at time zone 'UTC', $${n + 2}::uuid)`],
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
         to_char(page.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
           as page_cursor_time
       from (${query.select} ${clause(page.where)} order by ${order}
             limit $${n + 1} offset $${n + 2}) page
       order by page.created_at, page.id`,
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
  return c.json(pagedCollection(c, rel, request, counted!.total, items, next), 200, {
    'Content-Type': 'application/hal+json',
  });
}
