/** OSDI paging for staff collections: `page` and `per_page` in, HAL links to the neighbours out. */
import type { Context } from 'hono';
import type { Queryable } from '../database.ts';
import { boundedInteger } from './query.ts';

export interface PageRequest {
  page: number;
  perPage: number;
  /** Rows to skip for this page. */
  offset: number;
}

/** The page asked for: 25 a page unless told, at most 100 (the entry point's `max_pagesize`). */
export function pageRequest(c: Context): PageRequest {
  const perPage = boundedInteger(c.req.query('per_page'), 25, 1, 100, 'per_page');
  const page = boundedInteger(c.req.query('page'), 1, 1, 1_000_000, 'page');
  return { page, perPage, offset: (page - 1) * perPage };
}

/** A page of an OSDI collection: its items under `_embedded[rel]`, with self, next and previous. */
export function pagedCollection<Item extends { _links: Record<string, { href: string }> }>(
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

/**
 * One page of rows and the number of rows in all: `from` is the table counted (with the alias the
 * conditions use), `select` what a page reads (the same table, joined to what it shows), `where`
 * the conditions on both, numbered from $1, and `order` a unique order so pages never overlap.
 */
export async function readPage<Row extends Record<string, unknown>>(
  db: Queryable,
  query: { from: string; select: string; where: string[]; params: unknown[]; order: string },
  { perPage, offset }: PageRequest,
): Promise<{ total: number; rows: Row[] }> {
  const where = query.where.length > 0 ? `where ${query.where.join(' and ')}` : '';
  const n = query.params.length;
  const [[counted], rows] = await Promise.all([
    db.query<{ total: number }>(`select count(*)::int as total from ${query.from} ${where}`, [
      ...query.params,
    ]),
    db.query<Row>(
      `${query.select} ${where} order by ${query.order} limit $${n + 1} offset $${n + 2}`,
      [...query.params, perPage, offset],
    ),
  ]);
  return { total: counted!.total, rows };
}
