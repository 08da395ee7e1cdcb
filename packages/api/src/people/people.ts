/**
 * People: the public signup helper (join), and for staff the OSDI people collection, one person's
 * record with their signatures and RSVPs, their export and their erasure on request.
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  apiBasePath,
  osdiPage,
  personReceipt,
  personResource as personSchema,
  personSignup,
  type PersonReceipt,
  type PersonResource,
} from '@rally/core';
import type { AppContext } from '../context.ts';
import { attendancesPage, attendancesPageResponse } from '../events/events.ts';
import { readSubmission } from '../http/body.ts';
import { halAnswer } from '../http/hal.ts';
import { helperAnswer } from '../http/helper-answer.ts';
import { HttpProblem } from '../http/problems.ts';
import { collectionAnswer } from '../http/paging.ts';
import { uuidPattern } from '../http/query.ts';
import { decoyId, type WriteResult } from '../http/write.ts';
import {
  dateFilter,
  halResponse,
  helperRoute,
  paging,
  pathParameter,
  problemResponse,
  syncFilter,
  unreadablePage,
} from '../openapi.ts';
import { signaturesPage, signaturesPageResponse } from '../petitions/petitions.ts';
import { newReferralCode } from '../referral-code.ts';
import { audit } from '../staff/audit.ts';
import { requireStaff } from '../staff/require-staff.ts';
import { personScope, requireInScope, type Staff } from '../staff/roles.ts';

interface PersonRow extends Record<string, unknown> {
  id: string;
  email: string;
  given_name: string | null;
  family_name: string | null;
  phone_numbers: unknown[];
  postal_addresses: unknown[];
  languages_spoken: string[];
  custom_fields: Record<string, string>;
  tags: string[];
  region: string | null;
  sector: string | null;
  source: string | null;
  website: string | null;
  referral_code: string;
  referred_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const people = new Hono<AppContext>();

const personId = pathParameter('id', 'Person id');
const noSuchPerson = problemResponse('No such person');

people.post(
  '/',
  describeRoute(
    helperRoute({
      summary: 'Person signup helper (join)',
      submission: ['PersonSignup', personSignup],
      receipt: ['PersonReceipt', personReceipt],
      resource: ['Person', personSchema],
    }),
  ),
  async (c) => {
    const submission = await readSubmission(c, personSignup);
    return helperAnswer<WriteResult>(c, submission, {
      fn: 'rally_signup_person',
      args: {},
      joins: true,
      outcome: 'joined',
      decoy: () => ({ person_id: decoyId(), referral_code: newReferralCode() }),
      // Only ids and the person's own referral code: never what was on file before.
      body: (result): PersonReceipt => ({
        identifiers: [`rally:${result.person_id}`],
        referral_code: result.referral_code,
        _links: { self: { href: personUrl(c.req.url, result.person_id) } },
      }),
      recorded: async (result) => {
        const [row] = await c.var.db.query<PersonRow>('select * from people where id = $1', [
          result.person_id,
        ]);
        return row && personResource(c.req.url, row);
      },
    });
  },
);

/** What a sync tool may ask for: people changed or created since it last looked, or one email. */
const peopleFilter = {
  modified_date: { column: 'p.updated_at', type: 'date' },
  created_date: { column: 'p.created_at', type: 'date' },
  email_address: { column: 'p.email', type: 'text' },
} as const;

people.get(
  '/',
  describeRoute({
    summary: 'People, OSDI-paged (staff)',
    parameters: [...paging, syncFilter(`${dateFilter}; email_address with eq`)],
    responses: {
      200: halResponse('A page of people', 'PersonPage', osdiPage('osdi:people', personSchema)),
      400: unreadablePage,
    },
  }),
  requireStaff,
  (c) => {
    const scope = personScope(c.var.staff, 'p', 1);
    return collectionAnswer<PersonRow, PersonResource>(
      c,
      'osdi:people',
      {
        table: 'people',
        select: 'select p.* from people p',
        alias: 'p',
        where: scope.where,
        params: scope.params,
        filter: peopleFilter,
      },
      (row) => personResource(c.req.url, row),
    );
  },
);

people.get(
  '/:id',
  describeRoute({
    summary: 'One person (staff)',
    parameters: [personId],
    responses: { 200: halResponse('The person', 'Person', personSchema), 404: noSuchPerson },
  }),
  requireStaff,
  async (c) => {
    const row = await findPerson(c.var.db, c.req.param('id'), c.var.staff);
    await audit(c, { action: 'person-viewed', subjectKind: 'person', subjectId: row.id });
    return halAnswer(c, personResource(c.req.url, row));
  },
);

/** The petitions a person signed and the events they RSVPed to, as OSDI collections. */
people.get(
  '/:id/signatures',
  describeRoute({
    summary: 'The petitions a person signed, oldest first, OSDI-paged (staff)',
    parameters: [personId, ...paging, syncFilter(dateFilter)],
    responses: { 200: signaturesPageResponse, 400: unreadablePage, 404: noSuchPerson },
  }),
  requireStaff,
  async (c) => {
    const row = await findPerson(c.var.db, c.req.param('id'), c.var.staff);
    return signaturesPage(c, 's.person_id = $1', row.id);
  },
);

