import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consoleContentSecurityPolicy } from '../staff/console-headers.ts';
import { serveConsole } from './serve-console.ts';

let dir: string;
const appFor = (folder: string) => new Hono().route('/console', serveConsole(folder));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rally-console-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(join(dir, 'assets', 'index-abc123.js'), 'export {};');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the console, served at /console/', () => {
  test('serves the page for every screen, never cached, under the strict policy', async () => {
    for (const path of ['/console/', '/console/dashboard', '/console/admin/audit']) {
      const response = await appFor(dir).request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>console</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  test('serves hashed assets for a year, and a missing file as a 404', async () => {
    const asset = await appFor(dir).request('/console/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await appFor(dir).request('/console/assets/gone-1.js')).status).toBe(404);
  });

  test('never serves a file from outside the build', async () => {
    const response = await appFor(dir).request('/console/..%2f..%2fetc%2fpasswd');
    expect(await response.text()).not.toContain('root:');
  });

  test('answers a path with a malformed escape as not found', async () => {
    for (const path of ['/console/%E0%A4%A', '/console/assets/%zz.js', '/console/%']) {
      const response = await appFor(dir).request(path);
      expect(response.status, path).toBe(404);
    }
  });

  test('says to build the console when it is not built', async () => {
    const response = await appFor(join(dir, 'missing')).request('/console/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('pnpm build');
    expect(response.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy);
  });
});
