/** The API as a Hono app, independent of any server, so tests call `app.request()` directly. */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import { apiBasePath, identifierPrefix, osdiVersion, type ApiEntryPoint } from '@rally/core';
import type { RallySettings } from './config.ts';
import type { AppContext } from './context.ts';
import type { Database } from './database.ts';
import { limitBodies } from './http/body-limit.ts';
import { curiesFor } from './http/hal.ts';
import { allowedOrigins, publicOrigin, trustedPage } from './http/origins.ts';
import { fixFieldsPage, notAllowedPage, pageLocale, thanksPage } from './http/pages.ts';
import { printable, HttpProblem } from './http/problems.ts';
import { newChallenge } from './http/proof-of-work.ts';
import { refuseUnstorableAddress } from './http/query.ts';
import type { RateLimiter } from './http/rate-limits.ts';
import { openApiDocument, pageResponse, queryParameter } from './openapi.ts';
import { dues } from './dues/dues.ts';
import type { StripeSettings } from './dues/stripe-client.ts';
import { stripeWebhook } from './dues/webhook.ts';
import { writer } from './writes.ts';
import { serveConsole } from './console/serve-console.ts';
import { events } from './events/events.ts';
import { people } from './people/people.ts';
import { petitions } from './petitions/petitions.ts';
import { buildRoutes } from './publishing/build-routes.ts';
import { previewRoutes } from './publishing/preview-routes.ts';
import { photoTooLarge } from './publishing/photo-routes.ts';
import { maxPhotoBytes } from './publishing/photos.ts';
import { publishingRoutes } from './publishing/routes.ts';
import type { SiteBuilds } from './publishing/site-builds.ts';
import { reports } from './reports/reports.ts';
import { spotlights } from './spotlights/spotlights.ts';
import { staffRoutes } from './staff/routes.ts';

/** How long to wait before trying again when the database is away: it is usually back soon. */
const retryAfterOutageSeconds = 5;

export interface AppOptions {
  db: Database;
  settings: RallySettings;
  /** Secret that signs links sent to people (RSVP cancellation). */
  linkSecret: string;
  /** Where rate-limit counts are kept. */
  rateLimiter: RateLimiter;
  /** Believe X-Forwarded-For for the client IP (behind a load balancer). */
  trustProxy?: boolean;
  /** Stripe's keys; dues stay off without them, and everything else works. */
  stripe?: StripeSettings;
  /** The staff console's build, served at /console/; by default the repository's dist/console. */
  consoleDir?: string;
  /** The content folder staff publish into from the console; without one, publishing is off. */
  contentDir?: string | undefined;
  /** Builds the sites again after a publication, where the API runs beside them. */
  siteBuilds?: SiteBuilds | undefined;
}

/** Largest body a write accepts: a signup is well under 4 KB. */
const maxBodyBytes = 64 * 1024;

/**
 * Largest Stripe event taken: an `invoice.paid` with a few hundred lines is ~85 KB, and an event
 * refused here is one Stripe gives up on, leaving a payment unrecorded.
 */
const maxStripeEventBytes = 1024 * 1024;

/** A photo upload: the photo's 10 MB, and room for the form around it. */
const maxPhotoUploadBytes = maxPhotoBytes + 64 * 1024;