people.get(
  '/:id/attendances',
  describeRoute({
    summary: 'The events a person RSVPed to, oldest first, OSDI-paged (staff)',
    parameters: [personId, ...paging, syncFilter(dateFilter)],
    responses: { 200: attendancesPageResponse, 400: unreadablePage, 404: noSuchPerson },
  }),
  requireStaff,
  async (c) => {
    const row = await findPerson(c.var.db, c.req.param('id'), c.var.staff);
    return attendancesPage(c, 'a.person_id = $1', row.id);
  },
);

/** Everything Rally holds about one person, for a data-access request. */
people.get(
  '/:id/export',
  describeRoute({
    summary: 'Everything held about one person (staff)',
    parameters: [personId],
    responses: {
      200: {
        description: 'The person, their consents, signatures and RSVPs, as a JSON file',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['person', 'consents', 'signatures', 'attendances'],
            },
          },
        },
      },
      404: noSuchPerson,
    },
  }),
  requireStaff,
  async (c) => {
    const { db } = c.var;
    const row = await findPerson(db, c.req.param('id'), c.var.staff);
    await audit(c, {
      action: 'export',
      subjectKind: 'person',
      subjectId: row.id,
      detail: { export: 'person' },
    });
    const [consents, signatures, attendances] = await Promise.all([
      db.query(
        'select text, version, given_at from consents where person_id = $1 order by given_at',
        [row.id],
      ),
      db.query(
        'select petition_id, comments, source, created_at from signatures where person_id = $1',
        [row.id],
      ),
      db.query(
        'select event_id, status, attended, source, created_at from attendances where person_id = $1',
        [row.id],
      ),
    ]);
    c.header('Content-Disposition', `attachment; filename="person-${row.id}.json"`);
    return c.json({ person: personResource(c.req.url, row), consents, signatures, attendances });
  },
);

/** Erases a person and everything tied to them; counters follow (signatures are uncounted). */
people.delete(
  '/:id',
  describeRoute({
    summary: 'Erase a person and their actions (staff)',
    parameters: [personId],
    responses: { 204: { description: 'Erased' }, 404: noSuchPerson },
  }),
  requireStaff,
  async (c) => {
    const row = await findPerson(c.var.db, c.req.param('id'), c.var.staff);
    await c.var.db.transaction(async (tx) => {
      // Free the places they held, moving the waitlist up, before the rows disappear.
      const held = await tx.query<{ id: string }>(
        `select id from attendances where person_id = $1 and status <> 'cancelled'`,
        [row.id],
      );
      for (const { id } of held) await tx.query('select rally_cancel_attendance($1)', [id]);
      await tx.query('delete from signatures where person_id = $1', [row.id]);
      await tx.query('delete from people where id = $1', [row.id]);
      // Only the id: the log outlives the person, and must hold nothing about them.
      await audit(
        c,
        { action: 'person-erased', subjectKind: 'person', subjectId: row.id },
        { db: tx },
      );
    });
    return c.body(null, 204);
  },
);

/** The person `id` names, if they are within the organizer's regions and sectors. */
async function findPerson(
  db: AppContext['Variables']['db'],
  id: string,
  staff: Staff,
): Promise<PersonRow> {
  const rows = uuidPattern.test(id)
    ? await db.query<PersonRow>('select * from people where id = $1', [id])
    : [];
  if (!rows[0]) throw new HttpProblem(404, `No person has the id ${id}.`);
  requireInScope(staff, rows[0]);
  return rows[0];
}

function personUrl(requestUrl: string, id: string): string {
  return new URL(`${apiBasePath}/people/${id}`, requestUrl).toString();
}

export function personResource(requestUrl: string, row: PersonRow): PersonResource {
  const self = personUrl(requestUrl, row.id);
  return {
    identifiers: [`rally:${row.id}`],
    origin_system: 'Rally',
    given_name: row.given_name,
    family_name: row.family_name,
    email_addresses: [{ address: row.email, primary: true }],
    phone_numbers: row.phone_numbers,
    postal_addresses: row.postal_addresses,
    languages_spoken: row.languages_spoken,
    custom_fields: row.custom_fields,
    created_date: row.created_at.toISOString(),
    modified_date: row.updated_at.toISOString(),
    tags: row.tags,
    region: row.region,
    sector: row.sector,
    source: row.source,
    website: row.website,
    referral_code: row.referral_code,
    referred_by: row.referred_by ? `rally:${row.referred_by}` : null,
    _links: {
      self: { href: self },
      'osdi:signatures': { href: `${self}/signatures` },
      'osdi:attendances': { href: `${self}/attendances` },
    },
  };
}
