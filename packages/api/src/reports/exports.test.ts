/**
 * Exports of many rows are streamed: a batch at a time as the client takes them, every row once
 * in order across the batches, other requests answered meanwhile, and a download cut short gives
 * its database connection back. On both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databases, openTestApi, staffGet, type TestApi } from '../testing.ts';

/**
 * `count` people, three at a time sharing a `created_at` and each three a microsecond after the
 * one before, so batches end inside a tie and between times a `Date` cannot tell apart.
 */
async function addPeople(api: TestApi, count: number): Promise<void> {
  await api.db.query(
    `insert into people (email, given_name, referral_code, created_at)
     select 'person' || i || '@example.org', 'Person ' || i, 'ref' || i,
            timestamptz '2026-01-01 00:00:00+00' + (i / 3) * interval '1 microsecond'
     from generate_series(1, $1::int) i`,
    [count],
  );
}

/** The body's chunks as they arrive, decoded. */
async function chunksOf(response: Response): Promise<string[]> {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for await (const chunk of response.body!) chunks.push(decoder.decode(chunk));
  return chunks;
}

describe.each(databases)('staff exports on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('stream thousands of people in several chunks, each row once and in order', async () => {
    await addPeople(api, 2500);
    const response = await staffGet(api, '/api/v1/reports/people.csv');
    expect(response.status).toBe(200);
    const chunks = await chunksOf(response);
    // The header, then batches of at most a thousand rows.
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    const lines = chunks.join('').split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toMatch(/^id,given_name,/);
    const ids = lines.slice(1).map((line) => line.split(',')[0]);
    const expected = await api.db.query<{ id: string }>(
      'select id from people order by created_at, id',
    );
    expect(ids).toEqual(expected.map(({ id }) => id));
  });

  it('answer other requests while an export is under way', async () => {
    await addPeople(api, 12_000);
    const events: string[] = [];
    const exporting = staffGet(api, '/api/v1/reports/people.csv').then(async (response) => {
      const chunks = await chunksOf(response);
      events.push('export done');
      return chunks;
    });
    // Once the export has begun to arrive, a reader of a petition is answered before it ends.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const read = await api.app.request('/api/v1/petitions/fair-wages');
    events.push('read answered');
    expect(read.status).toBe(200);
    const chunks = await exporting;
    expect(chunks.join('').split('\r\n')).toHaveLength(12_002);
    expect(events).toEqual(['read answered', 'export done']);
  });

  it('give the database back when a download is cut short', async () => {
    await addPeople(api, 3000);
    // More downloads cut short than the test database has connections.
    for (let i = 0; i < 8; i++) {
      const response = await staffGet(api, '/api/v1/reports/people.csv');
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
    }
    const whole = await chunksOf(await staffGet(api, '/api/v1/reports/people.csv'));
    expect(whole.join('').split('\r\n')).toHaveLength(3002);
  });

  it('give the database back when a download is cut off before its first row is read', async () => {
    await addPeople(api, 3000);
    for (let i = 0; i < 8; i++) {
      const response = await staffGet(api, '/api/v1/reports/people.csv');
      // Only the header, or nothing at all, then gone.
      const reader = response.body!.getReader();
      if (i % 2 === 0) await reader.read();
      await reader.cancel();
    }
    const whole = await chunksOf(await staffGet(api, '/api/v1/reports/people.csv'));
    expect(whole.join('').split('\r\n')).toHaveLength(3002);
  });
});
