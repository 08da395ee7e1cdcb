/**
 * `pnpm bench:publish`: from "publish" in the console to the changed page being served, for one new
 * member story, on the demo content and with 1,000 more stories — against a full `astro build` of
 * the same content in the same run. Each scenario is a copy of the project whose content folder is
 * a git repository of its own, built whole once (as `pnpm start` does), then served as `pnpm start`
 * serves it: the API (on a PostgreSQL schema of its own, so the benchmark can sign a staff member
 * in) with `RALLY_SITES_BUILD_COMMAND`, and the sites from disk. A story is published through the
 * API as the console sends it; the clock stops when its page answers on its region's microsite with
 * the story in it. Prints each round, the medians, and the ratio to the full build.
 *
 * `RALLY_BENCH_ROUNDS` (default 3) is how many stories each scenario publishes, one after another;
 * `RALLY_BENCH_SCALES` (default `0,1000`) the extra stories of each scenario.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { addStaffAccount, addStaffSession, openDatabase } from '@rally/api/testing';
import { requireFreePorts } from '../../scripts/ports.ts';
import { localSiteEnvironment } from '../../scripts/serve-sites.ts';
import { median, syntheticStory } from './support.ts';

const rounds = Number(process.env.RALLY_BENCH_ROUNDS ?? 3);
const scales = (process.env.RALLY_BENCH_SCALES ?? '0,1000').split(',').map(Number);
const postgresUrl =
  process.env.RALLY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const project = resolve('.');
const ports = { site: 4391, api: 4392 };
const targets: Record<number, number> = { 0: 10, 1000: 30 };

/** A copy of the project with `extra` more stories, its content folder a repository of its own. */
function projectCopy(extra: number): string {
  const root = mkdtempSync(join(tmpdir(), 'rally-bench-publish-'));
  for (const entry of [
    'sites',
    'content',
    'public',
    'packages',
    'docs',
    'scripts',
    'astro.config.mjs',
    'package.json',
    'rally.config.json',
    'tsconfig.json',
  ])
    cpSync(join(project, entry), join(root, entry), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
  symlinkSync(join(project, 'node_modules'), join(root, 'node_modules'));
  // Each package's own dependencies, as pnpm links them.
  for (const name of readdirSync(join(project, 'packages'))) {
    const modules = join(project, 'packages', name, 'node_modules');
    if (existsSync(modules)) symlinkSync(modules, join(root, 'packages', name, 'node_modules'));
  }
  cpSync(join(project, 'dist/widgets'), join(root, 'dist/widgets'), { recursive: true });
  mkdirSync(join(root, 'content/spotlights/en'), { recursive: true });
  for (let index = 0; index < extra; index++)
    writeFileSync(join(root, `content/spotlights/en/member-${index}.mdx`), syntheticStory(index));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: join(root, 'content'), stdio: 'pipe' });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', 'commit', '-qm', 'Content');
  return root;
}

/** The environment every build and server of the copy runs in: this machine's addresses. */
function environment(root: string, schema: string): NodeJS.ProcessEnv {
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    ...Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(npm_|RALLY_|NODE_ENV$)/.test(name)),
    ),
    ...localSiteEnvironment(ports.site, ports.api),
    RALLY_CONTENT_DIR: join(root, 'content'),
    PORT: String(ports.api),
    DATABASE_URL: url.toString(),
    RALLY_SITES_BUILD_COMMAND: `${process.execPath} scripts/build-sites.ts`,
  };
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

function started(root: string, env: NodeJS.ProcessEnv, args: string[]): ChildProcess {
  return spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A GET of a page on a site's own origin (`louisiana.localhost`), to this machine. */
function get(url: string): Promise<{ status: number; text: string }> {
  const { hostname, pathname } = new URL(url);
  return new Promise((done, fail) => {
    const asked = request(
      { host: '127.0.0.1', port: ports.site, path: pathname, headers: { host: hostname } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, text }));
      },
    );
    asked.on('error', fail);
    asked.end();
  });
}

async function until<T>(what: string, check: () => Promise<T | undefined>, limit = 120) {
  const deadline = performance.now() + limit * 1000;
  while (performance.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`${what}: not within ${limit} s.`);
}

interface Round {
  live: number;
  build: number;
}

