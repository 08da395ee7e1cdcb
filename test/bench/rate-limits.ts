/**
 * `pnpm bench:rate-limits`: Rally's rate limiter against a well-kept library for the job,
 * rate-limiter-flexible, on the same Redis, in the same run. Each request counts two limits as a
 * signature does (its address, shared by many; its email, its own), with 50 requests in flight;
 * the baseline is the least a shared counter can cost, one Redis INCR a request. Prints requests
 * per second, p99 and each one's ratio to the baseline. Redis: RALLY_BENCH_REDIS_URL, by default
 * redis://127.0.0.1:6379 (keys of their own, removed after).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { memoryRateLimiter, redisRateLimiter, type Limit } from '@rally/api/rate-limits';

const url = process.env.RALLY_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const requests = Number(process.env.RALLY_BENCH_REQUESTS ?? 30_000);
const inFlight = 50;
const rounds = Number(process.env.RALLY_BENCH_ROUNDS ?? 3);
// The demo's limits: 3,000 writes an address and 30 an email in ten minutes.
const perIp = { max: 3000, windowSeconds: 600 };
const perEmail = { max: 30, windowSeconds: 600 };
const run = randomBytes(4).toString('hex');

/** The two limits of request `i`: one of 200 addresses, and an email of its own. */
const limitsOf = (i: number, prefix: string): Limit[] => [
  { key: `${prefix}:ip:10.0.${i % 200}.1`, ...perIp },
  { key: `${prefix}:email:${i}@bench.test`, ...perEmail },
];

type Hit = (i: number) => Promise<unknown>;

async function load(hit: Hit): Promise<{ perSecond: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < requests) {
        const i = next++;
        const t = performance.now();
        await hit(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: requests / seconds, p99: latencies[Math.floor(latencies.length * 0.99)]! };
}

const client = createClient({ url });
await client.connect();
const median = (values: number[]) => values.toSorted((a, b) => a - b)[values.length >> 1]!;

interface Contender {
  name: string;
  open: (prefix: string) => Promise<{ hit: Hit; close: () => Promise<void> }>;
}

const contenders: Contender[] = [
  {
    name: 'baseline: one Redis INCR a request',
    open: async (prefix) => ({
      hit: (i) => client.incr(`${prefix}:ip:${i % 200}`),
      close: async () => {},
    }),
  },
  {
    name: 'Rally (redisRateLimiter)',
    open: async (prefix) => {
      const limiter = await redisRateLimiter(url);
      return { hit: (i) => limiter.hit(limitsOf(i, prefix)), close: () => limiter.close() };
    },
  },
  {
    name: 'rate-limiter-flexible (RateLimiterRedis, in-memory insurance)',
    open: async (prefix) => {
      const options = { storeClient: client, useRedisPackage: true, keyPrefix: prefix };
      const insurance = {
        insuranceLimiter: new RateLimiterMemory({
          points: perIp.max,
          duration: perIp.windowSeconds,
        }),
      };
      const ip = new RateLimiterRedis({
        ...options,
        points: perIp.max,
        duration: perIp.windowSeconds,
        ...insurance,
      });
      const email = new RateLimiterRedis({
        ...options,
        keyPrefix: `${prefix}:e`,
        points: perEmail.max,
        duration: perEmail.windowSeconds,
      });
      return {
        // A refused hit rejects; both are counted either way, as Rally's are.
        hit: (i) =>
          Promise.allSettled([ip.consume(`10.0.${i % 200}.1`), email.consume(`${i}@bench.test`)]),
        close: async () => {},
      };
    },
  },
  {
    name: 'Rally, one instance in memory (memoryRateLimiter)',
    open: async (prefix) => {
      const limiter = memoryRateLimiter();
      return { hit: (i) => limiter.hit(limitsOf(i, prefix)), close: () => limiter.close() };
    },
  },
  {
    name: 'rate-limiter-flexible in memory (RateLimiterMemory)',
    open: async () => {
      const ip = new RateLimiterMemory({ points: perIp.max, duration: perIp.windowSeconds });
      const email = new RateLimiterMemory({
        points: perEmail.max,
        duration: perEmail.windowSeconds,
      });
      return {
        hit: (i) =>
          Promise.allSettled([ip.consume(`10.0.${i % 200}.1`), email.consume(`${i}@bench.test`)]),
        close: async () => {},
      };
    },
  },
];

console.log(
  `${requests} requests a load, ${inFlight} in flight, ${rounds} rounds; load average ${loadavg()[0]!.toFixed(1)}`,
);
const results = new Map<string, { perSecond: number[]; p99: number[] }>();
for (let round = 1; round <= rounds; round++) {
  for (const contender of contenders) {
    const prefix = `rally-bench:${run}:${round}:${contenders.indexOf(contender)}`;
    const { hit, close } = await contender.open(prefix);
    // Unmeasured first, so each runs optimized code, as a server soon does.
    for (let i = 0; i < 2000; i++) await hit(requests + i);
    const result = await load(hit);
    await close();
    const kept = results.get(contender.name) ?? { perSecond: [], p99: [] };
    kept.perSecond.push(result.perSecond);
    kept.p99.push(result.p99);
    results.set(contender.name, kept);
  }
}
for await (const keys of client.scanIterator({ MATCH: `rally-bench:${run}:*`, COUNT: 1000 }))
  if (keys.length > 0) await client.del(keys);
await client.quit();

const baseline = median(results.get(contenders[0]!.name)!.perSecond);
console.log('| load | requests/s (median) | p99 ms | ratio to the baseline |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, { perSecond, p99 }] of results) {
  const rate = median(perSecond);
  console.log(
    `| ${name} | ${Math.round(rate).toLocaleString('en')} | ${median(p99).toFixed(1)} | ${(rate / baseline).toFixed(2)} |`,
  );
}
