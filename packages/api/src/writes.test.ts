import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batcher } from './batcher.ts';
import {
  databases,
  openTestApi,
  person,
  postJson,
  staffToken,
  testSettings,
  type TestApi,
} from './testing.ts';

describe('batcher', () => {
  it('sends a lone call at once, and gathers the calls that wait', async () => {
    const batches: number[][] = [];
    const double = batcher<number, number>(
      async (items) => {
        batches.push(items);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return items.map((item) => item * 2);
      },
      { inFlight: 1, maxBatch: 3 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map(double))).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('fails one item alone, or the whole batch when the batch fails', async () => {
    const check = batcher<number, number>(
      async (items) => {
        if (items.includes(99)) throw new Error('the batch failed');
        return items.map((item) => (item < 0 ? new Error(`${item} is negative`) : item));
      },
      { inFlight: 1, maxBatch: 10 },
    );
    const outcomes = await Promise.allSettled([1, -2, 3].map(check));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const failed = await Promise.allSettled([4, 99].map(check));
    expect(failed.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
  });
});

describe.each(databases)('writes arriving together on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open, testSettings());
  });
  afterEach(() => api.close());

  it('share commits, yet each counts once and a refused one fails alone', async () => {
    const sign = (petition: string, email: string) =>
      postJson(api, `/api/v1/petitions/${petition}/signatures`, { person: person(email) });
    const answers = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => sign('fair-wages', `crowd${i}@example.org`)),
      sign('heat-rules', 'late@example.org'), // Closed: refused, alone.
      sign('fair-wages', 'crowd0@example.org'), // Signing twice counts once.
    ]);
    expect(answers.map((a) => a.status)).toEqual([...Array(40).fill(201), 409, 201]);
    const [petition] = await api.db.query<{ total: number }>(
      `select sum(signatures)::int as total from petition_signature_counts
       where petition_id = 'fair-wages'`,
    );
    expect(petition!.total).toBe(40);
    const [people] = await api.db.query<{ count: number }>(
      "select count(*)::int as count from people where email like 'crowd%'",
    );
    expect(people!.count).toBe(40);
    expect(await api.db.query("select 1 from people where email = 'late@example.org'")).toEqual([]);
  });

  it('count each petition’s new signatures, whichever batches they share', async () => {
    await api.db.query(`update petitions set closes_at = null where id = 'heat-rules'`);
    const sign = (petition: string, email: string) =>
      postJson(api, `/api/v1/petitions/${petition}/signatures`, { person: person(email) });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        // Each of 25 people signs both petitions (i and i + 25 alternate), ten of them one twice.
        sign(i % 2 ? 'heat-rules' : 'fair-wages', `signer${i % 25}@example.org`),
      ),
    );
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const counts = await api.db.query<{ petition_id: string; counted: number; kept: number }>(
      `select c.petition_id, sum(c.signatures)::int as counted,
              (select count(*)::int from signatures s where s.petition_id = c.petition_id) as kept
       from petition_signature_counts c group by c.petition_id order by c.petition_id`,
    );
    expect(counts).toEqual([
      { petition_id: 'fair-wages', counted: 25, kept: 25 },
      { petition_id: 'heat-rules', counted: 25, kept: 25 },
    ]);
  });

  it('go on while staff erase someone who signed, each counted exactly once', async () => {
    const sign = (email: string) =>
      postJson(api, '/api/v1/petitions/fair-wages/signatures', { person: person(email) });
    expect((await sign('leaving@example.org')).status).toBe(201);
    const [leaving] = await api.db.query<{ id: string }>(
      `select id from people where email = 'leaving@example.org'`,
    );
    // The erasure's transaction runs in the middle of the crowd's batches.
    const [erased, ...answers] = await Promise.all([
      api.app.request(`/api/v1/people/${leaving!.id}`, {
        method: 'DELETE',
        headers: { 'OSDI-API-Token': staffToken },
      }),
      ...Array.from({ length: 30 }, (_, i) => sign(`crowd${i}@example.org`)),
    ]);
    expect(erased!.status).toBe(204);
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(201));
    const [petition] = await api.db.query<{ counted: number; kept: number }>(
      `select (select sum(signatures)::int from petition_signature_counts
               where petition_id = 'fair-wages') as counted,
              (select count(*)::int from signatures where petition_id = 'fair-wages') as kept`,
    );
    expect(petition).toEqual({ counted: 30, kept: 30 });
  });

  it('fail alone when one of them reuses an Idempotency-Key, and replay a key after closing', async () => {
    const signatures = '/api/v1/petitions/fair-wages/signatures';
    const keyed = (email: string, key: string) =>
      postJson(api, signatures, { person: person(email) }, { 'Idempotency-Key': key });
    expect((await keyed('first@example.org', 'key-1')).status).toBe(201);
    const answers = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => keyed(`crowd${i}@example.org`, `crowd-${i}`)),
      keyed('someone-else@example.org', 'key-1'), // The same key for another request: refused.
    ]);
    expect(answers.map((a) => a.status)).toEqual([...Array(30).fill(201), 422]);
    await api.db.query(`update petitions set closes_at = now() where id = 'fair-wages'`);
    const [replayed, ...closed] = await Promise.all([
      keyed('crowd0@example.org', 'crowd-0'), // A retry of an accepted signature: its answer.
      ...Array.from({ length: 5 }, (_, i) => keyed(`late${i}@example.org`, `late-${i}`)),
    ]);
    expect(replayed!.status).toBe(201);
    expect(replayed!.headers.get('idempotent-replayed')).toBe('true');
    expect(closed.map((a) => a.status)).toEqual(Array(5).fill(409));
    const [total] = await api.db.query<{ n: number }>(
      `select sum(signatures)::int as n from petition_signature_counts where petition_id = 'fair-wages'`,
    );
    expect(total!.n).toBe(31);
    expect(await api.db.query("select 1 from people where email like 'late%'")).toEqual([]);
  });
});
