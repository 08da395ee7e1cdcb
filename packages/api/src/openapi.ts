/**
 * The OpenAPI 3.1 description of the API, generated from the schemas in @rally/core: the same
 * schemas validate requests and type the answers, so the document cannot drift from the code.
 */
import {
  apiBasePath,
  attendanceAnswer,
  attendanceCheckIn,
  attendanceReceipt,
  attendanceResource,
  attendanceSubmission,
  duesCheckoutReceipt,
  duesCheckoutStatus,
  duesCheckoutSubmission,
  duesOptions,
  eventResource,
  locales,
  osdiPage,
  personReceipt,
  personResource,
  personSignup,
  petitionResource,
  problem,
  signatureReceipt,
  signatureResource,
  signatureSubmission,
  spotlightResource,
} from '@rally/core';
import { z } from 'zod';
import { formFields } from './http/body.ts';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const hal = (name: string) => ({ 'application/hal+json': { schema: ref(name) } });
const problemAnswer = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const writeProblems = {
  400: problemAnswer('The body is not valid JSON, or the Idempotency-Key header is malformed.'),
  403: problemAnswer('The page’s origin is not allowed to write.'),
  413: problemAnswer('The body is larger than 64 KB.'),
  415: problemAnswer('The body is neither JSON nor an HTML form.'),
  428: problemAnswer(
    'A JSON write from a browser without a valid, unused proof of work: nothing recorded; solve a new puzzle and send again.',
  ),
  422: problemAnswer(
    'Fields failed validation (each in `errors`), or the Idempotency-Key was reused.',
  ),
  429: problemAnswer('Too many submissions from this IP or for this email; see Retry-After.'),
};

const formSchema = {
  type: 'object',
  description:
    'The fields of a plain HTML form (no JavaScript). Add `redirect` for the thank-you page, `tag` (repeatable) and `custom_fields[key]`.',
  properties: Object.fromEntries(
    [...Object.entries(formFields), ['redirect', 'thank-you URL on an allowed origin']].map(
      ([field, target]) => [field, { type: 'string', description: `Maps to ${target}.` }],
    ),
  ),
};

function helper(summary: string, body: string, receipt: string, full: string) {
  return {
    summary,
    description:
      'A caller with a staff token (`OSDI-API-Token` or `Authorization: Bearer`) is answered the resource recorded, in full, with `Location`; anyone else, a receipt that reveals nothing on file. A token that is not valid is refused with 401 and nothing is written.',
    parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: ref(body) },
        'application/x-www-form-urlencoded': { schema: formSchema },
      },
    },
    responses: {
      201: {
        description:
          'Recorded (or already recorded: the answer is the same): the receipt, or for staff the resource.',
        content: { 'application/hal+json': { schema: { oneOf: [ref(receipt), ref(full)] } } },
      },
      401: problemAnswer('A staff token was sent and is not valid'),
      303: { description: 'From an HTML form: recorded; go to the thank-you page.' },
      ...writeProblems,
    },
  };
}

const staff = [{ osdiToken: [] }, { bearer: [] }];
const idParameter = (description: string) => [
  { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description },
];
const filters = ['region', 'sector', 'lang'].map((name) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string' },
}));
/** `lang` on one petition or event: the language to answer in, when it has been translated. */
const translation = {
  name: 'lang',
  in: 'query',
  required: false,
  schema: { type: 'string', enum: [...locales] },
  description:
    'Answer in this language when the content is written in it; `lang` in the answer says which.',
};
/** Every collection pages the same way: OSDI's `page` and `per_page`, and the API's `after`. */
const paging = [
  {
    name: 'page',
    in: 'query',
    schema: { type: 'integer', minimum: 1, default: 1 },
    description: 'Past the last page, the page is empty (and has no `next` link).',
  },
  {
    name: 'per_page',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
  },
  {
    name: 'after',
    in: 'query',
    schema: { type: 'string' },
    description:
      "Set by the API in a page's `next` link: the page starts after the record where the one before it ended.",
  },
];
/** OSDI's filter, for sync tools: what changed since they last looked. */
const syncFilter = (fields: string) => ({
  name: 'filter',
  in: 'query',
  description: `OData subset: ${fields}; a value in single quotes; conditions joined by \`and\`. Example: \`modified_date gt '2026-11-01'\`. A date alone is midnight UTC at its start (with \`eq\`, the whole day).`,
  schema: { type: 'string' },
});
const dateFilter = 'modified_date or created_date with eq, gt, ge, lt or le';
/** The answer of a collection: one page, its records under `_embedded`. */
const pageAnswer = (description: string, schema: string) => ({
  description,
  content: hal(schema),
});

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

