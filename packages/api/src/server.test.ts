import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts `pnpm api` as an organization would, and collects what it says until it listens; then
 * runs `whileUp` against it, if given, before stopping it.
 */
async function startUp(
  env: Record<string, string>,
  whileUp?: (base: string) => Promise<void>,
): Promise<string> {
  const port = await freePort();
  const server = spawn(process.execPath, ['packages/api/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      RALLY_DATA_DIR: mkdtempSync(join(tmpdir(), 'rally-server-')),
      RALLY_EMBEDDED_DURABILITY: 'os',
      ...env,
    },
  });
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Rally API: http://')) resolve();
      };
      server.stdout.on('data', read);
      server.stderr.on('data', read);
      server.on('exit', () => reject(new Error(`The API stopped:\n${output}`)));
    });
    await whileUp?.(`http://127.0.0.1:${port}`);
  } finally {
    server.kill('SIGTERM');
  }
  return output;
}

it('starts without Stripe keys, saying once that dues are off', async () => {
  const output = await startUp({ RALLY_ADMIN_TOKEN: 'a-long-enough-random-token-0123' });
  const warnings = output.split('\n').filter((line) => /Dues are|STRIPE_/.test(line));
  expect(warnings).toEqual([
    'Dues are off (STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET not set); every other widget works.',
  ]);
}, 60_000); // A real start: migrations and the content, on a machine that may be busy.

it('says nothing of dues when Stripe is set up', async () => {
  const output = await startUp({
    STRIPE_SECRET_KEY: 'sk_test_x',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
    STRIPE_WEBHOOK_SECRET: 'whsec_x',
  });
  expect(output).not.toMatch(/Dues are|STRIPE_/);
  expect(output).toMatch(/Rally API: http:\/\/localhost:\d+\/api\/v1/);
}, 60_000);

// Writes without Redis are in http/redis-outage.test.ts; here, that the port opens and answers.
it('starts and answers while Redis is unreachable, saying so', async () => {
  const output = await startUp(
    { REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
    async (base) => {
      expect((await fetch(`${base}/api/v1/petitions`)).status).toBe(200);
    },
  );
  expect(output).toMatch(/Redis: connect ECONNREFUSED/);
}, 60_000);

it('stops with one clear line when its database cannot be opened', async () => {
  const notAFolder = join(mkdtempSync(join(tmpdir(), 'rally-server-')), 'a-file');
  writeFileSync(notAFolder, '');
  const dataDir = join(notAFolder, 'db');
  const server = spawn(process.execPath, ['packages/api/src/server.ts'], {
    env: { ...process.env, PORT: String(await freePort()), RALLY_DATA_DIR: dataDir },
  });
  let output = '';
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise((resolve) => server.on('exit', resolve));
  expect(code).toBe(1);
  expect(output.trim()).toBe(
    `Rally API cannot open its database in ${dataDir}: ` +
      `ENOTDIR: not a directory, mkdir '${dataDir}'`,
  );
}, 60_000);
