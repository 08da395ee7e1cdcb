/**
 * Who may call from a browser. Reads are public: petitions, events, counts and spotlights hold no
 * personal data, so any page may show them (`Access-Control-Allow-Origin: *`, without
 * credentials; a staff token's header is only allowed to the listed origins). Writes are for the
 * allowed origins: any other gets a 403 it can read, naming the problem, so a partner whose site is
 * not on the list yet is told so in plain words rather than "check your connection". Calls without
 * `Origin` (servers, OSDI sync tools) pass through.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppContext } from '../context.ts';
import { HttpProblem } from './problems.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Headers a widget reads from an answer: when to try again, where a new resource is. */
const exposedHeaders = ['Retry-After', 'Location'];

export function allowedOrigins(origins: ReadonlySet<string>): MiddlewareHandler<AppContext> {
  const listed = cors({
    origin: (origin) => (origins.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key', 'OSDI-API-Token', 'Authorization'],
    exposeHeaders: exposedHeaders,
    maxAge: 86400,
  });
  // Any other page may send what a widget sends, so that the API's refusal reaches it.
  const unlisted = cors({
    origin: (origin) => origin,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Idempotency-Key'],
    maxAge: 600,
  });
  const exposed = exposedHeaders.join(',');
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS')
      return origin !== undefined && origins.has(origin) ? listed(c, next) : unlisted(c, next);
    // Every other answer gets its CORS headers before it is made, with `c.header`. Hono's `cors`
    // sets them on a placeholder response that every answer is then copied onto — a WHATWG
    // Response and Headers more per request, and with the body limit (body-limit.ts) half of
    // the API's CPU time per signature (docs/benchmarks.md).
    c.header('Vary', 'Origin', { append: true });
    if (origin === undefined) return next();
    if (origins.has(origin)) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', exposed);
    } else if (safeMethods.has(c.req.method)) {
      c.header('Access-Control-Allow-Origin', '*');
    } else if (origin !== c.var.origin) {
      // The API's own pages (RSVP cancellation, the staff console) post to it from its own origin.
      c.header('Access-Control-Allow-Origin', origin);
      throw new HttpProblem(
        403,
        `Pages on ${origin} may not send submissions to this API yet: the organization needs to add ${origin} to its Rally settings (RALLY_ALLOWED_ORIGINS, or the partner's origins in rally.config.json). Nothing was recorded.`,
        { kind: 'origin-not-allowed' },
      );
    }
    await next();
  };
}

/**
 * `url` when it is an http(s) page on an origin the API trusts, else `undefined`: for links the API
 * writes back to a page a request names (a `Referer`, a `page` query), which is whatever the
 * sender wrote.
 */
export function trustedPage(
  url: string | undefined,
  allowed: ReadonlySet<string>,
): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const page = new URL(url);
  return /^https?:$/.test(page.protocol) && allowed.has(page.origin) ? page.toString() : undefined;
}

/**
 * The API's origin as the browser sees it: the request's, with the scheme and host a trusted proxy
 * says the browser used (the last value of X-Forwarded-Proto and X-Forwarded-Host: the one the
 * nearest proxy added), since behind a proxy that ends TLS the request itself arrives as http.
 */
export function publicOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const last = (name: string) => c.req.header(name)?.split(',').at(-1)?.trim() || undefined;
  const proto = last('x-forwarded-proto');
  const host = last('x-forwarded-host');
  if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
  if (host && URL.canParse(`${url.protocol}//${host}`)) url.host = host;
  return url.origin;
}
