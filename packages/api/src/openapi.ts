/**
 * The OpenAPI 3.1 document, generated from the routes: each route is described once, beside its
 * handler (`describeRoute` from hono-openapi), with the @rally/core schemas that validate its
 * requests and type its answers, and the document is made by walking the routes the app serves.
 * This module holds what the descriptions share and puts the document together.
 */
import type { Env, Hono, MiddlewareHandler, Schema } from 'hono';
import {
  generateSpecs,
  resolver,
  uniqueSymbol,
  type DescribeRouteOptions,
  type HandlerUniqueProperty,
} from 'hono-openapi';
import { locales, problem } from '@rally/core';
import { z } from 'zod';
import { formFields } from './http/body.ts';

type Description = DescribeRouteOptions;
type Parameter = NonNullable<Description['parameters']>[number];
type Responses = NonNullable<Description['responses']>;

/**
 * A request body's schema as the API validates it, under `name` in `components.schemas`. The
 * conversion is zod's own (`z.toJSONSchema`), so the document says what the schema checks.
 */
export function requestSchema(name: string, schema: z.ZodType) {
  return resolver(schema.meta({ id: name }));
}

/** An answer's schema as the API sends it (zod's output side), under `name`. */
function answerSchema(name: string, schema: z.ZodType) {
  return resolver(schema.meta({ id: name }), { options: { io: 'output' } });
}

/** An answer in HAL+JSON, as every resource is sent. */
export function halResponse(description: string, name: string, schema: z.ZodType) {
  return {
    description,
    content: { 'application/hal+json': { schema: answerSchema(name, schema) } },
  };
}

/** An answer in plain JSON. */
export function jsonResponse(description: string, name: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema: answerSchema(name, schema) } } };
}

const problemSchema = answerSchema('Problem', problem);

/** A refusal, as RFC 9457 problem details (http/problems.ts). */
export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: problemSchema } } };
}

/** A page for people (RSVP cancellation, a plain form's thank-you): HTML. */
export function pageResponse(description: string) {
  return { description, content: { 'text/html': { schema: { type: 'string' as const } } } };
}

/** A file to download. */
export function fileResponse(description: string, mediaType: string) {
  return { description, content: { [mediaType]: { schema: { type: 'string' as const } } } };
}

/** A path parameter, with what it names. */
export function pathParameter(name: string, description: string, format?: string): Parameter {
  return {
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', ...(format ? { format } : {}) },
    description,
  };
}

/** A query parameter. */
export function queryParameter(
  name: string,
  description: string,
  schema: { type: 'string' | 'integer'; [keyword: string]: unknown } = { type: 'string' },
): Parameter {
  return { name, in: 'query', required: false, schema, description };
}

/** `lang` on one petition, event or spotlight: the language to answer in, when it has one. */
export const translation = queryParameter(
  'lang',
  'Answer in this language when the content is written in it; `lang` in the answer says which.',
  { type: 'string', enum: [...locales] },
);

/** Equality filters of the public collections (http/query.ts `equalityFilters`). */
export const regionSectorFilters = [
  queryParameter('region', 'Only those of this region (its slug).'),
  queryParameter('sector', 'Only those of this sector (its slug).'),
];

/** Every collection pages the same way (http/paging.ts): OSDI's `page` and `per_page`, and `after`. */
export const paging = [
  queryParameter('page', 'Past the last page, the page is empty (and has no `next` link).', {
    type: 'integer',
    minimum: 1,
    default: 1,
  }),
  queryParameter('per_page', 'Records a page, at most the entry point’s `max_pagesize`.', {
    type: 'integer',
    minimum: 1,
    maximum: 100,
    default: 25,
  }),
  queryParameter(
    'after',
    "Set by the API in a page's `next` link: the page starts after the record where the one before it ended.",
  ),
];

/** OSDI's filter, for sync tools: what changed since they last looked (http/osdi-filter.ts). */
export function syncFilter(fields: string): Parameter {
  return queryParameter(
    'filter',
    `OData subset: ${fields}; a value in single quotes; conditions joined by \`and\`. Example: \`modified_date gt '2026-11-01'\`. A date alone is midnight UTC at its start (with \`eq\`, the whole day).`,
  );
}

