/**
 * Events: read from staff-written content; RSVPs through the OSDI record attendance helper, with a
 * waitlist past capacity, cancellation by signed link, and an iCalendar file for each event. Staff
 * list an event's RSVPs and record who came.
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  apiBasePath,
  attendanceAnswer as attendanceAnswerSchema,
  attendanceCheckIn,
  attendanceReceipt,
  attendanceResource,
  attendanceSubmission,
  eventResource,
  walkInRequest,
  osdiPage,
  type AttendanceAnswer,
  type AttendanceReceipt,
  type AttendanceResource,
  type EventResource,
} from '@rally/core';
import type { AppContext } from '../context.ts';
import { againAfterDeadlock, type Queryable } from '../database.ts';
import { readJson, readSubmission } from '../http/body.ts';
import { halAnswer } from '../http/hal.ts';
import { calledByStaff, helperAnswer } from '../http/helper-answer.ts';
import { trustedPage } from '../http/origins.ts';
import { collectionAnswer } from '../http/paging.ts';
import { cancelledPage, confirmCancelPage, pageLocale } from '../http/pages.ts';
import { HttpProblem } from '../http/problems.ts';
import { equalityFilters, uuidPattern } from '../http/query.ts';
import { onceForKey, staffWriteAnswer } from '../http/staff-writes.ts';
import { decoyId, idempotencyKey as sentIdempotencyKey, type WriteResult } from '../http/write.ts';
import {
  dateFilter,
  idempotencyKey,
  fileResponse,
  halResponse,
  helperRoute,
  pageResponse,
  paging,
  pathParameter,
  problemResponse,
  queryParameter,
  regionSectorFilters,
  requestSchema,
  syncFilter,
  translation,
} from '../openapi.ts';
import { emailAddresses } from '../people/person-record.ts';
import { newReferralCode } from '../referral-code.ts';
import { requireStaff } from '../staff/require-staff.ts';
import { personIdScope, personScope, withinStaffScope, type Staff } from '../staff/roles.ts';
import { signLink, verifyLink } from '../signed-links.ts';
import { published, publishedOnly } from '../unpublished.ts';
import { inLanguage, type Translatable } from '../translated.ts';
import { eventCalendar } from './calendar.ts';
import { recordWalkIn } from './walk-ins.ts';

export interface EventRow extends Record<string, unknown>, Translatable {
  id: string;
  title: string;
  description: string;
  start_at: Date;
  end_at: Date;
  timezone: string;
  location: {
    venue: string;
    address_lines: string[];
    locality: string;
    region?: string;
    postal_code?: string;
  } | null;
  online_url: string | null;
  capacity: number | null;
  lang: string;
  region: string | null;
  sector: string | null;
  accepted_count: number;
  waitlist_count: number;
  created_at: Date;
  updated_at: Date;
}

/** An RSVP with the name and email of the person who made it. */
interface AttendanceRow extends Record<string, unknown> {
  id: string;
  event_id: string;
  person_id: string;
  status: 'accepted' | 'waitlisted' | 'cancelled';
  attended: boolean | null;
  created_at: Date;
  updated_at: Date;
  given_name: string | null;
  family_name: string | null;
  /** None for a walk-in added at the door without one. */
  email: string | null;
}

interface AttendanceResult extends WriteResult {
  attendance_id: string;
  event_id: string;
  status: 'accepted' | 'waitlisted';
}

export const events = new Hono<AppContext>();

/** What an RSVP may be: coming, waiting for a place, or no longer coming. */
const rsvpStatuses = ['accepted', 'waitlisted', 'cancelled'] as const;

/** What changed in the events staff write, for a tool that keeps a copy of them. */
const contentFilter = {
  modified_date: { column: 'updated_at', type: 'date' },
  created_date: { column: 'created_at', type: 'date' },
} as const;

const eventId = pathParameter('id', 'Event id (its content file name)');
const attendanceId = pathParameter('attendance', 'RSVP id', 'uuid');
const noSuchEvent = problemResponse('No such event');
const noSuchAttendance = problemResponse('No such event, or no such RSVP for it');

/**
 * Events soonest first, paged like every OSDI collection: those still to come, or with
 * `include=past` and a staff token, those that are over too (staff read who came to them).
 */
