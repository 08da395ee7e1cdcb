import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { describe, expect, it, vi } from 'vitest';
import { openTestPGlite, openTestPostgres } from '../testing.ts';
import {
  databaseRateLimiter,
  memoryRateLimiter,
  redisRateLimiter,
  sharedRateLimiter,
  type RateLimiter,
  type SharedRateLimiterOptions,
} from './rate-limits.ts';

const redisUrl = process.env.RALLY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const stores: [string, () => Promise<{ limiter: RateLimiter; close: () => Promise<void> }>][] = [
  ['memory', async () => ({ limiter: memoryRateLimiter(), close: async () => {} })],
  ['redis', async () => ({ limiter: await redisRateLimiter(redisUrl), close: async () => {} })],
  ...[openTestPGlite, openTestPostgres].map(
    (open) =>
      [
        `database (${open === openTestPGlite ? 'pglite' : 'postgres'})`,
        async () => {
          const db = await open();
          return { limiter: databaseRateLimiter(db), close: () => db.close() };
        },
      ] as [string, () => Promise<{ limiter: RateLimiter; close: () => Promise<void> }>],
  ),
];

describe.each(stores)('the %s rate limiter', (_name, open) => {
  it('allows up to the limit, then says how long to wait; other keys are unaffected', async () => {
    const { limiter, close } = await open();
    try {
      const key = `ip:${randomUUID()}`; // Unique, since Redis outlives the test.
      const limit = { key, max: 3, windowSeconds: 600 };
      const other = { key: `email:${randomUUID()}`, max: 100, windowSeconds: 60 };
      for (let i = 0; i < 3; i++) expect(await limiter.hit([limit, other])).toBe(0);
      const wait = await limiter.hit([limit, other]);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(600);
      expect(await limiter.hit([{ ...limit, key: `ip:${randomUUID()}` }])).toBe(0);
    } finally {
      await limiter.close();
      await close();
    }
  });

  it('counts concurrent hits exactly', async () => {
    const { limiter, close } = await open();
    try {
      const limit = { key: `ip:${randomUUID()}`, max: 10, windowSeconds: 600 };
      const waits = await Promise.all(Array.from({ length: 15 }, () => limiter.hit([limit])));
      expect(waits.filter((wait) => wait === 0)).toHaveLength(10);
    } finally {
      await limiter.close();
      await close();
    }
  });
});

/** A shared store, opened as several API instances would, and a way to read a count in it. */
interface Shared {
  instance: (options: SharedRateLimiterOptions) => Promise<RateLimiter>;
  counted: (key: string) => Promise<number>;
  close: () => Promise<void>;
}

const sharedStores: [string, () => Promise<Shared>][] = [
  ...[openTestPGlite, openTestPostgres].map(
    (open) =>
      [
        `database (${open === openTestPGlite ? 'pglite' : 'postgres'})`,
        async (): Promise<Shared> => {
          const db = await open();
          return {
            instance: async (options) => databaseRateLimiter(db, options),
            counted: async (key) =>
              (
                await db.query<{ hits: number }>('select hits from rate_limits where key = $1', [
                  key,
                ])
              )[0]?.hits ?? 0,
            close: () => db.close(),
          };
        },
      ] as [string, () => Promise<Shared>],
  ),
  [
    'redis',
    async () => {
      const reader = createClient({ url: redisUrl });
      await reader.connect();
      return {
        instance: (options) => redisRateLimiter(redisUrl, options),
        counted: async (key) => {
          const counters = await reader.keys(`rally:rate:${key}@*`);
          const values = counters.length > 0 ? await reader.mGet(counters) : [];
          return values.reduce((sum, value) => sum + Number(value ?? 0), 0);
        },
        close: async () => reader.destroy(),
      };
    },
  ],
];

