/**
 * A walk-in at the door: someone who came without an RSVP, added by staff on the check-in screen
 * as a person (or matched to one on file by email) and their attendance, in one transaction.
 */
import { createHash } from 'node:crypto';
import type { WalkInRequest } from '@rally/core';
import type { Queryable } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';
import { newReferralCode } from '../referral-code.ts';

/**
 * What finds again the person a walk-in without an email added, when the same walk-in is sent
 * again after its Idempotency-Key is forgotten: the first 24 hex digits of the SHA-256 of the
 * event's id and the key (`people.walk_in_key`, migration 020).
 */
export function walkInKey(eventId: string, key: string): string {
  return createHash('sha256').update(`${eventId}\n${key}`).digest('hex').slice(0, 24);
}

export interface WalkInResult {
  attendance_id: string;
  person_id: string;
  /** Whether the person was added now, rather than matched by email. */
  added: boolean;
  region: string | null;
  sector: string | null;
}

/**
 * Records the walk-in in `tx`: the person by email, filling only what is blank on a person on
 * file (the door's word is a stranger's typing, as a public form's is: it never renames anyone or
 * replaces a number), then their attendance, accepted and attended whatever the capacity — they
 * are in the room. An RSVP they had already is the one marked: a waitlisted or cancelled one
 * becomes accepted, and the event's counts follow. A walk-in without an email is recorded with
 * none: never matched to anyone by name, but found again by `key` (the Idempotency-Key) on every
 * replay, even after the key is forgotten, so that a replay never adds them twice. Without a key,
 * each walk-in without an email is a new person.
 */
export async function recordWalkIn(
  tx: Queryable,
  eventId: string,
  walkIn: WalkInRequest,
  key: string | null,
): Promise<WalkInResult> {
  const [event] = await tx.query<{ id: string }>('select id from events where id = $1 for update', [
    eventId,
  ]);
  if (!event) throw new HttpProblem(404, `No event has the id "${eventId}": check the link.`);

  const email = walkIn.email?.toLowerCase() ?? null;
  const replayKey = email === null && key !== null ? walkInKey(eventId, key) : null;
  // A referral code taken already (one in 10¹¹) fails the transaction, key and all: the console
  // sends again, and a new code is drawn.
  const [person] = await tx.query<{
    id: string;
    added: boolean;
    region: string | null;
    sector: string | null;
  }>(
    `insert into people as existing
       (email, walk_in_key, given_name, family_name, phone_numbers, referral_code)
     values ($1, $2, $3, $4, $5::jsonb, $6)
     on conflict (${email === null ? 'walk_in_key' : 'email'}) do update set
       given_name = coalesce(existing.given_name, excluded.given_name),
       family_name = coalesce(existing.family_name, excluded.family_name),
       phone_numbers = case when existing.phone_numbers = '[]' then excluded.phone_numbers
                            else existing.phone_numbers end,
       updated_at = now()
     returning id, region, sector, (xmax = 0) as added`,
    [
      email,
      replayKey,
      walkIn.given_name,
      walkIn.family_name || null,
      JSON.stringify(walkIn.phone ? [{ number: walkIn.phone }] : []),
      newReferralCode(),
    ],
  );

  const [rsvp] = await tx.query<{ id: string; status: string }>(
    'select id, status from attendances where event_id = $1 and person_id = $2 for update',
    [event.id, person!.id],
  );
  let attendanceId: string;
  if (!rsvp) {
    const [made] = await tx.query<{ id: string }>(
      `insert into attendances (event_id, person_id, status, attended, source)
       values ($1, $2, 'accepted', true, 'walk-in') returning id`,
      [event.id, person!.id],
    );
    attendanceId = made!.id;
  } else {
    await tx.query(
      `update attendances set status = 'accepted', attended = true, updated_at = now() where id = $1`,
      [rsvp.id],
    );
    attendanceId = rsvp.id;
  }
  if (rsvp?.status !== 'accepted') {
    await tx.query(
      `update events set accepted_count = accepted_count + 1,
              waitlist_count = waitlist_count - $2::int
       where id = $1`,
      [event.id, rsvp?.status === 'waitlisted' ? 1 : 0],
    );
  }
  return {
    attendance_id: attendanceId,
    person_id: person!.id,
    added: person!.added,
    region: person!.region,
    sector: person!.sector,
  };
}