events.get(
  '/',
  describeRoute({
    summary: 'Upcoming events, soonest first, OSDI-paged',
    parameters: [
      ...regionSectorFilters,
      queryParameter('lang', 'Only those written in this language.'),
      queryParameter(
        'include',
        '`past`: events that are over too, soonest first among all (staff: send your token).',
        { type: 'string', enum: ['past'] },
      ),
      ...paging,
      syncFilter(dateFilter),
    ],
    responses: {
      200: halResponse('A page of events', 'EventPage', osdiPage('osdi:events', eventResource)),
      400: problemResponse(
        '`include` is not `past`, or `page`, `per_page`, `after` or `filter` cannot be read',
      ),
      401: problemResponse('`include=past` without a valid staff token'),
    },
  }),
  async (c) => {
    const include = c.req.query('include');
    if (include !== undefined && include !== 'past') {
      throw new HttpProblem(400, 'include takes one value, past: events that are over, for staff.');
    }
    if (include === 'past' && !(await calledByStaff(c))) {
      throw new HttpProblem(401, 'Past events are listed for staff: send your API token.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="rally"' },
      });
    }
    const { conditions, params } = equalityFilters(c, ['region', 'sector', 'lang']);
    return collectionAnswer<EventRow, EventResource>(
      c,
      'osdi:events',
      {
        table: 'events',
        select: 'select e.* from events e',
        alias: 'e',
        where: [
          publishedOnly('e'),
          ...(include === 'past' ? [] : ['e.end_at > now()']),
          ...conditions,
        ],
        params,
        filter: contentFilter,
        order: { column: 'start_at', type: 'timestamptz' },
        ids: 'name',
      },
      (row) => toEventResource(c, row),
    );
  },
);

// `lang` on one event picks its translation; on the list it filters by the language it is held in.
events.get(
  '/:id',
  describeRoute({
    summary: 'One event',
    parameters: [eventId, translation],
    responses: { 200: halResponse('The event', 'Event', eventResource), 404: noSuchEvent },
  }),
  async (c) => {
    const id = c.req.param('id');
    const row = inLanguage(
      published(await findEvent(c.var.db, id), 'event', id),
      c.req.query('lang'),
    );
    return halAnswer(c, toEventResource(c, row));
  },
);

events.get(
  '/:id/calendar.ics',
  describeRoute({
    summary: 'The event as iCalendar',
    parameters: [
      eventId,
      translation,
      queryParameter(
        'page',
        'The event’s page the person found it on, linked from the calendar entry when it is on an allowed origin.',
      ),
    ],
    responses: { 200: fileResponse('iCalendar', 'text/calendar'), 404: noSuchEvent },
  }),
  async (c) => {
    const id = c.req.param('id');
    const row = inLanguage(
      published(await findEvent(c.var.db, id), 'event', id),
      c.req.query('lang'),
    );
    // The event's page where the person found it (the widget sends its page): a calendar links to
    // something a person can read, and only to a page of a site the API trusts.
    const page = trustedPage(c.req.query('page'), c.var.settings.allowedOrigins);
    return c.body(eventCalendar(row, page, c.var.settings.organization.name), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${row.id}.ics"`,
    });
  },
);

