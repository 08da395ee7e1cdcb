/**
 * A person's timeline, as the console shows it: everything they did and everything recorded of
 * them, newest first, in one statement over the tables that hold it.
 */
import { timelineKinds, type TimelineEntry } from '@rally/core';
import type { Queryable } from '../database.ts';

interface EntryRow extends Record<string, unknown> {
  kind: TimelineEntry['kind'];
  at: Date;
  id: string | null;
  detail: Record<string, unknown>;
}

/**
 * Each kind of entry, from its table, with `$1` the person: its time, the id of its row and
 * what it holds. An RSVP is listed when it was made; whether the person came, at the event's
 * start (no time of the check-in is kept); a conversation on its day, at midnight UTC.
 */
const entries = `
  select 'added' as kind, p.created_at as at, null::text as id,
         jsonb_build_object('source', p.source, 'website', p.website) as detail
  from people p where p.id = $1
  union all
  select 'joined', p.joined_at, null, '{}'::jsonb
  from people p where p.id = $1 and p.joined_at is not null
  union all
  select 'consent', c.given_at, c.id::text, jsonb_build_object('text', c.text, 'version', c.version)
  from consents c where c.person_id = $1
  union all
  select 'signature', s.created_at, s.id::text,
         jsonb_build_object('petition_id', s.petition_id, 'title', pe.title,
                            'comments', s.comments, 'source', s.source)
  from signatures s left join petitions pe on pe.id = s.petition_id where s.person_id = $1
  union all
  select 'rsvp', a.created_at, a.id::text,
         jsonb_build_object('event_id', a.event_id, 'title', e.title, 'status', a.status,
                            'source', a.source)
  from attendances a join events e on e.id = a.event_id where a.person_id = $1
  union all
  select 'attendance', e.start_at, a.id::text,
         jsonb_build_object('event_id', a.event_id, 'title', e.title, 'attended', a.attended)
  from attendances a join events e on e.id = a.event_id
  where a.person_id = $1 and a.attended is not null
  union all
  select 'dues-payment', d.paid_at, d.id,
         jsonb_build_object('amount', d.amount, 'currency', d.currency, 'status', d.status)
  from dues_payments d where d.person_id = $1
  union all
  select 'membership', m.started_at, null,
         jsonb_build_object('change', 'started', 'amount', m.amount, 'currency', m.currency,
                            'interval', m.interval)
  from dues_memberships m where m.person_id = $1
  union all
  select 'membership', m.status_event_at, null, jsonb_build_object('change', m.status)
  from dues_memberships m
  where m.person_id = $1 and m.status <> 'active' and m.status_event_at > m.started_at
  union all
  select 'conversation', (v.held_on::timestamp at time zone 'UTC'), v.id::text,
         jsonb_build_object('held_on', v.held_on::text, 'notes', v.notes,
                            'assessment', v.assessment, 'organizer_id', v.organizer_id,
                            'organizer_name', v.organizer_name)
  from conversations v where v.person_id = $1`;

/**
 * The person's entries, newest first. Acts of one moment (a join form records the person, their
 * joining, their consent at once) are listed later-in-life first: conversation, membership, dues,
 * attendance, RSVP, signature, consent, joined, added; then by row id, so the order never varies.
 */
export async function personTimeline(db: Queryable, personId: string): Promise<TimelineEntry[]> {
  const rows = await db.query<EntryRow>(
    `select kind, at, id, detail from (${entries}) entry
     order by at desc, array_position($2::text[], kind) desc, id desc nulls last`,
    [personId, [...timelineKinds]],
  );
  return rows.map((row) => ({
    kind: row.kind,
    at: new Date(row.at).toISOString(),
    id: row.id,
    detail: row.detail,
  }));
}
