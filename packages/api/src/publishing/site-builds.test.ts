/**
 * Site builds after publications, with a stand-in for the build command (the real one, which runs
 * Astro, is timed by `pnpm bench:publish` and driven end to end by the console's publishing spec):
 * a program that records how it was called, takes a moment, and answers as the real one does.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildEnvironment, SiteBuilds } from './site-builds.ts';

function standIn(exitCode = 0): { command: string; calls: () => string[][] } {
  const dir = mkdtempSync(join(tmpdir(), 'rally-site-builds-'));
  const log = join(dir, 'calls.jsonl');
  const script = join(dir, 'build.mjs');
  writeFileSync(
    script,
    `import { appendFileSync } from 'node:fs';
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
await new Promise((resolve) => setTimeout(resolve, 150));
if (${exitCode} !== 0) { console.error('sites/pages/x.astro: something broke'); process.exit(${exitCode}); }
const pieces = (args[args.indexOf('--pages') + 1] ?? '').split(',');
console.log('a line the build logged');
console.log(JSON.stringify({ sites: [], pages: pieces.map((piece) => ({ site: 'louisiana', lang: 'es', url: 'http://louisiana.localhost/es/' + piece + '/' })) }));
`,
  );
  return {
    command: `${process.execPath} ${script}`,
    calls: () =>
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as string[]),
  };
}

describe('building the sites after publications', () => {
  it('builds the sites a change shows on and gives its pages', async () => {
    const { command, calls } = standIn();
    const builds = new SiteBuilds(command);
    const build = builds.request(['hub', 'louisiana'], 'spotlights/rosa-nueva');
    expect(build.status).toBe('building');
    await builds.settled();
    expect(builds.get(build.id)).toMatchObject({
      status: 'done',
      sites: ['hub', 'louisiana'],
      pages: [
        {
          site: 'louisiana',
          lang: 'es',
          url: 'http://louisiana.localhost/es/spotlights/rosa-nueva/',
        },
      ],
      problem: null,
    });
    expect(build.seconds).toBeGreaterThan(0);
    expect(calls()).toEqual([['--sites', 'hub,louisiana', '--pages', 'spotlights/rosa-nueva']]);
  });

  it('makes the changes published during a build in one build after it, all together', async () => {
    const { command, calls } = standIn();
    const builds = new SiteBuilds(command);
    const first = builds.request(['hub', 'louisiana'], 'spotlights/a');
    const second = builds.request(['education', 'hub'], 'spotlights/b');
    const third = builds.request(['hub', 'texas-gulf'], 'events/c');
    expect(third.id).toBe(second.id);
    expect(second.status).toBe('queued');
    await builds.settled();
    expect(calls()).toEqual([
      ['--sites', 'hub,louisiana', '--pages', 'spotlights/a'],
      ['--sites', 'education,hub,texas-gulf', '--pages', 'spotlights/b,events/c'],
    ]);
    expect(builds.get(second.id)!.pages.map((page) => page.url)).toEqual([
      'http://louisiana.localhost/es/spotlights/b/',
      'http://louisiana.localhost/es/events/c/',
    ]);
    expect(first.status).toBe('done');
    // A change on every site makes the waiting build one of every site.
    builds.request(['hub'], 'spotlights/d');
    builds.request(['hub'], 'spotlights/e');
    const every = builds.request(undefined, 'regions/louisiana');
    await builds.settled();
    expect(every.sites).toBeNull();
    expect(calls().slice(-2)).toEqual([
      ['--sites', 'hub', '--pages', 'spotlights/d'],
      ['--pages', 'spotlights/e,regions/louisiana'],
    ]);
  });

  it('says a build failed in a sentence for staff, and why in the API’s log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { command } = standIn(1);
      const builds = new SiteBuilds(command);
      const build = builds.request(['hub'], 'spotlights/a');
      await builds.settled();
      expect(build).toMatchObject({
        status: 'failed',
        pages: [],
        problem: `It stopped before it finished. What was published is saved; the API's log says why under build ${build.id}.`,
      });
      // The build's own words name the server's files: the log has them, the answer not.
      expect(logged).toHaveBeenLastCalledWith(
        expect.stringMatching(new RegExp(`${build.id}[^]*sites/pages/x.astro: something broke`)),
      );
      const missing = new SiteBuilds('/nonexistent/build-command');
      const never = missing.request(['hub'], 'spotlights/a');
      await missing.settled();
      expect(never.status).toBe('failed');
      expect(never.problem).not.toMatch(/ENOENT|nonexistent/);
      expect(logged).toHaveBeenLastCalledWith(expect.stringMatching(/ENOENT/));
    } finally {
      logged.mockRestore();
    }
  });
});

describe('a build’s environment', () => {
  it('holds the sites’ settings and none of the API’s secrets', () => {
    expect(
      buildEnvironment({
        PATH: '/usr/bin',
        RALLY_API_URL: 'https://api.example.org',
        RALLY_ADMIN_TOKEN: 'secret-token-0123456789abcdef',
        DATABASE_URL: 'postgres://user:password@db/rally',
        REDIS_URL: 'redis://db',
        STRIPE_SECRET_KEY: 'sk_live_x',
        STRIPE_WEBHOOK_SECRET: 'whsec_x',
        STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
      }),
    ).toEqual({
      PATH: '/usr/bin',
      RALLY_API_URL: 'https://api.example.org',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
    });
  });
});
