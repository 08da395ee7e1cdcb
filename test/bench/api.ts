/**
 * `pnpm bench:api`: signatures per second through Rally against a bare one-INSERT baseline, on
 * PGlite and on PostgreSQL, in the same run; petition reads; and what the indexes for staff reads
 * (migration 011) and keeping each member's latest actions (022) cost a signature on PostgreSQL.
 * Prints figures and ratios.
 * Every load is 50 connections for 10 seconds on loopback, after 3 seconds of warm-up, each request
 * a different person.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const postgresUrl =
  process.env.RALLY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.RALLY_BENCH_SECONDS ?? 10);
const petition = 'fair-wages-home-care';

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function start(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (/ready|Rally API:/.test(chunk.toString())) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Each load first runs 3 seconds unmeasured, on both servers alike: a server just started runs its
 * code unoptimized until V8 has seen it often enough, which slows Rally's larger path (validation,
 * routing, the driver's parsing) for the first seconds and the one-INSERT baseline hardly at all.
 */
const warmup = { connections: 50, duration: 3 };

async function load(url: string, request: autocannon.Request): Promise<Figures> {
  // `warmup` is autocannon's own option, which its type declarations leave out.
  const options: autocannon.Options & { warmup: typeof warmup } = {
    url,
    connections: 50,
    duration: seconds,
    warmup,
    requests: [request],
  };
  const result = await autocannon(options);
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

let people = 0;
function signing(
  path: string,
  body: (email: string) => unknown,
  { withKey = false } = {},
): autocannon.Request {
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({
      ...request,
      // Widgets send an Idempotency-Key with every write, which the API then stores.
      headers: withKey ? { ...request.headers, 'idempotency-key': randomUUID() } : request.headers,
      body: JSON.stringify(body(`person${people++}-${process.pid}@bench.test`)),
    }),
  };
}

async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `rally_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

/** Puts the schema back as it was before migration 011 (indexes for staff reads at volume). */
async function withoutReadIndexes(env: Record<string, string>): Promise<void> {
  const client = new pg.Client({ connectionString: env['DATABASE_URL'] });
  await client.connect();
  await client.query(`
    drop index signatures_petition, attendances_event, people_created, people_updated;
    create index signatures_created_at on signatures (created_at);
    create index people_created_at on people (created_at);`);
  await client.end();
}

/** Turns off what keeps each member's latest actions on a signature (migration 022). */
async function withoutMemberActivity(env: Record<string, string>): Promise<void> {
  const client = new pg.Client({ connectionString: env['DATABASE_URL'] });
  await client.connect();
  await client.query('alter table signatures disable trigger member_activity_signed');
  await client.end();
}

interface Setup {
  name: string;
  env: () => Promise<{ env: Record<string, string>; cleanUp: () => Promise<void> }>;
}

const embedded =
  (durability: 'os' | 'fsync'): Setup['env'] =>
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rally-bench-'));
    return {
      env: { RALLY_DATA_DIR: join(dir, 'db'), RALLY_EMBEDDED_DURABILITY: durability },
      cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
    };
  };
const server: Setup['env'] = async () => {
  const { url, drop } = await freshSchema();
  return { env: { DATABASE_URL: url }, cleanUp: drop };
};

async function measure(
  script: string,
  setup: Setup['env'],
  port: number,
  requests: autocannon.Request[],
  /** Runs once the server has started (and migrated its database), before the loads. */
  prepare?: (env: Record<string, string>) => Promise<void>,
) {
  const { env, cleanUp } = await setup();
  const child = await start(script, {
    ...env,
    PORT: String(port),
    RALLY_CONFIG: 'test/bench/rally.bench.json',
    RALLY_ADMIN_TOKEN: 'benchmark-token-not-used-0123456789',
    NODE_ENV: 'production',
  });
  try {
    await prepare?.(env);
    const figures: Figures[] = [];
    for (const request of requests) figures.push(await load(`http://127.0.0.1:${port}`, request));
    return figures;
  } finally {
    await stop(child);
    await cleanUp();
  }
}

const rows: string[] = [];
function report(label: string, figures: Figures, baseline?: Figures) {
  const ratio = baseline ? (figures.perSecond / baseline.perSecond).toFixed(2) : '';
  const failures = figures.errors + figures.non2xx;
  rows.push(
    `| ${label} | ${Math.round(figures.perSecond).toLocaleString('en-US')} | ${figures.p50} | ${figures.p99} | ${ratio} | ${failures} |`,
  );
  console.log(rows.at(-1));
}

console.log(
  `Each load: 50 connections, ${seconds} s after ${warmup.duration} s of warm-up, loopback.\n`,
);
console.log('| load | requests/s | p50 ms | p99 ms | ratio to baseline | failed |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const signaturePath = `/api/v1/petitions/${petition}/signatures`;
const signer = (email: string) => ({
  person: { given_name: 'Bench', email_addresses: [{ address: email }] },
});
const rallySign = signing(signaturePath, signer);
const rallySignWithKey = signing(signaturePath, signer, { withKey: true });
const baselineSign = signing('/sign', (email) => ({ email }));
const read: autocannon.Request = { method: 'GET', path: `/api/v1/petitions/${petition}` };

const redisUrl = process.env.RALLY_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const withRedis: Setup['env'] = async () => {
  const { env, cleanUp } = await server();
  return { env: { ...env, REDIS_URL: redisUrl }, cleanUp };
};

for (const [database, setup] of [
  ['PGlite', embedded('os')],
  ['PostgreSQL', server],
] as const) {
  const [baseline] = await measure('test/bench/baseline-server.ts', setup, 8801, [baselineSign]);
  report(`${database}: baseline, one INSERT`, baseline!);
  const [signatures, keyed, reads] = await measure('packages/api/src/server.ts', setup, 8802, [
    rallySign,
    rallySignWithKey,
    read,
  ]);
  report(`${database}: Rally signatures`, signatures!, baseline);
  report(
    `${database}: Rally signatures with an Idempotency-Key, as widgets send them`,
    keyed!,
    baseline,
  );
  report(`${database}: Rally petition reads`, reads!);
  if (database === 'PostgreSQL') {
    const [shared] = await measure('packages/api/src/server.ts', withRedis, 8803, [rallySign]);
    report('PostgreSQL: Rally signatures, rate limits in Redis', shared!, baseline);
    // What the indexes staff reads need (migration 011) cost a signature: the same load with
    // them taken out again, as the schema was before.
    const [unindexed] = await measure(
      'packages/api/src/server.ts',
      server,
      8805,
      [rallySign],
      withoutReadIndexes,
    );
    report('PostgreSQL: Rally signatures without the read indexes of 011', unindexed!, baseline);
    // What keeping each member's latest actions (migration 022) costs a signature: the signers
    // here are all newcomers, for whom it looks for a member's row and finds none.
    const [untracked] = await measure(
      'packages/api/src/server.ts',
      server,
      8806,
      [rallySign],
      withoutMemberActivity,
    );
    report('PostgreSQL: Rally signatures without the activity of 022', untracked!, baseline);
    // Loads later in a run go faster (the machine warms up): the first load again, to compare the
    // last two with it rather than with the first.
    const [again] = await measure('packages/api/src/server.ts', server, 8807, [rallySign]);
    report('PostgreSQL: Rally signatures again, last', again!, baseline);
  }
}
const [fsyncSignatures] = await measure('packages/api/src/server.ts', embedded('fsync'), 8804, [
  rallySign,
]);
report('PGlite with fsync durability: Rally signatures', fsyncSignatures!);
