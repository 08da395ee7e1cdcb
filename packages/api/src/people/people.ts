/**
 * People: the public signup helper (join), and for staff the OSDI people collection, one person's
 * record with their signatures and RSVPs, their export and their erasure on request.
 */
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
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
import { collectionAnswer } from '../http/paging.ts';
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
import { personScope } from '../staff/roles.ts';
import { personConsole } from './console-routes.ts';
import { findPerson, personResource, personUrl, type PersonRow } from './person-record.ts';

export const people = new Hono<AppContext>();
// The console's search, a person's timeline, conversations and corrections; first, so that
// `/people/search` is not taken for a person's id.
people.route('/', personConsole);

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
        audited: true,
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
        description:
          'The person, their consents, signatures, RSVPs, one-on-one conversations and dues (membership, payments, checkouts), as a JSON file',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: [
                'person',
                'consents',
                'signatures',
                'attendances',
                'conversations',
                'dues',
              ],
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
    const [consents, signatures, attendances, conversations, memberships, payments, checkouts] =
      await Promise.all([
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
        db.query(
          `select id, held_on::text as held_on, organizer_name, notes, assessment, created_at
         from conversations where person_id = $1 order by held_on, created_at`,
          [row.id],
        ),
        db.query(
          `select status, amount, currency, interval, started_at, updated_at
         from dues_memberships where person_id = $1`,
          [row.id],
        ),
        db.query(
          'select amount, currency, status, paid_at from dues_payments where person_id = $1 order by paid_at',
          [row.id],
        ),
        db.query(
          `select tier, amount, currency, interval, created_at, confirmed_at
         from dues_checkouts where person_id = $1 order by created_at`,
          [row.id],
        ),
      ]);
    c.header('Content-Disposition', `attachment; filename="person-${row.id}.json"`);
    return c.json({
      person: personResource(c.req.url, row),
      consents,
      signatures,
      attendances,
      conversations,
      dues: { membership: memberships[0] ?? null, payments, checkouts },
    });
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
      // Consents, RSVPs, dues, referral aliases and one-on-one conversations go with the person
      // (their foreign keys cascade).
      await tx.query('delete from people where id = $1', [row.id]);
      // The answers kept for Idempotency-Key replays hold no column naming the person, but every
      // answer about them names their id: those go too, so no replay answers their record again.
      await tx.query('delete from idempotency_keys where strpos(response::text, $1) > 0', [row.id]);
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