export function createApp({
  db,
  settings,
  linkSecret,
  rateLimiter,
  trustProxy = false,
  stripe = {},
  consoleDir,
  contentDir,
  siteBuilds,
}: AppOptions) {
  // Not strict: `/api/v1/` and `/api/v1/petitions/` answer as they do without the slash, which
  // OSDI's own examples and some clients add.
  const app = new Hono<AppContext>({ strict: false });
  const write = writer(db);

  app.use(async (c, next) => {
    c.set('db', db);
    c.set('settings', settings);
    c.set('linkSecret', linkSecret);
    c.set('rateLimiter', rateLimiter);
    c.set('write', write);
    c.set('siteBuilds', siteBuilds);
    c.set('clientIp', clientIp(c, trustProxy));
    c.set('origin', publicOrigin(c, trustProxy));
    await next();
  });

  // Liveness and readiness in one: the API is only useful if its database answers.
  app.get(
    '/healthz',
    describeRoute({
      summary: 'Service and database health',
      responses: {
        200: { description: 'Healthy: the database answers' },
        503: { description: 'The database does not answer; see Retry-After' },
      },
    }),
    async (c) => {
      try {
        await db.query('select 1');
        return c.json({ status: 'ok', database: db.kind });
      } catch {
        return c.json({ status: 'unavailable', database: db.kind }, 503, {
          'Retry-After': String(retryAfterOutageSeconds),
        });
      }
    },
  );

  const api = new Hono<AppContext>();
  api.use(allowedOrigins(settings.allowedOrigins));
  api.use(
    limitBodies(maxBodyBytes, {
      [`${apiBasePath}/stripe/webhook`]: maxStripeEventBytes,
      // Refused as the route refuses a photo over its 10 MB, in the staff member's language.
      [`${apiBasePath}/staff/content/photos`]: {
        maxBytes: maxPhotoUploadBytes,
        tooLarge: photoTooLarge,
      },
    }),
  );
  api.use(refuseUnstorableAddress);

  api.get(
    '/',
    describeRoute({
      summary: 'OSDI entry point',
      description:
        'Every path answers the same with a trailing slash (`/api/v1/`, `/api/v1/petitions/`).',
      responses: { 200: { description: 'Links to every resource, and the curies' } },
    }),
    (c) => {
      const link = (path: string, title: string) => ({
        href: new URL(`${apiBasePath}${path}`, c.req.url).toString(),
        title,
      });
      const entryPoint: ApiEntryPoint = {
        motd: `Welcome to the Rally API of ${settings.organization.name}.`,
        vendor_name: 'Rally',
        product_name: 'Rally API',
        osdi_version: osdiVersion,
        max_pagesize: 100,
        namespace: identifierPrefix,
        _links: {
          self: link('', 'This entry point'),
          curies: curiesFor(c.req.url),
          'osdi:people': link('/people', 'People (staff only)'),
          'osdi:person_signup_helper': link('/people', 'Person signup helper'),
          'osdi:petitions': link('/petitions', 'Petitions'),
          'osdi:events': link('/events', 'Upcoming events'),
          'rally:spotlights': link('/spotlights', 'Member spotlights'),
          'rally:dues': link('/dues', 'Dues: what members may pay, and the checkout'),
          'rally:reports': link('/reports/summary', 'Staff summary report (staff only)'),
          'rally:openapi': link('/openapi.json', 'OpenAPI 3.1 description'),
          'rally:health': { href: new URL('/healthz', c.req.url).toString(), title: 'Health' },
        },
      };
      return c.json(entryPoint, 200, { 'Content-Type': 'application/hal+json' });
    },
  );

  // Made from the routes' descriptions when first asked for, once the app has all its routes.
  let openApi: Promise<object> | undefined;
  api.get(
    '/openapi.json',
    describeRoute({
      summary: 'This document',
      responses: {
        200: {
          description: 'OpenAPI 3.1',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    }),
    async (c) => c.json(await (openApi ??= openApiDocument(app, settings.organization.name))),
  );

  // A new puzzle for a widget to solve before it sends (proof-of-work.ts); never cached.
  api.get(
    '/challenge',
    describeRoute({
      summary: 'A proof-of-work puzzle for a widget to solve before it writes',
      description:
        'ALTCHA’s open format (SHA-256), valid 30 minutes, never cached; its answer goes in the write’s `altcha` field. Callers without a browser are not asked for one.',
      responses: { 200: { description: 'The puzzle' } },
    }),
    async (c) =>
      c.json(await newChallenge(linkSecret, settings), 200, { 'Cache-Control': 'no-store' }),
  );

  api.get(
    '/thanks',
    describeRoute({
      summary: 'The thank-you page a plain form lands on when its page is not on an allowed origin',
      parameters: [
        queryParameter('lang', 'The page’s language; else the browser’s.'),
        queryParameter('rally', 'What happened: `joined`, `signed` or `rsvp`.'),
      ],
      responses: { 200: pageResponse('A page saying it was recorded') },
    }),
    (c) =>
      c.html(
        thanksPage(
          pageLocale(c.req.query('lang'), c.req.header('accept-language')),
          c.req.query('rally'),
        ),
      ),
  );

  api.route('/people', people);
  api.route('/petitions', petitions);
  api.route('/events', events);
  api.route('/spotlights', spotlights);
  api.route('/reports', reports);
  // Before the content's own routes, whose `/:collection/:id` would take `/builds/:id`.
  api.route('/staff/content/builds', buildRoutes(siteBuilds));
  api.route('/staff/content/previews', previewRoutes(contentDir, siteBuilds));
  api.route('/staff/content', publishingRoutes(contentDir));
  api.route('/staff', staffRoutes);
  api.route('/dues', dues(stripe));
  api.route('/stripe/webhook', stripeWebhook(stripe.webhookSecret));
  app.route(apiBasePath, api);
  app.route('/console', serveConsole(consoleDir));

  app.notFound((c) => problemResponse(c, new HttpProblem(404, `Nothing at ${c.req.path}.`)));
  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(c, error);
    // Log what went wrong without the request's personal data, and with any control character
    // of the path escaped, so an address cannot write a line of its own into the log.
    console.error(
      printable(`${c.req.method} ${c.req.path} failed: ${error.name}: ${error.message}`),
    );
    return problemResponse(
      c,
      new HttpProblem(
        503,
        'The service could not complete this request; try again shortly. Nothing was recorded.',
        { headers: { 'Retry-After': String(retryAfterOutageSeconds) } },
      ),
    );
  });

  return app;
}

function problemResponse(
  c: Context<AppContext>,
  problem: HttpProblem,
): Response | Promise<Response> {
  const fromForm = c.req.header('content-type')?.startsWith('application/x-www-form-urlencoded');
  if (fromForm && problem.kind === 'origin-not-allowed') {
    const locale = pageLocale(undefined, c.req.header('accept-language'));
    return c.html(notAllowedPage(locale), 403);
  }
  if (fromForm && problem.status === 422 && problem.errors) {
    const locale = pageLocale(undefined, c.req.header('accept-language'));
    const back = trustedPage(c.req.header('referer'), c.var.settings.allowedOrigins);
    return c.html(fixFieldsPage(locale, problem.errors, back), 422);
  }
  return c.body(JSON.stringify(problem), problem.status as 400, {
    ...problem.headers,
    'Content-Type': 'application/problem+json',
  });
}

function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // No socket: a request made in-process, as in tests.
  }
}
