/**
 * What the staff console's People screen asks of the API, beside the OSDI people routes
 * (people.ts): finding a person by name or email, their timeline, logging a one-on-one
 * conversation, and correcting their contact details. Admins and organizers (an organizer within
 * their regions and sectors) and API keys; never communications or partner staff. Each view of a
 * person, each conversation and each correction is in the audit log, by ids and field names only.
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  conversation as conversationSchema,
  conversationRequest,
  personCorrection,
  personResource as personSchema,
  personSearchPage,
  personTimeline as timelineSchema,
  type Conversation,
  type PersonCorrection,
  type PersonSearchPage,
  type PersonTimeline,
} from '@rally/core';
import type { AppContext } from '../context.ts';
import { sqlState } from '../database.ts';
import { readJson } from '../http/body.ts';
import { halAnswer } from '../http/hal.ts';
import { HttpProblem } from '../http/problems.ts';
import { boundedInteger } from '../http/query.ts';
import { onceForKey, staffWriteAnswer } from '../http/staff-writes.ts';
import {
  halResponse,
  idempotencyKey,
  jsonResponse,
  pathParameter,
  problemResponse,
  queryParameter,
  requestSchema,
} from '../openapi.ts';
import { audit } from '../staff/audit.ts';
import { requireStaff } from '../staff/require-staff.ts';
import { findPerson, personResource, type PersonRow } from './person-record.ts';
import { searchPeople } from './search.ts';
import { personTimeline } from './timeline.ts';

export const personConsole = new Hono<AppContext>();

const personId = pathParameter('id', 'Person id', 'uuid');
const noSuchPerson = problemResponse(
  'No such person, or, for an organizer, one outside their regions or sectors: the same 404',
);
const unreadableBody = {
  400: problemResponse('The body is not valid JSON.'),
  415: problemResponse('The body is not JSON.'),
};

personConsole.get(
  '/search',
  describeRoute({
    summary: 'Find people by name or email (staff)',
    description:
      'Every word of `q` must appear in the given name, family name or email; an exact email comes first, then by family and given name. An organizer finds only the people within their regions and sectors (and those with none recorded).',
    parameters: [
      {
        ...queryParameter('q', 'Words of a name or an email; one of three letters or more.'),
        required: true,
      },
      queryParameter('page', 'Which page of the matches.', {
        type: 'integer',
        minimum: 1,
        default: 1,
      }),
      queryParameter('per_page', 'Matches a page.', {
        type: 'integer',
        minimum: 1,
        maximum: 100,
        default: 20,
      }),
    ],
    responses: {
      200: jsonResponse('A page of the people found', 'PersonSearchPage', personSearchPage),
      400: problemResponse(
        '`q` has no word of three letters, or `page` or `per_page` cannot be read',
      ),
    },
  }),
  requireStaff,
  async (c) => {
    const q = c.req.query('q') ?? '';
    const page = boundedInteger(c.req.query('page'), 1, 1, 1000, 'page');
    const perPage = boundedInteger(c.req.query('per_page'), 20, 1, 100, 'per_page');
    // One more than a page: whether there is a next one, without counting every match.
    const found = await searchPeople(c.var.db, q, perPage + 1, {
      offset: (page - 1) * perPage,
      staff: c.var.staff,
    });
    const answer: PersonSearchPage = {
      q,
      page,
      per_page: perPage,
      more: found.length > perPage,
      people: found
        .slice(0, perPage)
        .map(({ id, given_name, family_name, email, region, sector, member }) => ({
          id,
          given_name,
          family_name,
          email,
          region,
          sector,
          member,
        })),
    };
    // Who was found is personal data: recorded, with the query's length only, never its words.
    await audit(c, {
      action: 'people-listed',
      detail: {
        list: c.req.path,
        query_length: q.length,
        page,
        per_page: perPage,
        rows: answer.people.length,
      },
    });
    return c.json(answer);
  },
);

personConsole.get(
  '/:id/timeline',
  describeRoute({
    summary: 'A person’s timeline, newest first (staff)',
    description:
      'Added and joined, consents (their exact text and version), signatures, RSVPs, whether they came, dues payments and membership changes, one-on-one conversations: each with its `kind`, its time `at` and what it holds. Recorded in the audit log as a view of the person.',
    parameters: [personId],
    responses: {
      200: jsonResponse('The person and their timeline', 'PersonTimeline', timelineSchema),
      403: noSuchPerson,
      404: noSuchPerson,
    },
  }),
  requireStaff,
  async (c) => {
    const { db } = c.var;
    const row = await findPerson(db, c.req.param('id'), c.var.staff);
    await audit(c, {
      action: 'person-viewed',
      subjectKind: 'person',
      subjectId: row.id,
      detail: { view: 'timeline' },
    });
    const answer: PersonTimeline = {
      person: {
        id: row.id,
        given_name: row.given_name,
        family_name: row.family_name,
        email: row.email,
        region: row.region,
        sector: row.sector,
      },
      entries: await personTimeline(db, row.id),
    };
    return c.json(answer);
  },
);

/** Today, as a day written 2026-11-01, where the day is latest on Earth (UTC+14). */
function latestToday(): string {
  return new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
}