events.post(
  '/:id/attendances',
  describeRoute(
    helperRoute({
      summary: 'Record attendance helper (RSVP)',
      submission: ['AttendanceSubmission', attendanceSubmission],
      receipt: ['AttendanceReceipt', attendanceReceipt],
      resource: ['AttendanceAnswer', attendanceAnswerSchema],
      parameters: [eventId],
      responses: {
        404: noSuchEvent,
        409: problemResponse('The event is over; nothing was recorded'),
      },
    }),
  ),
  async (c) => {
    const id = c.req.param('id');
    const submission = await readSubmission(c, attendanceSubmission);
    return helperAnswer<AttendanceResult>(c, submission, {
      fn: 'rally_record_attendance',
      args: { event_id: id },
      outcome: 'rsvp',
      decoy: () => ({
        attendance_id: decoyId(),
        event_id: id,
        person_id: decoyId(),
        status: 'accepted',
        referral_code: newReferralCode(),
      }),
      body: (result): AttendanceReceipt => ({
        identifiers: [`rally:${result.attendance_id}`],
        status: result.status,
        referral_code: result.referral_code,
        _links: {
          self: { href: attendanceUrl(c, result.event_id, result.attendance_id) },
          'osdi:event': { href: eventUrl(c, result.event_id) },
          'osdi:person': {
            href: new URL(`${apiBasePath}/people/${result.person_id}`, c.req.url).toString(),
          },
          'rally:cancel': { href: cancelUrl(c, result.event_id, result.attendance_id) },
        },
      }),
      recorded: async (result): Promise<AttendanceAnswer | undefined> => {
        const [row] = await c.var.db.query<AttendanceRow>(`${rsvpsWithPeople} where a.id = $1`, [
          result.attendance_id,
        ]);
        if (!row) return undefined;
        const resource = toAttendanceResource(c, row);
        const cancel = { href: cancelUrl(c, row.event_id, row.id) };
        return { ...resource, _links: { ...resource._links, 'rally:cancel': cancel } };
      },
    });
  },
);

/** RSVPs as staff read them: each with the name and email of the person who made it. */
const rsvpsWithPeople = `select a.*, p.given_name, p.family_name, p.email
  from attendances a join people p on p.id = a.person_id`;

/** RSVPs a sync tool may ask for: those changed (a cancellation, a check-in) or made since. */
const attendancesFilter = {
  modified_date: { column: 'a.updated_at', type: 'date' },
  created_date: { column: 'a.created_at', type: 'date' },
} as const;

/** A page of RSVPs, as staff read them. */
export const attendancesPageResponse = halResponse(
  'A page of RSVPs, each under `_embedded["osdi:attendances"]`',
  'AttendancePage',
  osdiPage('osdi:attendances', attendanceResource),
);

/** The event's RSVPs, oldest first, for staff: a sign-in sheet at the door. */
events.get(
  '/:id/attendances',
  describeRoute({
    summary: 'The event’s RSVPs, oldest first, OSDI-paged (staff)',
    description:
      'Oldest first is the waitlist’s order too: with `status=waitlisted`, the first listed is the next to move up.',
    parameters: [
      eventId,
      queryParameter('status', 'Only the RSVPs of this status.', {
        type: 'string',
        enum: [...rsvpStatuses],
      }),
      ...paging,
      syncFilter(dateFilter),
    ],
    responses: {
      200: attendancesPageResponse,
      400: problemResponse(
        '`status` is not accepted, waitlisted or cancelled, or `page`, `per_page`, `after` or `filter` cannot be read',
      ),
      404: noSuchEvent,
    },
  }),
  requireStaff,
  async (c) => {
    const event = await findEvent(c.var.db, c.req.param('id'));
    const status = c.req.query('status');
    if (status !== undefined && !rsvpStatuses.includes(status as (typeof rsvpStatuses)[number])) {
      throw new HttpProblem(400, 'status must be accepted, waitlisted or cancelled.', {
        errors: [
          {
            path: 'query.status',
            code: 'invalid',
            message: 'Write accepted, waitlisted or cancelled.',
          },
        ],
      });
    }
    // The status is one of three words checked above, so it is written into the condition.
    return attendancesPage(
      c,
      status ? `a.event_id = $1 and a.status = '${status}'` : 'a.event_id = $1',
      event.id,
    );
  },
);

/**
 * A page of the RSVPs `where` picks (its one parameter is `$1`), oldest first, as an OSDI
 * collection that takes OSDI's filter: an event's, or a person's.
 */
export function attendancesPage(c: Context<AppContext>, where: string, param: string) {
  // An organizer sees the RSVPs of the people within their regions and sectors.
  const scope = personIdScope(c.var.staff, 'a.person_id', 2);
  return collectionAnswer<AttendanceRow, AttendanceResource>(
    c,
    'osdi:attendances',
    {
      table: 'attendances',
      select: rsvpsWithPeople,
      alias: 'a',
      where: [where, ...scope.where],
      params: [param, ...scope.params],
      audited: true,
      filter: attendancesFilter,
    },
    (row) => toAttendanceResource(c, row),
  );
}

