/**
 * Rate-limit counters, kept where every API instance sees them: in the database or in Redis when
 * there can be several instances, in memory when there is exactly one (the embedded database
 * belongs to one process, so an embedded API is always alone).
 */
import { createClient } from 'redis';
import { batcher } from '../batcher.ts';
import type { Database } from '../database.ts';

export interface Limit {
  /** What is counted, such as `ip:203.0.113.7` or `email:rosa@example.org`. */
  key: string;
  max: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit on every limit; returns the seconds to wait if any is now exceeded, else 0. */
  hit(limits: Limit[]): Promise<number>;
  close(): Promise<void>;
}

/** Fixed windows aligned on the clock, so every instance agrees where a window starts. */
function windowStart(seconds: number, now = Date.now()): number {
  return Math.floor(now / 1000 / seconds) * seconds;
}

function retryAfter(limit: Limit, hits: number, now = Date.now()): number {
  if (hits <= limit.max) return 0;
  return Math.max(
    1,
    Math.ceil(windowStart(limit.windowSeconds, now) + limit.windowSeconds - now / 1000),
  );
}

export function memoryRateLimiter(): RateLimiter {
  const hits = new Map<string, { count: number; expires: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of hits) if (entry.expires <= now) hits.delete(key);
  }, 60_000).unref();
  return {
    async hit(limits) {
      const now = Date.now();
      let wait = 0;
      for (const limit of limits) {
        const start = windowStart(limit.windowSeconds, now);
        const key = `${limit.key}@${start}`;
        const entry = hits.get(key) ?? { count: 0, expires: (start + limit.windowSeconds) * 1000 };
        entry.count += 1;
        hits.set(key, entry);
        wait = Math.max(wait, retryAfter(limit, entry.count, now));
      }
      return wait;
    },
    async close() {
      clearInterval(sweep);
    },
  };
}

/**
 * Counts in the database, for every instance to share. The hits of requests arriving together are
 * added in one statement: a crowd behind one address all count on one row, which would otherwise
 * take one commit per request, each waiting for the last.
 */
export function databaseRateLimiter(db: Database): RateLimiter {
  const count = batcher<Limit[], number>(
    async (requests) => {
      const now = Date.now();
      // Each request's hits, added to its counters in turn: the nth hit on a counter sees n more.
      const totals = new Map<string, { key: string; start: number; hits: number }>();
      const seen = requests.map((limits) =>
        limits.map((limit) => {
          const start = windowStart(limit.windowSeconds, now);
          const slot = `${limit.key} ${start}`;
          const total = totals.get(slot) ?? { key: limit.key, start, hits: 0 };
          total.hits += 1;
          totals.set(slot, total);
          return { limit, slot, nth: total.hits };
        }),
      );
      // In the same order every time, so two batches never wait on each other's rows in a circle.
      const slots = [...totals.values()].sort((a, b) =>
        a.key === b.key ? a.start - b.start : a.key < b.key ? -1 : 1,
      );
      const rows = await db.query<{ key: string; start: number; hits: number }>(
        `insert into rate_limits (key, window_start, hits)
         select key, to_timestamp(start), hits
         from unnest($1::text[], $2::float8[], $3::int[]) as s (key, start, hits)
         on conflict (key, window_start) do update set hits = rate_limits.hits + excluded.hits
         returning key, extract(epoch from window_start)::float8 as start, hits`,
        [slots.map((s) => s.key), slots.map((s) => s.start), slots.map((s) => s.hits)],
      );
      const after = new Map(rows.map((row) => [`${row.key} ${row.start}`, row.hits]));
      return seen.map((hits) =>
        Math.max(
          0,
          ...hits.map(({ limit, slot, nth }) =>
            retryAfter(limit, after.get(slot)! - totals.get(slot)!.hits + nth, now),
          ),
        ),
      );
    },
    { inFlight: 2, maxBatch: 64 },
  );
  return {
    hit: (limits) => count(limits),
    async close() {},
  };
}

export async function redisRateLimiter(url: string): Promise<RateLimiter> {
  const client = createClient({ url });
  client.on('error', (error: Error) => console.error(`Redis: ${error.message}`));
  await client.connect();
  return {
    async hit(limits) {
      const now = Date.now();
      const multi = client.multi();
      for (const limit of limits) {
        const key = `rally:rate:${limit.key}@${windowStart(limit.windowSeconds, now)}`;
        multi.incr(key).expire(key, limit.windowSeconds + 1);
      }
      const replies = (await multi.exec()) as unknown as number[];
      return Math.max(
        0,
        ...limits.map((limit, i) => retryAfter(limit, Number(replies[i * 2]), now)),
      );
    },
    async close() {
      client.destroy();
    },
  };
}
