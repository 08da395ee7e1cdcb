/**
 * Who may call from a browser: CORS for the allowed origins, and a 403 for any write whose
 * `Origin` is not one of them. Calls without `Origin` (servers, OSDI sync tools) pass through.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { HttpProblem } from './problems.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function allowedOrigins(origins: ReadonlySet<string>): MiddlewareHandler[] {
  return [
    cors({
      origin: (origin) => (origins.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'OSDI-API-Token', 'Authorization'],
      exposeHeaders: ['Retry-After', 'Location'],
      maxAge: 86400,
    }),
    async (c, next) => {
      const origin = c.req.header('origin');
      // The API's own pages (RSVP cancellation) post to it from its own origin.
      const ownOrigin = new URL(c.req.url).origin;
      if (
        origin !== undefined &&
        !safeMethods.has(c.req.method) &&
        !origins.has(origin) &&
        origin !== ownOrigin
      ) {
        throw new HttpProblem(
          403,
          `Pages on ${origin} may not write to this API. Ask the organization to add the origin to its configuration.`,
        );
      }
      await next();
    },
  ];
}
