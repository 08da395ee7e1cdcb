/**
 * Serving the built sites each on its own origin, as `pnpm start` does: a region or a sector
 * published from the console is served once its site is built, without a restart.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'rally-sites-'));
let port = 0;
let close = () => {};

beforeAll(async () => {
  mkdirSync(join(out, 'hub'));
  writeFileSync(join(out, 'hub/index.html'), '<h1>Hub</h1>');
  // Where the sites are is read when the module is first imported.
  process.env.RALLY_SITES_OUT_DIR = out;
  const { serveSites } = await import('./serve-sites.ts');
  const server = await serveSites(0, { live: true });
  port = (server.address() as AddressInfo).port;
  close = () => server.close();
});

afterAll(() => {
  close();
  delete process.env.RALLY_SITES_OUT_DIR;
  rmSync(out, { recursive: true, force: true });
});

/** A page as a browser asks for it at `http://<host>:<port>/`. */
function get(host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ port, path: '/', headers: { Host: `${host}:${port}` } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

it('serves a site built after serving began, on its own origin', async () => {
  expect(await get('localhost')).toEqual({ status: 200, body: '<h1>Hub</h1>' });
  expect(await get('bayou.localhost')).toMatchObject({
    status: 404,
    body: 'No site is called bayou.',
  });
  mkdirSync(join(out, 'bayou'));
  writeFileSync(join(out, 'bayou/index.html'), '<h1>Bayou</h1>');
  expect(await get('bayou.localhost')).toEqual({ status: 200, body: '<h1>Bayou</h1>' });
});
