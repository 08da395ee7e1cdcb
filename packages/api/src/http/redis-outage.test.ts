/**
 * Writes while the Redis that shares rate limits is away: answered within a bound, counted by the
 * instance alone, and never applied after their answer. A real Redis, behind a proxy the test
 * cuts (connections refused) or freezes (connections open, nothing answered).
 */
import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createApp } from '../app.ts';
import { syncContent } from '../content-sync.ts';
import type { Database } from '../database.ts';
import { installEnvironmentToken } from '../staff/require-staff.ts';
import {
  openTestPostgres,
  person,
  postJson,
  testContent,
  testSettings,
  type TestApi,
} from '../testing.ts';
import { redisRateLimiter, type RateLimiter } from './rate-limits.ts';

const redis = new URL(process.env.RALLY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

/** A TCP proxy to Redis on a port of its own, which can refuse, freeze and forward again. */
class RedisProxy {
  readonly sockets = new Set<Socket>();
  frozen = false;
  server: Server | undefined;
  port = 0;

  async listen(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(redis.port || 6379), redis.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.on('data', (data) => void (this.frozen || upstream.write(data)));
      upstream.on('data', (data) => void (this.frozen || client.write(data)));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Redis is gone: open connections drop and new ones are refused. */
  async cut(): Promise<void> {
    const server = this.server!;
    this.server = undefined;
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
}

/** Resolves with the answer, or with `late` once `ms` have passed without one. */
function within(ms: number, answer: Promise<Response>): Promise<Response | 'late'> {
  return Promise.race([answer, new Promise<'late'>((r) => setTimeout(() => r('late'), ms))]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('writes while the Redis that shares rate limits is away', () => {
  let proxy: RedisProxy;
  let db: Database;
  let limiter: RateLimiter;
  let api: TestApi;
  let logged: MockInstance<typeof console.error>;

  beforeEach(async () => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    proxy = new RedisProxy();
    await proxy.listen();
    db = await openTestPostgres();
    await syncContent(db, testContent);
    await installEnvironmentToken(db, undefined);
    limiter = await redisRateLimiter(proxy.url, { syncEveryMs: 20 });
    const settings = testSettings({ per_email: { max: 4, window_seconds: 600 } });
    const app = createApp({ db, settings, linkSecret: 'test-link-secret', rateLimiter: limiter });
    api = { app, db, close: async () => {} };
  });

  afterEach(async () => {
    proxy.frozen = false;
    if (proxy.server) await proxy.cut();
    await limiter.close();
    await db.close();
    logged.mockRestore();
  });

  // Each submission different, so none is taken for a resubmission of the one before.
  let joins = 0;
  const join = (email: string) =>
    postJson(api, '/api/v1/people', { person: person(email, { given_name: `Rosa ${++joins}` }) });
  const peopleCount = async () =>
    (await db.query<{ n: number }>('select count(*)::int as n from people'))[0]!.n;

  for (const outage of ['cut', 'frozen'] as const) {
    it(`are answered at once, from this instance's own count, when Redis is ${outage}`, async () => {
      // Unique: Redis keeps its counts from one run to the next.
      const email = `rosa-${randomUUID()}@example.org`;
      // Past half its limit of 4: from here on, every hit on this address asks Redis first.
      for (let i = 0; i < 3; i++) expect((await join(email)).status).toBe(201);

      if (outage === 'cut') await proxy.cut();
      else proxy.frozen = true;

      // The fourth is within the limit, the fifth is not: decided here, without Redis.
      const fourth = await within(2000, join(email));
      expect(fourth === 'late' ? 'late' : fourth.status).toBe(201);
      const fifth = await within(2000, join(email));
      expect(fifth === 'late' ? 'late' : fifth.status).toBe(429);
      // Someone else signs up as usual.
      const other = await within(2000, join(`ana-${randomUUID()}@example.org`));
      expect(other === 'late' ? 'late' : other.status).toBe(201);
      expect(logged.mock.calls.map(([line]) => String(line))).toContainEqual(
        expect.stringMatching(/^Rate limits not shared: .*each instance allows up to the whole/),
      );

      // Redis comes back: the counts are shared again, and nothing more is written.
      const written = await peopleCount();
      if (outage === 'cut') await proxy.listen();
      else proxy.frozen = false;
      await expect
        .poll(() => logged.mock.calls.some(([line]) => /shared again/.test(String(line))), {
          timeout: 10_000,
        })
        .toBe(true);
      await sleep(200);
      expect(await peopleCount()).toBe(written);
      expect((await join(email)).status).toBe(429);
    }, 30_000);
  }

  it('leave an API started without Redis able to write, and share once Redis is there', async () => {
    await proxy.cut();
    const started = performance.now();
    const alone = await redisRateLimiter(proxy.url, { syncEveryMs: 20 });
    try {
      expect(performance.now() - started).toBeLessThan(3000);
      const limit = { key: `email:started-alone-${Date.now()}`, max: 4, windowSeconds: 600 };
      const waits = [];
      for (let i = 0; i < 5; i++) waits.push(await alone.hit([limit]));
      expect(waits).toEqual([0, 0, 0, 0, expect.any(Number)]);
      expect(waits[4]).toBeGreaterThan(0);
      await proxy.listen();
      await expect
        .poll(() => logged.mock.calls.some(([line]) => /shared again/.test(String(line))), {
          timeout: 10_000,
        })
        .toBe(true);
    } finally {
      await alone.close();
    }
  }, 30_000);
});