async function scenario(extra: number): Promise<{ full: number; rounds: Round[] }> {
  const root = projectCopy(extra);
  const schema = `rally_bench_publish_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const env = environment(root, schema);
  const children: ChildProcess[] = [];
  try {
    // The full build, as `pnpm start` makes it before serving: the baseline.
    const fullStart = performance.now();
    execFileSync(join(project, 'node_modules/.bin/astro'), ['build', '--silent'], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    const full = seconds(fullStart);
    console.log(`  ${extra} extra stories: full build ${full.toFixed(1)} s`);

    children.push(
      started(root, env, ['scripts/serve-sites.ts', '--port', String(ports.site), '--live']),
    );
    children.push(started(root, env, ['packages/api/src/server.ts']));
    const api = `http://localhost:${ports.api}`;
    await until('the API', async () => ((await fetch(`${api}/healthz`)).ok ? true : undefined));
    const db = await openDatabase({ url: env.DATABASE_URL! });
    const account = await addStaffAccount(db, {
      email: 'lucia@example.org',
      role: 'communications',
      name: 'Lucía Pérez',
    });
    const cookie = await addStaffSession(db, account.id);
    await db.close();

    const results: Round[] = [];
    for (let round = 1; round <= rounds; round++) {
      const id = `bench-story-${round}`;
      const name = `Bench Story ${round}`;
      const t0 = performance.now();
      const published = await fetch(`${api}/api/v1/staff/content/spotlights/${id}`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          Cookie: cookie,
          Origin: api,
          'Sec-Fetch-Site': 'same-origin',
        },
        body: JSON.stringify({
          versions: {
            en: {
              data: {
                name,
                kind: 'member',
                region: 'louisiana',
                sector: 'domestic-work',
                photo: { src: 'marisol-reyes.jpg', alt: 'A member at the meeting.' },
                quote: 'We did it together.',
                date: '2026-12-01',
              },
              body: `${name} talked to every coworker on the shift.`,
            },
          },
        }),
      });
      if (published.status !== 200)
        throw new Error(`publish: ${published.status} ${await published.text()}`);
      const { build } = (await published.json()) as { build: { id: string } | null };
      if (!build) throw new Error('The API started no build: RALLY_SITES_BUILD_COMMAND unset?');
      const done = await until('the build', async () => {
        const answer = await fetch(`${api}/api/v1/staff/content/builds/${build.id}`, {
          headers: { Cookie: cookie },
        });
        const { build: now } = (await answer.json()) as {
          build: { status: string; pages: { url: string }[]; seconds: number; problem: string };
        };
        if (now.status === 'failed') throw new Error(`The build failed: ${now.problem}`);
        return now.status === 'done' ? now : undefined;
      });
      const page = done.pages[0]!.url;
      await until('the page', async () => {
        const { status, text } = await get(page);
        return status === 200 && text.includes(name) ? true : undefined;
      });
      const live = seconds(t0);
      results.push({ live, build: done.seconds });
      console.log(
        `  round ${round}: live in ${live.toFixed(1)} s (the build ${done.seconds.toFixed(1)} s), ${page}`,
      );
    }
    return { full, rounds: results };
  } finally {
    for (const child of children) child.kill();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    if (!process.env.RALLY_BENCH_KEEP) rmSync(root, { recursive: true, force: true });
  }
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
await requireFreePorts([ports.site, ports.api], 'pnpm bench:publish');
console.log(`Publishing one story, ${rounds} rounds a scenario. Load: ${load()}.`);
const rows: string[] = [];
for (const extra of scales) {
  const { full, rounds: results } = await scenario(extra);
  const live = median(results.map((r) => r.live));
  const build = median(results.map((r) => r.build));
  const target = targets[extra];
  rows.push(
    `| ${extra === 0 ? 'demo content' : `demo + ${extra} stories`} | ${live.toFixed(1)} | ${build.toFixed(1)} | ${full.toFixed(1)} | ${(live / full).toFixed(2)} | ${target ? `≤ ${target} s ${live <= target ? '✓' : '✗'}` : ''} |`,
  );
}
console.log(`\nLoad after: ${load()}.\n`);
console.log('| content | publish → served (s) | its build (s) | full build (s) | ratio | target |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) console.log(row);