const csvAnswer = {
  200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
};

export function openApiDocument(organization: string) {
  const p = apiBasePath;
  return {
    openapi: '3.1.0',
    info: {
      title: `Rally API — ${organization}`,
      version: '1.0.0',
      description:
        'OSDI 1.1-compatible actions for outreach widgets: join, sign, RSVP, spotlights. Writes accept JSON or plain HTML forms and honour Idempotency-Key.',
    },
    servers: [{ url: '/' }],
    'x-rally-relations': Object.fromEntries(
      Object.entries(rallyRelations).map(([rel, description]) => [rel, { description }]),
    ),
    paths: {
      '/healthz': {
        get: {
          summary: 'Service and database health',
          responses: {
            200: { description: 'Healthy' },
            503: { description: 'Database unavailable' },
          },
        },
      },
      [p]: {
        get: {
          summary: 'OSDI entry point',
          description:
            'Every path answers the same with a trailing slash (`/api/v1/`, `/api/v1/petitions/`).',
          responses: { 200: { description: 'Links to every resource, and the curies' } },
        },
      },
      [`${p}/openapi.json`]: {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
      },
      [`${p}/challenge`]: {
        get: {
          summary: 'A proof-of-work puzzle for a widget to solve before it writes',
          description:
            'ALTCHA’s open format (SHA-256), valid 30 minutes, never cached; its answer goes in the write’s `altcha` field. Callers without a browser are not asked for one.',
          responses: { 200: { description: 'The puzzle' } },
        },
      },
      [`${p}/people`]: {
        post: helper('Person signup helper (join)', 'PersonSignup', 'PersonReceipt', 'Person'),
        get: {
          summary: 'People, OSDI-paged (staff)',
          security: staff,
          parameters: [...paging, syncFilter(`${dateFilter}; email_address with eq`)],
          responses: {
            200: pageAnswer('A page of people', 'PersonPage'),
            400: problemAnswer('A filter it cannot read'),
            401: problemAnswer('No valid token'),
          },
        },
      },
      [`${p}/people/{id}`]: {
        get: {
          summary: 'One person (staff)',
          security: staff,
          parameters: idParameter('Person id'),
          responses: {
            200: { description: 'The person', content: hal('Person') },
            404: problemAnswer('No such person'),
          },
        },
        delete: {
          summary: 'Erase a person and their actions (staff)',
          security: staff,
          parameters: idParameter('Person id'),
          responses: { 204: { description: 'Erased' }, 404: problemAnswer('No such person') },
        },
      },
      [`${p}/people/{id}/signatures`]: {
        get: {
          summary: 'The petitions a person signed, oldest first, OSDI-paged (staff)',
          security: staff,
          parameters: [...idParameter('Person id'), ...paging, syncFilter(dateFilter)],
          responses: {
            200: pageAnswer(
              'A page of signatures, each under `_embedded["osdi:signatures"]`',
              'SignaturePage',
            ),
            400: problemAnswer('A filter it cannot read'),
            401: problemAnswer('No valid token'),
            404: problemAnswer('No such person'),
          },
        },
      },
      [`${p}/people/{id}/attendances`]: {
        get: {
          summary: 'The events a person RSVPed to, oldest first, OSDI-paged (staff)',
          security: staff,
          parameters: [...idParameter('Person id'), ...paging, syncFilter(dateFilter)],
          responses: {
            200: pageAnswer(
              'A page of RSVPs, each under `_embedded["osdi:attendances"]`',
              'AttendancePage',
            ),
            400: problemAnswer('A filter it cannot read'),
            401: problemAnswer('No valid token'),
            404: problemAnswer('No such person'),
          },
        },
      },
      [`${p}/people/{id}/export`]: {
        get: {
          summary: 'Everything held about one person (staff)',
          security: staff,
          parameters: idParameter('Person id'),
          responses: { 200: { description: 'JSON export' } },
        },
      },
      [`${p}/petitions`]: {
        get: {
          summary: 'Petitions, oldest first, OSDI-paged',
          parameters: [...paging, translation, syncFilter(dateFilter)],
          responses: {
            200: pageAnswer('A page of petitions with their counts', 'PetitionPage'),
            400: problemAnswer('A filter it cannot read'),
          },
        },
      },
      [`${p}/petitions/{id}`]: {
        get: {
          summary: 'One petition',
          parameters: [...idParameter('Petition id (its content file name)'), translation],
          responses: {
            200: { description: 'The petition', content: hal('Petition') },
            404: problemAnswer('No such petition'),
          },
        },
      },
      [`${p}/petitions/{id}/signatures`]: {
        get: {
          summary: 'The petition’s signatures, oldest first, OSDI-paged (staff)',
          security: staff,
          parameters: [...idParameter('Petition id'), ...paging, syncFilter(dateFilter)],
          responses: {
            200: pageAnswer(
              'A page of signatures, each under `_embedded["osdi:signatures"]`',
              'SignaturePage',
            ),
            400: problemAnswer('A filter it cannot read'),
            401: problemAnswer('No valid token'),
            404: problemAnswer('No such petition'),
          },
        },
        post: {
          ...helper(
            'Record signature helper',
            'SignatureSubmission',
            'SignatureReceipt',
            'Signature',
          ),
          parameters: [
            ...idParameter('Petition id'),
            { $ref: '#/components/parameters/IdempotencyKey' },
          ],
          responses: {
            ...helper('', 'SignatureSubmission', 'SignatureReceipt', 'Signature').responses,
            404: problemAnswer('No such petition'),
            409: problemAnswer('The petition is closed'),
          },
        },
      },
      [`${p}/petitions/{id}/signatures/{signature}`]: {
        get: {
          summary: 'One signature (staff)',
          security: staff,
          parameters: [
            ...idParameter('Petition id'),
            { name: 'signature', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            200: { description: 'The signature', content: hal('Signature') },
            401: problemAnswer('No valid token'),
            404: problemAnswer('No such petition, or no such signature of it'),
          },
        },
      },
      [`${p}/events`]: {
        get: {
          summary: 'Upcoming events, soonest first, OSDI-paged',
          parameters: [
            ...filters,
            {
              name: 'include',
              in: 'query',
              required: false,
              schema: { type: 'string', enum: ['past'] },
              description:
                '`past`: events that are over too, soonest first among all (staff: send your token).',
            },
            ...paging,
            syncFilter(dateFilter),
          ],
          responses: {
            200: pageAnswer('A page of events', 'EventPage'),
            400: problemAnswer('A filter it cannot read'),
            401: problemAnswer('`include=past` without a valid staff token'),
          },
        },
      },
      [`${p}/events/{id}`]: {
        get: {
          summary: 'One event',
          parameters: [...idParameter('Event id'), translation],
          responses: {
            200: { description: 'The event', content: hal('Event') },
            404: problemAnswer('No such event'),
          },
        },
      },
      [`${p}/events/{id}/calendar.ics`]: {
        get: {
          summary: 'The event as iCalendar',
          parameters: idParameter('Event id'),
          responses: {
            200: {
              description: 'iCalendar',
              content: { 'text/calendar': { schema: { type: 'string' } } },
            },
          },
        },
      },
      [`${p}/events/{id}/attendances`]: {
        get: {
          summary: 'The event’s RSVPs, oldest first, OSDI-paged (staff)',
          security: staff,
          parameters: [...idParameter('Event id'), ...paging, syncFilter(dateFilter)],
          responses: {
            200: pageAnswer(
              'A page of RSVPs, each under `_embedded["osdi:attendances"]`',
              'AttendancePage',
            ),
            400: problemAnswer('A filter it cannot read'),
            401: problemAnswer('No valid token'),
            404: problemAnswer('No such event'),
          },
        },
        post: {
          ...helper(
            'Record attendance helper (RSVP)',
            'AttendanceSubmission',
            'AttendanceReceipt',
            'AttendanceAnswer',
          ),
          parameters: [
            ...idParameter('Event id'),
            { $ref: '#/components/parameters/IdempotencyKey' },
          ],
          responses: {
            ...helper('', 'AttendanceSubmission', 'AttendanceReceipt', 'AttendanceAnswer')
              .responses,
            404: problemAnswer('No such event'),
            409: problemAnswer('The event is over'),
          },
        },
      },
      [`${p}/events/{id}/attendances/{attendance}`]: {
        parameters: [
          ...idParameter('Event id'),
          { name: 'attendance', in: 'path', required: true, schema: { type: 'string' } },
        ],
        get: {
          summary: 'One RSVP (staff)',
          security: staff,
          responses: {
            200: { description: 'The RSVP', content: hal('Attendance') },
            401: problemAnswer('No valid token'),
            404: problemAnswer('No such event, or no such RSVP for it'),
          },
        },
        put: {
          summary: 'Record whether the person came (staff)',
          security: staff,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('AttendanceCheckIn') } },
          },
          responses: {
            200: { description: 'The RSVP as recorded', content: hal('Attendance') },
            400: problemAnswer('The body is not valid JSON.'),
            401: problemAnswer('No valid token'),
            404: problemAnswer('No such event, or no such RSVP for it'),
            415: problemAnswer('The body is not JSON.'),
            422: problemAnswer('`attended` is missing or not true, false or null'),
          },
        },
      },
      [`${p}/events/{id}/attendances/{attendance}/cancel`]: {
        parameters: [
          ...idParameter('Event id'),
          {
            name: 'attendance',
            in: 'path',
            required: true,
            schema: { type: 'string', format: 'uuid' },
          },
          {
            name: 'token',
            in: 'query',
            required: true,
            schema: { type: 'string' },
            description: 'Signature from the RSVP answer’s rally:cancel link',
          },
        ],
        get: {
          summary: 'Page asking to confirm the cancellation',
          responses: { 200: { description: 'HTML page' }, 403: problemAnswer('Forged link') },
        },
        post: {
          summary: 'Cancel the RSVP; the first waitlisted person moves up',
          responses: { 200: { description: 'Cancelled' }, 403: problemAnswer('Forged link') },
        },
      },
      [`${p}/spotlights`]: {
        get: {
          summary: 'Member spotlights for the carousel, newest first, OSDI-paged',
          parameters: [
            ...filters,
            ...paging,
            syncFilter('modified_date with eq, gt, ge, lt or le'),
          ],
          responses: {
            200: pageAnswer('A page of spotlights', 'SpotlightPage'),
            400: problemAnswer('A filter it cannot read'),
          },
        },
      },
      [`${p}/spotlights/{id}`]: {
        get: {
          summary: 'One member spotlight',
          parameters: [...idParameter('Spotlight id (its content file name)'), translation],
          responses: {
            200: { description: 'The spotlight', content: hal('Spotlight') },
            404: problemAnswer('No such spotlight'),
          },
        },
      },
      [`${p}/dues`]: {
        get: {
          summary: 'What a member may pay: tiers, minimum, schedules, currency',
          parameters: [translation],
          responses: {
            200: {
              description: 'The dues choices; `available` is false until Stripe is set up',
              content: { 'application/json': { schema: ref('DuesOptions') } },
            },
          },
        },
      },
      [`${p}/dues/checkouts`]: {
        post: {
          summary: 'Open an embedded Stripe Checkout Session for a member’s dues',
          description:
            'Signs the person up like the person signup helper, checks the amount against the configuration, and returns the client secret for Stripe.js. Paying makes nobody dues-paying: only the verified webhook does.',
          parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }, translation],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref('DuesCheckoutSubmission') } },
          },
          responses: {
            201: {
              description: 'Opened (or, for the same Idempotency-Key, the same session again)',
              content: { 'application/json': { schema: ref('DuesCheckoutReceipt') } },
            },
            ...writeProblems,
            415: problemAnswer('Not JSON: dues are paid through the widget'),
            503: problemAnswer('Dues are not set up, or Stripe could not open the session'),
          },
        },
      },
      [`${p}/dues/checkouts/{id}`]: {
        get: {
          summary: 'Whether Stripe confirmed this checkout’s payment yet',
          parameters: idParameter('Checkout Session id'),
          responses: {
            200: {
              description: '`waiting` or `confirmed`',
              content: { 'application/json': { schema: ref('DuesCheckoutStatus') } },
            },
            404: problemAnswer('No such checkout'),
          },
        },
      },
      [`${p}/dues/checkouts/{id}/portal`]: {
        post: {
          summary: 'A Stripe billing-portal session for the member who paid',
          description:
            'Works for 24 hours after a confirmed payment. Body: optional `return_url` on an allowed origin.',
          parameters: idParameter('Checkout Session id'),
          responses: {
            200: { description: '`url` of the billing portal' },
            404: problemAnswer('No such checkout'),
            409: problemAnswer('Not confirmed by Stripe yet'),
            410: problemAnswer('More than 24 hours after paying'),
          },
        },
      },
      [`${p}/stripe/webhook`]: {
        post: {
          summary: 'Stripe events (only Stripe calls this)',
          description:
            'Verified with the Stripe-Signature header and the webhook secret; each event is applied once, and an older event never overwrites a newer dues status.',
          parameters: [
            { name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' } },
          ],
          responses: {
            200: { description: 'Received: applied, a duplicate, or not about a Rally member' },
            400: problemAnswer('Missing or wrong signature; nothing changed'),
            503: problemAnswer('Dues are not set up (no webhook secret)'),
          },
        },
      },
      [`${p}/reports/summary`]: {
        get: {
          summary: 'Staff summary report',
          security: staff,
          responses: {
            200: { description: 'Measures by week, region, sector, source and referrer' },
          },
        },
      },
      [`${p}/reports/people.csv`]: {
        get: { summary: 'People as CSV (staff)', security: staff, responses: csvAnswer },
      },
      [`${p}/reports/petitions/{id}/signatures.csv`]: {
        get: {
          summary: 'A petition’s signatures as CSV (staff)',
          security: staff,
          parameters: idParameter('Petition id'),
          responses: csvAnswer,
        },
      },
      [`${p}/reports/events/{id}/attendances.csv`]: {
        get: {
          summary: 'An event’s RSVPs as CSV (staff)',
          security: staff,
          parameters: idParameter('Event id'),
          responses: csvAnswer,
        },
      },
    },
    components: {
      schemas: {
        PersonSignup: jsonSchema(personSignup, 'input'),
        SignatureSubmission: jsonSchema(signatureSubmission, 'input'),
        AttendanceSubmission: jsonSchema(attendanceSubmission, 'input'),
        PersonReceipt: jsonSchema(personReceipt, 'output'),
        SignatureReceipt: jsonSchema(signatureReceipt, 'output'),
        AttendanceReceipt: jsonSchema(attendanceReceipt, 'output'),
        AttendanceCheckIn: jsonSchema(attendanceCheckIn, 'input'),
        Attendance: jsonSchema(attendanceResource, 'output'),
        AttendanceAnswer: jsonSchema(attendanceAnswer, 'output'),
        Signature: jsonSchema(signatureResource, 'output'),
        Person: jsonSchema(personResource, 'output'),
        Petition: jsonSchema(petitionResource, 'output'),
        Event: jsonSchema(eventResource, 'output'),
        Spotlight: jsonSchema(spotlightResource, 'output'),
        PetitionPage: jsonSchema(osdiPage('osdi:petitions', petitionResource), 'output'),
        EventPage: jsonSchema(osdiPage('osdi:events', eventResource), 'output'),
        SpotlightPage: jsonSchema(osdiPage('rally:spotlights', spotlightResource), 'output'),
        SignaturePage: jsonSchema(osdiPage('osdi:signatures', signatureResource), 'output'),
        AttendancePage: jsonSchema(osdiPage('osdi:attendances', attendanceResource), 'output'),
        PersonPage: jsonSchema(osdiPage('osdi:people', personResource), 'output'),
        DuesOptions: jsonSchema(duesOptions, 'output'),
        DuesCheckoutSubmission: jsonSchema(duesCheckoutSubmission, 'input'),
        DuesCheckoutReceipt: jsonSchema(duesCheckoutReceipt, 'output'),
        DuesCheckoutStatus: jsonSchema(duesCheckoutStatus, 'output'),
        Problem: jsonSchema(problem, 'output'),
      },
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
        osdiToken: { type: 'apiKey', in: 'header', name: 'OSDI-API-Token' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
