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

/** Hits to add to one shared counter. */
export interface Increment {
  key: string;
  /** The window's start, in seconds since the epoch. */
  start: number;
  /** When the window ends, in ms: the count may be forgotten after that. */
  ends: number;
  hits: number;
}

/** Where instances share their counts: adds the hits and returns each counter's new total. */
export type SharedCounts = (increments: Increment[]) => Promise<number[]>;

/** One counter of one window, as this instance knows it. */
interface Slot {
  /** Where it is kept in this instance's map. */
  id: string;
  key: string;
  start: number;
  ends: number;
  /** Half the limit: below it, hits are counted here. */
  half: number;
  /** The shared total when this instance last heard it. */
  known: number;
  /** Hits counted here and not yet sent. */
  pending: number;
  /** Hits sent and not yet confirmed. */
  sending: number;
}

export interface SharedRateLimiterOptions {
  /** How often hits counted here are added to the shared counts. */
  syncEveryMs?: number;
}

/**
 * Counts that every instance shares, without a round trip per request while a counter is far from
 * its limit. Below half its limit, a hit is counted here and added to the shared count with
 * everything else counted here, every 100 ms, at once. From half its limit on, every hit is
 * counted in the shared store before it is answered, so a single instance is exact, and several
 * see each other's counts at most 100 ms late: with n instances a window can take at most
 * (n − 1) × max ÷ 2 hits more than its limit, in a burst before the counts meet.
 * Requests arriving together share one exchange: a crowd behind one address all count on one
 * counter, which would otherwise take one write per request.
 */
export function sharedRateLimiter(
  store: SharedCounts,
  { syncEveryMs = 100 }: SharedRateLimiterOptions = {},
  onClose: () => Promise<void> = async () => {},
): RateLimiter {
  const slots = new Map<string, Slot>();
  const unsent = new Set<Slot>();

  function slotFor(limit: Limit, now: number): Slot {
    const start = windowStart(limit.windowSeconds, now);
    const id = `${limit.key} ${start}`;
    let slot = slots.get(id);
    if (!slot) {
      const ends = (start + limit.windowSeconds) * 1000;
      slot = {
        id,
        key: limit.key,
        start,
        ends,
        half: limit.max / 2,
        known: 0,
        pending: 0,
        sending: 0,
      };
      slots.set(id, slot);
    }
    return slot;
  }

  /** Sends every hit counted here, and each request's own; returns each request's totals. */
  const exchange = batcher<Slot[], number[]>(
    async (requests) => {
      const sending = new Map<Slot, { earlier: number; hits: number; total?: number }>();
      for (const slot of unsent) {
        sending.set(slot, { earlier: slot.pending, hits: slot.pending });
        slot.sending += slot.pending;
        slot.pending = 0;
      }
      unsent.clear();
      // Each request's hits come after the ones counted before it: the nth hit on a counter sees n.
      const nth = requests.map((mine) =>
        mine.map((slot) => {
          const sent = sending.get(slot) ?? { earlier: 0, hits: 0 };
          sent.hits += 1;
          sending.set(slot, sent);
          slot.sending += 1;
          return sent.hits;
        }),
      );
      // In the same order every time, so two instances' exchanges never wait on each other in a
      // circle.
      const ordered = [...sending].sort(([a], [b]) =>
        a.key === b.key ? a.start - b.start : a.key < b.key ? -1 : 1,
      );
      let totals: number[];
      try {
        totals = await store(
          ordered.map(([{ key, start, ends }, { hits }]) => ({ key, start, ends, hits })),
        );
      } catch (error) {
        // The hits counted here wait for the next exchange; the requests fail with the error.
        for (const [slot, sent] of sending) {
          slot.sending -= sent.hits;
          slot.pending += sent.earlier;
          if (sent.earlier > 0) unsent.add(slot);
        }
        throw error;
      }
      ordered.forEach(([slot, sent], index) => {
        sent.total = totals[index]!;
        slot.sending -= sent.hits;
        slot.known = Math.max(slot.known, sent.total);
        // A counter far from its limit, with nothing of it in flight, need not be remembered: a
        // hit on it later starts from 0 here, and can still add only half the limit before it is
        // counted in the store. Only counters near their limit stay in memory, not every email.
        const idle = slot.pending === 0 && slot.sending === 0;
        if (idle && slot.known < slot.half && slots.get(slot.id) === slot) slots.delete(slot.id);
      });
      return requests.map((mine, index) =>
        mine.map((slot, j) => {
          const sent = sending.get(slot)!;
          return sent.total! - sent.hits + nth[index]![j]!;
        }),
      );
    },
    // One exchange at a time: each request's rank assumes the store added the exchanges before
    // it first, and a server's pool may run two at once on two connections in either order
    // (measured: 14 of 15 hits allowed under a limit of 10 when the second went first).
    { inFlight: 1, maxBatch: 64 },
  );

  /** Sends what was counted here; says whether there was anything to send. */
  const sync = async (): Promise<boolean> => {
    if (unsent.size === 0) return false;
    await exchange([]);
    return true;
  };
  const sharing = new Set<Promise<unknown>>();
  // While the store is down, one line when it goes and one when it is back, not one per share.
  let failedShares = 0;
  const timer = setInterval(() => {
    const share = sync().then(
      (shared) => {
        if (!shared || failedShares === 0) return;
        console.error(`Rate limits shared again, after ${failedShares} failed attempts.`);
        failedShares = 0;
      },
      (error: Error) => {
        if (failedShares++ === 0) console.error(`Rate limits not shared: ${error.message}`);
      },
    );
    sharing.add(share);
    void share.finally(() => sharing.delete(share));
  }, syncEveryMs).unref();
  // Counters near their limit are remembered until their window ends.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [id, slot] of slots) {
      if (slot.ends <= now && slot.pending === 0 && slot.sending === 0) slots.delete(id);
    }
  }, 60_000).unref();

  return {
    async hit(limits) {
      const now = Date.now();
      const mine = limits.map((limit) => slotFor(limit, now));
      const farFromLimits = mine.every(
        (slot) => slot.known + slot.sending + slot.pending + 1 <= slot.half,
      );
      if (farFromLimits) {
        for (const slot of mine) {
          slot.pending += 1;
          unsent.add(slot);
        }
        return 0;
      }
      const totals = await exchange(mine);
      return Math.max(0, ...limits.map((limit, i) => retryAfter(limit, totals[i]!, now)));
    },
    async close() {
      clearInterval(timer);
      clearInterval(sweep);
      await Promise.all(sharing); // Shares under way finish before the store may close.
      await sync();
      await onClose();
    },
  };
}