events.get(
  '/:id/attendances/:attendance',
  describeRoute({
    summary: 'One RSVP (staff)',
    parameters: [eventId, attendanceId],
    responses: {
      200: halResponse('The RSVP', 'Attendance', attendanceResource),
      404: noSuchAttendance,
    },
  }),
  requireStaff,
  async (c) => {
    const { db } = c.var;
    const event = await findEvent(db, c.req.param('id'));
    const attendance = c.req.param('attendance');
    const scope = personScope(c.var.staff, 'p', 3);
    const [row] = uuidPattern.test(attendance)
      ? await db.query<AttendanceRow>(
          `${rsvpsWithPeople} where ${['a.id = $1', 'a.event_id = $2', ...scope.where].join(' and ')}`,
          [attendance, event.id, ...scope.params],
        )
      : [];
    return attendanceAnswer(c, event.id, attendance, row);
  },
);

/** Staff record whether the person came (`{"attended": true}`), or clear it with null. */
events.put(
  '/:id/attendances/:attendance',
  describeRoute({
    summary: 'Record whether the person came (staff)',
    description:
      'Send an Idempotency-Key from a queue that may send again: a replay is answered as the first was (`Idempotent-Replayed: true`) and changes nothing.',
    parameters: [eventId, attendanceId, idempotencyKey],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: requestSchema('AttendanceCheckIn', attendanceCheckIn) },
      },
    },
    responses: {
      200: halResponse('The RSVP as recorded', 'Attendance', attendanceResource),
      400: problemResponse('The body is not valid JSON, or the Idempotency-Key is malformed.'),
      404: noSuchAttendance,
      415: problemResponse('The body is not JSON.'),
      422: problemResponse(
        '`attended` is missing or not true, false or null, or the Idempotency-Key was used for another request',
      ),
    },
  }),
  requireStaff,
  async (c) => {
    const { db } = c.var;
    const event = await findEvent(db, c.req.param('id'));
    const attendance = c.req.param('attendance');
    const { attended } = await readJson(c, attendanceCheckIn);
    const scope = personScope(c.var.staff, 'p', 4);
    // Within the caller's scope first, so that a replay answers nothing an organizer may not see.
    const within = personScope(c.var.staff, 'p', 3);
    const reachable =
      uuidPattern.test(attendance) &&
      (
        await db.query(
          `select 1 from attendances a join people p on p.id = a.person_id
           where ${['a.id = $1', 'a.event_id = $2', ...within.where].join(' and ')}`,
          [attendance, event.id, ...within.params],
        )
      ).length > 0;
    if (!reachable) throw noRsvp(event.id, attendance);
    // The check-in screen sends again what it queued offline, under the same Idempotency-Key: a
    // replay is answered as recorded and changes nothing, even after a correction since.
    const answer = await onceForKey(c, { attended }, async (tx) => {
      const [row] = uuidPattern.test(attendance)
        ? await tx.query<AttendanceRow>(
            `update attendances a set attended = $3, updated_at = now()
           from people p
           where ${['a.id = $1', 'a.event_id = $2', 'p.id = a.person_id', ...scope.where].join(' and ')}
           returning a.*, p.given_name, p.family_name, p.email`,
            [attendance, event.id, attended, ...scope.params],
          )
        : [];
      if (!row) throw noRsvp(event.id, attendance);
      return { status: 200, body: toAttendanceResource(c, row) };
    });
    return staffWriteAnswer(c, answer, 'application/hal+json');
  },
);

/**
 * Someone who came without an RSVP, added at the door: the person (or the one on file with that
 * email, whose blanks it fills; without an email, with none) and their attendance, once per
 * Idempotency-Key.
 */
