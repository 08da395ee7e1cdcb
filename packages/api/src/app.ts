/** The API as a Hono app, independent of any server, so tests call `app.request()` directly. */
import { Hono } from 'hono';
import { apiBasePath, osdiVersion, type ApiEntryPoint } from '@rally/core';
import type { Database } from './database.ts';

export interface AppOptions {
  db: Database;
}

export function createApp({ db }: AppOptions) {
  const app = new Hono();

  // Liveness and readiness in one: the API is only useful if its database answers.
  app.get('/healthz', async (c) => {
    try {
      await db.query('select 1');
      return c.json({ status: 'ok', database: db.kind });
    } catch {
      return c.json({ status: 'unavailable', database: db.kind }, 503);
    }
  });

  app.get(apiBasePath, (c) => {
    const origin = new URL(c.req.url).origin;
    const entryPoint: ApiEntryPoint = {
      motd: 'Welcome to the Rally API: join, sign, RSVP and read member spotlights.',
      vendor_name: 'Rally',
      product_name: 'Rally API',
      osdi_version: osdiVersion,
      max_pagesize: 100,
      namespace: 'rally',
      _links: {
        self: { href: `${origin}${apiBasePath}`, title: 'This entry point' },
        curies: [{ href: 'http://opensupporter.github.io/osdi-docs/{rel}', templated: true }],
        'rally:health': { href: `${origin}/healthz`, title: 'Service and database health' },
      },
    };
    return c.json(entryPoint, 200, { 'Content-Type': 'application/hal+json' });
  });

  return app;
}