personConsole.post(
  '/:id/conversations',
  describeRoute({
    summary: 'Log a one-on-one conversation with a person (staff)',
    description:
      'The organizer is who is signed in (an API key is recorded by its name, without an account). Listed in the person’s timeline; recorded in the audit log by its id only.',
    parameters: [personId, idempotencyKey],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: requestSchema('ConversationRequest', conversationRequest) },
      },
    },
    responses: {
      201: jsonResponse('The conversation as recorded', 'Conversation', conversationSchema),
      ...unreadableBody,
      400: problemResponse('The body is not valid JSON, or the Idempotency-Key is malformed.'),
      403: noSuchPerson,
      404: noSuchPerson,
      422: problemResponse(
        '`held_on` is missing, not a day or after today, or `assessment` is not a whole number from 1 to 5 (`errors` names each field); or the Idempotency-Key was used for another request',
      ),
    },
  }),
  requireStaff,
  async (c) => {
    const { db, staff } = c.var;
    const row = await findPerson(db, c.req.param('id'), staff);
    const request = await readJson(c, conversationRequest);
    if (request.held_on > latestToday()) {
      throw new HttpProblem(
        422,
        'A conversation is logged once it was held: held_on is after today.',
        {
          errors: [
            {
              path: 'held_on',
              code: 'invalid',
              message: 'Give the day it was held, today or before.',
            },
          ],
        },
      );
    }
    // Logged from a phone on a poor signal, it may be sent again: once per Idempotency-Key.
    const answer = await onceForKey(c, request, async (tx) => {
      const [logged] = await tx.query<Conversation & { created_at: Date }>(
        `insert into conversations (person_id, organizer_id, organizer_name, held_on, notes, assessment)
         values ($1, $2, $3, $4, $5, $6)
         returning id, person_id, organizer_id, organizer_name, held_on::text as held_on, notes,
                   assessment, created_at`,
        [
          row.id,
          // A key has an id of its own, not an account's: only a session names an organizer.
          staff.kind === 'session' ? staff.id : null,
          staff.name,
          request.held_on,
          request.notes || null,
          request.assessment ?? null,
        ],
      );
      await audit(
        c,
        {
          action: 'conversation-logged',
          subjectKind: 'person',
          subjectId: row.id,
          detail: { conversation: logged!.id },
        },
        { db: tx },
      );
      const body: Conversation = {
        ...logged!,
        created_at: new Date(logged!.created_at).toISOString(),
      };
      return { status: 201, body };
    });
    return staffWriteAnswer(c, answer);
  },
);

/** The columns a correction writes, and how each is stored. */
const correctable: Record<
  Exclude<keyof PersonCorrection, 'email_addresses'> | 'email',
  { cast: string }
> = {
  given_name: { cast: 'text' },
  family_name: { cast: 'text' },
  email: { cast: 'text' },
  phone_numbers: { cast: 'jsonb' },
  postal_addresses: { cast: 'jsonb' },
  languages_spoken: { cast: 'text[]' },
  custom_fields: { cast: 'jsonb' },
  region: { cast: 'text' },
  sector: { cast: 'text' },
};

