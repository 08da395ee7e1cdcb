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
  /** How many hits counted here may wait unsent before the next one goes to the store first. */
  budget: number;
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
  /** How long the store may take to answer before this instance decides on its own. */
  timeoutMs?: number;
}

/** What the store said when it stopped answering, and since when. */
interface Away {
  error: Error;
  since: number;
}

/**
 * Counts that every instance shares, without a round trip per request while a counter is far from
 * its limit. Below half its limit, a hit is counted here and added to the shared count with
 * everything else counted here, every 100 ms, at once; but at most a thirtieth of the limit (at
 * least one hit) waits here unsent, and the hit after that goes to the store with them before it is
 * answered. From half its limit on, every hit is counted in the shared store before it is
 * answered. So a single instance is exact, and with n instances a window can take at most
 * (n − 1) × max(1, ⌊max ÷ 30⌋) hits more than its limit: the hits the others counted and have not
 * sent yet. Requests arriving together share one exchange: a crowd behind one address all count on
 * one counter, which would otherwise take one write per request.
 *
 * When the store does not answer within `timeoutMs`, or fails, the instance counts alone until it
 * answers again, from the shared totals it last heard, and says so once: writes go on, each
 * instance holding each limit on its own. What it counted meanwhile is added to the shared counts
 * when the store is back.
 */
