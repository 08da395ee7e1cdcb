/**
 * Rate-limit counters, kept where every API instance sees them: in the database or in Redis when
 * there can be several instances, in memory when there is exactly one (the embedded database
 * belongs to one process, so an embedded API is always alone).
 */
import { createClient } from 'redis';
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

export function databaseRateLimiter(db: Database): RateLimiter {
  return {
    async hit(limits) {
      const now = Date.now();
      const rows = await db.query<{ key: string; hits: number }>(
        `insert into rate_limits (key, window_start, hits)
         select key, to_timestamp(start), 1 from unnest($1::text[], $2::float8[]) as l (key, start)
         on conflict (key, window_start) do update set hits = rate_limits.hits + 1
         returning key, hits`,
        [limits.map((l) => l.key), limits.map((l) => windowStart(l.windowSeconds, now))],
      );
      const hits = new Map(rows.map((row) => [row.key, row.hits]));
      return Math.max(
        0,
        ...limits.map((limit) => retryAfter(limit, hits.get(limit.key) ?? 0, now)),
      );
    },
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