events.post(
  '/:id/walk-ins',
  describeRoute({
    summary: 'Add a walk-in: a person and their attendance, at the door (staff)',
    description:
      'Matches a person on file by email and fills only what is blank, or else adds them. Without an email they are added with none, matched to no one on file, and a replay under the same Idempotency-Key finds them again rather than adding them twice, even after the key is forgotten. Their RSVP, if they had one, becomes accepted and attended; else one is made, accepted and attended, whatever the capacity. Send an Idempotency-Key: a replay is answered as the first was, and counts once.',
    parameters: [eventId, idempotencyKey],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: requestSchema('WalkInRequest', walkInRequest) } },
    },
    responses: {
      201: halResponse(
        'The attendance as recorded; `Idempotent-Replayed: true` on a replay',
        'Attendance',
        attendanceResource,
      ),
      400: problemResponse('The body is not valid JSON, or the Idempotency-Key is malformed.'),
      404: noSuchEvent,
      415: problemResponse('The body is not JSON.'),
      422: problemResponse(
        'A field cannot be used (`errors` names each), or the Idempotency-Key was used for another request',
      ),
    },
  }),
  requireStaff,
  async (c) => {
    const id = c.req.param('id');
    const walkIn = await readJson(c, walkInRequest);
    const key = sentIdempotencyKey(c);
    // Someone on file outside an organizer's regions or sectors is not matched at the door: the
    // walk-in is refused as if there were no such person, saying nothing of where they are.
    if (walkIn.email !== undefined) {
      const [onFile] = await c.var.db.query<{ region: string | null; sector: string | null }>(
        'select region, sector from people where email = $1',
        [walkIn.email.toLowerCase()],
      );
      if (onFile && !withinStaffScope(c.var.staff, onFile)) {
        throw new HttpProblem(
          404,
          'No person you may see has this email: ask an admin to record this walk-in.',
          { errors: [{ path: 'email', code: 'invalid', message: 'Not a person you may see.' }] },
        );
      }
    }
    const answer = await onceForKey(c, walkIn, async (tx) => {
      const result = await recordWalkIn(tx, id, walkIn, key);
      const [row] = await tx.query<AttendanceRow>(`${rsvpsWithPeople} where a.id = $1`, [
        result.attendance_id,
      ]);
      const resource = toAttendanceResource(c, row!);
      // Matched by email to someone outside an organizer's regions or sectors: what is on file
      // about them stays unseen; the ids are enough to go on.
      const seen = inScope(c.var.staff, result);
      return {
        status: 201,
        body: seen ? resource : { ...resource, _embedded: undefined },
      };
    });
    c.header('Location', answer.body._links.self.href);
    return staffWriteAnswer(c, answer, 'application/hal+json');
  },
);

function attendanceAnswer(
  c: Context,
  eventId: string,
  attendance: string,
  row: AttendanceRow | undefined,
) {
  if (!row) throw noRsvp(eventId, attendance);
  return halAnswer(c, toAttendanceResource(c, row));
}

/** Whether the person is within the organizer's regions and sectors (anyone, for others). */
function inScope(staff: Staff, person: { region: string | null; sector: string | null }): boolean {
  return withinStaffScope(staff, person);
}

function noRsvp(eventId: string, attendance: string): HttpProblem {
  return new HttpProblem(
    404,
    `No RSVP "${attendance}" for the event "${eventId}": take the id from the event's attendances.`,
  );
}

/** What the signed link in an RSVP's `rally:cancel` carries. */
const cancelLink = [
  eventId,
  attendanceId,
  {
    ...queryParameter('token', 'Signature from the RSVP answer’s `rally:cancel` link'),
    required: true,
  },
  queryParameter('lang', 'The page’s language; else the browser’s.'),
];
const forgedLink = problemResponse('Not a cancellation link the API signed');

// Opening the link only shows a button: mail scanners and link previews fetch links, and must
// not cancel anyone's place by doing so.
events.get(
  '/:id/attendances/:attendance/cancel',
  describeRoute({
    summary: 'Page asking to confirm the cancellation',
    parameters: cancelLink,
    responses: { 200: pageResponse('A page with a button that cancels'), 403: forgedLink },
  }),
  async (c) => {
    verifyCancelLink(c);
    const locale = pageLocale(c.req.query('lang'), c.req.header('accept-language'));
    return c.html(confirmCancelPage(locale, c.req.url));
  },
);