describe.each(sharedStores)('the %s rate limiter, with several API instances', (_name, open) => {
  it('shares what each instance counted, so a limit holds across them', async () => {
    const shared = await open();
    const first = await shared.instance({ syncEveryMs: 10 });
    const second = await shared.instance({ syncEveryMs: 10 });
    try {
      const limit = { key: `ip:${randomUUID()}`, max: 10, windowSeconds: 600 };
      for (let i = 0; i < 5; i++) expect(await first.hit([limit])).toBe(0);
      for (let i = 0; i < 5; i++) expect(await second.hit([limit])).toBe(0);
      await expect.poll(() => shared.counted(limit.key)).toBe(10);
      expect(await first.hit([limit])).toBeGreaterThan(0);
      expect(await second.hit([limit])).toBeGreaterThan(0);
    } finally {
      await first.close();
      await second.close();
      await shared.close();
    }
  });

  it('is exact alone, however often it shares its counts', async () => {
    const shared = await open();
    const limiter = await shared.instance({ syncEveryMs: 1 });
    try {
      const limit = { key: `ip:${randomUUID()}`, max: 10, windowSeconds: 600 };
      const waits: number[] = [];
      for (let i = 0; i < 30; i++) {
        waits.push(await limiter.hit([limit]));
        // Let a share happen between some hits, and not between others.
        if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(waits.filter((wait) => wait === 0)).toHaveLength(10);
    } finally {
      await limiter.close();
      await shared.close();
    }
  });

  it('writes every hit counted on its own before it closes', async () => {
    const shared = await open();
    const limiter = await shared.instance({ syncEveryMs: 60_000 });
    // A limit of 300 lets ten hits wait unsent (a thirtieth of it).
    const limit = { key: `email:${randomUUID()}`, max: 300, windowSeconds: 600 };
    try {
      for (let i = 0; i < 3; i++) expect(await limiter.hit([limit])).toBe(0);
      // Far from its limit, a count waits to be sent with others.
      expect(await shared.counted(limit.key)).toBe(0);
      await limiter.close();
      expect(await shared.counted(limit.key)).toBe(3);
    } finally {
      await shared.close();
    }
  });
});

describe('a shared rate limiter whose store answers out of order', () => {
  it('is still exact when a later exchange reaches the store before an earlier one', async () => {
    // A server's pool can send two exchanges on two connections, and the second may commit first:
    // here the first exchange, which carries the hits counted while far from the limit, is slow.
    const counts = new Map<string, number>();
    let exchanges = 0;
    const limiter = sharedRateLimiter(
      async (increments) => {
        if (exchanges++ === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        return increments.map(({ key, hits }) => {
          counts.set(key, (counts.get(key) ?? 0) + hits);
          return counts.get(key)!;
        });
      },
      { syncEveryMs: 60_000 },
    );
    try {
      const limit = { key: 'ip:203.0.113.7', max: 10, windowSeconds: 600 };
      const waits = await Promise.all(Array.from({ length: 15 }, () => limiter.hit([limit])));
      expect(waits.filter((wait) => wait === 0)).toHaveLength(10);
    } finally {
      await limiter.close();
    }
  });
});

describe('a shared rate limiter whose store goes down', () => {
  it('says so once, keeps what it counted, and says when its counts are shared again', async () => {
    const counts = new Map<string, number>();
    let down = false;
    const limiter = sharedRateLimiter(
      async (increments) => {
        if (down) throw new Error('connection refused');
        return increments.map(({ key, hits }) => {
          counts.set(key, (counts.get(key) ?? 0) + hits);
          return counts.get(key)!;
        });
      },
      { syncEveryMs: 5 },
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const limit = { key: 'ip:203.0.113.7', max: 100, windowSeconds: 600 };
      down = true;
      for (let i = 0; i < 3; i++) {
        expect(await limiter.hit([limit])).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 30)); // Several shares fail.
      }
      expect(logged.mock.calls).toEqual([
        [
          'Rate limits not shared: connection refused. Until the shared store answers again, ' +
            'this instance counts on its own, so each instance allows up to the whole limit.',
        ],
      ]);
      down = false;
      await expect.poll(() => counts.get(limit.key)).toBe(3);
      expect(logged).toHaveBeenCalledTimes(2);
      expect(logged.mock.calls[1]![0]).toMatch(
        /^Rate limits shared again, after \d+ s counted by each instance alone\.$/,
      );
    } finally {
      logged.mockRestore();
      await limiter.close();
    }
  });
});

describe('a shared rate limiter whose store stops answering', () => {
  it('answers within its timeout, then at once, holding each limit from the totals it last heard', async () => {
    const counts = new Map<string, number>();
    let hang = false;
    const limiter = sharedRateLimiter(
      async (increments) => {
        if (hang) return new Promise<never>(() => {}); // A store that never answers.
        return increments.map(({ key, hits }) => {
          counts.set(key, (counts.get(key) ?? 0) + hits);
          return counts.get(key)!;
        });
      },
      { syncEveryMs: 10, timeoutMs: 200 },
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const limit = { key: 'email:rosa', max: 10, windowSeconds: 600 };
      for (let i = 0; i < 6; i++) expect(await limiter.hit([limit])).toBe(0);
      await expect.poll(() => counts.get(limit.key)).toBe(6);
      hang = true;
      const timed = async () => {
        const started = performance.now();
        const wait = await limiter.hit([limit]);
        return { wait, ms: performance.now() - started };
      };
      const first = await timed();
      expect(first.wait).toBe(0);
      expect(first.ms).toBeLessThan(1000);
      const rest = [];
      for (let i = 0; i < 5; i++) rest.push(await timed());
      // Known 6, then 7 (first), 8, 9, 10 allowed; the 11th is refused, all without waiting.
      expect(rest.map(({ wait }) => wait > 0)).toEqual([false, false, false, true, true]);
      for (const { ms } of rest) expect(ms).toBeLessThan(50);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0]![0]).toMatch(/^Rate limits not shared: no answer within 200 ms/);
      hang = false;
      // Back: what was counted alone is shared.
      await expect.poll(() => counts.get(limit.key)).toBe(12);
      expect(logged.mock.calls[1]![0]).toMatch(/^Rate limits shared again/);
    } finally {
      logged.mockRestore();
      await limiter.close();
    }
  });
});

describe.each(sharedStores)('the %s rate limiter, with three API instances', (_name, open) => {
  it('lets a burst pass a limit of 30 by at most two', async () => {
    const shared = await open();
    const instances = await Promise.all([1, 2, 3].map(() => shared.instance({ syncEveryMs: 100 })));
    try {
      const limit = { key: `email:${randomUUID()}`, max: 30, windowSeconds: 600 };
      // 50 posts at once on each instance, as a script hammering one address behind a balancer.
      const waits = await Promise.all(
        Array.from({ length: 150 }, (_, i) => instances[i % 3]!.hit([limit])),
      );
      const allowed = waits.filter((wait) => wait === 0).length;
      expect(allowed).toBeGreaterThanOrEqual(30);
      expect(allowed).toBeLessThanOrEqual(32);
    } finally {
      for (const instance of instances) await instance.close();
      await shared.close();
    }
  });
});