personConsole.patch(
  '/:id',
  describeRoute({
    summary: 'Correct a person’s contact details (staff)',
    description:
      'What is sent replaces what is on file, as a staff sync does; what is left out stays; null (a name, a region, a sector) or an empty list clears it; `custom_fields` are merged by key. Recorded in the audit log with the names of the fields changed, never their values.',
    parameters: [personId],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: requestSchema('PersonCorrection', personCorrection) },
      },
    },
    responses: {
      200: halResponse('The person as corrected', 'Person', personSchema),
      ...unreadableBody,
      403: noSuchPerson,
      404: noSuchPerson,
      409: problemResponse('The email address is another person’s already'),
      422: problemResponse('A field cannot be stored, or none was sent; `errors` names each'),
    },
  }),
  requireStaff,
  async (c) => {
    const { db, staff } = c.var;
    const before = await findPerson(db, c.req.param('id'), staff);
    const correction = await readJson(c, personCorrection);
    const values: Partial<Record<keyof typeof correctable, unknown>> = {};
    for (const [field, value] of Object.entries(correction)) {
      if (field === 'email_addresses') {
        // None removes the address on file: a person may have none, as a walk-in may.
        values.email = (value as { address: string }[])[0]?.address.toLowerCase() ?? null;
      } else if (field === 'given_name' || field === 'family_name') {
        // An empty name is no name, as the signup helper stores it.
        values[field] = value || null;
      } else if (field === 'custom_fields') {
        values.custom_fields = { ...before.custom_fields, ...(value as Record<string, string>) };
      } else {
        values[field as keyof typeof correctable] = value;
      }
    }
    // An organizer keeps the people they correct within their own regions and sectors.
    for (const [field, allowed] of [
      ['region', staff.role === 'organizer' ? staff.regions : []],
      ['sector', staff.role === 'organizer' ? staff.sectors : []],
    ] as const) {
      const value = values[field];
      // No region (or sector) is everyone's scope: clearing it would hand the person to all.
      if (value === null && field in values && allowed.length > 0) {
        throw new HttpProblem(
          422,
          `You may not clear a person's ${field}: choose one of yours: ${allowed.join(', ')}.`,
          {
            errors: [
              { path: field, code: 'invalid', message: `Choose one of: ${allowed.join(', ')}.` },
            ],
          },
        );
      }
      if (typeof value === 'string' && allowed.length > 0 && !allowed.includes(value)) {
        throw new HttpProblem(422, `You may set a ${field} of yours only: ${allowed.join(', ')}.`, {
          errors: [
            { path: field, code: 'invalid', message: `Choose one of: ${allowed.join(', ')}.` },
          ],
        });
      }
    }
    // Only what differs from the record is written, and named in the audit log.
    const changed = (Object.keys(values) as (keyof typeof correctable)[]).filter(
      (field) => JSON.stringify(values[field]) !== JSON.stringify(before[field]),
    );
    if (changed.length === 0) {
      // Nothing to correct, but the record is answered in full: a view, recorded as one.
      await audit(c, {
        action: 'person-viewed',
        subjectKind: 'person',
        subjectId: before.id,
        detail: { correction: 'unchanged' },
      });
      return halAnswer(c, personResource(c.req.url, before));
    }
    let after: PersonRow | undefined;
    try {
      after = await db.transaction(async (tx) => {
        const [updated] = await tx.query<PersonRow>(
          `update people set ${changed
            .map((field, index) => `${field} = $${index + 2}::${correctable[field].cast}`)
            .join(', ')}, updated_at = now()
           where id = $1 returning *`,
          [
            before.id,
            ...changed.map((field) => {
              const value = values[field];
              return correctable[field].cast === 'jsonb' ? JSON.stringify(value) : value;
            }),
          ],
        );
        await audit(
          c,
          {
            action: 'person-corrected',
            subjectKind: 'person',
            subjectId: before.id,
            detail: { fields: changed },
          },
          { db: tx },
        );
        return updated;
      });
    } catch (error) {
      if (sqlState(error) === '23505' && changed.includes('email')) {
        throw new HttpProblem(
          409,
          'Another person already has this email address: look them up, and erase one record if they are the same person.',
          {
            errors: [
              {
                path: 'email_addresses.0.address',
                code: 'invalid',
                message: 'This address is another person’s.',
              },
            ],
          },
        );
      }
      throw error;
    }
    if (!after) throw new HttpProblem(404, `No person has the id ${before.id}.`);
    return halAnswer(c, personResource(c.req.url, after));
  },
);