events.post(
  '/:id/attendances/:attendance/cancel',
  describeRoute({
    summary: 'Cancel the RSVP; the first waitlisted person moves up',
    parameters: cancelLink,
    responses: {
      200: {
        description: 'Cancelled: `{"status": "cancelled"}`, or a page saying so to a form',
        content: {
          'application/json': { schema: { type: 'object' } },
          'text/html': { schema: { type: 'string' } },
        },
      },
      403: forgedLink,
      404: problemResponse('The RSVP no longer exists'),
    },
  }),
  async (c) => {
    const attendance = verifyCancelLink(c);
    // The place it frees goes to the first on the waitlist, whose activity (migration 022) is kept
    // under their row's lock, which a write of theirs may hold while it waits for this event: one
    // of the two is ended, and cancelling again is the same cancellation.
    const [row] = await againAfterDeadlock(() =>
      c.var.db.query<{ status: string | null }>('select rally_cancel_attendance($1) as status', [
        attendance,
      ]),
    );
    if (!row?.status) throw new HttpProblem(404, 'This RSVP no longer exists.');
    if (c.req.header('content-type')?.startsWith('application/x-www-form-urlencoded')) {
      return c.html(
        cancelledPage(pageLocale(c.req.query('lang'), c.req.header('accept-language'))),
      );
    }
    return c.json({ status: 'cancelled' });
  },
);

function verifyCancelLink(c: Context<AppContext>): string {
  const attendance = c.req.param('attendance') ?? '';
  const token = c.req.query('token') ?? '';
  if (!uuidPattern.test(attendance) || !verifyLink(c.var.linkSecret, 'cancel', attendance, token)) {
    throw new HttpProblem(
      403,
      'This cancellation link is not valid; use the link you received when you RSVPed.',
    );
  }
  return attendance;
}

async function findEvent(db: Queryable, id: string): Promise<EventRow> {
  const [row] = await db.query<EventRow>('select * from events where id = $1', [id]);
  if (!row) throw new HttpProblem(404, `No event has the id "${id}": check the link.`);
  return row;
}

function eventUrl(c: Context, id: string): string {
  return new URL(`${apiBasePath}/events/${id}`, c.req.url).toString();
}

function attendanceUrl(c: Context, eventId: string, id: string): string {
  return `${eventUrl(c, eventId)}/attendances/${id}`;
}

function cancelUrl(c: Context<AppContext>, eventId: string, attendanceId: string): string {
  const url = new URL(
    `${apiBasePath}/events/${eventId}/attendances/${attendanceId}/cancel`,
    c.req.url,
  );
  url.searchParams.set('token', signLink(c.var.linkSecret, 'cancel', attendanceId));
  return url.toString();
}

function toAttendanceResource(c: Context, row: AttendanceRow): AttendanceResource {
  const event = eventUrl(c, row.event_id);
  const person = { href: new URL(`${apiBasePath}/people/${row.person_id}`, c.req.url).toString() };
  return {
    identifiers: [`rally:${row.id}`],
    origin_system: 'Rally',
    status: row.status,
    attended: row.attended,
    created_date: row.created_at.toISOString(),
    modified_date: row.updated_at.toISOString(),
    _links: {
      self: { href: attendanceUrl(c, row.event_id, row.id) },
      'osdi:event': { href: event },
      'osdi:person': person,
    },
    _embedded: {
      'osdi:person': {
        given_name: row.given_name,
        family_name: row.family_name,
        email_addresses: emailAddresses(row.email),
        _links: { self: person },
      },
    },
  };
}

function toEventResource(c: Context, row: EventRow): EventResource {
  const self = eventUrl(c, row.id);
  return {
    identifiers: [`rally:${row.id}`],
    origin_system: 'Rally',
    title: row.title,
    description: row.description,
    start_date: row.start_at.toISOString(),
    end_date: row.end_at.toISOString(),
    timezone_identifier: row.timezone,
    location: row.location,
    online_url: row.online_url,
    capacity: row.capacity,
    total_accepted: row.accepted_count,
    places_remaining: row.capacity === null ? null : Math.max(0, row.capacity - row.accepted_count),
    waitlist_size: row.waitlist_count,
    status: row.end_at.getTime() > Date.now() ? 'confirmed' : 'past',
    lang: row.lang,
    region: row.region,
    sector: row.sector,
    created_date: row.created_at.toISOString(),
    modified_date: row.updated_at.toISOString(),
    _links: {
      self: { href: self },
      'osdi:record_attendance_helper': { href: `${self}/attendances` },
      'osdi:attendances': { href: `${self}/attendances` },
      'rally:calendar': { href: `${self}/calendar.ics` },
    },
  };
}
