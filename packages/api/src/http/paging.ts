/** OSDI staff collections: `page`, `per_page` and `filter` in; a page with HAL links out. */
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import { osdiFilter, type FilterField } from './osdi-filter.ts';
import { boundedInteger } from './query.ts';

type Linked = { _links: Record<string, { href: string }> };

interface PageRequest {
  page: number;
  perPage: number;
  /** Rows to skip for this page. */
  offset: number;
}

/** The page asked for: 25 a page unless told, at most 100 (the entry point's `max_pagesize`). */
function pageRequest(c: Context): PageRequest {
  const perPage = boundedInteger(c.req.query('per_page'), 25, 1, 100, 'per_page');
  const page = boundedInteger(c.req.query('page'), 1, 1, 1_000_000, 'page');
  return { page, perPage, offset: (page - 1) * perPage };
}

/** A page of an OSDI collection: its items under `_embedded[rel]`, with self, next and previous. */
function pagedCollection<Item extends Linked>(
  c: Context,
  rel: string,
  { page, perPage }: PageRequest,
  total: number,
  items: Item[],
) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const pageUrl = (n: number) => {
    const url = new URL(c.req.url);
    url.searchParams.set('page', String(n));
    url.searchParams.set('per_page', String(perPage));
    return { href: url.toString() };
  };
  return {
    total_pages: totalPages,
    per_page: perPage,
    page,
    total_records: total,
    _links: {
      self: pageUrl(page),
      ...(page < totalPages ? { next: pageUrl(page + 1) } : {}),
      ...(page > 1 ? { previous: pageUrl(page - 1) } : {}),
      [rel]: items.map((item) => item._links['self']),
    },
    _embedded: { [rel]: items },
  };
}

/** Where an OSDI collection's rows come from, and what its `filter` may compare. */
export interface CollectionQuery {
  /** The table counted, with the alias the conditions use (`signatures s`). */
  from: string;
  /** What a page reads: the same table, joined to what it shows. */
  select: string;
  /** Conditions on both, numbered from $1, with their parameters. */
  where: string[];
  params: unknown[];
  /** A unique order, so pages never overlap. */
  order: string;
  /** The fields OSDI's `filter` may name here. */
  filter: Record<string, FilterField>;
}

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
  const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
  const params = [...query.params, ...filter.params];
  const n = params.length;
  const [[counted], rows] = await Promise.all([
    c.var.db.query<{ total: number }>(
      `select count(*)::int as total from ${query.from} ${clause}`,
      params,
    ),
    c.var.db.query<Row>(
      `${query.select} ${clause} order by ${query.order} limit $${n + 1} offset $${n + 2}`,
      [...params, request.perPage, request.offset],
    ),
  ]);
  const items = rows.map(toItem);
  return c.json(pagedCollection(c, rel, request, counted!.total, items), 200, {
    'Content-Type': 'application/hal+json',
  });
}
