import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openTestPGlite, openTestPostgres } from '../testing.ts';
import {
  databaseRateLimiter,
  memoryRateLimiter,
  redisRateLimiter,
  type RateLimiter,
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
