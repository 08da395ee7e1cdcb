/**
 * The commands staff run by hand, started and stopped as people do: `pnpm dev` or `pnpm start`
 * while the other already runs says so in one line and stops, and Ctrl-C on `pnpm start` stops its
 * API without an error.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const servers: Server[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A port something already listens on, as when `pnpm start` runs. */
async function takenPort(): Promise<number> {
  const server = createServer().listen(0);
  await once(server, 'listening');
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs a script to its end (at most `seconds`), with its output. */
async function run(script: string, env: Record<string, string>, seconds = 15) {
  // In a process group of its own, so a script that does not stop is stopped with what it started.
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), seconds * 1000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}

describe('started while Rally already runs', () => {
  for (const [command, script] of [
    ['pnpm dev', 'scripts/dev.ts'],
    ['pnpm start', 'scripts/start.ts'],
  ] as const) {
    it(`${command} says in one line which ports are taken and stops, before building anything`, async () => {
      const sites = await takenPort();
      const api = await takenPort();
      const { code, output } = await run(script, {
        RALLY_SITES_PORT: String(sites),
        PORT: String(api),
      });
      expect(code).toBe(1);
      expect(output.trim().split('\n')).toEqual([
        `Ports ${sites} and ${api} are already in use, most likely by \`pnpm start\` or \`pnpm dev\` in another terminal: use that one, or stop it (Ctrl-C there) and run \`${command}\` again.`,
      ]);
    });
  }

  it('pnpm dev names the one port taken when only the API’s is', async () => {
    const api = await takenPort();
    const { code, output } = await run('scripts/dev.ts', {
      RALLY_SITES_PORT: String(await freePort()),
      PORT: String(api),
    });
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`^Port ${api} is already in use, [^\\n]*\\n$`));
  });
});

describe('Ctrl-C on pnpm start', () => {
  it('stops the API, with its staff token set, without an error', async () => {
    const data = mkdtempSync(join(tmpdir(), 'rally-stop-'));
    folders.push(data);
    const port = await freePort();
    const api = spawn(process.execPath, ['packages/api/src/server.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        RALLY_DATA_DIR: data,
        RALLY_EMBEDDED_DURABILITY: 'os',
        RALLY_ADMIN_TOKEN: 'stop-test-staff-token-0123456789',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    api.stderr.on('data', (chunk: Buffer) => (errors += chunk));
    api.stdout.resume();
    const exited = once(api, 'exit');
    const deadline = Date.now() + 50_000;
    for (;;) {
      const ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline || api.exitCode !== null) throw new Error(`No API: ${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // What the API receives: the terminal's SIGINT, and at once `pnpm start` stopping it too.
    api.kill('SIGINT');
    api.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(errors).not.toMatch(/Error|\n\s+at /);
    expect(code).toBe(0);
  }, 60_000);
});
