/**
 * `pnpm bench:sites`: Lighthouse's four scores, mobile profile, for a home, a spotlight, a petition
 * and an event page of a generated microsite, served on its own origin with the API running, as a
 * visitor meets them. Target: 100 in performance, accessibility, best practices and SEO.
 * The sites are built for this benchmark's ports first; the widget bundle must be built already.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyDated } from '../../scripts/dated-content.ts';
import { localSiteEnvironment, localSiteOrigins } from '../../scripts/serve-sites.ts';
import { median, runLighthouse, start, type Category } from './support.ts';

const ports = { sites: 4629, api: 4631 };
const runs = Number(process.env.RALLY_BENCH_RUNS ?? 3);
const microsite = `http://louisiana.localhost:${ports.sites}`;
const pages = {
  home: `${microsite}/`,
  'home (es)': `${microsite}/es/`,
  spotlight: `${microsite}/spotlights/marisol-reyes/`,
  petition: `${microsite}/petitions/fair-wages-home-care/`,
  event: `${microsite}/events/new-orleans-home-care-meeting/`,
};
const categories: Category[] = ['performance', 'accessibility', 'best-practices', 'seo'];

// The demo's events and petitions brought ahead of today, so the event page measured always
// carries its RSVP form, as a visitor finds it, not the note that the event is over.
// In one folder every run, so the build's cache for it (lib/content-dir.ts) is reused.
const contentDir = 'test-results/bench-sites-content';
copyDated('content', contentDir);

console.log('Building the sites for this benchmark’s ports…');
execFileSync('node_modules/.bin/astro', ['build', '--silent'], {
  env: {
    ...process.env,
    ...localSiteEnvironment(ports.sites, ports.api),
    RALLY_CONTENT_DIR: contentDir,
  },
  stdio: 'inherit',
});

const dataDir = mkdtempSync(join(tmpdir(), 'rally-bench-sites-'));
const api = await start(
  process.execPath,
  ['packages/api/src/server.ts'],
  {
    PORT: String(ports.api),
    RALLY_DATA_DIR: join(dataDir, 'db'),
    RALLY_CONTENT_DIR: contentDir,
    RALLY_ALLOWED_ORIGINS: localSiteOrigins(ports.sites).join(','),
    RALLY_ADMIN_TOKEN: 'sites-benchmark-token-0123456789abcd',
  },
  /Rally API:/,
);
const sites = await start(
  process.execPath,
  ['scripts/serve-sites.ts', '--port', String(ports.sites)],
  {},
  /Sites on/,
);

try {
  console.log(`\nLighthouse, mobile profile, median of ${runs} run(s) per page:\n`);
  console.log('| page | performance | accessibility | best practices | SEO | LCP ms | CLS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const below: string[] = [];
  for (const [name, url] of Object.entries(pages)) {
    const reports: Awaited<ReturnType<typeof runLighthouse>>[] = [];
    for (let run = 0; run < runs; run++) reports.push(await runLighthouse(url, categories));
    const scoreOf = (category: Category) =>
      median(reports.map((r) => Math.round((r.categories[category]!.score ?? 0) * 100)));
    const scores = categories.map(scoreOf);
    const lcp = median(reports.map((r) => r.audits['largest-contentful-paint']!.numericValue!));
    const cls = median(reports.map((r) => r.audits['cumulative-layout-shift']!.numericValue!));
    console.log(`| ${name} | ${scores.join(' | ')} | ${Math.round(lcp)} | ${cls.toFixed(3)} |`);
    categories.forEach((category, index) => {
      if (scores[index]! < 100) {
        const failing = Object.values(reports[0]!.audits)
          .filter(
            (audit) =>
              audit.score !== null &&
              audit.score < 1 &&
              audit.scoreDisplayMode !== 'informative' &&
              audit.scoreDisplayMode !== 'notApplicable',
          )
          .map((audit) => audit.id);
        below.push(`${name} ${category} ${scores[index]}: ${failing.join(', ')}`);
      }
    });
  }
  console.log(below.length ? `\nBelow 100:\n${below.join('\n')}` : '\nEvery score is 100.');
} finally {
  api.kill('SIGTERM');
  sites.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