/** Shared counts in the database's `rate_limits` table (unlogged: counts need no crash safety). */
export function databaseRateLimiter(db: Database, options?: SharedRateLimiterOptions): RateLimiter {
  return sharedRateLimiter(async (increments) => {
    const rows = await db.query<{ key: string; start: number; hits: number }>(
      `insert into rate_limits (key, window_start, hits)
       select key, to_timestamp(start), hits
       from unnest($1::text[], $2::float8[], $3::int[]) as s (key, start, hits)
       on conflict (key, window_start) do update set hits = rate_limits.hits + excluded.hits
       returning key, extract(epoch from window_start)::float8 as start, hits`,
      [increments.map((i) => i.key), increments.map((i) => i.start), increments.map((i) => i.hits)],
    );
    const totals = new Map(rows.map((row) => [`${row.key} ${row.start}`, row.hits]));
    return increments.map((i) => totals.get(`${i.key} ${i.start}`)!);
  }, options);
}

/** Shared counts in Redis, which takes their load off the database. */
export async function redisRateLimiter(
  url: string,
  options?: SharedRateLimiterOptions,
): Promise<RateLimiter> {
  const client = createClient({ url });
  client.on('error', (error: Error) => console.error(`Redis: ${error.message}`));
  await client.connect();
  return sharedRateLimiter(
    async (increments) => {
      const multi = client.multi();
      for (const { key, start, ends, hits } of increments) {
        const counter = `rally:rate:${key}@${start}`;
        multi.incrBy(counter, hits).pExpireAt(counter, ends + 1000);
      }
      const replies = (await multi.exec()) as unknown as number[];
      return increments.map((_, i) => Number(replies[i * 2]));
    },
    options,
    async () => client.destroy(),
  );
}
