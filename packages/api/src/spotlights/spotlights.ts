/**
 * The member-spotlight feed the carousel reads, newest first, filterable by region, sector and
 * language; and each spotlight on its own.
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { apiBasePath, osdiPage, spotlightResource, type SpotlightResource } from '@rally/core';
import type { AppContext } from '../context.ts';
import { halAnswer } from '../http/hal.ts';
import { collectionAnswer } from '../http/paging.ts';
import { HttpProblem } from '../http/problems.ts';
import { equalityFilters } from '../http/query.ts';
import {
  halResponse,
  paging,
  pathParameter,
  problemResponse,
  queryParameter,
  regionSectorFilters,
  syncFilter,
  translation,
  unreadablePage,
} from '../openapi.ts';
import { published, publishedOnly } from '../unpublished.ts';
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

type LinkedSpotlight = SpotlightResource & { _links: { self: { href: string } } };

/** The feed, newest first, paged like every OSDI collection. */
spotlights.get(
  '/',
  describeRoute({
    summary: 'Member spotlights for the carousel, newest first, OSDI-paged',
    parameters: [
      ...regionSectorFilters,
      queryParameter('lang', 'Only those written in or translated into this language, in it.'),
      ...paging,
      syncFilter('modified_date with eq, gt, ge, lt or le'),
    ],
    responses: {
      200: halResponse(
        'A page of spotlights',
        'SpotlightPage',
        osdiPage('rally:spotlights', spotlightResource),
      ),
      400: unreadablePage,
    },
  }),
  (c) => {
    const { conditions, params } = equalityFilters(c, ['region', 'sector']);
    // A spotlight is in a language when it was written in it or translated into it.
    const lang = c.req.query('lang');
    if (lang) {
      params.push(lang);
      conditions.push(`(lang = $${params.length} or translations ? $${params.length})`);
    }
    // Spotlights change when staff publish; a short shared cache spares the database on busy pages.
    c.header('Cache-Control', 'public, max-age=60');
    return collectionAnswer<SpotlightRow, LinkedSpotlight>(
      c,
      'rally:spotlights',
      {
        table: 'spotlights',
        select: 'select s.* from spotlights s',
        alias: 's',
        where: [publishedOnly('s'), ...conditions],
        params,
        filter: { modified_date: { column: 's.updated_at', type: 'date' } },
        order: { column: 'published_on', type: 'date', descending: true },
        ids: 'name',
      },
      (row) => toSpotlightResource(c.req.url, inLanguage(row, lang)),
    );
  },
);

/** One spotlight, where the feed links each: `lang` picks its translation. */
spotlights.get(
  '/:id',
  describeRoute({
    summary: 'One member spotlight',
    parameters: [pathParameter('id', 'Spotlight id (its content file name)'), translation],
    responses: {
      200: halResponse('The spotlight', 'Spotlight', spotlightResource),
      404: problemResponse('No such spotlight'),
    },
  }),
  async (c) => {
    const id = c.req.param('id');
    const [row] = await c.var.db.query<SpotlightRow>('select * from spotlights where id = $1', [
      id,
    ]);
    if (!row) throw new HttpProblem(404, `No spotlight has the id "${id}": check the link.`);
    published(row, 'spotlight', id);
    c.header('Cache-Control', 'public, max-age=60');
    return halAnswer(c, toSpotlightResource(c.req.url, inLanguage(row, c.req.query('lang'))));
  },
);

function toSpotlightResource(requestUrl: string, row: SpotlightRow): LinkedSpotlight {
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
    _links: {
      self: { href: new URL(`${apiBasePath}/spotlights/${row.id}`, requestUrl).toString() },
    },
  };
}
