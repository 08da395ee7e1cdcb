/**
 * `pnpm bench:build`: how Rally's site generation scales. Generates N synthetic member spotlights
 * (1,000 by default) as MDX, then, in the same run, builds (a) Rally's sites from them — every
 * spotlight gets a page on its region's and its sector's microsite, in English and Spanish — and
 * (b) a bare Astro project with only @astrojs/mdx turning the same files into one plain page each,
 * and (c) the same bare project making a plain page of each file on each of Rally's four routes.
 * The three builds run in turn, several rounds over (3 by default), each one cold; a round's
 * ratios compare builds made minutes apart, so a busy spell on this shared machine spoils one
 * round, not the result. Prints every round, the median times and ratios — to (b) (target ≤ 1.3)
 * and to (c) — pages per build, seconds per 1,000 pages (target ≤ 20) and each build's peak memory.
 *
 * `RALLY_BENCH_SPOTLIGHTS` sets how many stories, `RALLY_BENCH_ROUNDS` how many rounds;
 * `RALLY_BENCH_KEEP=1` keeps the generated projects (their folder is printed) to look into a
 * slow build.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { locales } from '@rally/core';
import { syntheticStory } from './support.ts';

const count = Number(process.env.RALLY_BENCH_SPOTLIGHTS ?? 1000);
const rounds = Number(process.env.RALLY_BENCH_ROUNDS ?? 3);
const project = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'rally-bench-build-'));

/** Rally, copied with its real sources and content plus the synthetic spotlights. */
function rallyProject(): string {
  const root = join(work, 'rally');
  for (const entry of [
    'sites',
    'content',
    'public',
    'packages',
    'docs', // The hub publishes the embedding guide from it.
    'astro.config.mjs',
    'package.json',
    'rally.config.json',
    'tsconfig.json',
  ]) {
    cpSync(join(project, entry), join(root, entry), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
  }
  symlinkSync(join(project, 'node_modules'), join(root, 'node_modules'));
  cpSync(join(project, 'dist/widgets'), join(root, 'dist/widgets'), { recursive: true });
  const folder = join(root, 'content/spotlights/en');
  for (let i = 0; i < count; i++) writeFileSync(join(folder, `bench-${i}.mdx`), syntheticStory(i));
  return root;
}

/**
 * A bare Astro project: the same MDX files as plain pages, nothing else. With `everySite`, each
 * file becomes a plain page on the same routes Rally gives it (its region's and its sector's site,
 * in each language), so the two builds make about as many pages.
 */
function bareProject(name: string, everySite: boolean): string {
  const root = join(work, name);
  const page = everySite ? 'src/pages/[site]/[lang]/[id].astro' : 'src/pages/[id].astro';
  mkdirSync(join(root, page, '..'), { recursive: true });
  mkdirSync(join(root, 'content'), { recursive: true });
  symlinkSync(join(project, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()] };\n",
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  spotlights: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content' }) }),
};
`,
  );
  const paths = everySite
    ? `(await getCollection('spotlights')).flatMap((entry) =>
    ['region', 'sector'].flatMap((site) =>
      ${JSON.stringify(locales)}.map((lang) => ({ params: { site, lang, id: entry.id }, props: { entry } })),
    ),
  )`
    : `(await getCollection('spotlights')).map((entry) => ({ params: { id: entry.id }, props: { entry } }))`;
  writeFileSync(
    join(root, page),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return ${paths};
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><title>{entry.data.name}</title></head><body><h1>{entry.data.name}</h1><Content /></body></html>
`,
  );
  for (let i = 0; i < count; i++)
    writeFileSync(join(root, 'content', `bench-${i}.mdx`), syntheticStory(i));
  return root;
}

interface Run {
  seconds: number;
  peakMb: number;
}

function timeBuild({ root, outputs }: Build): Run {
  const script = join(project, 'test/bench/build-once.ts');
  const output = execFileSync(process.execPath, [script, root, ...outputs], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as Run;
}

function htmlPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))
    .length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One of the three builds compared, and its runs so far. */
interface Build {
  label: string;
  root: string;
  /** Where its pages land. */
  output: string;
  /** What a build writes, removed before the next (relative to the root). */
  outputs: string[];
  runs: Run[];
}

function build(
  label: string,
  root: string,
  outputs = ['dist'],
  output = join(root, 'dist'),
): Build {
  return { label, root, output, outputs, runs: [] };
}

const medianSeconds = (b: Build) => median(b.runs.map((run) => run.seconds));
/** Each round's ratio of one build's time to another's. */
const ratios = (of: Build, to: Build) => of.runs.map((run, i) => run.seconds / to.runs[i]!.seconds);
const listed = (values: number[], digits: number) =>
  values.map((value) => value.toFixed(digits)).join(', ');

try {
  console.log(`Generating ${count} synthetic spotlights…`);
  const bare = build('bare Astro + MDX, one page per file (baseline)', bareProject('bare', false));
  const bareEverySite = build(
    'bare Astro + MDX, on Rally’s four routes per file',
    bareProject('bare-every-site', true),
  );
  const rallyRoot = rallyProject();
  // Rally's dist/ also holds the widget bundle its build copies into every site.
  const rally = build(
    'Rally (every site, EN + ES)',
    rallyRoot,
    ['dist/.site-build', 'dist/sites'],
    join(rallyRoot, 'dist/sites'),
  );
  const builds = [bare, bareEverySite, rally];
  for (let round = 1; round <= rounds; round++) {
    for (const each of builds) {
      console.log(`Round ${round} of ${rounds}: ${each.label}…`);
      each.runs.push(timeBuild(each));
    }
  }
  const pages = new Map(builds.map((each) => [each, htmlPages(each.output)]));
  const per1000 = (each: Build) => (medianSeconds(each) / pages.get(each)!) * 1000;
  const rows = builds.map((each) =>
    [
      each.label,
      pages.get(each),
      medianSeconds(each).toFixed(1),
      listed(
        each.runs.map((run) => run.seconds),
        1,
      ),
      per1000(each).toFixed(1),
      Math.round(Math.max(...each.runs.map((run) => run.peakMb))),
    ].join(' | '),
  );
  const wholeBuild = ratios(rally, bare);
  const asManyPages = ratios(rally, bareEverySite);
  console.log(`
| build | pages | median seconds | each round | seconds per 1,000 pages | peak memory MB |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.map((row) => `| ${row} |`).join('\n')}

Ratio Rally / bare, whole build: ${median(wholeBuild).toFixed(2)}, the median of ${listed(wholeBuild, 2)} (target ≤ 1.3)
Ratio Rally / bare making as many pages: ${median(asManyPages).toFixed(2)}, the median of ${listed(asManyPages, 2)}
Ratio per page: ${(per1000(rally) / per1000(bare)).toFixed(2)}
Rally: ${per1000(rally).toFixed(1)} s per 1,000 pages (target ≤ 20)`);
} finally {
  if (!process.env.RALLY_BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