export const dateFilter = 'modified_date or created_date with eq, gt, ge, lt or le';

/** The refusal of a collection's query (http/paging.ts, http/osdi-filter.ts). */
export const unreadablePage = problemResponse(
  '`page`, `per_page`, `after` or `filter` cannot be read; the problem names which.',
);

/** The `Idempotency-Key` header every write takes (http/write.ts). */
export const idempotencyKey: Parameter = { $ref: '#/components/parameters/IdempotencyKey' };

/**
 * What a plain HTML form (no JavaScript) posts, mapped onto the same helper shape before the same
 * schema validates it (http/body.ts `helperFromForm`).
 */
const formSchema = {
  type: 'object' as const,
  description:
    'The fields of a plain HTML form (no JavaScript). Add `redirect` for the thank-you page, `consent` (a ticked box) for the consent text to count, `tag` (repeatable) and `custom_fields[key]`.',
  properties: Object.fromEntries(
    [...Object.entries(formFields), ['redirect', 'thank-you URL on an allowed origin']].map(
      ([field, target]) => [field, { type: 'string' as const, description: `Maps to ${target}.` }],
    ),
  ),
};

/** How the write path refuses a submission, whatever it writes (http/body.ts, http/write.ts). */
export const writeRefusals = {
  400: problemResponse('The body is not valid JSON, or the Idempotency-Key header is malformed.'),
  415: problemResponse('The body is neither JSON nor an HTML form.'),
  422: problemResponse(
    'Fields failed validation (each in `errors`), or the Idempotency-Key was used for another request. From an HTML form, a page listing the fields to correct.',
  ),
  428: problemResponse(
    'A JSON write from a browser without a valid, unused proof of work: nothing recorded; solve a new puzzle and send again.',
  ),
  429: problemResponse('Too many submissions from this IP or for this email; see Retry-After.'),
} satisfies Responses;

/** One of an OSDI helper's schemas, with its name in the document. */
type Named = [name: string, schema: z.ZodType];

/**
 * An OSDI helper (signup, signature, RSVP: http/helper-answer.ts): JSON or a plain form in, a
 * receipt (or, for staff, the resource) or a redirect to a thank-you page out, and every way the
 * write path (http/body.ts, http/write.ts) refuses one.
 */
export function helperRoute(helper: {
  summary: string;
  submission: Named;
  receipt: Named;
  resource: Named;
  parameters?: Parameter[];
  responses?: Responses;
}): Description {
  const [receiptName, receipt] = helper.receipt;
  const [resourceName, resource] = helper.resource;
  return {
    summary: helper.summary,
    description:
      'A caller with a staff token (`OSDI-API-Token` or `Authorization: Bearer`) is answered the resource recorded, in full, with `Location`; anyone else, a receipt that reveals nothing on file. A token that is not valid is refused with 401 and nothing is written.',
    parameters: [...(helper.parameters ?? []), idempotencyKey],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: requestSchema(...helper.submission) },
        'application/x-www-form-urlencoded': { schema: formSchema },
      },
    },
    responses: {
      201: halResponse(
        'Recorded (or already recorded: the answer is the same): the receipt, or for staff the resource.',
        `${receiptName}Or${resourceName}`,
        z.union([receipt.meta({ id: receiptName }), resource.meta({ id: resourceName })]),
      ),
      303: { description: 'From an HTML form: recorded; go to the thank-you page.' },
      ...writeRefusals,
      401: problemResponse('A staff token was sent and is not valid; nothing was written.'),
      ...helper.responses,
    },
  };
}

