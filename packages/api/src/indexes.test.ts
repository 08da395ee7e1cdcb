/**
 * The staff reads that grow with a deployment find their rows through an index, not by reading
 * the whole table: the plan PostgreSQL picks for each, with sequential scans priced out so that an
 * empty test database plans as a large one does.
 */
import { describe, expect, it } from 'vitest';
import { databases } from './testing.ts';

/** The reads, as the reports, the collections and the exports run them. */
const reads: [what: string, sql: string, params: unknown[], index: string][] = [
  [
    "a petition's signatures this week, in the summary",
    `select count(*) from signatures s
     where s.petition_id = $1 and s.created_at >= now() - interval '7 days'`,
    ['fair-wages'],
    'signatures_petition',
  ],
  [
    "a page of a petition's signatures, and their count",
    `select s.*, p.email from signatures s join people p on p.id = s.person_id
     where s.petition_id = $1 order by s.created_at, s.id limit 26`,
    ['fair-wages'],
    'signatures_petition',
  ],
  [
    "a batch of a petition's CSV, after the last row of the batch before",
    `select s.id from signatures s
     where s.petition_id = $1 and (s.created_at, s.id) > ($2, $3)
     order by s.created_at, s.id limit 1000`,
    ['fair-wages', '2026-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000'],
    'signatures_petition',
  ],
  [
    "a page of an event's RSVPs",
    `select a.* from attendances a where a.event_id = $1 order by a.created_at, a.id limit 26`,
    ['union-meeting'],
    'attendances_event',
  ],
  [
    'the people changed since a sync tool last looked (modified_date gt)',
    `select count(*) from people p where p.updated_at > $1`,
    ['2026-01-01T00:00:00Z'],
    'people_updated',
  ],
  [
    'a batch of the people CSV, after the last row of the batch before',
    `select p.id from people p where (p.created_at, p.id) > ($1, $2)
     order by p.created_at, p.id limit 1000`,
    ['2026-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000'],
    'people_created',
  ],
];

describe.each(databases)('the reads that grow with a deployment, on %s', (_kind, open) => {
  it.each(reads)('%s use an index', async (_what, sql, params, index) => {
    const db = await open();
    try {
      const plan = await db.transaction(async (tx) => {
        await tx.query('set local enable_seqscan = off');
        return tx.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
      });
      // The whole name: `people_created` is not `people_created_at`.
      expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toMatch(
        new RegExp(`\\b${index}\\b`),
      );
    } finally {
      await db.close();
    }
  });
});
