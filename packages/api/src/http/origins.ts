/**
 * Who may call from a browser: CORS for the allowed origins, and a 403 for any write whose
 * `Origin` is not one of them. Calls without `Origin` (servers, OSDI sync tools) pass through.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { HttpProblem } from './problems.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Headers a widget reads from an answer: when to try again, where a new resource is. */
const exposedHeaders = ['Retry-After', 'Location'];

export function allowedOrigins(origins: ReadonlySet<string>): MiddlewareHandler {
  const preflight = cors({
    origin: (origin) => (origins.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'OSDI-API-Token', 'Authorization'],
    exposeHeaders: exposedHeaders,
    maxAge: 86400,
  });
  const exposed = exposedHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    // Every other answer gets its CORS headers before it is made, with `c.header`. Hono's `cors`
    // sets them on a placeholder response that every answer is then copied onto — a WHATWG
    // Response and Headers more per request, and with the body limit (body-limit.ts) half of
    // the API's CPU time per signature (docs/benchmarks.md).
    const origin = c.req.header('origin');
    c.header('Vary', 'Origin', { append: true });
    if (origin === undefined) return next();
    if (origins.has(origin)) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', exposed);
    } else if (!safeMethods.has(c.req.method) && origin !== new URL(c.req.url).origin) {
      // The API's own pages (RSVP cancellation) post to it from its own origin.
      throw new HttpProblem(
        403,
        `Pages on ${origin} may not write to this API. Ask the organization to add the origin to its configuration.`,
      );
    }
    await next();
  };
}