/** Staff routes: the session or key they ask for, and the role (staff/require-staff.ts). */
export const staffOnly: Description = {
  security: [{ staffSession: [] }, { osdiToken: [] }, { bearer: [] }],
  responses: {
    401: problemResponse(
      'Not signed in and no API key, a key that is not valid or revoked, or a session that has ended.',
    ),
    403: problemResponse(
      'The role does not allow this (`role-not-allowed`, `outside-scope`), a read key’s write (`read-only-key`), or a write with the session cookie from another site’s page (`cross-site`).',
    ),
  },
};

/**
 * A middleware that describes what it adds to every route it guards; hono-openapi reads the
 * description from the middleware as it does from `describeRoute`, so a route is described as
 * guarded by being guarded, and a middleware used on a whole sub-app describes each of its routes.
 */
export function describedMiddleware<Middleware extends MiddlewareHandler>(
  middleware: Middleware,
  spec: Description,
): Middleware {
  const property: HandlerUniqueProperty = { spec };
  return Object.assign(middleware, { [uniqueSymbol]: property });
}

/**
 * Rally's own link relations, which the `rally` curie of every answer points into
 * (`…/openapi.json#/x-rally-relations/{rel}`), so a HAL client can show what one means.
 */
const rallyRelations = {
  spotlights: 'The member-spotlight feed, newest first, paged; each spotlight links to itself.',
  dues: 'What members may pay in dues, and the checkout that signs them up (dues.md).',
  reports: 'The staff summary report: new members, signatures, RSVPs, who came, dues.',
  openapi: 'This document.',
  health: '200 when the API and its database answer, else 503.',
  calendar: 'The event as an iCalendar file, in its time zone.',
  cancel:
    'The signed link that cancels an RSVP without a login: GET shows a confirmation page, POST cancels.',
};

/** Any route: the error handler's answer (app.ts) when the database or a service fails. */
const everyRoute = {
  503: problemResponse(
    'The service could not complete this request (its database or a service it needs is away); nothing was recorded. See Retry-After.',
  ),
} satisfies Responses;

/** Any write, whatever it writes: the origin check (http/origins.ts) and the body limit (http/body-limit.ts). */
const everyWrite = {
  403: problemResponse(
    'The page’s origin is not allowed to write (`origin-not-allowed`). From an HTML form, a page saying so.',
  ),
  413: problemResponse('The body is larger than the API takes: 64 KB (a Stripe event, 1 MB).'),
  ...everyRoute,
} satisfies Responses;

/** The document of `app`, from the descriptions of the routes it serves. */
export async function openApiDocument<E extends Env, S extends Schema, P extends string>(
  app: Hono<E, S, P>,
  organization: string,
) {
  const document = await generateSpecs(app, {
    documentation: {
      info: {
        title: `Rally API — ${organization}`,
        version: '1.0.0',
        description:
          'OSDI 1.1-compatible actions for outreach widgets: join, sign, RSVP, spotlights. Writes accept JSON or plain HTML forms and honour Idempotency-Key. Every path answers the same with a trailing slash; an address holding a NUL or a broken character is refused with 400.',
      },
      servers: [{ url: '/' }],
      components: {
        parameters: {
          IdempotencyKey: {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', minLength: 1, maxLength: 255 },
            description:
              'Repeat a write safely: the same key replays the first answer for at least 24 hours.',
          },
        },
        securitySchemes: {
          staffSession: {
            type: 'apiKey',
            in: 'cookie',
            name: '__Host-rally_staff',
            description:
              'The staff console’s session (`rally_staff` on http://localhost), set by signing in; a write with it must come from the API’s own origin.',
          },
          osdiToken: { type: 'apiKey', in: 'header', name: 'OSDI-API-Token' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    // `openapi.json`, `people.csv` and `calendar.ics` are resources, not static files.
    excludeStaticFile: false,
    defaultOptions: {
      GET: { responses: everyRoute },
      POST: { responses: everyWrite },
      PUT: { responses: everyWrite },
      PATCH: { responses: everyWrite },
      DELETE: { responses: everyWrite },
    },
  });
  return {
    ...document,
    'x-rally-relations': Object.fromEntries(
      Object.entries(rallyRelations).map(([rel, description]) => [rel, { description }]),
    ),
  };
}
