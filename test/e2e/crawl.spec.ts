/**
 * A crawl of the built sites on disk: every link, image, script and stylesheet address in every page
 * of every site — to its own pages or to another site's — leads to a file that is there, so any one
 * folder of dist/sites/ can be deployed alone without a broken link.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { sitesDir } from '../../sites/integrations/microsites.ts';

/** Each site folder with the origin its pages declare as canonical. */
function sites(): Map<string, string> {
  const byOrigin = new Map<string, string>();
  for (const name of readdirSync(sitesDir)) {
    const home = readFileSync(join(sitesDir, name, 'index.html'), 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(home)![1]!;
    byOrigin.set(new URL(canonical).origin, join(sitesDir, name));
  }
  return byOrigin;
}

function addressesIn(html: string): string[] {
  const found = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
  for (const [, srcset] of html.matchAll(/\ssrcset="([^"]+)"/g))
    found.push(...srcset!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
  return found.map((address) => address.replaceAll('&amp;', '&'));
}

function fileFor(folder: string, pathname: string): string {
  const path = decodeURIComponent(pathname);
  return join(folder, path.endsWith('/') ? `${path}index.html` : path);
}

// The files on disk are the same for every browser: one project reads them.
test('no internal link in any built site is broken', { tag: '@once' }, () => {
  const byOrigin = sites();
  expect(byOrigin.size).toBeGreaterThanOrEqual(9);
  const broken: string[] = [];
  let checked = 0;
  for (const [origin, folder] of byOrigin) {
    const pages = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    );
    for (const page of pages) {
      const pageUrl = new URL(`/${page.replace(/index\.html$/, '')}`, origin);
      for (const address of addressesIn(readFileSync(join(folder, page), 'utf8'))) {
        const target = new URL(address, pageUrl);
        const targetFolder = byOrigin.get(target.origin);
        if (!targetFolder) continue; // The API, or a link out of the organization's sites.
        checked++;
        if (!existsSync(fileFor(targetFolder, target.pathname)))
          broken.push(`${relative(sitesDir, join(folder, page))} → ${target.href}`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(1000);
});

test('every site has its sitemap, robots.txt, feeds and widget bundle', { tag: '@once' }, () => {
  for (const [origin, folder] of sites()) {
    const robots = readFileSync(join(folder, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
    const sitemap = readFileSync(join(folder, 'sitemap.xml'), 'utf8');
    for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      expect(new URL(loc!).origin).toBe(origin);
      expect(existsSync(fileFor(folder, new URL(loc!).pathname)), loc).toBe(true);
    }
    expect(existsSync(join(folder, 'widgets/rally.js'))).toBe(true);
    if (folder.endsWith('hub')) continue;
    for (const prefix of ['', 'es/']) {
      const rss = readFileSync(join(folder, prefix, 'feed.xml'), 'utf8');
      expect(rss).toContain('<rss');
      const feed = JSON.parse(readFileSync(join(folder, prefix, 'spotlights.json'), 'utf8'));
      const spotlights = feed._embedded['rally:spotlights'];
      expect(spotlights.length).toBeGreaterThan(0);
      for (const spotlight of spotlights) {
        const photo = new URL(spotlight.photo.src);
        expect(photo.origin).toBe(origin);
        expect(existsSync(fileFor(folder, photo.pathname)), photo.href).toBe(true);
      }
    }
  }
});