export function sharedRateLimiter(
  store: SharedCounts,
  { syncEveryMs = 100, timeoutMs = 1000 }: SharedRateLimiterOptions = {},
  onClose: () => Promise<void> = async () => {},
): RateLimiter {
  const slots = new Map<string, Slot>();
  const unsent = new Set<Slot>();
  let away: Away | undefined;

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
        budget: Math.max(1, Math.floor(limit.max / 30)),
        known: 0,
        pending: 0,
        sending: 0,
      };
      slots.set(id, slot);
    }
    return slot;
  }

  /** The store's answer, or an error once it has taken longer than `timeoutMs`. */
  async function bounded(increments: Increment[]): Promise<number[]> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      ).unref();
    });
    try {
      return await Promise.race([store(increments), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  function goAway(error: Error): void {
    if (away) return;
    away = { error, since: Date.now() };
    console.error(
      `Rate limits not shared: ${error.message}. Until the shared store answers again, ` +
        'this instance counts on its own, so each instance allows up to the whole limit.',
    );
  }

  function comeBack(): void {
    if (!away) return;
    const seconds = Math.round((Date.now() - away.since) / 1000);
    away = undefined;
    console.error(`Rate limits shared again, after ${seconds} s counted by each instance alone.`);
  }

  /**
   * Sends every hit counted here, and each request's own; returns each request's totals. A request
   * with no hits of its own (`[]`) is a share of what was counted here, which also tells whether
   * the store answers again after it went away.
   */
  const exchange = batcher<Slot[], number[]>(
    async (requests) => {
      // While the store is away, requests are answered here (by `hit`) rather than wait for it.
      const refused = away?.error;
      const taken = requests.map((mine) => !refused || mine.length === 0);
      if (!taken.includes(true)) return requests.map(() => refused!);
      const sending = new Map<Slot, { earlier: number; hits: number; total?: number }>();
      for (const slot of unsent) {
        sending.set(slot, { earlier: slot.pending, hits: slot.pending });
        slot.sending += slot.pending;
        slot.pending = 0;
      }
      unsent.clear();
      // Each request's hits come after the ones counted before it: the nth hit on a counter sees n.
      const nth = requests.map((mine, index) =>
        taken[index]
          ? mine.map((slot) => {
              const sent = sending.get(slot) ?? { earlier: 0, hits: 0 };
              sent.hits += 1;
              sending.set(slot, sent);
              slot.sending += 1;
              return sent.hits;
            })
          : [],
      );
      // In the same order every time, so two instances' exchanges never wait on each other in a
      // circle.
      const ordered = [...sending].sort(([a], [b]) =>
        a.key === b.key ? a.start - b.start : a.key < b.key ? -1 : 1,
      );
      let totals: number[];
      try {
        totals = await bounded(
          ordered.map(([{ key, start, ends }, { hits }]) => ({ key, start, ends, hits })),
        );
      } catch (error) {
        // The hits counted here wait for the next exchange; the requests are answered here. A
        // store that answers after all has counted these hits, and counts them again with the
        // next exchange: too many, never too few.
        for (const [slot, sent] of sending) {
          slot.sending -= sent.hits;
          slot.pending += sent.earlier;
          if (sent.earlier > 0) unsent.add(slot);
        }
        goAway(error as Error);
        throw error;
      }
      comeBack();
      ordered.forEach(([slot, sent], index) => {
        sent.total = totals[index]!;
        slot.sending -= sent.hits;
        slot.known = Math.max(slot.known, sent.total);
        // A counter far from its limit, with nothing of it in flight, need not be remembered: a
        // hit on it later starts from 0 here, and can still add only its budget before it is
        // counted in the store. Only counters near their limit stay in memory, not every email.
        const idle = slot.pending === 0 && slot.sending === 0;
        if (idle && slot.known < slot.half && slots.get(slot.id) === slot) slots.delete(slot.id);
      });
      return requests.map((mine, index) =>
        taken[index]
          ? mine.map((slot, j) => {
              const sent = sending.get(slot)!;
              return sent.total! - sent.hits + nth[index]![j]!;
            })
          : refused!,
      );
    },
    // One exchange at a time: each request's rank assumes the store added the exchanges before
    // it first, and a server's pool may run two at once on two connections in either order
    // (measured: 14 of 15 hits allowed under a limit of 10 when the second went first).
    { inFlight: 1, maxBatch: 64 },
  );

  /** Counts a hit here and answers from what this instance knows: the store's last totals and its own hits since. */
  function countHere(limits: Limit[], mine: Slot[], now: number): number {
    for (const slot of mine) {
      slot.pending += 1;
      unsent.add(slot);
    }
    return Math.max(
      0,
      ...limits.map((limit, i) => {
        const slot = mine[i]!;
        return retryAfter(limit, slot.known + slot.sending + slot.pending, now);
      }),
    );
  }

  /** Sends what was counted here, or asks the store whether it is back; says whether it did. */
  const sync = async (): Promise<boolean> => {
    if (unsent.size === 0 && !away) return false;
    await exchange([]);
    return true;
  };
  const sharing = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    // A failure has already said so (`goAway`), once.
    const share = sync().catch(() => {});
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
        (slot) =>
          slot.pending + slot.sending + 1 <= slot.budget &&
          slot.known + slot.sending + slot.pending + 1 <= slot.half,
      );
      if (farFromLimits || away) return countHere(limits, mine, now);
      let totals: number[];
      try {
        totals = await exchange(mine);
      } catch {
        return countHere(limits, mine, now);
      }
      return Math.max(0, ...limits.map((limit, i) => retryAfter(limit, totals[i]!, now)));
    },
    async close() {
      clearInterval(timer);
      clearInterval(sweep);
      await Promise.all(sharing); // Shares under way finish before the store may close.
      // A store that is away keeps what was counted here; counts need no crash safety.
      await sync().catch(() => {});
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

/**
 * Adds each window's hits and sets when it expires, in one atomic step; answers the totals. One
 * command rather than a MULTI block, so the client's timeout and offline refusal apply to it.
 */
const addHits = `
local totals = {}
for i, key in ipairs(KEYS) do
  totals[i] = redis.call('INCRBY', key, ARGV[2 * i - 1])
  redis.call('PEXPIREAT', key, ARGV[2 * i])
end
return totals`;

/** How long Redis may take: to connect, and to answer a command. */
const redisTimeouts = { connectMs: 1000, commandMs: 500 };

/** A command Redis has not answered in time; its connection is not used again. */
class RedisTooSlow extends Error {
  constructor() {
    super(`Redis did not answer within ${redisTimeouts.commandMs} ms`);
  }
}

/**
 * Shared counts in Redis, which takes their load off the database. Every call is bounded: a
 * command waits at most half a second for its answer, and while the connection is down none waits
 * for it to come back (no offline queue), so a Redis outage delays a write by that much at most,
 * once, and never lets it be applied long after its client gave up. Meanwhile the limiter counts on
 * its own (`sharedRateLimiter`). The API starts without Redis, too, and shares its counts once it
 * is there.
 */
export async function redisRateLimiter(
  url: string,
  options?: SharedRateLimiterOptions,
): Promise<RateLimiter> {
  let reported = false;
  const connect = () => {
    const client = createClient({
      url,
      disableOfflineQueue: true,
      // A connection silent for two seconds is dropped and made again, a half-made one included
      // (connected, but its first exchange unanswered); a ping each second keeps a quiet,
      // healthy one from looking dead.
      pingInterval: 1000,
      socket: {
        connectTimeout: redisTimeouts.connectMs,
        socketTimeout: 2000,
        // Soon after a blip, then every few seconds, with jitter so instances do not retry in step.
        reconnectStrategy: (retries) =>
          Math.min(50 * 2 ** retries, 5000) + Math.floor(Math.random() * 100),
      },
    });
    // One line per outage: the limiter says what it means for the limits.
    client.on('error', (error: Error) => {
      if (!reported) console.error(`Redis: ${error.message}`);
      reported = true;
    });
    client.on('ready', () => (reported = false));
    const connected = client.connect().catch(() => {});
    return { client, connected };
  };
  const first = connect();
  let { client } = first;
  // Starting together with Redis, the first requests find it ready; without it, the API starts
  // anyway once the first attempt has failed.
  await Promise.race([
    first.connected,
    new Promise((resolve) => setTimeout(resolve, redisTimeouts.connectMs).unref()),
  ]);
  return sharedRateLimiter(
    async (increments) => {
      const asked = client;
      let timer: NodeJS.Timeout | undefined;
      // The client's own command timeout stops counting once a command is sent, so it cannot
      // bound the wait for an answer; this does.
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RedisTooSlow()), redisTimeouts.commandMs).unref();
      });
      try {
        const totals = (await Promise.race([
          asked.eval(addHits, {
            keys: increments.map(({ key, start }) => `rally:rate:${key}@${start}`),
            arguments: increments.flatMap(({ hits, ends }) => [String(hits), String(ends + 1000)]),
          }),
          late,
        ])) as number[];
        return totals.map(Number);
      } catch (error) {
        // A connection that stopped answering may never say it is gone, and answers arriving
        // late would be taken for the next commands': start a new one, whose connecting is
        // bounded, rather than queue every later command on it.
        if (error instanceof RedisTooSlow && asked === client) {
          if (client.isOpen) client.destroy();
          ({ client } = connect());
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    options,
    async () => {
      if (client.isOpen) client.destroy();
    },
  );
}
