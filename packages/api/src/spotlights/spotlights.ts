/** The member-spotlight feed the carousel reads, newest first, filterable by region, sector, language. */
import { Hono } from 'hono';
import { apiBasePath, type SpotlightResource } from '@rally/core';
import type { AppContext } from '../context.ts';
import { boundedInteger, equalityFilters } from '../http/query.ts';
import { inLanguage, type Translatable } from '../translated.ts';

interface SpotlightRow extends Record<string, unknown>, Translatable {
  id: string;
  name: string;
  kind: string;
  region: string;
  sector: string;
  photo: { src: string; alt: string };
  quote: string;
  lang: string;
  published_on: Date;
}

export const spotlights = new Hono<AppContext>();

spotlights.get('/', async (c) => {
  const { conditions: filters, params } = equalityFilters(c, ['region', 'sector']);
  // A spotlight is in a language when it was written in it or translated into it.
  const lang = c.req.query('lang');
  if (lang) {
    params.push(lang);
    filters.push(`(lang = $${params.length} or translations ? $${params.length})`);
  }
  const perPage = boundedInteger(c.req.query('per_page'), 25, 1, 100, 'per_page');
  const page = boundedInteger(c.req.query('page'), 1, 1, 100_000, 'page');
  const where = filters.length > 0 ? `where ${filters.join(' and ')}` : '';
  const [{ total }] = (await c.var.db.query<{ total: number }>(
    `select count(*)::int as total from spotlights ${where}`,
    params,
  )) as [{ total: number }];
  const rows = await c.var.db.query<SpotlightRow>(
    `select * from spotlights ${where} order by published_on desc, id
     limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, perPage, (page - 1) * perPage],
  );
  const embedded = rows.map((written): SpotlightResource => {
    const row = inLanguage(written, lang);
    return {
      identifiers: [`rally:${row.id}`],
      name: row.name,
      kind: row.kind as SpotlightResource['kind'],
      region: row.region,
      sector: row.sector,
      photo: row.photo,
      quote: row.quote,
      lang: row.lang,
      date: row.published_on.toISOString().slice(0, 10),
    };
  });
  // Spotlights change when staff publish; a short shared cache spares the database on busy pages.
  c.header('Cache-Control', 'public, max-age=60');
  return c.json(
    {
      total_records: total,
      per_page: perPage,
      page,
      total_pages: Math.max(1, Math.ceil(total / perPage)),
      _links: { self: { href: new URL(`${apiBasePath}/spotlights`, c.req.url).toString() } },
      _embedded: { 'rally:spotlights': embedded },
    },
    200,
    { 'Content-Type': 'application/hal+json' },
  );
});
